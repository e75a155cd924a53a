"""Posting detail, apply, report, gone."""

import json
import re
from datetime import timedelta

import pytest

from portal.models import (
    Employment,
    PostingReport,
    PostingStatus,
    Remote,
    SalaryPeriod,
    utcnow,
)
from tests.factories import OrganisationFactory, PostingFactory


def _jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


@pytest.fixture
def posting():
    return PostingFactory(
        texts={
            "de": {
                "title": "Laseringenieur (m/w/d)",
                "summary": "Kurz",
                "body": "Wir **bauen** Laser.",
            },
            "en": {"title": "Laser engineer", "summary": "Short", "body": "We build lasers."},
        },
        cities=["Jena", "Erfurt"],
        salary_min=52000,
        salary_max=64000,
        salary_period=SalaryPeriod.YEAR,
        employment=Employment.FULL_TIME,
    )


@pytest.mark.parametrize(
    ("lang", "title", "slug"),
    [
        ("de", "Laseringenieur (m/w/d)", "laseringenieur-m-w-d"),
        ("en", "Laser engineer", "laser-engineer"),
    ],
)
def test_detail_in_both_languages_with_canonical_slug(client, posting, lang, title, slug):
    response = client.get(f"/{lang}/jobs/{posting.id}-{slug}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f">{title}</h1>" in html
    assert f'rel="canonical" href="http://portal.test/{lang}/jobs/{posting.id}-{slug}"' in html


@pytest.mark.parametrize("path", ["{id}", "{id}-wrong-slug", "{id}-laser-engineer"])
def test_wrong_or_missing_slug_redirects_permanently(client, posting, path):
    response = client.get("/de/jobs/" + path.format(id=posting.id))
    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/de/jobs/{posting.id}-laseringenieur-m-w-d")


def test_money_formatted_per_locale(client, posting):
    de = client.get(f"/de/jobs/{posting.id}-laseringenieur-m-w-d").get_data(as_text=True)
    en = client.get(f"/en/jobs/{posting.id}-laser-engineer").get_data(as_text=True)
    assert "52.000\xa0€ – 64.000\xa0€ pro Jahr" in de
    assert "€52,000 – €64,000 per year" in en


def test_markdown_body_is_rendered_and_sanitized(client):
    p = PostingFactory(
        texts={
            "en": {
                "title": "Optics",
                "body": "**bold** <script>alert(1)</script> [x](javascript:alert(1))",
            }
        }
    )
    html = client.get(f"/en/jobs/{p.id}-optics").get_data(as_text=True)
    assert "<strong>bold</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert 'href="javascript:' not in html


def test_posting_only_in_german_is_marked_in_english_ui(client):
    p = PostingFactory(texts={"de": "Feinoptiker (m/w/d)"})
    html = client.get(f"/en/jobs/{p.id}-feinoptiker-m-w-d").get_data(as_text=True)
    assert "This posting is only available in German." in html
    assert '<h1 id="posting-title" lang="de">' in html


def test_jsonld_has_google_for_jobs_properties(client, posting):
    html = client.get(f"/en/jobs/{posting.id}-laser-engineer").get_data(as_text=True)
    data = _jsonld(html)
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Laser engineer"
    assert "<p>We build lasers.</p>" in data["description"]
    assert data["datePosted"] == posting.published_at.date().isoformat()
    assert data["validThrough"].startswith(posting.expires_at.date().isoformat())
    assert data["employmentType"] == ["FULL_TIME"]
    assert data["hiringOrganization"]["name"] == posting.organisation.name
    assert data["hiringOrganization"]["sameAs"]
    cities = [place["address"]["addressLocality"] for place in data["jobLocation"]]
    assert cities == ["Jena", "Erfurt"]
    assert all(p["address"]["addressCountry"] == "DE" for p in data["jobLocation"])
    assert data["baseSalary"]["currency"] == "EUR"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 52000,
        "maxValue": 64000,
        "unitText": "YEAR",
    }
    assert data["identifier"]["value"] == str(posting.id)
    assert data["directApply"] is False
    assert "jobLocationType" not in data


def test_jsonld_remote_posting_is_telecommute(client):
    p = PostingFactory(texts={"en": "Remote optics"}, remote=Remote.REMOTE, cities=["Jena"])
    data = _jsonld(client.get(f"/en/jobs/{p.id}-remote-optics").get_data(as_text=True))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "DE"}]


def test_jsonld_cannot_break_out_of_script(client):
    p = PostingFactory(texts={"en": "Engineer </script><script>alert(1)</script>"})
    html = client.get(f"/en/jobs/{p.id}").headers["Location"]
    html = client.get(html).get_data(as_text=True)
    assert "</script><script>alert(1)" not in html
    assert _jsonld(html)["title"].startswith("Engineer </script>")


