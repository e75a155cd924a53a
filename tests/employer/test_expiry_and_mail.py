"""`flask portal expire` and the mails of the posting lifecycle, in the recipient's language."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import AuditEvent, MembershipRole, PostingStatus, Role, utcnow
from portal.services import postings
from tests.employer.conftest import html_of, lang_of, links_in, mails, text_of
from tests.factories import MembershipFactory, PostingFactory, UserFactory

S = PostingStatus


def test_expire_is_idempotent_and_warns_once(runner, organisation, owner, editor):
    now = utcnow()
    overdue = PostingFactory(organisation=organisation, expires_at=now - timedelta(hours=1))
    soon = PostingFactory(
        organisation=organisation,
        expires_at=now + timedelta(days=3),
        texts={"de": "Optiker*in (bald)"},
    )
    later = PostingFactory(organisation=organisation, expires_at=now + timedelta(days=20))
    draft_overdue = PostingFactory(
        organisation=organisation, status=S.DRAFT, expires_at=now - timedelta(days=1)
    )
    db.session.commit()

    result = runner.invoke(args=["portal", "expire"])
    assert result.exit_code == 0, result.output
    assert "expired 1 postings, warned about 1 (1 mails)" in result.output
    db.session.expire_all()
    assert overdue.status == S.EXPIRED
    assert soon.status == S.PUBLISHED and soon.expiry_warned_at is not None
    assert later.status == S.PUBLISHED and later.expiry_warned_at is None
    assert draft_overdue.status == S.DRAFT
    # only owners are warned, once
    [mail] = mails()
    assert mail["To"] == owner.email
    assert f"/de/employer/postings/{soon.id}" in links_in(mail)
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "posting.expire")
    ).one()
    assert event.object_id == overdue.id and event.actor_id is None

    second = runner.invoke(args=["portal", "expire"])
    assert second.exit_code == 0
    assert "expired 0 postings, warned about 0 (0 mails)" in second.output
    assert len(mails()) == 1


def test_extending_after_the_warning_warns_again_later(runner, organisation, owner):
    soon = PostingFactory(organisation=organisation, expires_at=utcnow() + timedelta(days=2))
    db.session.commit()
    runner.invoke(args=["portal", "expire"])
    db.session.refresh(soon)
    postings.extend(soon, owner, 30)
    assert soon.expiry_warned_at is None
    db.session.commit()
    assert "warned about 0" in runner.invoke(args=["portal", "expire"]).output


def test_expire_refuses_to_mail_without_server_name(app, runner, organisation, owner):
    PostingFactory(organisation=organisation, expires_at=utcnow() + timedelta(days=2))
    db.session.commit()
    app.config["SERVER_NAME"] = None
    try:
        result = runner.invoke(args=["portal", "expire"])
    finally:
        app.config["SERVER_NAME"] = "portal.test"
    assert result.exit_code != 0 and "SERVER_NAME" in result.output
    assert mails() == []


@pytest.mark.parametrize(
    ("locale", "subject", "link_lang"),
    [("de", "läuft am", "de"), ("en", "expires on", "en")],
)
def test_expiry_warning_in_the_owners_language(organisation, locale, subject, link_lang):
    user = UserFactory(locale=locale)
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.OWNER)
    posting = PostingFactory(
        organisation=organisation,
        expires_at=utcnow() + timedelta(days=5),
        texts={"de": "Optiker*in", "en": "Optician"},
    )
    postings.warn_expiry(posting)
    [mail] = mails(user.email)
    assert lang_of(mail) == locale
    assert subject in mail["Subject"]
    assert ("Optiker*in" if locale == "de" else "Optician") in mail["Subject"]
    assert f"/{link_lang}/employer/postings/{posting.id}" in links_in(mail)
    assert "<a href=" in html_of(mail)


@pytest.mark.parametrize("locale", ["de", "en"])
def test_published_and_rejected_mails(organisation, owner, locale):
    author = UserFactory(locale=locale)
    MembershipFactory(user=author, organisation=organisation, role=MembershipRole.EDITOR)
    staff_user = UserFactory(role=Role.STAFF)
    posting = PostingFactory(
        organisation=organisation,
        status=S.SUBMITTED,
        created_by_id=author.id,
        texts={
            "de": {"title": "Optiker*in", "body": "x"},
            "en": {"title": "Optician", "body": "x"},
        },
    )
    postings.reject(posting, staff_user, "Bitte das Gehalt angeben. / Please state the pay.")
    [rejected] = mails(author.email)
    assert lang_of(rejected) == locale
    assert ("nicht freigegeben" if locale == "de" else "was not approved") in rejected["Subject"]
    assert "Bitte das Gehalt angeben." in text_of(rejected)
    assert f"/{locale}/employer/postings/{posting.id}/edit" in links_in(rejected)
    assert len(mails(owner.email)) == 1  # owners hear of it too

    postings.revise(posting, author)
    postings.submit(posting, author)
    postings.approve(posting, staff_user)
    published = mails(author.email)[-1]
    assert ("ist online" if locale == "de" else "is online") in published["Subject"]
    assert any(link.startswith(f"/{locale}/jobs/{posting.id}-") for link in links_in(published))


def test_editors_who_did_not_write_the_posting_get_no_mail(organisation, owner, editor):
    posting = PostingFactory(organisation=organisation, status=S.SUBMITTED, created_by_id=owner.id,
                             texts={"de": {"title": "Optiker*in", "body": "x"}})  # fmt: skip
    postings.approve(posting, UserFactory(role=Role.STAFF))
    assert mails(editor.email) == [] and len(mails(owner.email)) == 1
