"""The demo seed (`flask portal seed-demo`), the topic taxonomy and the standard pages."""

from __future__ import annotations

import re
from collections import Counter
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import (
    CourseFormat,
    CourseStatus,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Page,
    Posting,
    PostingKind,
    PostingLocation,
    PostingStatus,
    PostingText,
    SalaryPeriod,
    Topic,
    TrainingCourse,
    TrainingSession,
    TrainingText,
    utcnow,
)
from portal.services import content, demo, taxonomy
from tests.factories import OrganisationFactory, PostingFactory


@pytest.fixture
def counts() -> dict[str, int]:
    return demo.seed_demo()


def _all(model):
    return db.session.scalars(sa.select(model)).all()


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def _demo_postings() -> list[Posting]:
    return db.session.scalars(sa.select(Posting).where(Posting.is_demo.is_(True))).all()


def _words(text: PostingText) -> int:
    return len(re.findall(r"\w+", " ".join((text.body, text.requirements, text.offer))))


def test_counts_meet_the_minimums(counts):
    assert counts["organisations"] >= 14
    assert counts["postings"] >= 90
    assert counts["trainings"] >= 12
    assert counts["topics"] == len(taxonomy.TOPICS) == 20
    assert counts["pages"] == len(content.PAGES) == 5
    assert _count(Organisation) == counts["organisations"]
    assert _count(Posting) == counts["postings"]
    assert _count(TrainingCourse) == counts["trainings"]
    assert _count(Topic) == counts["topics"]
    assert _count(Page) == counts["pages"]


def test_every_kind_is_present_and_public(counts):
    postings = _demo_postings()
    assert {p.kind for p in postings} == set(PostingKind)
    assert {p.kind for p in postings if p.is_public()} == set(PostingKind)
    assert {o.kind for o in _all(Organisation)} == set(OrganisationKind)


def test_postings_are_written_in_german_english_or_both(counts):
    langs = Counter(tuple(p.langs) for p in _demo_postings())
    total = sum(langs.values())
    assert set(langs) == {("de",), ("en",), ("de", "en")}
    assert 0.2 <= langs[("de",)] / total <= 0.4
    assert 0.15 <= langs[("en",)] / total <= 0.35


def test_demo_organisations_are_clearly_marked(counts):
    orgs = _all(Organisation)
    for org in orgs:
        assert org.name.endswith(" (Demo)")
        assert org.is_demo
        assert org.description_de.startswith("Fiktive Demo-Organisation")
        assert org.description_en.startswith("Fictional demo organisation")
        assert org.website.startswith("https://") and org.website.endswith(".example")
        assert org.logo is None
        assert org.postcode and org.city and org.employees and org.founded_year
    statuses = Counter(org.status for org in orgs)
    assert statuses[OrganisationStatus.PENDING] in (1, 2)
    assert statuses[OrganisationStatus.APPROVED] == len(orgs) - statuses[OrganisationStatus.PENDING]
    assert any(org.member for org in orgs) and not all(org.member for org in orgs)
    assert 1 <= sum(org.auto_publish for org in orgs) <= 2
    assert {"Jena", "Erfurt", "Ilmenau", "Weimar", "Gera", "Suhl", "Saalfeld"} <= {
        org.city for org in orgs
    }
    assert all(p.is_demo for p in _all(Posting))
    assert all(c.is_demo for c in _all(TrainingCourse))


def test_seeding_twice_is_idempotent(counts):
    def snapshot():
        return {
            "orgs": sorted((o.id, o.slug) for o in _all(Organisation)),
            "postings": sorted((p.id, p.external_id, p.organisation_id) for p in _all(Posting)),
            "texts": sorted((t.id, t.posting_id, t.lang) for t in _all(PostingText)),
            "locations": sorted((loc.id, loc.posting_id) for loc in _all(PostingLocation)),
            "courses": sorted(c.id for c in _all(TrainingCourse)),
            "course_texts": sorted(t.id for t in _all(TrainingText)),
            "sessions": sorted(s.id for s in _all(TrainingSession)),
            "topics": sorted(t.id for t in _all(Topic)),
            "pages": sorted(p.id for p in _all(Page)),
        }

    first = snapshot()
    assert demo.seed_demo() == counts
    db.session.expire_all()
    assert snapshot() == first

    slugs = [o.slug for o in _all(Organisation)]
    external_ids = [p.external_id for p in _all(Posting)]
    assert len(slugs) == len(set(slugs))
    assert len(external_ids) == len(set(external_ids))
    assert all(re.fullmatch(r"demo-\d+", eid) for eid in external_ids)


