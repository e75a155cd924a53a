"""Compliance hints: each rule fires when it should and stays quiet when it should not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from portal.models import Employment, PostingLocation, PostingStatus
from portal.services import compliance
from tests.factories import OrganisationFactory, PostingFactory


def _codes(posting) -> set[str]:
    return {hint.code for hint in compliance.check(posting)}


def _posting(**kwargs):
    """A posting that passes every check unless told otherwise."""
    texts = kwargs.pop("texts", {"de": {"title": "Laserphysiker*in", "body": "Wir bauen Laser."}})
    kwargs.setdefault("organisation", OrganisationFactory(logo="0" * 32 + ".png"))
    kwargs.setdefault("salary_min", 50000)
    kwargs.setdefault("salary_max", 60000)
    posting = PostingFactory(texts=texts, **kwargs)
    for location in posting.locations:
        location.postcode = "07745"
    return posting


def test_a_good_posting_has_no_hints():
    assert compliance.check(_posting()) == []


@pytest.mark.parametrize(
    "title",
    [
        "Entwicklungsingenieur Optik (m/w/d)",
        "Entwicklungsingenieur Optik (w/m/d)",
        "Laser Engineer (m/f/d)",
        "Physiker (d/m/w)",
        "Ingenieur*in Lasertechnik",
        "Ingenieur:in Lasertechnik",
        "Ingenieur_in Lasertechnik",
        "Ingenieur/-in Lasertechnik",
        "Ingenieur/in Lasertechnik",
        "Ingenieur(in) Lasertechnik",
        "IngenieurIn Lasertechnik",
        "Technikerin / Techniker Feinoptik",
        "Wissenschaftliche Mitarbeiterin / Wissenschaftlicher Mitarbeiter",
        "Softwareentwickler (all genders)",
        "Masterarbeit: Simulation von Freiformoptiken",
        "Praktikum Optikdesign",
        "Ausbildung Feinoptik (m/w/d)",
    ],
)
def test_inclusive_or_person_free_german_titles_pass(title):
    posting = _posting(texts={"de": {"title": title, "body": "Text"}})
    assert "gender_title" not in _codes(posting)


@pytest.mark.parametrize(
    "title",
    [
        "Entwicklungsingenieur Optik",
        "Laserphysiker",
        "Werkstudent Bildverarbeitung",
        "Projektleiter Halbleiterlaser",
        "Optical Engineer",
        "Ausbildung zum Feinoptiker",
    ],
)
def test_masculine_only_german_titles_get_a_hint(title):
    posting = _posting(texts={"de": {"title": title, "body": "Text"}})
    hints = [h for h in compliance.check(posting) if h.code == "gender_title"]
    assert len(hints) == 1 and hints[0].lang == "de"


def test_english_titles_are_not_checked_for_gender_forms():
    posting = _posting(texts={"en": {"title": "Laser physicist", "body": "We build lasers."}})
    assert "gender_title" not in _codes(posting)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie erwartet ein junges, dynamisches Team.", "junges, dynamisches Team"),
        ("Verstärken Sie unser junges Team!", "junges Team"),
        ("Wir suchen junge Kolleginnen und Kollegen.", "junge Kolleginnen"),
        ("Deutsch als Muttersprache", "Muttersprache"),
        ("Muttersprachler (Deutsch) bevorzugt", "Muttersprachler"),
        ("muttersprachliches Englisch", "muttersprachliches"),
        ("Sie sind max. 30 Jahre alt.", "max. 30 Jahre"),
        ("maximal 35 Jahre", "maximal 35 Jahre"),
        ("Alter: 25-35", "Alter: 25-35"),
        ("zwischen 25 und 35 Jahren", "zwischen 25 und 35 Jahren"),
        ("akzentfreies Deutsch", "akzentfreies"),
        ("deutscher Herkunft", "deutscher Herkunft"),
        ("You are a digital native.", "digital native"),
        ("Join our young and dynamic team", "young and dynamic team"),
        ("Native speaker of English", "Native speaker"),
        ("native German required", "native German"),
        ("English as mother tongue", "mother tongue"),
        ("Young Professionals welcome", "Young Professionals"),
        ("not older than 35", "not older than 35"),
        ("aged 25-35", "aged 25-35"),
    ],
)
def test_age_or_origin_coded_wording_is_found(text, expected):
    posting = _posting(texts={"de": {"title": "Optiker*in", "body": "Wir bauen Optiken.",
                                     "requirements": text}})  # fmt: skip
    hints = [h for h in compliance.check(posting) if h.code == "coded_wording"]
    assert len(hints) == 1
    assert expected.lower() in [w.lower() for w in hints[0].words]
    assert expected in str(hints[0].message) or expected.lower() in str(hints[0].message).lower()


@pytest.mark.parametrize(
    "text",
    [
        "Berufseinsteiger und erfahrene Fachkräfte sind willkommen.",
        "Absolventinnen und Absolventen der Physik",
        "Deutsch auf Niveau C1, Englisch B2",
        "ein junges Unternehmen aus Jena",  # the company is young, not the people
        "5 Jahre Berufserfahrung",
        "German at C2 level (near-native command)",
        "Wir fördern junge Talente in Schulprojekten",
        "30 Tage Urlaub",
    ],
)
def test_neutral_wording_gets_no_hint(text):
    posting = _posting(texts={"de": {"title": "Optiker*in", "body": text}})
    assert "coded_wording" not in _codes(posting)


def test_pay_hint_both_ways():
    assert "pay_missing" in _codes(_posting(salary_min=None, salary_max=None))
    assert "pay_missing" not in _codes(
        _posting(salary_min=None, salary_max=None, pay_scale="TV-L E13")
    )
    assert "pay_missing" not in _codes(_posting(salary_min=None, salary_max=3000))


def test_google_hints_both_ways():
    assert "google_description" in _codes(
        _posting(texts={"de": {"title": "Optiker*in", "body": ""}})
    )
    bare = _posting()
    bare.locations[0].postcode = None
    assert "google_postcode" in _codes(bare)
    no_place = _posting()
    no_place.locations.clear()
    assert "google_location" in _codes(no_place)
    assert "google_logo" in _codes(_posting(organisation=OrganisationFactory(logo=None)))
    published = _posting(status=PostingStatus.PUBLISHED)
    assert "google_valid_through" not in _codes(published)
    published.expires_at = None
    assert "google_valid_through" in _codes(published)
    draft = _posting(status=PostingStatus.DRAFT, expires_at=None)
    assert "google_valid_through" not in _codes(draft)  # set on publication
    no_time = _posting()
    no_time.employment = None
    assert "google_employment_type" in _codes(no_time)
    no_time.employment = Employment.EITHER
    assert "google_employment_type" not in _codes(no_time)
    assert isinstance(no_place.locations, list) and PostingLocation  # the list is the ORM's


def test_deadline_hint_both_ways():
    today = date(2026, 5, 10)
    past = _posting(deadline=today - timedelta(days=1))
    assert "deadline_past" in {h.code for h in compliance.check(past, today=today)}
    future = _posting(deadline=today)
    assert "deadline_past" not in {h.code for h in compliance.check(future, today=today)}


@pytest.mark.parametrize(("lang", "phrase"), [("de", "Allgemeines Gleichbehandlungsgesetz"),
                                              ("en", "General Equal Treatment Act")])  # fmt: skip
def test_hints_are_translated(app, lang, phrase):
    from flask_babel import force_locale

    posting = _posting(texts={"de": {"title": "Laserphysiker", "body": "Text"}})
    with app.test_request_context(), force_locale(lang):
        messages = [str(h.message) for h in compliance.check(posting)]
    assert any(phrase in m for m in messages)


def test_hints_never_block_saving(client_for, owner, organisation):
    from tests.employer.conftest import posting_form

    form = posting_form(**{"de-title": "Entwicklungsingenieur", "de-requirements": "Muttersprache Deutsch",
                           "salary_min": "", "salary_max": "", "salary_period": "",
                           "deadline": "2020-01-01"})  # fmt: skip
    response = client_for(owner).post("/de/employer/postings/new", data=form)
    assert response.status_code == 303
    body = client_for(owner).get(response.headers["Location"]).get_data(as_text=True)
    for code in ("gender_title", "coded_wording", "pay_missing", "deadline_past"):
        assert f'data-code="{code}"' in body
