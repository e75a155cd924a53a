"""Course proposals by member organisations (DESIGN §2 `TrainingCourse`: "created by staff or by
member organisations (then moderated)"): who may propose, the draft → submitted → published flow,
returns with a reason, withdrawing, bad input, and access to other organisations' courses.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import (
    AuditEvent,
    CourseStatus,
    MembershipRole,
    OrganisationStatus,
    TrainingCourse,
)
from tests.factories import MembershipFactory, OrganisationFactory, TrainingFactory

DAY = date.today() + timedelta(days=30)
TITLE = "Faserspleißen in der Praxis"


def course_form(**overrides: Any) -> dict[str, Any]:
    """A complete, valid proposal (German text, two dates, a fee)."""
    data: dict[str, Any] = {
        "format": "onsite",
        "language": "de",
        "city": "Jena",
        "venue": "Technologiezentrum, Raum 2",
        "fee_amount": "250",
        "fee_currency": "EUR",
        "capacity": "12",
        "registration_url": "https://example.org/kurs",
        "sessions-0-day": DAY.isoformat(),
        "sessions-0-start": "09:00",
        "sessions-0-end": "16:00",
        "sessions-1-day": (DAY + timedelta(days=1)).isoformat(),
        "sessions-1-start": "09:00",
        "sessions-1-end": "12:00",
        "sessions-2-day": "",
        "sessions-2-start": "",
        "sessions-2-end": "",
        "de-title": TITLE,
        "de-summary": "Zwei Tage Spleißtechnik für Glasfasern.",
        "de-body": "Inhalte: **Lichtbogenspleißen**, Messung der Dämpfung.",
        "de-target_group": "Techniker*innen",
        "de-funding_hints": "Förderfähig mit Bildungsscheck Thüringen.",
        "en-title": "",
        "en-summary": "",
        "en-body": "",
        "en-target_group": "",
        "en-funding_hints": "",
    }
    data.update(overrides)
    return data


def _courses() -> list[TrainingCourse]:
    return list(db.session.scalars(sa.select(TrainingCourse).order_by(TrainingCourse.id)))


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(TrainingCourse))


def _actions(course_id: int) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent.action)
            .where(AuditEvent.object_type == "trainingcourse", AuditEvent.object_id == course_id)
            .order_by(AuditEvent.id)
        )
    )


@pytest.fixture
def draft(organisation, owner):
    """A draft course of `organisation`."""
    course = TrainingFactory(
        organisation=organisation,
        status=CourseStatus.DRAFT,
        created_by_id=owner.id,
        texts={"de": "Optikdesign kompakt"},
    )
    course.published_at = None
    db.session.flush()
    return course


@pytest.fixture
def non_member():
    """The owner of an approved organisation that is not a member of the cluster."""
    organisation = OrganisationFactory(member=False)
    return MembershipFactory(organisation=organisation, role=MembershipRole.OWNER).user


# --- who may propose -----------------------------------------------------------------------------


def test_anonymous_visitors_go_to_the_login(client):
    for url in ("/en/employer/courses", "/en/employer/courses/new"):
        response = client.get(url)
        assert response.status_code in (302, 303)
        assert "/login" in response.headers["Location"]
    response = client.post("/en/employer/courses/new", data=course_form())
    assert response.status_code in (302, 303) and _count() == 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_non_members_see_an_explanation_and_get_403_on_changes(client_for, non_member, lang):
    as_non_member = client_for(non_member)
    page = as_non_member.get(f"/{lang}/employer/courses")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    expected = {
        "en": "Your organisation is not a member of the cluster.",
        "de": "Ihre Organisation ist kein Mitglied des Clusters.",
    }[lang]
    assert expected in html
    assert f"/{lang}/employer/courses/new" not in html
    assert as_non_member.get(f"/{lang}/employer/courses/new").status_code == 403
    response = as_non_member.post(f"/{lang}/employer/courses/new", data=course_form())
    assert response.status_code == 403 and _count() == 0
    # No course link in the navigation.
    dashboard = as_non_member.get(f"/{lang}/employer/").get_data(as_text=True)
    assert f"/{lang}/employer/courses" not in dashboard


def test_a_pending_member_organisation_must_wait_for_approval(client_for, organisation, owner):
    organisation.status = OrganisationStatus.PENDING
    db.session.flush()
    as_owner = client_for(owner)
    html = as_owner.get("/en/employer/courses").get_data(as_text=True)
    assert "once the cluster team has approved it" in html
    assert as_owner.post("/en/employer/courses/new", data=course_form()).status_code == 403


def test_staff_have_no_organisation_here(client_for, staff):
    as_staff = client_for(staff)
    assert as_staff.get("/en/employer/courses").status_code == 403
    assert as_staff.post("/en/employer/courses/new", data=course_form()).status_code == 403
    assert _count() == 0


@pytest.mark.parametrize("who", ["owner", "editor"])
def test_owners_and_editors_propose_a_course(client_for, organisation, request, who):
    user = request.getfixturevalue(who)
    as_user = client_for(user)
    page = as_user.get("/en/employer/courses/new")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="csrf_token"' in html and 'name="provider"' not in html
    assert "Promot" not in html  # promotion is the cluster team's
    response = as_user.post("/en/employer/courses/new", data=course_form())
    assert response.status_code == 303
    [course] = _courses()
    assert response.headers["Location"].endswith(f"/en/employer/courses/{course.id}/edit")
    assert course.status == CourseStatus.DRAFT
    assert course.organisation_id == organisation.id and course.created_by_id == user.id
    assert len(course.sessions) == 2 and str(course.fee_amount) == "250.00"
    assert course.text("de").funding_hints == "Förderfähig mit Bildungsscheck Thüringen."
    assert _actions(course.id) == ["course.create"]
    listing = as_user.get("/en/employer/courses").get_data(as_text=True)
    assert TITLE in listing and "Draft" in listing and "Submit for review" in listing


def test_the_provider_cannot_be_smuggled_in(client_for, owner, organisation):
    other = OrganisationFactory()
    response = client_for(owner).post(
        "/en/employer/courses/new", data=course_form(provider=str(other.id))
    )
    assert response.status_code == 303
    assert _courses()[0].organisation_id == organisation.id


def test_the_navigation_and_dashboard_show_courses_to_members(client_for, owner, draft):
    html = client_for(owner).get("/en/employer/").get_data(as_text=True)
    assert 'href="/en/employer/courses"' in html
    assert "1 draft" in html
    german = client_for(owner).get("/de/employer/").get_data(as_text=True)
    assert "1 Entwurf" in german


# --- other organisations -------------------------------------------------------------------------


def test_another_organisations_course_is_404(client_for, other_employer, draft):
    as_other = client_for(other_employer)
    assert as_other.get(f"/en/employer/courses/{draft.id}/edit").status_code == 404
    assert (
        as_other.post(f"/en/employer/courses/{draft.id}/edit", data=course_form()).status_code
        == 404
    )
    assert as_other.post(f"/en/employer/courses/{draft.id}/submit").status_code == 404
    assert as_other.post(f"/en/employer/courses/{draft.id}/withdraw").status_code == 404
    assert "Optikdesign kompakt" not in as_other.get("/en/employer/courses").get_data(as_text=True)
    db.session.refresh(draft)
    assert draft.status == CourseStatus.DRAFT and draft.text("de").title == "Optikdesign kompakt"


def test_the_clusters_own_course_is_404(client_for, owner):
    course = TrainingFactory(status=CourseStatus.DRAFT)
    assert client_for(owner).get(f"/en/employer/courses/{course.id}/edit").status_code == 404
    assert client_for(owner).get("/en/employer/courses/999999/edit").status_code == 404


def test_changes_need_post(client_for, owner, draft):
    as_owner = client_for(owner)
    assert as_owner.get(f"/en/employer/courses/{draft.id}/submit").status_code == 405
    assert as_owner.get(f"/en/employer/courses/{draft.id}/withdraw").status_code == 405
    db.session.refresh(draft)
    assert draft.status == CourseStatus.DRAFT


def test_changes_need_the_csrf_token(app, client_for, owner, draft):
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        as_owner = client_for(owner)
        assert as_owner.post(f"/en/employer/courses/{draft.id}/submit").status_code == 400
        assert as_owner.post("/en/employer/courses/new", data=course_form()).status_code == 400
    finally:
        app.config["WTF_CSRF_ENABLED"] = False
    db.session.refresh(draft)
    assert draft.status == CourseStatus.DRAFT and _count() == 1


# --- the flow ------------------------------------------------------------------------------------


def test_draft_submit_publish_public_page(client_for, client, owner, staff):
    as_owner, as_staff = client_for(owner), client_for(staff)
    as_owner.post("/en/employer/courses/new", data=course_form())
    [course] = _courses()
    assert TITLE not in client.get("/de/trainings").get_data(as_text=True)
    response = as_owner.post(f"/en/employer/courses/{course.id}/submit")
    assert response.status_code == 303
    db.session.refresh(course)
    assert course.status == CourseStatus.SUBMITTED
    assert _actions(course.id) == ["course.create", "course.submit"]
    # It waits in the staff queue.
    queue = as_staff.get("/en/staff/").get_data(as_text=True)
    assert TITLE in queue and f"/en/staff/courses/{course.id}" in queue
    # Under review it is read-only for the member.
    page = as_owner.get(f"/en/employer/courses/{course.id}/edit").get_data(as_text=True)
    assert "is reviewing this course" in page and 'name="de-title"' not in page
    refused = as_owner.post(f"/en/employer/courses/{course.id}/edit", data=course_form())
    assert refused.status_code == 409
    # A second submit is refused with a message, not an error page.
    again = as_owner.post(f"/en/employer/courses/{course.id}/submit")
    assert again.status_code == 409 and "is not possible" in again.get_data(as_text=True)
    # Staff publish; the public page shows it.
    assert as_staff.post(f"/en/staff/courses/{course.id}/publish").status_code == 303
    db.session.refresh(course)
    assert course.status == CourseStatus.PUBLISHED
    assert TITLE in client.get("/de/trainings").get_data(as_text=True)
    detail = client.get(f"/de/trainings/{course.id}", follow_redirects=True)
    assert detail.status_code == 200 and TITLE in detail.get_data(as_text=True)
    # Published: read-only, changes go through the cluster team.
    page = as_owner.get(f"/en/employer/courses/{course.id}/edit").get_data(as_text=True)
    assert "Please write to the cluster team" in page and 'name="de-title"' not in page
    german = as_owner.get(f"/de/employer/courses/{course.id}/edit").get_data(as_text=True)
    assert "wenden Sie sich bitte an das Cluster-Team" in german
    refused = as_owner.post(
        f"/en/employer/courses/{course.id}/edit", data=course_form(**{"de-title": "Neu"})
    )
    assert refused.status_code == 409
    db.session.refresh(course)
    assert course.text("de").title == TITLE
    assert as_owner.post(f"/en/employer/courses/{course.id}/withdraw").status_code == 409


def test_save_and_submit_in_one_step(client_for, editor):
    response = client_for(editor).post(
        "/en/employer/courses/new", data=course_form(submit_review="1")
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/en/employer/courses")
    [course] = _courses()
    assert course.status == CourseStatus.SUBMITTED


def test_a_returned_course_shows_the_reason(client_for, owner, staff, draft):
    as_owner, as_staff = client_for(owner), client_for(staff)
    as_owner.post(f"/en/employer/courses/{draft.id}/submit")
    response = as_staff.post(
        f"/en/staff/courses/{draft.id}/return", data={"return-reason": "Bitte den Preis angeben."}
    )
    assert response.status_code == 303
    db.session.refresh(draft)
    assert draft.status == CourseStatus.DRAFT
    listing = as_owner.get("/en/employer/courses").get_data(as_text=True)
    assert "Bitte den Preis angeben." in listing
    page = as_owner.get(f"/de/employer/courses/{draft.id}/edit").get_data(as_text=True)
    assert "Das Cluster-Team hat diesen Kurs zurückgegeben:" in page
    assert "Bitte den Preis angeben." in page and 'name="de-title"' in page
    # After editing and submitting again, the old reason is history.
    assert (
        as_owner.post(f"/en/employer/courses/{draft.id}/edit", data=course_form()).status_code
        == 303
    )
    assert "Bitte den Preis angeben." in as_owner.get("/en/employer/courses").get_data(as_text=True)
    as_owner.post(f"/en/employer/courses/{draft.id}/submit")
    assert "Bitte den Preis angeben." not in as_owner.get("/en/employer/courses").get_data(
        as_text=True
    )


def test_withdraw_a_submitted_course(client_for, editor, draft):
    as_editor = client_for(editor)
    as_editor.post(f"/en/employer/courses/{draft.id}/submit")
    response = as_editor.post(f"/en/employer/courses/{draft.id}/withdraw")
    assert response.status_code == 303
    db.session.refresh(draft)
    assert draft.status == CourseStatus.DRAFT
    assert _actions(draft.id) == ["course.submit", "course.withdraw"]
    page = as_editor.get(f"/en/employer/courses/{draft.id}/edit").get_data(as_text=True)
    assert 'name="de-title"' in page and "returned" not in page
    # Withdrawing a draft is refused with a message.
    assert as_editor.post(f"/en/employer/courses/{draft.id}/withdraw").status_code == 409


def test_edit_a_draft(client_for, owner, draft):
    as_owner = client_for(owner)
    page = as_owner.get(f"/en/employer/courses/{draft.id}/edit").get_data(as_text=True)
    assert "Optikdesign kompakt" in page
    response = as_owner.post(
        f"/en/employer/courses/{draft.id}/edit",
        data=course_form(**{"en-title": "Fibre splicing in practice"}),
    )
    assert response.status_code == 303
    db.session.refresh(draft)
    assert {t.lang for t in draft.texts} == {"de", "en"}
    assert draft.text("de").title == TITLE and draft.status == CourseStatus.DRAFT
    assert _actions(draft.id) == ["course.update"]


def test_a_course_that_is_over_cannot_be_submitted(client_for, owner, organisation):
    course = TrainingFactory(
        organisation=organisation,
        status=CourseStatus.DRAFT,
        starts_at=TrainingFactory.starts_at.function() - timedelta(days=40),
        ends_at=TrainingFactory.ends_at.function() - timedelta(days=40),
    )
    response = client_for(owner).post(f"/en/employer/courses/{course.id}/submit")
    assert response.status_code == 409
    assert "already over" in response.get_data(as_text=True)


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "english", "german"),
    [
        (
            {
                "de-title": "",
                "de-summary": "",
                "de-body": "",
                "de-target_group": "",
                "de-funding_hints": "",
            },
            "Please give the course a title in at least one language.",
            "Bitte geben Sie dem Kurs einen Titel in mindestens einer Sprache.",
        ),
        ({"de-title": ""}, "Please enter a title.", "Bitte geben Sie einen Titel ein."),
        (
            {"de-title": "x" * 201},
            "Please use 3 to 200 characters.",
            "Bitte verwenden Sie 3 bis 200 Zeichen.",
        ),
        (
            {"de-summary": "x" * 301},
            "Please use at most 300 characters.",
            "Bitte verwenden Sie höchstens 300 Zeichen.",
        ),
        ({"city": "x" * 101}, "Please use at most 100 characters.", "höchstens 100 Zeichen"),
        (
            {"sessions-0-day": "2026-13-45"},
            "Please enter a valid date.",
            "Bitte geben Sie ein gültiges Datum ein.",
        ),
        (
            {"sessions-0-start": "9 Uhr"},
            "Please enter a valid time",
            "Bitte geben Sie eine gültige Uhrzeit ein",
        ),
        (
            {"sessions-0-end": "08:00"},
            "The end must be after the start.",
            "Das Ende muss nach dem Beginn liegen.",
        ),
        (
            {
                "sessions-0-day": "",
                "sessions-1-day": "",
                "sessions-0-start": "",
                "sessions-0-end": "",
                "sessions-1-start": "",
                "sessions-1-end": "",
            },
            "Please enter at least one date.",
            "Bitte geben Sie mindestens einen Termin ein.",
        ),
        (
            {"registration_url": "ftp://example.org/x"},
            "https://",
            "https://",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_input_is_refused_translated_and_kept(
    client_for, owner, overrides, english, german, lang
):
    response = client_for(owner).post(
        f"/{lang}/employer/courses/new", data=course_form(**overrides)
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert (german if lang == "de" else english) in html
    assert "Technologiezentrum, Raum 2" in html  # nothing typed is lost
    for key in ("de-body", "de-title", "city"):
        assert overrides.get(key, course_form()[key]) in html
    assert _count() == 0


def test_bad_input_on_edit_keeps_the_draft_unchanged(client_for, owner, draft):
    response = client_for(owner).post(
        f"/en/employer/courses/{draft.id}/edit", data=course_form(**{"sessions-0-end": "08:00"})
    )
    assert response.status_code == 400
    assert TITLE in response.get_data(as_text=True)
    db.session.refresh(draft)
    assert draft.text("de").title == "Optikdesign kompakt"