def test_plans_are_deterministic():
    now = utcnow()
    first, second = demo.plan_postings(now), demo.plan_postings(now)
    assert [(p.external_id, p.fields, p.texts, p.locations) for p in first] == [
        (p.external_id, p.fields, p.texts, p.locations) for p in second
    ]


def test_published_postings_are_public_and_complete(counts):
    now = utcnow()
    published = [p for p in _demo_postings() if p.status == PostingStatus.PUBLISHED]
    assert len(published) >= 0.8 * counts["postings"]
    for posting in published:
        assert posting.is_public(now)
        assert posting.organisation.status == OrganisationStatus.APPROVED
        assert now - timedelta(days=50) <= posting.published_at <= now
        assert posting.expires_at == posting.published_at + timedelta(days=60)
        assert posting.texts and posting.locations
        assert 1 <= len(posting.topics) <= 3
        assert 1 <= len(posting.locations) <= 3
        assert posting.apply_url or posting.apply_email
        assert posting.working_languages
        assert posting.deadline is None or posting.deadline > now.date()
    with_pay = [p for p in published if p.salary_min is not None or p.pay_scale]
    assert len(with_pay) >= 0.8 * len(published)
    assert sum(p.is_featured(now) for p in published) >= 2


def test_posting_texts_are_full_ads(counts):
    for posting in _demo_postings():
        for text in posting.texts:
            assert text.title and text.summary and text.body
            assert len(text.summary) <= 300
            assert 150 <= _words(text) <= 400, (posting.external_id, text.lang, _words(text))
            assert text.requirements.startswith("- ") and text.offer.startswith("- ")
            assert "{" not in text.body + text.summary


def test_pay_fits_the_kind_of_post(counts):
    postings = _demo_postings()
    for posting in postings:
        if posting.salary_min is not None:
            assert posting.salary_min <= posting.salary_max
            assert posting.salary_currency == "EUR"
        if posting.kind == PostingKind.WORKING_STUDENT:
            assert posting.salary_period == SalaryPeriod.HOUR
    periods = {p.salary_period for p in postings if p.salary_period}
    assert periods == set(SalaryPeriod)
    assert any(p.pay_scale == "TV-L E13" for p in postings)
    assert any(p.kind == PostingKind.PHD and "%" in (p.pay_scale or "") for p in postings)
    apprenticeships = [p for p in postings if p.kind == PostingKind.APPRENTICESHIP]
    assert all(p.salary_period == SalaryPeriod.MONTH or p.pay_scale for p in apprenticeships)


def test_postings_show_the_portal_features(counts):
    postings = _demo_postings()
    assert any(p.leadership and p.employment.value != "full_time" for p in postings)
    assert any(p.visa_support for p in postings)
    assert any(len(p.locations) > 1 for p in postings)
    assert any(loc.country == "AT" for p in postings for loc in p.locations)
    assert any(p.start_date is None for p in postings)
    assert any(p.start_date is not None for p in postings)
    assert any(p.deadline for p in postings)
    assert any(p.german_level for p in postings) and any(p.english_level for p in postings)
    assert {p.remote.value for p in postings} == {"onsite", "hybrid", "remote"}


def test_every_other_status_is_present(counts):
    now = utcnow()
    by_status: dict[PostingStatus, list[Posting]] = {}
    for posting in _demo_postings():
        by_status.setdefault(posting.status, []).append(posting)
    assert set(by_status) == set(PostingStatus)
    for posting in by_status[PostingStatus.REJECTED]:
        assert posting.rejection_reason
    for posting in by_status[PostingStatus.EXPIRED]:
        assert posting.expires_at < now
    for posting in by_status[PostingStatus.SUBMITTED]:
        assert posting.submitted_at and posting.published_at is None
    for status in set(PostingStatus) - {PostingStatus.PUBLISHED}:
        assert not any(p.is_public(now) for p in by_status[status])
    pending = [o for o in _all(Organisation) if o.status == OrganisationStatus.PENDING]
    for org in pending:
        assert all(p.status in (PostingStatus.SUBMITTED, PostingStatus.DRAFT) for p in org.postings)


