"""One set of rules for a posting's content: the form, the write API and the import share them."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale

from portal.services import posting_rules, postings
from portal.services.importer import run_import
from portal.services.posting_rules import validate_posting_data
from tests.employer.conftest import posting_form
from tests.factories import PostingFactory, TopicFactory


def valid_data(**overrides):
    data = {
        "kind": "job",
        "texts": {"de": {"title": "Laseringenieur*in", "body": "Text"}},
        "locations": [{"city": "Jena"}],
        "working_languages": ["de"],
        "apply_url": "https://example.org/jobs/1",
    }
    data.update(overrides)
    return data


def test_clean_data_has_the_shape_the_services_write():
    clean, errors = validate_posting_data(valid_data(apply_email=" Jobs@Example.ORG "))
    assert errors == []
    posting = PostingFactory()
    assert set(clean) == set(postings.posting_data(posting))
    assert clean["employment"] == "full_time" and clean["remote"] == "onsite"
    assert clean["salary_currency"] == "EUR" and clean["apply_email"] == "jobs@example.org"
    assert clean["texts"] == {
        "de": {
            "title": "Laseringenieur*in",
            "summary": "",
            "body": "Text",
            "requirements": "",
            "offer": "",
        }
    }
    assert clean["locations"] == [{"city": "Jena", "postcode": None, "country": "DE"}]


def test_a_saved_posting_passes_its_own_rules_unchanged(organisation, owner):
    TopicFactory(slug="laser-technology")
    clean, errors = validate_posting_data(valid_data(topics=["laser-technology"]))
    posting = postings.create_posting(organisation, clean, owner)
    again, errors = validate_posting_data(postings.posting_data(posting))
    assert errors == [] and again == clean


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "posting",
        {"texts": "x"},
        {"locations": "Jena"},
        {"topics": "laser"},
        {"salary_min": "viel"},
    ],
)
def test_wrong_types_are_errors_not_crashes(data):
    _clean, errors = validate_posting_data(data)
    assert errors


# The same mistake through each door: (form fields, API body change, CSV cells, message).
SAME_RULE = [
    (
        {"salary_min": "70000", "salary_max": "50000"},
        {"salary": {"min": 70000, "max": 50000, "period": "year"}},
        {"salary_min": "70000", "salary_max": "50000"},
        "The upper end of the pay range is below the lower end.",
    ),
    (
        {"apply_url": "", "apply_email": ""},
        {"apply_url": None},
        {"apply_url": ""},
        "Please give a web page or an email address where people can apply.",
    ),
    (
        {"de-title": "T" * 201},
        {"texts": {"de": {"title": "T" * 201, "body": "Text"}}},
        {"title": "T" * 201},
        "200",
    ),
    (
        {"de-body": "", "en-title": "", "en-body": "", "en-summary": "", "en-requirements": "", "en-offer": ""},
        {"texts": {"de": {"title": "Laseringenieur*in", "body": ""}}},
        {"body": ""},
        "Please describe the post.",
    ),
    (
        {"locations-0-postcode": "!"},
        {"locations": [{"city": "Jena", "postcode": "!"}]},
        None,
        "Please enter a postcode of 3 to 10 letters, digits, spaces or hyphens.",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("form", "api", "csv", "message"), SAME_RULE)
def test_the_form_the_api_and_the_import_say_the_same(
    client, client_for, organisation, owner, form, api, csv, message
):
    from portal.services import api_tokens

    # the form
    response = client_for(owner).post("/en/employer/postings/new", data=posting_form(**form))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    # the write API
    _token, value = api_tokens.create_token(organisation, "ATS", owner)
    body = {
        "kind": "job",
        "texts": {"de": {"title": "Laseringenieur*in", "body": "Text"}},
        "locations": [{"city": "Jena"}],
        "apply_url": "https://example.org/1",
        **api,
    }
    response = client.post(
        "/api/v1/postings", json=body, headers={"Authorization": f"Bearer {value}"}
    )
    assert response.status_code == 422
    assert any(message in p["reason"] for p in response.get_json()["invalid_params"])
    # the import
    if csv is not None:
        cells = {
            "external_id": "A-1",
            "kind": "job",
            "lang": "de",
            "title": "Laseringenieur*in",
            "summary": "",
            "body": "Text",
            "city": "Jena",
            "employment": "",
            "remote": "",
            "deadline": "",
            "apply_url": "https://example.org/1",
            "salary_min": "",
            "salary_max": "",
            "topics": "",
            **csv,
        }
        raw = (";".join(cells) + "\n" + ";".join(cells.values()) + "\n").encode()
        report = run_import(organisation, raw, owner)
        with force_locale("en"):
            assert any(message in str(e.message) for e in report.errors)


def test_form_limits_come_from_the_rules(client_for, owner):
    body = client_for(owner).get("/en/employer/postings/new").get_data(as_text=True)
    title = re.search(r'<input[^>]*id="de-title"[^>]*>', body).group(0)
    assert f'maxlength="{posting_rules.TEXT_MAX["title"]}"' in title
    summary = re.search(r'<textarea[^>]*id="de-summary"[^>]*>', body).group(0)
    assert f'maxlength="{posting_rules.TEXT_MAX["summary"]}"' in summary


def test_url_and_email_checks():
    assert posting_rules.is_http_url("https://example.org/jobs?id=1")
    assert posting_rules.is_http_url("HTTP://Example.ORG")
    for bad in (
        "javascript:alert(1)",
        "ftp://example.org",
        "https://localhost/x",
        "https://x",
        "https://exa mple.org",
        "https://example.org:99999/",
    ):
        assert not posting_rules.is_http_url(bad), bad
    assert posting_rules.is_email("ada@example.org")
    assert not posting_rules.is_email("ada@")
