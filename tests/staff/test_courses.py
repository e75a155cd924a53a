"""Training courses: create, edit, publish, cancel, archive; member proposals; several dates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import CourseFormat, CourseStatus, MembershipRole, TrainingCourse
from tests.factories import MembershipFactory, TrainingFactory
from tests.staff.conftest import events, lang_of, mails, text_of

DAY = date.today() + timedelta(days=30)


def course_form(**overrides):
    data = {
        "provider": "",
        "format": "onsite",
        "language": "de",
        "city": "Jena",
        "venue": "Optik-Zentrum, Raum 3",
        "fee_amount": "",
        "fee_currency": "EUR",
        "capacity": "16",
        "registration_url": "https://example.org/anmeldung",
        "sessions-0-day": DAY.isoformat(),
        "sessions-0-start": "09:00",
        "sessions-0-end": "16:30",
        "sessions-1-day": (DAY + timedelta(days=7)).isoformat(),
        "sessions-1-start": "09:00",
        "sessions-1-end": "12:00",
        "sessions-2-day": "",
        "sessions-2-start": "",
        "sessions-2-end": "",
        "de-title": "Lasersicherheit für Fortgeschrittene",
        "de-summary": "Zwei Termine zu Laserklassen und Schutzmaßnahmen.",
        "de-body": "Inhalte: **Laserklassen**, Schutzbrillen, Unterweisung.",
        "de-target_group": "Laserschutzbeauftragte",
        "de-funding_hints": "Förderfähig mit Bildungsscheck Thüringen.",
        "en-title": "",
        "en-summary": "",
        "en-body": "",
        "en-target_group": "",
        "en-funding_hints": "",
    }
    data.update(overrides)
    return data


def _only_course() -> TrainingCourse:
    return db.session.scalars(sa.select(TrainingCourse)).one()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_create_a_cluster_course_with_two_dates(as_staff, staff, lang):
    response = as_staff.post(f"/{lang}/staff/courses/new", data=course_form())
    assert response.status_code == 303
    course = _only_course()
    assert course.status == CourseStatus.DRAFT and course.organisation_id is None
    assert course.format == CourseFormat.ONSITE and course.capacity == 16
    assert course.is_free and course.fee_amount is None
    assert [s.starts_at.astimezone(_berlin()).hour for s in course.sessions] == [9, 9]
    assert course.starts_at == course.sessions[0].starts_at
    assert course.ends_at == course.sessions[1].ends_at
    assert course.text("de").target_group == "Laserschutzbeauftragte"
    assert [t.lang for t in course.texts] == ["de"]
    assert events("course.create", course.id)[0].actor_id == staff.id


def _berlin():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"de-title": ""}, "Please enter a title."),
        ({"sessions-0-day": "", "sessions-1-day": ""}, "Please enter"),
        ({"sessions-0-end": "08:00"}, "The end must be after the start."),
        ({"city": "", "format": "hybrid"}, "Please enter the city of the course."),
        ({"fee_amount": "-5"}, "Please enter an amount from 0 to 100,000."),
        ({"registration_url": "ftp://example.org/x"}, "https://"),
        ({"de-title": "x" * 201}, "Please use 3 to 200 characters."),
        ({"capacity": "0"}, "Please enter a number from 1 to 10,000."),
    ],
)
def test_bad_course_input_is_refused_and_kept(as_staff, overrides, message):
    response = as_staff.post("/en/staff/courses/new", data=course_form(**overrides))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert "Zwei Termine zu Laserklassen" in html  # nothing typed is lost
    assert db.session.scalar(sa.select(sa.func.count()).select_from(TrainingCourse)) == 0


def test_bad_input_in_german(as_staff):
    response = as_staff.post(
        "/de/staff/courses/new", data=course_form(**{"sessions-0-end": "08:00"})
    )
    assert response.status_code == 400
    assert "Das Ende muss nach dem Beginn liegen." in response.get_data(as_text=True)


def test_edit_a_course_changes_its_dates_and_fee(as_staff, organisation):
    as_staff.post("/en/staff/courses/new", data=course_form())
    course = _only_course()
    form = course_form(
        provider=str(organisation.id),
        fee_amount="120.50",
        **{"sessions-1-day": "", "sessions-1-start": "", "sessions-1-end": ""},
    )
    page = as_staff.get(f"/en/staff/courses/{course.id}").get_data(as_text=True)
    assert DAY.isoformat() in page and "Lasersicherheit für Fortgeschrittene" in page
    response = as_staff.post(f"/en/staff/courses/{course.id}", data=form)
    assert response.status_code == 303
    db.session.refresh(course)
    assert course.organisation_id == organisation.id
    assert course.fee_amount == Decimal("120.50") and not course.is_free
    assert len(course.sessions) == 1 and course.ends_at == course.sessions[0].ends_at
    [event] = events("course.update", course.id)
    assert {"organisation_id", "fee_amount", "sessions"} <= set(event.details["fields"])


def test_publish_cancel_archive(as_staff, client):
    as_staff.post("/en/staff/courses/new", data=course_form())
    course = _only_course()
    title = "Lasersicherheit für Fortgeschrittene"
    assert title not in client.get("/de/trainings").get_data(as_text=True)
    assert as_staff.post(f"/en/staff/courses/{course.id}/publish").status_code == 303
    assert title in client.get("/de/trainings").get_data(as_text=True)
    assert as_staff.post(f"/en/staff/courses/{course.id}/cancel").status_code == 303
    listing = client.get("/de/trainings").get_data(as_text=True)
    assert title in listing and "Abgesagt" in listing
    assert as_staff.post(f"/en/staff/courses/{course.id}/archive").status_code == 303
    assert title not in client.get("/de/trainings").get_data(as_text=True)
    db.session.refresh(course)
    assert course.status == CourseStatus.ARCHIVED
    actions = [e.action for e in events() if e.object_type == "trainingcourse"]
    assert actions == ["course.create", "course.publish", "course.cancel", "course.archive"]
    # An archived course is final.
    again = as_staff.post(f"/en/staff/courses/{course.id}/publish")
    assert again.status_code == 409
    assert "is not possible for a course that is" in again.get_data(as_text=True)
    assert as_staff.post(f"/en/staff/courses/{course.id}", data=course_form()).status_code == 409


@pytest.fixture
def proposal(organisation):
    owner = MembershipFactory(organisation=organisation, role=MembershipRole.OWNER).user
    owner.locale = "en"
    course = TrainingFactory(
        organisation=organisation, status=CourseStatus.SUBMITTED, texts={"en": "Fibre splicing"}
    )
    course.published_at = None
    db.session.flush()
    return course, owner


def test_member_proposals_are_in_the_queue(as_staff, proposal):
    course, _ = proposal
    html = as_staff.get("/en/staff/").get_data(as_text=True)
    assert f"/en/staff/courses/{course.id}" in html and "Fibre splicing" in html


def test_publish_a_member_proposal_mails_the_provider(as_staff, proposal):
    course, owner = proposal
    assert as_staff.post(f"/de/staff/courses/{course.id}/publish").status_code == 303
    db.session.refresh(course)
    assert course.status == CourseStatus.PUBLISHED and course.published_at is not None
    [mail] = mails(owner.email)
    assert lang_of(mail) == "en" and "Fibre splicing" in mail["Subject"]


def test_send_a_proposal_back_with_a_reason(as_staff, proposal):
    course, owner = proposal
    response = as_staff.post(f"/en/staff/courses/{course.id}/return", data={"return-reason": ""})
    assert response.status_code == 400
    response = as_staff.post(
        f"/en/staff/courses/{course.id}/return", data={"return-reason": "Please add the fee."}
    )
    assert response.status_code == 303
    db.session.refresh(course)
    assert course.status == CourseStatus.DRAFT
    [mail] = mails(owner.email)
    assert "Please add the fee." in text_of(mail)
    assert events("course.return", course.id)[0].details["reason"] == "Please add the fee."


def test_courses_list_filters_by_status(as_staff):
    TrainingFactory(texts={"de": "Veröffentlichter Kurs"})
    TrainingFactory(texts={"de": "Entwurfskurs"}, status=CourseStatus.DRAFT)
    html = as_staff.get("/de/staff/courses?status=draft").get_data(as_text=True)
    assert "Entwurfskurs" in html and "Veröffentlichter Kurs" not in html
    assert as_staff.get("/de/staff/courses?status=nonsense").status_code == 400