def test_courses(counts):
    now = utcnow()
    courses = _all(TrainingCourse)
    assert {c.format for c in courses} == set(CourseFormat)
    assert {CourseStatus.PUBLISHED, CourseStatus.DRAFT, CourseStatus.CANCELLED} <= {
        c.status for c in courses
    }
    assert any(c.organisation is None for c in courses)
    assert any(c.organisation is not None for c in courses)
    assert any(len(c.sessions) > 1 for c in courses)
    assert any(c.is_free for c in courses) and any(not c.is_free for c in courses)
    assert sum(c.is_promoted(now) for c in courses) >= 2
    assert {c.language for c in courses} == {"de", "en"}
    for course in courses:
        assert course.texts and course.sessions
        assert course.fee_amount is None or isinstance(course.fee_amount, Decimal)
        assert course.registration_url.startswith("https://")
        assert ".example/" in course.registration_url
        assert course.starts_at == course.sessions[0].starts_at
        assert course.ends_at == course.sessions[-1].ends_at
        for text in course.texts:
            assert text.title and text.body and text.target_group
            assert len(text.summary) <= 300
        if course.status == CourseStatus.PUBLISHED:
            assert now + timedelta(days=1) <= course.starts_at <= now + timedelta(days=121)
            assert course.published_at is not None


def test_pages_exist_in_both_languages(counts):
    pages = {page.slug: page for page in _all(Page)}
    assert set(pages) == {"imprint", "privacy", "accessibility", "about", "working-in-thuringia"}
    for page in pages.values():
        assert page.title_de and page.title_en
        assert len(page.body_de.split()) > 150 and len(page.body_en.split()) > 150
    guide = pages["working-in-thuringia"]
    assert len(guide.body_de.split()) > 600 and len(guide.body_en.split()) > 600
    assert "(m/w/d)" in guide.body_en and "TV-L" in guide.body_en and "Probezeit" in guide.body_en
    assert "Photonik-Cluster Thüringen (Demo-Angaben)" in pages["imprint"].body_de
    assert "Schlichtungsstelle" in pages["accessibility"].body_de
    assert "Double-Opt-in" in pages["privacy"].body_de


def test_ensure_pages_keeps_edited_pages():
    db.session.add(Page(slug="privacy", title_de="Datenschutz", title_en="Privacy", body_de="X"))
    db.session.flush()
    assert content.ensure_pages() == 5
    page = db.session.scalar(sa.select(Page).where(Page.slug == "privacy"))
    page.body_en = "Edited by staff"
    db.session.commit()

    demo.seed_demo()
    assert content.ensure_pages() == 5
    db.session.expire_all()
    page = db.session.scalar(sa.select(Page).where(Page.slug == "privacy"))
    assert (page.title_de, page.body_de, page.body_en) == ("Datenschutz", "X", "Edited by staff")
    assert _count(Page) == 5


def test_ensure_topics_is_idempotent_and_restores_names():
    assert taxonomy.ensure_topics() == 20
    laser = db.session.scalar(sa.select(Topic).where(Topic.slug == "laser-technology"))
    laser.name_de = "Laser"
    db.session.flush()
    assert taxonomy.ensure_topics() == 20
    assert laser.name_de == "Lasertechnik" and laser.name_en == "Laser technology"
    assert _count(Topic) == 20
    names = {t.name_de for t in _all(Topic)}
    assert {"Optikdesign & Simulation", "Präzisionsoptik & Fertigung", "Verwaltung"} <= names


def test_reseeding_removes_stale_demo_postings_only(counts):
    org = db.session.scalar(sa.select(Organisation).where(Organisation.is_demo.is_(True)))
    stale = PostingFactory(organisation=org, external_id="demo-99999", is_demo=True)
    real = PostingFactory(external_id="demo-1")  # another organisation's own id
    stale_id, real_id = stale.id, real.id
    db.session.commit()

    assert demo.seed_demo() == counts
    assert db.session.get(Posting, stale_id) is None
    assert db.session.get(Posting, real_id) is not None


def test_seed_refuses_to_take_over_a_real_organisation():
    OrganisationFactory(slug=demo.ORGANISATIONS[0].slug, is_demo=False)
    with pytest.raises(RuntimeError):
        demo.seed_demo()


def test_cli_seed_demo(runner):
    result = runner.invoke(args=["portal", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^postings: \d+$", result.output, re.MULTILINE)
    assert "organisations:" in result.output and "trainings:" in result.output
    assert _count(Posting) >= 90
