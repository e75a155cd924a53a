"""GET /api/v1/postings and /api/v1/postings/<id>: public postings only, filters, paging."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from portal.models import (
    Employment,
    LanguageLevel,
    OrganisationStatus,
    PostingKind,
    PostingStatus,
    Remote,
    SalaryPeriod,
    utcnow,
)
from tests.api.support import assert_problem, link_rels
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory

LIST = "/api/v1/postings"


def _ids(response) -> list[int]:
    return _ids_of(response.get_json())


def _ids_of(body) -> list[int]:
    return [item["id"] for item in body["items"]]


def test_list_has_public_postings_with_both_texts_and_urls(client, conformance):
    topic = TopicFactory(slug="laser", name_de="Lasertechnik", name_en="Laser technology")
    posting = PostingFactory(
        texts={
            "de": {"title": "Laseringenieur (m/w/d)", "summary": "Kurz", "body": "**Text**"},
            "en": {"title": "Laser engineer", "requirements": "- optics"},
        },
        topics=[topic],
        cities=["Jena", "Erfurt"],
        salary_min=52000,
        salary_max=64000,
        salary_period=SalaryPeriod.YEAR,
        deadline=date(2031, 5, 1),
        english_level=LanguageLevel.B2,
        contact_name="Dr. Licht",
        contact_email="licht@example.org",
    )
    response = client.get(LIST)
    body = conformance.check(LIST, response)
    assert response.headers["X-Total-Count"] == "1"
    assert body["total"] == 1 and body["page"] == 1 and body["per_page"] == 20
    [item] = body["items"]
    assert item["id"] == posting.id
    assert item["texts"]["de"]["title"] == "Laseringenieur (m/w/d)"
    assert item["texts"]["de"]["body"] == "**Text**"  # Markdown as written
    assert item["texts"]["en"] == {
        "title": "Laser engineer",
        "summary": "",
        "body": "",
        "requirements": "- optics",
        "offer": "",
    }
    assert item["urls"] == {
        "de": f"http://portal.test/de/jobs/{posting.id}-laseringenieur-m-w-d",
        "en": f"http://portal.test/en/jobs/{posting.id}-laser-engineer",
    }
    assert item["organisation"]["slug"] == posting.organisation.slug
    assert item["organisation"]["urls"]["en"].endswith(
        f"/en/organisations/{posting.organisation.slug}"
    )
    assert [loc["city"] for loc in item["locations"]] == ["Jena", "Erfurt"]
    assert item["topics"] == [
        {"slug": "laser", "names": {"de": "Lasertechnik", "en": "Laser technology"}}
    ]
    assert item["salary"] == {"min": 52000, "max": 64000, "currency": "EUR", "period": "year"}
    assert item["deadline"] == "2031-05-01"
    assert item["english_level"] == "B2" and item["german_level"] is None
    assert item["contact"] == {"name": "Dr. Licht", "email": "licht@example.org"}
    assert item["published_at"].endswith("Z")


def test_a_posting_in_one_language_has_only_that_text(client, conformance):
    PostingFactory(texts={"en": "Optical designer"})
    body = conformance.check(LIST, client.get(LIST))
    assert list(body["items"][0]["texts"]) == ["en"]
    assert set(body["items"][0]["urls"]) == {"de", "en"}


@pytest.mark.parametrize(
    "status",
    [
        PostingStatus.DRAFT,
        PostingStatus.SUBMITTED,
        PostingStatus.REJECTED,
        PostingStatus.EXPIRED,
        PostingStatus.CLOSED,
        PostingStatus.SUSPENDED,
    ],
)
def test_non_public_postings_never_appear(client, status):
    visible = PostingFactory(texts={"en": "Laser engineer"})
    hidden = PostingFactory(texts={"en": "Laser engineer hidden"}, status=status)
    assert _ids(client.get(LIST)) == [visible.id]
    assert _ids(client.get(LIST, query_string={"q": "laser"})) == [visible.id]
    assert client.get(f"{LIST}/{hidden.id}").status_code in (404, 410)


def test_published_but_past_expiry_is_not_listed(client):
    PostingFactory(texts={"en": "Stale"}, expires_at=utcnow() - timedelta(hours=1))
    assert _ids(client.get(LIST)) == []


def test_postings_of_a_suspended_employer_are_hidden(client):
    org = OrganisationFactory(status=OrganisationStatus.SUSPENDED)
    posting = PostingFactory(texts={"en": "Hidden"}, organisation=org)
    assert _ids(client.get(LIST)) == []
    assert_problem(client.get(f"{LIST}/{posting.id}"), 404)


def test_q_finds_german_compounds(client, conformance):
    match = PostingFactory(texts={"de": "Ingenieur Lasertechnik (m/w/d)"})
    PostingFactory(texts={"de": "Buchhaltung (m/w/d)"})
    response = client.get(LIST, query_string={"q": "Laser"})
    conformance.check(LIST, response)
    assert _ids(response) == [match.id]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "thesis"}, "thesis"),
        ({"kind": ["thesis", "phd"]}, "both"),
        ({"remote": "remote"}, "thesis"),
        ({"employment": "part_time"}, "phd"),
        ({"lang": "en"}, "thesis"),
        ({"city": "Ilmenau"}, "phd"),
        ({"topic": "laser"}, "thesis"),
        ({"org": "lichtwerk"}, "phd"),
        ({"orgkind": "research_institute"}, "phd"),
        ({"leadership": "true"}, "phd"),
        ({"visa": "true"}, "thesis"),
        ({"leadership": "false", "kind": "thesis"}, "thesis"),
        ({"posted": "7"}, "thesis"),
    ],
)
def test_filters_match_the_list_page(client, conformance, query, expected):
    topic = TopicFactory(slug="laser")
    institute = OrganisationFactory(slug="lichtwerk", kind="research_institute")
    postings = {
        "thesis": PostingFactory(
            texts={"en": "Thesis"},
            kind=PostingKind.THESIS,
            remote=Remote.REMOTE,
            working_languages=["en"],
            topics=[topic],
            visa_support=True,
        ),
        "phd": PostingFactory(
            texts={"de": "Promotion"},
            kind=PostingKind.PHD,
            employment=Employment.PART_TIME,
            cities=["Ilmenau"],
            organisation=institute,
            leadership=True,
            published_at=utcnow() - timedelta(days=20),
        ),
    }
    PostingFactory(
        texts={"en": "Other job"}, kind=PostingKind.JOB, published_at=utcnow() - timedelta(days=40)
    )
    response = client.get(LIST, query_string=query)
    conformance.check(LIST, response)
    wanted = sorted(p.id for name, p in postings.items() if expected in (name, "both"))
    assert sorted(_ids(response)) == wanted


def test_facets_count_values_and_ignore_their_own_selection(client):
    PostingFactory(texts={"en": "A"}, kind=PostingKind.THESIS)
    PostingFactory(texts={"en": "B"}, kind=PostingKind.JOB)
    PostingFactory(texts={"en": "C"}, kind=PostingKind.JOB)
    body = client.get(LIST, query_string={"kind": "job"}).get_json()
    assert body["total"] == 2
    assert {f["value"]: f["count"] for f in body["facets"]["kind"]} == {"job": 2, "thesis": 1}


def test_sort_newest_and_relaxed_and_suggestion(client):
    old = PostingFactory(texts={"en": "Laser optics"}, published_at=utcnow() - timedelta(days=9))
    new = PostingFactory(texts={"en": "Laser sales"}, published_at=utcnow() - timedelta(hours=1))
    assert _ids(client.get(LIST, query_string={"sort": "newest"})) == [new.id, old.id]
    body = client.get(LIST, query_string={"q": "optics zebra"}).get_json()
    assert body["relaxed"] is True and old.id in _ids_of(body)
    assert client.get(LIST, query_string={"q": "lasr"}).get_json()["suggestion"] == "laser"


def test_pagination_with_link_headers_keeps_the_filters(client, conformance):
    for n in range(5):
        PostingFactory(texts={"en": f"Optics job {n}"}, kind=PostingKind.JOB)
    PostingFactory(texts={"en": "Thesis"}, kind=PostingKind.THESIS)
    query = {"kind": "job", "lang": "de", "per_page": "2", "sort": "newest"}
    first = client.get(LIST, query_string=query)
    conformance.check(LIST, first)
    assert first.headers["X-Total-Count"] == "5"
    rels = link_rels(first)
    assert set(rels) == {"first", "next", "last"}
    next_query = parse_qs(urlsplit(rels["next"]).query)
    assert next_query == {
        "kind": ["job"],
        "lang": ["de"],
        "per_page": ["2"],
        "sort": ["newest"],
        "page": ["2"],
    }
    assert rels["next"].startswith("http://portal.test/api/v1/postings?")
    assert parse_qs(urlsplit(rels["last"]).query)["page"] == ["3"]

    seen = _ids(first)
    response = first
    while "next" in link_rels(response):
        response = client.get(link_rels(response)["next"])
        assert response.status_code == 200
        seen += _ids(response)
    assert len(seen) == len(set(seen)) == 5
    assert set(link_rels(response)) == {"first", "prev", "last"}
    assert parse_qs(urlsplit(link_rels(response)["prev"]).query)["page"] == ["2"]


def test_page_past_the_end_is_empty(client):
    PostingFactory()
    response = client.get(LIST, query_string={"page": "7"})
    assert response.status_code == 200
    assert response.get_json()["items"] == [] and response.get_json()["total"] == 1
    assert parse_qs(urlsplit(link_rels(response)["prev"]).query)["page"] == ["1"]


@pytest.mark.parametrize("per_page", ["1", "100"])
def test_per_page_bounds_are_accepted(client, per_page):
    PostingFactory()
    response = client.get(LIST, query_string={"per_page": per_page})
    assert response.status_code == 200
    assert response.get_json()["per_page"] == int(per_page)


@pytest.mark.parametrize(
    ("query", "bad"),
    [
        ("per_page=101", ["per_page"]),
        ("per_page=0", ["per_page"]),
        ("page=0", ["page"]),
        ("page=-1", ["page"]),
        ("page=abc", ["page"]),
        ("page=1.5", ["page"]),
        ("page=99999999999999999999999", ["page"]),
        ("page=10001", ["page"]),
        ("page=101&per_page=100", ["page"]),
        ("page=1&page=2", ["page"]),
        ("kind=astronaut", ["kind"]),
        ("kind=job&kind=moon", ["kind"]),
        ("remote=moon", ["remote"]),
        ("employment=sometimes", ["employment"]),
        ("orgkind=club", ["orgkind"]),
        ("lang=fr", ["lang"]),
        ("posted=3", ["posted"]),
        ("posted=abc", ["posted"]),
        ("sort=random", ["sort"]),
        ("leadership=maybe", ["leadership"]),
        ("leadership=1", ["leadership"]),
        ("visa=", ["visa"]),
        ("topic=no-such-topic", ["topic"]),
        ("org=no-such-org", ["org"]),
        ("city=", ["city"]),
        ("city=" + "x" * 101, ["city"]),
        ("q=" + "x" * 201, ["q"]),
        ("&".join(["kind=job"] * 21), ["kind"]),
        ("colour=blue", ["colour"]),
        ("kind=astronaut&sort=random&foo=1", ["foo", "kind", "sort"]),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_parameters(client, conformance, query, bad):
    PostingFactory()
    response = client.get(f"{LIST}?{query}")
    body = assert_problem(response, 400)
    conformance.check(LIST, response)
    assert sorted({p["name"] for p in body["invalid_params"]}) == bad
    assert all(p["reason"] for p in body["invalid_params"])


def test_a_pending_organisation_is_an_unknown_filter_value(client):
    OrganisationFactory(slug="secret", status=OrganisationStatus.PENDING)
    body = assert_problem(client.get(LIST, query_string={"org": "secret"}), 400)
    assert body["invalid_params"] == [{"name": "org", "reason": "unknown organisation: secret"}]


@pytest.mark.parametrize("q", ['"', "AND", "*", "title_de:x", "(", "\x00null", "💡 laser", "-"])
def test_any_query_text_is_searched_never_an_error(client, conformance, q):
    PostingFactory(texts={"en": "Laser engineer"})
    response = client.get(LIST, query_string={"q": q})
    assert response.status_code == 200
    conformance.check(LIST, response)


def test_unavailable_search_is_a_503_problem(client, monkeypatch, conformance):
    from portal.services import search

    monkeypatch.setattr(
        search,
        "search_postings",
        lambda query, ui_lang="de": search.SearchResult([], 0, 1, 20, available=False),
    )
    response = client.get(LIST)
    assert_problem(response, 503)
    conformance.check(LIST, response)
    assert response.headers["Retry-After"] == "30"


# --- detail ---------------------------------------------------------------------------------


def test_detail_of_a_public_posting(client, conformance):
    posting = PostingFactory(
        texts={"de": "Optikdesigner", "en": "Optical designer"},
        pay_scale="TV-L E13",
        apply_url=None,
        apply_email="jobs@example.org",
    )
    response = client.get(f"{LIST}/{posting.id}")
    body = conformance.check(f"{LIST}/{{id}}", response)
    assert body["id"] == posting.id
    assert set(body["texts"]) == {"de", "en"}
    assert body["pay_scale"] == "TV-L E13" and body["salary"] is None
    assert body["apply_email"] == "jobs@example.org" and body["apply_url"] is None
    # The list and the detail describe a posting the same way.
    assert client.get(LIST).get_json()["items"] == [body]


@pytest.mark.parametrize(
    "status", [PostingStatus.EXPIRED, PostingStatus.CLOSED, PostingStatus.SUSPENDED]
)
def test_detail_of_a_once_public_posting_is_410(client, conformance, status):
    posting = PostingFactory(status=status)
    response = client.get(f"{LIST}/{posting.id}")
    assert_problem(response, 410)
    conformance.check(f"{LIST}/{{id}}", response)


def test_detail_of_a_published_posting_past_expiry_is_410(client):
    posting = PostingFactory(expires_at=utcnow() - timedelta(minutes=1))
    assert_problem(client.get(f"{LIST}/{posting.id}"), 410)


@pytest.mark.parametrize(
    "status", [PostingStatus.DRAFT, PostingStatus.SUBMITTED, PostingStatus.REJECTED]
)
def test_detail_of_a_never_public_posting_is_404(client, conformance, status):
    posting = PostingFactory(status=status, published_at=None)
    response = client.get(f"{LIST}/{posting.id}")
    assert_problem(response, 404)
    conformance.check(f"{LIST}/{{id}}", response)


@pytest.mark.parametrize(
    "path", ["/999999", "/0", "/9223372036854775808", "/99999999999999999999999", "/abc", "/-1"]
)
def test_detail_of_unknown_ids_is_404(client, path):
    assert_problem(client.get(LIST + path), 404)


def test_detail_rejects_query_parameters(client):
    posting = PostingFactory()
    body = assert_problem(client.get(f"{LIST}/{posting.id}?lang=en"), 400)
    assert body["invalid_params"] == [{"name": "lang", "reason": "unknown parameter"}]
