"""Featured postings and promoted courses: set by staff, shown first, gone when they expire."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from portal.extensions import db
from portal.models import PostingStatus, utcnow
from tests.factories import PostingFactory, TrainingFactory
from tests.staff.conftest import events


def _titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'class="card__title"[^>]*>\s*<a [^>]*>(.*?)</a>', html, re.S)
    ]


def _section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.find("</section>", start)]


def test_staff_feature_a_posting_until_a_date(as_staff, staff, published):
    until = date.today() + timedelta(days=10)
    response = as_staff.post(
        f"/en/staff/postings/{published.id}/feature", data={"until": until.isoformat()}
    )
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.is_featured()
    local = published.featured_until.astimezone(staff_zone())
    assert local.date() == until and (local.hour, local.minute) == (23, 59)
    [event] = events("posting.feature", published.id)
    assert event.actor_id == staff.id and event.details["after"].startswith(until.isoformat())
    html = as_staff.get("/en/staff/featured").get_data(as_text=True)
    assert "Laserphysiker*in" in html
    response = as_staff.post(f"/en/staff/postings/{published.id}/unfeature")
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.featured_until is None and events("posting.unfeature", published.id)


def staff_zone():
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("until", "status", "message"),
    [
        ("", 400, "Please enter a date."),
        ("2001-01-01", 400, "not in the past"),
        ("not-a-date", 400, "Please enter a date."),
    ],
)
def test_feature_needs_a_future_date(as_staff, published, until, status, message):
    response = as_staff.post(f"/en/staff/postings/{published.id}/feature", data={"until": until})
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    db.session.refresh(published)
    assert published.featured_until is None


def test_only_public_postings_can_be_featured(as_staff, submitted):
    until = (date.today() + timedelta(days=3)).isoformat()
    response = as_staff.post(f"/en/staff/postings/{submitted.id}/feature", data={"until": until})
    assert response.status_code == 409


def test_featured_postings_lead_the_home_page_until_they_expire(client):
    featured = PostingFactory(
        texts={"de": "Hervorgehobene Stelle"}, featured_until=utcnow() + timedelta(days=2)
    )
    expired = PostingFactory(
        texts={"de": "Früher hervorgehoben"}, featured_until=utcnow() - timedelta(minutes=1)
    )
    PostingFactory(texts={"de": "Normale Stelle"})
    html = client.get("/de/").get_data(as_text=True)
    section = _section(html, "featured-heading")
    assert "Hervorgehobene Stelle" in section
    assert "Früher hervorgehoben" not in section
    assert featured.is_featured() and not expired.is_featured()


def test_featured_matches_come_first_in_relevance_searches(client):
    for n in range(22):
        PostingFactory(texts={"en": {"title": f"Laser engineer {n}", "body": "Laser optics"}})
    lifted = PostingFactory(
        texts={"en": {"title": "Technician", "body": "Maintains the laser."}},
        featured_until=utcnow() + timedelta(days=5),
        published_at=utcnow() - timedelta(days=5),  # the oldest: last when sorted by date
    )
    PostingFactory(
        texts={"en": {"title": "Accountant", "body": "Numbers."}},
        featured_until=utcnow() + timedelta(days=5),
    )
    html = client.get("/en/jobs?q=laser").get_data(as_text=True)
    titles = _titles(html)
    assert titles[0] == "Technician"  # weakest match, but featured
    assert "Accountant" not in titles  # featured, but does not match
    first_card = html[html.index('class="card posting-card') :][:2000]
    assert "posting-card--featured" in first_card and "Featured" in first_card
    # Not on other sorts or pages.
    assert _titles(client.get("/en/jobs?q=laser&sort=newest").get_data(as_text=True))[0] != (
        "Technician"
    )
    page_two = _titles(client.get("/en/jobs?q=laser&page=2").get_data(as_text=True))
    assert "Technician" in page_two  # keeps its own place further down
    assert lifted.is_featured()


def test_expired_featuring_is_not_lifted_nor_marked(client):
    for n in range(3):
        PostingFactory(texts={"en": {"title": f"Laser engineer {n}", "body": "Laser optics"}})
    PostingFactory(
        texts={"en": {"title": "Technician", "body": "Maintains the laser."}},
        featured_until=utcnow() - timedelta(hours=1),
    )
    html = client.get("/en/jobs?q=laser").get_data(as_text=True)
    assert _titles(html)[-1] == "Technician"
    assert "posting-card--featured" not in html
    assert "badge--featured" not in html


def test_at_most_five_featured_matches_lead_best_first(app):
    from portal.services import search
    from portal.services.search import PostingQuery

    plain = [PostingFactory(texts={"en": {"title": f"Laser engineer {n}"}}) for n in range(3)]
    soon = utcnow() + timedelta(days=3)
    weak = [
        PostingFactory(
            texts={"en": {"title": f"Technician {n}", "body": "Maintains the laser."}},
            featured_until=soon,
        )
        for n in range(search.FEATURED_LIFTED)
    ]
    strong = PostingFactory(
        texts={"en": {"title": "Laser laser specialist", "body": "Laser."}}, featured_until=soon
    )
    ids = [hit.id for hit in search.search_postings(PostingQuery(q="laser"), "en").hits]
    assert ids[0] == strong.id  # the best featured match first
    assert len(ids) == len(plain) + len(weak) + 1  # each posting once
    lifted = ids[: search.FEATURED_LIFTED]
    assert len(set(lifted) & {p.id for p in weak}) == search.FEATURED_LIFTED - 1
    assert ids[search.FEATURED_LIFTED] in {p.id for p in plain}  # the rest by relevance


def test_suspended_featured_posting_is_nowhere(client, published):
    published.featured_until = utcnow() + timedelta(days=3)
    published.status = PostingStatus.SUSPENDED
    db.session.flush()
    assert "Laserphysiker" not in client.get("/de/").get_data(as_text=True)


# --- promoted courses ------------------------------------------------------------------------


def test_promoted_courses_lead_the_course_list_and_home_until_expiry(client, as_staff):
    soon = TrainingFactory(
        texts={"de": "Bald"}, starts_at=utcnow() + timedelta(days=2),
        ends_at=utcnow() + timedelta(days=2, hours=4),
    )  # fmt: skip
    later = TrainingFactory(
        texts={"de": "Später beworben"}, starts_at=utcnow() + timedelta(days=40),
        ends_at=utcnow() + timedelta(days=40, hours=4),
    )  # fmt: skip
    old_promo = TrainingFactory(
        texts={"de": "Werbung vorbei"}, starts_at=utcnow() + timedelta(days=20),
        ends_at=utcnow() + timedelta(days=20, hours=4),
        promoted_until=utcnow() - timedelta(hours=1),
    )  # fmt: skip
    db.session.commit()
    until = (date.today() + timedelta(days=7)).isoformat()
    response = as_staff.post(f"/de/staff/courses/{later.id}/promote", data={"until": until})
    assert response.status_code == 303
    html = client.get("/de/trainings").get_data(as_text=True)
    order = [html.index(t) for t in ("Später beworben", "Bald", "Werbung vorbei")]
    assert order == sorted(order)
    home = _section(client.get("/de/").get_data(as_text=True), "courses-heading")
    assert "Später beworben" in home and "Werbung vorbei" not in home
    assert soon.id and old_promo.id
    assert events("course.promote", later.id)

    response = as_staff.post(f"/de/staff/courses/{later.id}/unpromote")
    assert response.status_code == 303
    html = client.get("/de/trainings").get_data(as_text=True)
    assert html.index("Bald") < html.index("Später beworben")


def test_only_published_courses_can_be_promoted(as_staff):
    from portal.models import CourseStatus

    draft = TrainingFactory(status=CourseStatus.DRAFT)
    until = (date.today() + timedelta(days=7)).isoformat()
    response = as_staff.post(f"/en/staff/courses/{draft.id}/promote", data={"until": until})
    assert response.status_code == 409
    assert "Only a published course can be promoted." in response.get_data(as_text=True)
