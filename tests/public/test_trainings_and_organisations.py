"""Training courses, organisations and content pages."""

from datetime import timedelta
from decimal import Decimal

import icalendar
import pytest

from portal.models import (
    CourseStatus,
    OrganisationKind,
    OrganisationStatus,
    Page,
    PostingStatus,
    TrainingSession,
    utcnow,
)
from tests.factories import OrganisationFactory, PostingFactory, TrainingFactory


@pytest.mark.parametrize("lang", ["de", "en"])
def test_training_list_shows_only_public_upcoming_courses(client, lang):
    TrainingFactory(texts={"de": "Lasersicherheit kompakt", "en": "Laser safety in brief"})
    TrainingFactory(texts={"de": "Entwurf"}, status=CourseStatus.DRAFT)
    TrainingFactory(
        texts={"de": "Vorbei"},
        starts_at=utcnow() - timedelta(days=10),
        ends_at=utcnow() - timedelta(days=9),
    )
    html = client.get(f"/{lang}/trainings").get_data(as_text=True)
    assert ("Lasersicherheit kompakt" if lang == "de" else "Laser safety in brief") in html
    assert "Entwurf" not in html
    assert "Vorbei" not in html


def test_promoted_course_leads_the_list(client):
    TrainingFactory(
        texts={"en": "Early course"},
        starts_at=utcnow() + timedelta(days=2),
        ends_at=utcnow() + timedelta(days=2, hours=3),
    )
    TrainingFactory(texts={"en": "Promoted course"}, promoted_until=utcnow() + timedelta(days=5))
    html = client.get("/en/trainings").get_data(as_text=True)
    assert html.index("Promoted course") < html.index("Early course")


@pytest.mark.parametrize(("lang", "fee"), [("de", "490,50\xa0€"), ("en", "€490.50")])
def test_training_detail_with_fee_and_slug_redirect(client, lang, fee):
    course = TrainingFactory(
        texts={"de": "Optikdesign mit Zemax", "en": "Optical design with Zemax"},
        fee_amount=Decimal("490.50"),
    )
    slug = "optikdesign-mit-zemax" if lang == "de" else "optical-design-with-zemax"
    assert (
        client.get(f"/{lang}/trainings/{course.id}")
        .headers["Location"]
        .endswith(f"/{lang}/trainings/{course.id}-{slug}")
    )
    html = client.get(f"/{lang}/trainings/{course.id}-{slug}").get_data(as_text=True)
    assert fee in html


def test_free_and_cancelled_course(client):
    course = TrainingFactory(
        texts={"en": "Free webinar"}, fee_amount=None, status=CourseStatus.CANCELLED
    )
    html = client.get(f"/en/trainings/{course.id}-free-webinar").get_data(as_text=True)
    assert "Free of charge" in html
    assert "This course has been cancelled." in html


def test_draft_course_is_404(client):
    course = TrainingFactory(status=CourseStatus.DRAFT)
    assert client.get(f"/de/trainings/{course.id}").status_code == 404
    assert client.get(f"/de/trainings/{course.id}.ics").status_code == 404


def test_ics_has_one_event_per_session(client, db):
    start = utcnow() + timedelta(days=30)
    course = TrainingFactory(
        texts={"de": "Faseroptik Workshop"},
        starts_at=start,
        ends_at=start + timedelta(days=1, hours=4),
    )
    course.sessions.append(
        TrainingSession(
            starts_at=start + timedelta(days=1), ends_at=start + timedelta(days=1, hours=4)
        )
    )
    db.session.flush()
    response = client.get(f"/de/trainings/{course.id}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = icalendar.Calendar.from_ical(response.data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    assert str(events[0]["SUMMARY"]) == "Faseroptik Workshop (1/2)"
    assert events[0].decoded("DTSTART") == course.sessions[0].starts_at.replace(microsecond=0)
    assert "portal.test/de/trainings/" in str(events[0]["URL"])
    assert len({str(e["UID"]) for e in events}) == 2


@pytest.mark.parametrize("lang", ["de", "en"])
def test_organisation_list_shows_approved_with_open_counts(client, lang):
    org = OrganisationFactory(name="Lichtwerk (Demo)", kind=OrganisationKind.STARTUP)
    OrganisationFactory(name="Pending GmbH", status=OrganisationStatus.PENDING)
    PostingFactory(organisation=org)
    PostingFactory(organisation=org, status=PostingStatus.DRAFT)
    html = client.get(f"/{lang}/organisations").get_data(as_text=True)
    assert "Lichtwerk (Demo)" in html
    assert "Pending GmbH" not in html
    assert ("1 offenes Angebot" if lang == "de" else "1 open posting") in html


def test_organisation_list_filters_by_kind_and_ignores_unknown(client):
    OrganisationFactory(name="Uni Optik", kind=OrganisationKind.UNIVERSITY)
    OrganisationFactory(name="Firma Optik", kind=OrganisationKind.COMPANY)
    html = client.get("/en/organisations?kind=university").get_data(as_text=True)
    assert "Uni Optik" in html and "Firma Optik" not in html
    response = client.get("/en/organisations?kind=<script>")
    assert response.status_code == 200
    assert "Firma Optik" in response.get_data(as_text=True)


def test_organisation_profile_with_description_benefits_and_postings(client):
    org = OrganisationFactory(
        name="Photonenwerk (Demo)",
        description_de="Wir sind **klein**.",
        description_en="We are **small**.",
        benefits=["childcare", "flexible_hours"],
    )
    PostingFactory(organisation=org, texts={"en": "Optical engineer"})
    PostingFactory(organisation=org, texts={"en": "Closed job"}, status=PostingStatus.CLOSED)
    html = client.get(f"/en/organisations/{org.slug}").get_data(as_text=True)
    assert "We are <strong>small</strong>." in html
    assert "Childcare" in html and "Flexible hours" in html
    assert "Optical engineer" in html
    assert "Closed job" not in html
    assert "Wir sind" in client.get(f"/de/organisations/{org.slug}").get_data(as_text=True)


def test_pending_organisation_profile_is_404(client):
    org = OrganisationFactory(status=OrganisationStatus.PENDING)
    assert client.get(f"/de/organisations/{org.slug}").status_code == 404


@pytest.mark.parametrize(("lang", "title"), [("de", "Impressum"), ("en", "Imprint")])
def test_content_page_in_both_languages(client, db, lang, title):
    db.session.add(
        Page(
            slug="imprint",
            title_de="Impressum",
            title_en="Imprint",
            body_de="**Angaben**",
            body_en="**Details**",
        )
    )
    db.session.flush()
    response = client.get(f"/{lang}/p/imprint")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f"<h1>{title}</h1>" in html
    assert "<strong>" in html


def test_unknown_content_page_is_404(client):
    assert client.get("/de/p/does-not-exist").status_code == 404