def test_view_is_counted(client, posting, db):
    from portal.models import DailyStat

    client.get(f"/de/jobs/{posting.id}-laseringenieur-m-w-d")
    client.get(f"/de/jobs/{posting.id}-laseringenieur-m-w-d")
    db.session.refresh(posting)
    assert posting.view_count == 2
    stat = db.session.scalar(db.select(DailyStat).where(DailyStat.posting_id == posting.id))
    assert stat.views == 2


@pytest.mark.parametrize(
    "status", [PostingStatus.DRAFT, PostingStatus.SUBMITTED, PostingStatus.REJECTED]
)
def test_never_published_postings_are_404(client, status):
    p = PostingFactory(status=status, published_at=None)
    assert client.get(f"/de/jobs/{p.id}").status_code == 404
    assert client.get(f"/de/jobs/{p.id}/apply").status_code == 404
    assert client.get(f"/de/jobs/{p.id}/report").status_code == 404


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "change",
    [
        {"status": PostingStatus.CLOSED},
        {"status": PostingStatus.EXPIRED},
        {"status": PostingStatus.SUSPENDED},
        {"expires_at": "past"},
    ],
)
def test_closed_or_expired_posting_is_gone_with_similar(client, lang, change):
    org = OrganisationFactory()
    values = {k: (utcnow() - timedelta(days=1) if v == "past" else v) for k, v in change.items()}
    gone = PostingFactory(
        texts={"de": "Laseringenieur Jena", "en": "Laser engineer Jena"}, organisation=org, **values
    )
    PostingFactory(texts={"de": "Laseringenieur Erfurt", "en": "Laser engineer Erfurt"})
    response = client.get(f"/{lang}/jobs/{gone.id}-x")
    assert response.status_code == 410
    html = response.get_data(as_text=True)
    assert ("nicht mehr offen" if lang == "de" else "no longer open") in html
    assert "application/ld+json" not in html
    assert "Erfurt" in html  # a similar open posting


def test_apply_counts_click_and_redirects(client, posting, db):
    response = client.get(f"/en/jobs/{posting.id}/apply")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://example.org/apply"
    db.session.refresh(posting)
    assert posting.apply_click_count == 1


def test_apply_by_email_shows_address(client):
    p = PostingFactory(apply_url=None, apply_email="jobs@example.org")
    response = client.get(f"/de/jobs/{p.id}/apply")
    assert response.status_code == 200
    assert "mailto:jobs@example.org" in response.get_data(as_text=True)


def test_report_form_in_both_languages(client, posting):
    assert "Stellenanzeige melden" in client.get(f"/de/jobs/{posting.id}/report").get_data(
        as_text=True
    )
    assert "Report this posting" in client.get(f"/en/jobs/{posting.id}/report").get_data(
        as_text=True
    )


def test_report_is_stored(client, posting, db):
    response = client.post(
        f"/en/jobs/{posting.id}/report",
        data={"reason": "scam", "message": "Asks for money up front.", "email": "A@Example.org"},
    )
    assert response.status_code == 303
    report = db.session.scalar(
        db.select(PostingReport).where(PostingReport.posting_id == posting.id)
    )
    assert report.reason.value == "scam"
    assert report.reporter_email == "a@example.org"
    assert report.lang == "en"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"reason": "scam", "message": "short"}, "10"),
        ({"reason": "nonsense", "message": "A long enough message"}, "Not a valid choice"),
        ({"reason": "scam", "message": "x" * 2001}, "2000"),
        ({"reason": "scam", "message": "A long enough message", "email": "nope"}, "email"),
    ],
)
def test_report_bad_input_is_400_and_keeps_input(client, posting, db, data, error):
    response = client.post(f"/en/jobs/{posting.id}/report", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert error.lower() in html.lower()
    assert "Please correct the marked fields." in html
    assert data["message"][:50] in html
    assert db.session.scalar(db.select(db.func.count(PostingReport.id))) == 0


def test_report_errors_are_translated(client, posting):
    html = client.post(
        f"/de/jobs/{posting.id}/report", data={"reason": "scam", "message": "kurz"}
    ).get_data(as_text=True)
    assert "Bitte korrigieren" in html


@pytest.mark.parametrize(
    "path",
    [
        "/de/jobs/2147483648",
        "/en/jobs/99999999999999999999/apply",
        "/de/trainings/3000000000.ics",
        "/de/jobs/0",
    ],
)
def test_ids_beyond_the_column_range_are_plain_404(client, path):
    assert client.get(path).status_code == 404
