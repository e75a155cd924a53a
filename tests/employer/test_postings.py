"""Writing, previewing, submitting, editing, extending, closing and duplicating postings."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import (
    OrganisationStatus,
    Posting,
    PostingRevision,
    PostingStatus,
    RevisionStatus,
    Role,
    utcnow,
)
from portal.services import postings
from tests.employer.conftest import posting_form
from tests.factories import OrganisationFactory, PostingFactory, UserFactory

S = PostingStatus


def _postings_of(organisation) -> list[Posting]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Posting)
            .where(Posting.organisation_id == organisation.id)
            .order_by(Posting.id)
        )
    )


def _body(response) -> str:
    return response.get_data(as_text=True)


# --- creating ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_create_a_bilingual_draft(client_for, owner, organisation, topics, lang):
    form = posting_form(
        topics=["laser-technology", "software-embedded"],
        **{"locations-1-city": "Erfurt", "locations-1-postcode": "99084"},
        deadline=(date.today() + timedelta(days=20)).isoformat(),
        start_date="",
        visa_support="y",
        leadership="y",
        employment="part_time",
    )
    response = client_for(owner).post(f"/{lang}/employer/postings/new", data=form)
    assert response.status_code == 303
    [posting] = _postings_of(organisation)
    assert response.headers["Location"].endswith(f"/{lang}/employer/postings/{posting.id}/edit")
    assert posting.status == S.DRAFT
    assert posting.created_by_id == owner.id
    assert posting.langs == ["de", "en"]
    assert posting.text("de").title == "Entwicklungsingenieur*in Optik"
    assert posting.text("en").body.startswith("You design **optics**")
    assert [(loc.city, loc.postcode, loc.country) for loc in posting.locations] == [
        ("Jena", "07745", "DE"),
        ("Erfurt", "99084", "DE"),
    ]
    assert [t.slug for t in posting.topics] == ["laser-technology", "software-embedded"]
    assert (posting.salary_min, posting.salary_max, posting.salary_period.value) == (
        52000,
        64000,
        "year",
    )
    assert posting.start_date is None  # as soon as possible
    assert posting.visa_support and posting.leadership
    assert posting.working_languages == ["de", "en"]
    assert (posting.german_level.value, posting.english_level.value) == ("B2", "C1")
    assert posting.external_id is None


def test_one_language_is_enough(client_for, owner, organisation):
    form = posting_form(
        **{f"de-{f}": "" for f in ("title", "summary", "body", "requirements", "offer")}
    )
    response = client_for(owner).post("/en/employer/postings/new", data=form)
    assert response.status_code == 303
    [posting] = _postings_of(organisation)
    assert posting.langs == ["en"]


def test_save_and_preview_goes_to_the_preview(client_for, owner, organisation):
    response = client_for(owner).post("/de/employer/postings/new", data=posting_form(preview="1"))
    [posting] = _postings_of(organisation)
    assert response.headers["Location"].endswith(f"/de/employer/postings/{posting.id}/preview")


BAD_INPUT = [
    ({"salary_min": "70000", "salary_max": "50000"}, "salary_max",
     {"en": "below the lower end", "de": "unter dem unteren"}),
    ({"salary_period": ""}, "salary_period",
     {"en": "per year, month or hour", "de": "pro Jahr, Monat oder Stunde"}),
    ({"apply_url": "", "apply_email": ""}, "apply_url",
     {"en": "where people can apply", "de": "für Bewerbungen an"}),
    ({"apply_url": "javascript:alert(1)"}, "apply_url", {"en": "", "de": ""}),
    ({"apply_url": "ftp://example.org/x"}, "apply_url", {"en": "https://", "de": "https://"}),
    ({"apply_email": "not-an-address"}, "apply_email", {"en": "", "de": ""}),
    ({"contact_email": "x@"}, "contact_email", {"en": "", "de": ""}),
    ({"locations-0-city": ""}, "locations-0-city",
     {"en": "at least one place of work", "de": "mindestens einen Arbeitsort"}),
    ({"locations-1-postcode": "99084"}, "locations-1-city",
     {"en": "city of this postcode", "de": "Ort zu dieser Postleitzahl"}),
    ({"locations-0-country": "Deutschland"}, "locations-0-country", {"en": "Two letters", "de": "Zwei Buchstaben"}),
    ({"de-summary": "x" * 301}, "de-summary", {"en": "300", "de": "300"}),
    ({"de-title": "T" * 201}, "de-title", {"en": "200", "de": "200"}),
    ({"de-body": ""}, "de-body", {"en": "describe the post", "de": "beschreiben Sie die Stelle"}),
    ({"en-title": "", "en-body": "", "en-summary": "", "en-requirements": "", "en-offer": "",
      "de-title": "", "de-body": "", "de-summary": "", "de-requirements": "", "de-offer": ""},
     "de-title", {"en": "at least one language", "de": "mindestens einer Sprache"}),
    ({"deadline": "31.02.2026"}, "deadline", {"en": "", "de": ""}),
    ({"salary_min": "-5"}, "salary_min", {"en": "", "de": ""}),
    ({"salary_min": "viel"}, "salary_min", {"en": "", "de": ""}),
    ({"working_languages": None}, "working_languages",
     {"en": "working language", "de": "Arbeitssprache"}),
    ({"kind": "astronaut"}, "kind", {"en": "", "de": ""}),
    ({"german_level": "native"}, "german_level", {"en": "", "de": ""}),
    ({"contact_name": "N" * 121}, "contact_name", {"en": "120", "de": "120"}),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("overrides", "field", "message"), BAD_INPUT)
def test_bad_input_is_400_with_message_and_input_kept(
    client_for, owner, organisation, lang, overrides, field, message
):
    form = posting_form(**overrides)
    response = client_for(owner).post(f"/{lang}/employer/postings/new", data=form)
    assert response.status_code == 400
    body = _body(response)
    assert f'id="{field}-error"' in body, field
    error = re.search(rf'id="{field}-error">(.*?)</p>', body, re.S).group(1)
    assert message[lang] in error
    assert error.strip()
    # what was typed is still there
    assert "Sie entwerfen **Optiken** für Hochleistungslaser." in body or "de-body" in overrides
    assert 'value="Dr. Ada Licht"' in body or "contact_name" in overrides
    assert _postings_of(organisation) == []


def test_form_never_asks_for_pay_history(client_for, owner):
    body = _body(client_for(owner).get("/en/employer/postings/new")).lower()
    for phrase in ("current salary", "previous salary", "salary history", "pay history",
                   "bisheriges gehalt", "gehaltshistorie"):  # fmt: skip
        assert phrase not in body


def test_markup_in_texts_is_escaped_in_the_form(client_for, owner, organisation):
    form = posting_form(**{"de-title": '<script>alert("x")</script> Ingenieur*in'})
    client_for(owner).post("/de/employer/postings/new", data=form)
    [posting] = _postings_of(organisation)
    body = _body(client_for(owner).get(f"/de/employer/postings/{posting.id}/edit"))
    assert '<script>alert("x")</script>' not in body
    assert "&lt;script&gt;" in body


# --- editing -------------------------------------------------------------------------------


def test_edit_shows_the_saved_values(client_for, owner, organisation, topics):
    client = client_for(owner)
    client.post("/en/employer/postings/new", data=posting_form(topics=["laser-technology"]))
    [posting] = _postings_of(organisation)
    body = _body(client.get(f"/en/employer/postings/{posting.id}/edit"))
    assert 'value="Entwicklungsingenieur*in Optik"' in body
    assert re.search(r'value="laser-technology"\s+checked', body)
    assert re.search(r'<option selected value="year">|<option value="year" selected', body)
    assert 'value="07745"' in body


def test_editing_a_rejected_posting_makes_it_a_draft(client_for, owner, organisation):
    posting = PostingFactory(
        organisation=organisation, status=S.REJECTED, rejection_reason="Gehalt?"
    )
    body = _body(client_for(owner).get(f"/de/employer/postings/{posting.id}/edit"))
    assert "Gehalt?" in body
    response = client_for(owner).post(
        f"/de/employer/postings/{posting.id}/edit", data=posting_form()
    )
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == S.DRAFT


def test_trusted_organisation_edits_go_live(client_for, owner, organisation, posting):
    organisation.auto_publish = True
    db.session.flush()
    response = client_for(owner).post(
        f"/en/employer/postings/{posting.id}/edit", data=posting_form()
    )
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == S.PUBLISHED
    assert posting.text("de").title == "Entwicklungsingenieur*in Optik"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PostingRevision)) == 0


def test_untrusted_edit_of_published_posting_waits_while_old_stays_online(
    client, client_for, owner, organisation, posting
):
    employer = client_for(owner)
    response = employer.post(f"/en/employer/postings/{posting.id}/edit", data=posting_form())
    assert response.status_code == 303
    db.session.expire_all()
    assert posting.status == S.PUBLISHED and posting.text("de").title == "Laserphysiker*in"
    revision = postings.pending_revision(posting)
    assert revision is not None and revision.created_by_id == owner.id
    assert revision.data["texts"]["de"]["title"] == "Entwicklungsingenieur*in Optik"

    # the public page still shows the approved version
    public = _body(client.get(f"/de/jobs/{posting.id}", follow_redirects=True))
    assert "Laserphysiker*in" in public and "Entwicklungsingenieur" not in public
    # the employer's preview and edit form show the pending version
    preview = _body(employer.get(f"/de/employer/postings/{posting.id}/preview"))
    assert "Entwicklungsingenieur*in Optik" in preview
    edit = _body(employer.get(f"/de/employer/postings/{posting.id}/edit"))
    assert 'value="Entwicklungsingenieur*in Optik"' in edit
    assert "Changes under review" in _body(employer.get("/en/employer/"))

    # a second edit updates the same pending revision
    employer.post(
        f"/en/employer/postings/{posting.id}/edit",
        data=posting_form(**{"de-title": "Optikingenieur*in"}),
    )
    db.session.expire_all()
    revisions = db.session.scalars(sa.select(PostingRevision)).all()
    assert len(revisions) == 1 and revisions[0].data["texts"]["de"]["title"] == "Optikingenieur*in"

    # staff approve it: now it is live
    staff_user = UserFactory(role=Role.STAFF)
    postings.approve_revision(revisions[0], staff_user)
    db.session.flush()
    assert posting.text("de").title == "Optikingenieur*in"
    assert revisions[0].status == RevisionStatus.APPROVED


def test_rejected_revision_keeps_the_posting_and_mails_the_reason(owner, organisation, posting):
    from tests.employer.conftest import mails, text_of

    postings.save_edit(posting, postings.posting_data(posting) | {"pay_scale": "E13"}, owner)
    revision = postings.pending_revision(posting)
    postings.reject_revision(revision, UserFactory(role=Role.STAFF), "Bitte Tarif ausschreiben.")
    assert revision.status == RevisionStatus.REJECTED and posting.pay_scale is None
    [mail] = mails(owner.email)
    assert "Bitte Tarif ausschreiben." in text_of(mail)


def test_withdraw_pending_changes(client_for, owner, organisation, posting):
    client = client_for(owner)
    client.post(f"/en/employer/postings/{posting.id}/edit", data=posting_form())
    response = client.post(f"/en/employer/postings/{posting.id}/revision/withdraw")
    assert response.status_code == 303
    db.session.expire_all()
    assert postings.pending_revision(posting) is None
    response = client.post(f"/en/employer/postings/{posting.id}/revision/withdraw")
    assert response.status_code == 404


def test_closing_drops_a_pending_revision(owner, posting):
    postings.save_edit(posting, postings.posting_data(posting), owner)
    revision = postings.pending_revision(posting)
    postings.close(posting, owner)
    assert revision.status == RevisionStatus.WITHDRAWN


@pytest.mark.parametrize("status", [S.CLOSED, S.SUSPENDED])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_closed_and_suspended_postings_cannot_be_edited(
    client_for, owner, organisation, status, lang
):
    posting = PostingFactory(organisation=organisation, status=status)
    client = client_for(owner)
    assert client.get(f"/{lang}/employer/postings/{posting.id}/edit").status_code == 409
    response = client.post(f"/{lang}/employer/postings/{posting.id}/edit", data=posting_form())
    assert response.status_code == 409
    assert ("nicht möglich" if lang == "de" else "not possible") in _body(response)


# --- preview -------------------------------------------------------------------------------


def _article_part(html: str, css_class: str) -> str:
    match = re.search(rf'<div class="{css_class}"[^>]*>.*?</div>\s*<aside', html, re.S)
    assert match, css_class
    return match.group(0)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_preview_renders_exactly_like_the_public_page(client, client_for, owner, posting, lang):
    posting.texts[0].body = "## Aufgaben\n\n- **Laser** justieren\n- [Link](https://example.org)"
    posting.salary_min, posting.salary_max = 50000, 60000
    db.session.commit()
    public = _body(client.get(f"/{lang}/jobs/{posting.id}", follow_redirects=True))
    preview_response = client_for(owner).get(f"/{lang}/employer/postings/{posting.id}/preview")
    preview = _body(preview_response)
    assert _article_part(preview, "posting__body") == _article_part(public, "posting__body")
    facts = re.compile(r'<dl class="facts">.*?</dl>', re.S)
    online_until = re.compile(r"<dt>(Online until|Online bis)</dt><dd>[^<]*</dd>")
    assert facts.search(preview).group(0) == online_until.sub("", facts.search(public).group(0))
    assert "preview-banner" in preview and "preview-banner" not in public
    assert '<meta name="robots" content="noindex, nofollow">' in preview
    assert "application/ld+json" not in preview and "application/ld+json" in public
    assert (
        f"/jobs/{posting.id}/apply" not in preview and f"/jobs/{posting.id}/report" not in preview
    )
    assert preview_response.headers["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_of_a_draft_counts_no_view(client_for, owner, organisation):
    posting = PostingFactory(organisation=organisation, status=S.DRAFT, published_at=None)
    client_for(owner).get(f"/de/employer/postings/{posting.id}/preview")
    db.session.refresh(posting)
    assert posting.view_count == 0


def test_preview_shows_compliance_hints(client_for, owner, organisation):
    posting = PostingFactory(
        organisation=organisation,
        status=S.DRAFT,
        texts={"de": {"title": "Entwicklungsingenieur", "body": "Junges Team sucht Verstärkung."}},
    )
    body = _body(client_for(owner).get(f"/en/employer/postings/{posting.id}/preview"))
    for code in ("gender_title", "coded_wording", "pay_missing", "google_postcode", "google_logo"):
        assert f'data-code="{code}"' in body
    assert "Submit for publication" in body


# --- actions -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_submit_from_the_dashboard_returns_there(client_for, owner, organisation, lang):
    posting = PostingFactory(
        organisation=organisation, status=S.DRAFT, texts={"de": {"title": "X*in", "body": "Text"}}
    )
    response = client_for(owner).post(
        f"/{lang}/employer/postings/{posting.id}/submit", data={"next": f"/{lang}/employer/"}
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/{lang}/employer/")
    db.session.refresh(posting)
    assert posting.status == S.SUBMITTED


def test_next_to_another_host_is_ignored(client_for, owner, organisation):
    posting = PostingFactory(
        organisation=organisation, status=S.DRAFT, texts={"de": {"title": "X*in", "body": "Text"}}
    )
    response = client_for(owner).post(
        f"/de/employer/postings/{posting.id}/submit", data={"next": "https://evil.example/"}
    )
    assert response.headers["Location"].endswith(f"/de/employer/postings/{posting.id}")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_forbidden_transition_is_a_translated_409(client_for, owner, organisation, lang):
    posting = PostingFactory(organisation=organisation, status=S.CLOSED)
    response = client_for(owner).post(f"/{lang}/employer/postings/{posting.id}/submit")
    assert response.status_code == 409
    body = _body(response)
    assert ("nicht möglich" if lang == "de" else "not possible") in body
    assert 'class="flash flash--error"' in body


def test_pending_organisation_submits_but_does_not_publish(client_for, owner, organisation):
    organisation.status = OrganisationStatus.PENDING
    organisation.auto_publish = True
    posting = PostingFactory(
        organisation=organisation, status=S.DRAFT, texts={"de": {"title": "X*in", "body": "Text"}}
    )
    client = client_for(owner)
    response = client.post(f"/en/employer/postings/{posting.id}/submit")
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == S.SUBMITTED and not posting.is_public()
    dashboard = _body(client.get("/en/employer/"))
    assert "waiting for approval by the cluster team" in dashboard


def test_unverified_user_cannot_submit_403(client_for, organisation):
    from portal.models import MembershipRole
    from tests.factories import MembershipFactory

    user = UserFactory(email_verified_at=None)
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.OWNER)
    posting = PostingFactory(
        organisation=organisation, status=S.DRAFT, texts={"de": {"title": "X*in", "body": "Text"}}
    )
    response = client_for(user).post(f"/de/employer/postings/{posting.id}/submit")
    assert response.status_code == 403
    assert "bestätigen Sie Ihre E-Mail-Adresse" in _body(response)
    db.session.refresh(posting)
    assert posting.status == S.DRAFT


def test_trusted_submit_goes_online(client, client_for, owner, organisation):
    organisation.auto_publish = True
    posting = PostingFactory(
        organisation=organisation,
        status=S.DRAFT,
        published_at=None,
        expires_at=None,
        texts={"de": {"title": "Optiker*in", "body": "Text"}},
    )
    client_for(owner).post(f"/de/employer/postings/{posting.id}/submit")
    db.session.refresh(posting)
    assert posting.status == S.PUBLISHED
    assert client.get(f"/de/jobs/{posting.id}", follow_redirects=True).status_code == 200


@pytest.mark.parametrize(("days", "status"), [("30", 303), ("60", 303), ("45", 400), ("", 400)])
def test_extend_via_form(client_for, owner, posting, days, status):
    before = posting.expires_at
    response = client_for(owner).post(
        f"/en/employer/postings/{posting.id}/extend", data={"days": days}
    )
    assert response.status_code == status
    db.session.refresh(posting)
    if status == 303:
        assert posting.expires_at == before + timedelta(days=int(days))
    else:
        assert posting.expires_at == before
        assert "30 or 60 days" in _body(response)


def test_extend_an_expired_posting(client, client_for, owner, organisation):
    posting = PostingFactory(
        organisation=organisation, status=S.EXPIRED, expires_at=utcnow() - timedelta(days=2)
    )
    response = client_for(owner).post(
        f"/de/employer/postings/{posting.id}/extend", data={"days": "60"}
    )
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == S.PUBLISHED and posting.is_public()
    assert client.get(f"/de/jobs/{posting.id}", follow_redirects=True).status_code == 200


def test_close_takes_the_posting_offline(client, client_for, owner, posting):
    response = client_for(owner).post(f"/de/employer/postings/{posting.id}/close")
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == S.CLOSED
    assert client.get(f"/de/jobs/{posting.id}", follow_redirects=True).status_code == 410
    # closing again is refused, not a 500
    assert client_for(owner).post(f"/de/employer/postings/{posting.id}/close").status_code == 409


def test_duplicate_copies_content_but_not_identity(client_for, owner, organisation, topics):
    source = PostingFactory(
        organisation=organisation,
        external_id="ATS-17",
        view_count=99,
        salary_min=40000,
        salary_max=50000,
        texts={
            "de": {"title": "Optiker*in", "body": "A"},
            "en": {"title": "Optician", "body": "B"},
        },
        cities=["Jena", "Weimar"],
    )
    source.topics = topics
    db.session.flush()
    response = client_for(owner).post(f"/en/employer/postings/{source.id}/duplicate")
    assert response.status_code == 303
    copies = [p for p in _postings_of(organisation) if p.id != source.id]
    assert len(copies) == 1
    copy = copies[0]
    assert response.headers["Location"].endswith(f"/en/employer/postings/{copy.id}/edit")
    assert copy.status == S.DRAFT and copy.external_id is None
    assert copy.view_count == 0 and copy.published_at is None and copy.expires_at is None
    assert [(t.lang, t.title, t.body) for t in copy.texts] == [
        ("de", "Optiker*in", "A"),
        ("en", "Optician", "B"),
    ]
    assert copy.cities == ["Jena", "Weimar"]
    assert {t.slug for t in copy.topics} == {t.slug for t in topics}
    assert (copy.salary_min, copy.salary_max) == (40000, 50000)


def test_other_organisations_posting_cannot_be_duplicated(client_for, owner):
    foreign = PostingFactory(organisation=OrganisationFactory())
    assert (
        client_for(owner).post(f"/en/employer/postings/{foreign.id}/duplicate").status_code == 404
    )
    assert client_for(owner).get("/en/employer/postings/999999").status_code == 404


def test_get_on_action_routes_is_405(client_for, owner, posting):
    for action in ("submit", "extend", "close", "duplicate"):
        response = client_for(owner).get(f"/de/employer/postings/{posting.id}/{action}")
        assert response.status_code == 405
