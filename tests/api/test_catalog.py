"""GET /api/v1/trainings, /organisations, /topics and their details: public objects only."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from portal.models import (
    Benefit,
    CourseStatus,
    EmployeeRange,
    OrganisationKind,
    OrganisationStatus,
    PostingStatus,
    utcnow,
)
from tests.api.support import assert_problem, link_rels
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory, TrainingFactory

# --- trainings --------------------------------------------------------------------------------


def test_trainings_lists_upcoming_public_courses(client, conformance):
    provider = OrganisationFactory(name="Optik-Akademie")
    paid = TrainingFactory(
        texts={"de": "Lasersicherheit", "en": "Laser safety"},
        organisation=provider,
        fee_amount=Decimal("490.00"),
        starts_at=utcnow() + timedelta(days=3),
        ends_at=utcnow() + timedelta(days=4),
    )
    free = TrainingFactory(texts={"en": "Optics basics"}, starts_at=utcnow() + timedelta(days=9))
    cancelled = TrainingFactory(status=CourseStatus.CANCELLED)
    for status in (CourseStatus.DRAFT, CourseStatus.SUBMITTED, CourseStatus.ARCHIVED):
        TrainingFactory(status=status)
    TrainingFactory(  # over
        starts_at=utcnow() - timedelta(days=3), ends_at=utcnow() - timedelta(days=2)
    )
    TrainingFactory(organisation=OrganisationFactory(status=OrganisationStatus.PENDING))

    response = client.get("/api/v1/trainings")
    body = conformance.check("/api/v1/trainings", response)
    by_id = {item["id"]: item for item in body["items"]}
    assert set(by_id) == {paid.id, free.id, cancelled.id}
    assert body["total"] == 3 and response.headers["X-Total-Count"] == "3"
    assert by_id[paid.id]["fee"] == {"amount": "490.00", "currency": "EUR"}
    assert by_id[paid.id]["organisation"]["name"] == "Optik-Akademie"
    assert by_id[paid.id]["texts"]["en"]["title"] == "Laser safety"
    assert by_id[paid.id]["urls"]["en"].endswith(f"/en/trainings/{paid.id}-laser-safety")
    assert by_id[free.id]["fee"] is None and by_id[free.id]["organisation"] is None
    assert by_id[cancelled.id]["status"] == "cancelled"
    assert len(by_id[paid.id]["sessions"]) == 1


def test_trainings_are_paged(client, conformance):
    for n in range(3):
        TrainingFactory(starts_at=utcnow() + timedelta(days=n + 1))
    response = client.get("/api/v1/trainings?per_page=2&page=2")
    body = conformance.check("/api/v1/trainings", response)
    assert len(body["items"]) == 1 and body["total"] == 3
    assert set(link_rels(response)) == {"first", "prev", "last"}


@pytest.mark.parametrize("query", ["per_page=101", "page=0", "q=laser", "page=x"])
def test_trainings_bad_input(client, conformance, query):
    response = client.get(f"/api/v1/trainings?{query}")
    assert_problem(response, 400)
    conformance.check("/api/v1/trainings", response)


def test_training_detail(client, conformance):
    course = TrainingFactory(texts={"de": "Optikdesign"})
    response = client.get(f"/api/v1/trainings/{course.id}")
    body = conformance.check("/api/v1/trainings/{id}", response)
    assert body["id"] == course.id and list(body["texts"]) == ["de"]


@pytest.mark.parametrize(
    "status", [CourseStatus.DRAFT, CourseStatus.SUBMITTED, CourseStatus.ARCHIVED]
)
def test_training_detail_of_non_public_course_is_404(client, conformance, status):
    course = TrainingFactory(status=status)
    response = client.get(f"/api/v1/trainings/{course.id}")
    assert_problem(response, 404)
    conformance.check("/api/v1/trainings/{id}", response)


def test_training_of_an_unapproved_provider_is_404(client):
    course = TrainingFactory(organisation=OrganisationFactory(status=OrganisationStatus.REJECTED))
    assert_problem(client.get(f"/api/v1/trainings/{course.id}"), 404)
    assert_problem(client.get("/api/v1/trainings/99999"), 404)


# --- organisations ----------------------------------------------------------------------------


def test_organisations_are_approved_ones_with_open_posting_counts(client, conformance):
    busy = OrganisationFactory(
        slug="lichtwerk",
        name="Lichtwerk",
        website="https://lichtwerk.example",
        employees=EmployeeRange.MEDIUM,
        benefits=[Benefit.CHILDCARE.value, "retired-benefit"],
        description_de="Wir bauen **Laser**.",
    )
    quiet = OrganisationFactory(slug="stille-optik", kind=OrganisationKind.STARTUP)
    PostingFactory(organisation=busy)
    PostingFactory(organisation=busy)
    PostingFactory(organisation=busy, status=PostingStatus.DRAFT)
    for status in (
        OrganisationStatus.PENDING,
        OrganisationStatus.REJECTED,
        OrganisationStatus.SUSPENDED,
    ):
        OrganisationFactory(status=status)

    response = client.get("/api/v1/organisations")
    body = conformance.check("/api/v1/organisations", response)
    assert [item["slug"] for item in body["items"]] == ["lichtwerk", "stille-optik"]
    first = body["items"][0]
    assert first["open_postings"] == 2 and body["items"][1]["open_postings"] == 0
    assert first["descriptions"] == {"de": "Wir bauen **Laser**."}
    assert first["benefits"] == ["childcare"]
    assert first["employees"] == "50-249"
    assert first["postings_url"] == "http://portal.test/api/v1/postings?org=lichtwerk"
    assert client.get(first["postings_url"]).get_json()["total"] == 2

    only_startups = client.get("/api/v1/organisations?kind=startup").get_json()
    assert [item["slug"] for item in only_startups["items"]] == [quiet.slug]


@pytest.mark.parametrize("query", ["kind=club", "per_page=1000", "page=", "org=x"])
def test_organisations_bad_input(client, conformance, query):
    response = client.get(f"/api/v1/organisations?{query}")
    assert_problem(response, 400)
    conformance.check("/api/v1/organisations", response)


def test_organisation_detail(client, conformance):
    org = OrganisationFactory(slug="lichtwerk", description_en="We build lasers.")
    PostingFactory(organisation=org)
    response = client.get("/api/v1/organisations/lichtwerk")
    body = conformance.check("/api/v1/organisations/{slug}", response)
    assert body["slug"] == "lichtwerk" and body["open_postings"] == 1
    assert body["urls"] == {
        "de": "http://portal.test/de/organisations/lichtwerk",
        "en": "http://portal.test/en/organisations/lichtwerk",
    }


@pytest.mark.parametrize(
    "status",
    [OrganisationStatus.PENDING, OrganisationStatus.REJECTED, OrganisationStatus.SUSPENDED],
)
def test_organisation_detail_of_unapproved_is_404(client, conformance, status):
    OrganisationFactory(slug="hidden", status=status)
    response = client.get("/api/v1/organisations/hidden")
    assert_problem(response, 404)
    conformance.check("/api/v1/organisations/{slug}", response)
    assert_problem(client.get("/api/v1/organisations/nobody"), 404)


# --- topics -----------------------------------------------------------------------------------


def test_topics_with_names_parents_and_open_counts(client, conformance):
    parent = TopicFactory(slug="optics", name_de="Optik", name_en="Optics")
    child = TopicFactory(
        slug="laser", name_de="Lasertechnik", name_en="Laser technology", parent=parent
    )
    PostingFactory(topics=[child])
    PostingFactory(topics=[child], status=PostingStatus.CLOSED)
    response = client.get("/api/v1/topics")
    body = conformance.check("/api/v1/topics", response)
    assert body == {
        "items": [
            {
                "slug": "laser",
                "names": {"de": "Lasertechnik", "en": "Laser technology"},
                "parent": "optics",
                "open_postings": 1,
            },
            {
                "slug": "optics",
                "names": {"de": "Optik", "en": "Optics"},
                "parent": None,
                "open_postings": 0,
            },
        ],
        "total": 2,
    }


def test_topics_take_no_parameters(client, conformance):
    response = client.get("/api/v1/topics?page=2")
    assert_problem(response, 400)
    conformance.check("/api/v1/topics", response)
