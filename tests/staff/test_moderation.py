"""The moderation queue: postings, pending edits, organisations — transitions, mails, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.extensions import db
from portal.models import (
    MembershipRole,
    OrganisationStatus,
    PostingStatus,
    RevisionStatus,
    utcnow,
)
from portal.services import postings, staff
from tests.factories import MembershipFactory, OrganisationFactory, PostingFactory
from tests.staff.conftest import events, lang_of, mails, text_of


def _queue_titles(html: str, section: str) -> str:
    start = html.index(f'id="queue-{section}"')
    end = html.find("</section>", start)
    return html[start:end]


# --- the queue -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_queue_lists_waiting_items_oldest_first(as_staff, organisation, owner, lang):
    newer = PostingFactory(
        organisation=organisation,
        status=PostingStatus.SUBMITTED,
        submitted_at=utcnow() - timedelta(hours=1),
        texts={"de": "Neuere Anzeige", "en": "Newer posting"},
    )
    older = PostingFactory(
        organisation=organisation,
        status=PostingStatus.SUBMITTED,
        submitted_at=utcnow() - timedelta(days=2),
        texts={"de": "Ältere Anzeige", "en": "Older posting"},
    )
    PostingFactory(texts={"de": "Schon online"})  # published: not in the queue
    pending = OrganisationFactory(name="Neu GmbH", status=OrganisationStatus.PENDING)
    html = as_staff.get(f"/{lang}/staff/").get_data(as_text=True)
    section = _queue_titles(html, "postings")
    first, second = ("Ältere", "Neuere") if lang == "de" else ("Older", "Newer")
    assert section.index(first) < section.index(second)
    assert "Schon online" not in html
    assert pending.name in _queue_titles(html, "organisations")
    assert [p.id for p in staff.submitted_postings()] == [older.id, newer.id]


def test_queue_says_when_nothing_waits(as_staff):
    html = as_staff.get("/en/staff/").get_data(as_text=True)
    assert "Nothing is waiting" in html


# --- approve, reject, suspend ------------------------------------------------------------------


def test_approve_publishes_mails_the_employer_and_is_audited(as_staff, staff, submitted, owner):
    response = as_staff.post(f"/de/staff/postings/{submitted.id}/approve")
    assert response.status_code == 303
    db.session.refresh(submitted)
    assert submitted.status == PostingStatus.PUBLISHED and submitted.is_public()
    [mail] = mails(owner.email)
    assert lang_of(mail) == "de" and "ist online" in mail["Subject"]
    [event] = events("posting.approve", submitted.id)
    assert event.actor_id == staff.id
    assert event.details == {"before": "submitted", "after": "published"}


@pytest.mark.parametrize(
    ("locale", "subject", "body"),
    [
        ("de", "wurde nicht freigegeben", "Begründung:"),
        ("en", "was not approved", "Reason:"),
    ],
)
def test_rejection_mail_is_in_the_employers_language(
    as_staff, submitted, owner, locale, subject, body
):
    owner.locale = locale
    db.session.flush()
    response = as_staff.post(
        f"/en/staff/postings/{submitted.id}/reject", data={"reason": "Bitte Gehalt angeben."}
    )
    assert response.status_code == 303
    db.session.refresh(submitted)
    assert submitted.status == PostingStatus.REJECTED
    assert submitted.rejection_reason == "Bitte Gehalt angeben."
    [mail] = mails(owner.email)
    assert lang_of(mail) == locale
    assert subject in mail["Subject"]
    assert body in text_of(mail) and "Bitte Gehalt angeben." in text_of(mail)
    [event] = events("posting.reject", submitted.id)
    assert event.details["reason"] == "Bitte Gehalt angeben."


@pytest.mark.parametrize(
    ("lang", "message"), [("de", "Bitte füllen Sie dieses Feld aus."), ("en", "Please fill in")]
)
def test_reject_needs_a_reason_and_keeps_the_input(as_staff, submitted, lang, message):
    response = as_staff.post(f"/{lang}/staff/postings/{submitted.id}/reject", data={"reason": " "})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    too_long = "x" * 2001
    response = as_staff.post(
        f"/{lang}/staff/postings/{submitted.id}/reject", data={"reason": too_long}
    )
    assert response.status_code == 400
    assert too_long in response.get_data(as_text=True)  # nothing typed is lost
    db.session.refresh(submitted)
    assert submitted.status == PostingStatus.SUBMITTED
    assert mails() == []


def test_double_approval_gives_a_clear_409(as_staff, submitted):
    assert as_staff.post(f"/en/staff/postings/{submitted.id}/approve").status_code == 303
    again = as_staff.post(f"/en/staff/postings/{submitted.id}/approve")
    assert again.status_code == 409
    html = again.get_data(as_text=True)
    assert "is not possible for a posting that is" in html
    assert len(events("posting.approve", submitted.id)) == 1


def test_approving_a_posting_the_owner_just_closed_is_refused(as_staff, published, owner):
    """Staff had the page open; meanwhile the owner closed the posting."""
    postings.close(published, owner)
    db.session.commit()
    response = as_staff.post(f"/de/staff/postings/{published.id}/approve")
    assert response.status_code == 409
    assert "ist für eine Anzeige mit dem Status" in response.get_data(as_text=True)
    db.session.refresh(published)
    assert published.status == PostingStatus.CLOSED


def test_reject_after_approval_is_refused_and_mails_nothing(as_staff, submitted, owner):
    as_staff.post(f"/en/staff/postings/{submitted.id}/approve")
    before = len(mails())
    response = as_staff.post(
        f"/en/staff/postings/{submitted.id}/reject", data={"reason": "Too late"}
    )
    assert response.status_code == 409
    assert "is not possible for a posting that is" in response.get_data(as_text=True)
    assert len(mails()) == before
    db.session.refresh(submitted)
    assert submitted.status == PostingStatus.PUBLISHED


def test_a_posting_of_a_pending_organisation_cannot_be_approved(as_staff, owner):
    org = OrganisationFactory(status=OrganisationStatus.PENDING)
    posting = PostingFactory(organisation=org, status=PostingStatus.SUBMITTED)
    response = as_staff.post(f"/en/staff/postings/{posting.id}/approve")
    assert response.status_code == 409
    assert "Approve the organisation first" in response.get_data(as_text=True)
    html = as_staff.get(f"/en/staff/postings/{posting.id}").get_data(as_text=True)
    assert "Approve and publish" not in html


def test_suspend_takes_a_posting_offline_and_tells_the_employer(as_staff, staff, published, owner):
    owner.locale = "en"
    published.featured_until = utcnow() + timedelta(days=3)
    db.session.flush()
    response = as_staff.post(
        f"/de/staff/postings/{published.id}/suspend",
        data={"suspend-reason": "Fake company address."},
    )
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.status == PostingStatus.SUSPENDED and not published.is_public()
    assert published.featured_until is None
    [mail] = mails(owner.email)
    assert lang_of(mail) == "en" and "suspended" in mail["Subject"]
    assert "Fake company address." in text_of(mail) and "Art. 17" in text_of(mail)
    assert events("posting.suspend", published.id)[0].details["reason"] == "Fake company address."
    assert events("posting.unfeature", published.id)


def test_suspend_a_draft_is_refused(as_staff, organisation):
    draft = PostingFactory(organisation=organisation, status=PostingStatus.DRAFT)
    response = as_staff.post(
        f"/en/staff/postings/{draft.id}/suspend", data={"suspend-reason": "No"}
    )
    assert response.status_code == 409


def test_review_page_shows_the_whole_posting_and_the_compliance_panel(as_staff, submitted):
    html = as_staff.get(f"/en/staff/postings/{submitted.id}").get_data(as_text=True)
    assert "Optikingenieur*in" in html and "Optical engineer" in html
    assert "We build lenses." in html and "Wir bauen Linsen." in html
    assert "Compliance check" in html
    assert 'data-code="pay_missing"' in html  # the factory states no pay
    assert "Approve and publish" in html and "Reject the posting" in html


# --- pending edits of published postings -----------------------------------------------------


@pytest.fixture
def revision(published, owner):
    data = postings.posting_data(published)
    data["texts"]["de"]["title"] = "Laserphysiker*in (Teilzeit möglich)"
    data["texts"]["de"]["body"] = "Wir bauen Laser.\n\nNeu: Homeoffice."
    data["employment"] = "either"
    return postings.save_edit(published, data, owner) and postings.pending_revision(published)


def test_review_shows_a_field_by_field_diff(as_staff, published, revision):
    html = as_staff.get(f"/en/staff/postings/{published.id}").get_data(as_text=True)
    assert 'id="changes-heading"' in html
    assert "<del>Laserphysiker*in</del>" in html
    assert "<ins>Laserphysiker*in (Teilzeit möglich)</ins>" in html
    assert "<del>Full-time</del>" in html and "<ins>Full- or part-time</ins>" in html
    assert 'class="diff__line"><span class="visually-hidden">added: </span>Neu: Homeoffice.' in html
    diff = staff.revision_diff(revision)
    assert {(c.key, c.lang) for c in diff} == {
        ("employment", None),
        ("title", "de"),
        ("body", "de"),
    }


def test_the_queue_lists_pending_edits(as_staff, published, revision):
    html = as_staff.get("/en/staff/").get_data(as_text=True)
    assert f"/en/staff/postings/{published.id}#changes-heading" in html


def test_approve_a_pending_edit(as_staff, staff, published, revision, owner):
    response = as_staff.post(f"/de/staff/revisions/{revision.id}/approve")
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.text("de").title == "Laserphysiker*in (Teilzeit möglich)"
    db.session.refresh(revision)
    assert revision.status == RevisionStatus.APPROVED
    assert events("posting.revision_approve", published.id)[0].actor_id == staff.id
    assert mails(owner.email)
    again = as_staff.post(f"/de/staff/revisions/{revision.id}/approve")
    assert again.status_code == 409  # decided already


def test_reject_a_pending_edit_keeps_the_published_version(as_staff, published, revision, owner):
    owner.locale = "en"
    db.session.flush()
    response = as_staff.post(
        f"/en/staff/revisions/{revision.id}/reject", data={"revision-reason": "Keep the title."}
    )
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.text("de").title == "Laserphysiker*in"
    [mail] = mails(owner.email)
    assert "changes" in mail["Subject"] and "Keep the title." in text_of(mail)


# --- organisations ---------------------------------------------------------------------------


@pytest.fixture
def pending_org():
    org = OrganisationFactory(name="Frisch GmbH", status=OrganisationStatus.PENDING, member=False)
    owner = MembershipFactory(organisation=org, role=MembershipRole.OWNER).user
    owner.locale = "en"
    MembershipFactory(organisation=org, role=MembershipRole.EDITOR)
    db.session.flush()
    return org, owner


def test_approve_a_pending_organisation_mails_its_owners(as_staff, staff, pending_org):
    org, owner = pending_org
    response = as_staff.post(f"/de/staff/organisations/{org.id}/approve")
    assert response.status_code == 303
    db.session.refresh(org)
    assert org.status == OrganisationStatus.APPROVED
    assert [m["To"] for m in mails()] == [owner.email]  # owners only, not the editor
    assert lang_of(mails()[0]) == "en" and "approved" in mails()[0]["Subject"]
    [event] = events("organisation.approve", org.id)
    assert (
        event.details == {"before": "pending", "after": "approved"} and event.actor_id == staff.id
    )
    assert as_staff.post(f"/de/staff/organisations/{org.id}/approve").status_code == 409


def test_reject_a_pending_organisation_needs_a_reason(as_staff, pending_org):
    org, owner = pending_org
    response = as_staff.post(f"/en/staff/organisations/{org.id}/reject", data={"reject-reason": ""})
    assert response.status_code == 400
    response = as_staff.post(
        f"/en/staff/organisations/{org.id}/reject", data={"reject-reason": "Not photonics."}
    )
    assert response.status_code == 303
    db.session.refresh(org)
    assert org.status == OrganisationStatus.REJECTED
    [mail] = mails(owner.email)
    assert "Not photonics." in text_of(mail)
    assert events("organisation.reject", org.id)[0].details["reason"] == "Not photonics."


def test_suspend_an_organisation_suspends_its_published_postings(
    as_staff, organisation, owner, published
):
    response = as_staff.post(
        f"/en/staff/organisations/{organisation.id}/suspend",
        data={"suspend-reason": "Repeated fake postings."},
    )
    assert response.status_code == 303
    db.session.refresh(organisation)
    db.session.refresh(published)
    assert organisation.status == OrganisationStatus.SUSPENDED
    assert published.status == PostingStatus.SUSPENDED
    assert events("posting.suspend", published.id)
    response = as_staff.post(f"/en/staff/organisations/{organisation.id}/reinstate")
    assert response.status_code == 303
    db.session.refresh(organisation)
    assert organisation.status == OrganisationStatus.APPROVED
    assert events("organisation.reinstate", organisation.id)


def test_mark_an_organisation_trusted_and_member(as_staff, organisation):
    organisation.member = False
    db.session.flush()
    response = as_staff.post(
        f"/en/staff/organisations/{organisation.id}/flags",
        data={"auto_publish": "y", "member": "y"},
    )
    assert response.status_code == 303
    db.session.refresh(organisation)
    assert organisation.auto_publish and organisation.member
    [event] = events("organisation.flags", organisation.id)
    assert event.details["before"] == {"auto_publish": False, "member": False}
    assert event.details["after"] == {"auto_publish": True, "member": True}
    # Unchanged: nothing recorded.
    as_staff.post(
        f"/en/staff/organisations/{organisation.id}/flags",
        data={"auto_publish": "y", "member": "y"},
    )
    assert len(events("organisation.flags", organisation.id)) == 1


def test_a_pending_organisation_cannot_be_trusted(as_staff, pending_org):
    org, _owner = pending_org
    response = as_staff.post(f"/en/staff/organisations/{org.id}/flags", data={"auto_publish": "y"})
    assert response.status_code == 409
    db.session.refresh(org)
    assert not org.auto_publish


def test_trusted_organisations_then_publish_without_moderation(as_staff, organisation, owner):
    as_staff.post(f"/en/staff/organisations/{organisation.id}/flags", data={"auto_publish": "y"})
    db.session.refresh(organisation)
    draft = PostingFactory(
        organisation=organisation, status=PostingStatus.DRAFT, created_by_id=owner.id
    )
    draft.texts[0].body = "Text"
    postings.submit(draft, owner)
    assert draft.status == PostingStatus.PUBLISHED


def test_organisation_page_shows_team_postings_and_history(
    as_staff, organisation, owner, published
):
    as_staff.post(f"/en/staff/organisations/{organisation.id}/flags", data={"member": ""})
    html = as_staff.get(f"/en/staff/organisations/{organisation.id}").get_data(as_text=True)
    assert owner.email in html and "Laserphysiker*in" in html
    assert "organisation.flags" in html


def test_organisation_list_filters(as_staff, pending_org, organisation):
    org, _ = pending_org
    html = as_staff.get("/en/staff/organisations?status=pending").get_data(as_text=True)
    assert org.name in html and organisation.name not in html
    html = as_staff.get("/en/staff/organisations?q=frisch").get_data(as_text=True)
    assert org.name in html and organisation.name not in html
