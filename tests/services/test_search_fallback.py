"""When the index cannot be read, /jobs answers from the database (`search_fallback`)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.models import Employment, PostingKind, PostingStatus, utcnow
from portal.services import search
from portal.services.search import PostingQuery
from tests.factories import OrganisationFactory, PostingFactory


@pytest.fixture
def broken_index(monkeypatch):
    def unreadable(fn):
        raise OSError("index volume lost")

    monkeypatch.setattr(search, "_with_searcher", unreadable)


@pytest.fixture
def postings(db):
    zeiss = OrganisationFactory(name="Fallback Optik GmbH", slug="fallback-optik")
    now = utcnow()
    made = {
        "laser": PostingFactory(
            organisation=zeiss,
            texts={"de": {"title": "Laserphysikerin (m/w/d)", "body": "Ultrakurzpuls 100%"}},
            published_at=now - timedelta(days=3),
        ),
        "thesis": PostingFactory(
            kind=PostingKind.THESIS,
            texts={"en": {"title": "Master thesis in optics", "body": "Fibre lasers"}},
            published_at=now - timedelta(days=1),
        ),
        "old": PostingFactory(
            texts={"de": {"title": "Optikerin", "body": "Feinoptik"}},
            published_at=now - timedelta(days=40),
            employment=Employment.PART_TIME,
        ),
        "closed": PostingFactory(
            texts={"de": {"title": "Laser geschlossen", "body": ""}},
            status=PostingStatus.CLOSED,
        ),
    }
    db.session.commit()
    return made


def ids(query: PostingQuery) -> list[int]:
    result = search.search_postings(query, "de")
    assert result.available is False and result.facets == {}
    return [hit.id for hit in result.hits]


def test_words_filters_and_order_come_from_the_database(broken_index, postings):
    p = postings
    assert ids(PostingQuery()) == [p["thesis"].id, p["laser"].id, p["old"].id]  # newest first
    assert ids(PostingQuery(q="laser")) == [p["thesis"].id, p["laser"].id]  # title or body
    assert ids(PostingQuery(q="laser -thesis")) == [p["laser"].id]
    assert ids(PostingQuery(q="LASERPHYSIKERIN")) == [p["laser"].id]  # any case
    assert ids(PostingQuery(kind=("thesis",))) == [p["thesis"].id]
    assert ids(PostingQuery(org=("fallback-optik",))) == [p["laser"].id]
    assert ids(PostingQuery(employment=("part_time",))) == [p["old"].id]
    assert ids(PostingQuery(posted=7)) == [p["thesis"].id, p["laser"].id]
    assert p["closed"].id not in ids(PostingQuery(q="geschlossen"))


@pytest.mark.parametrize(
    "query",
    [
        PostingQuery(q="100%"),
        PostingQuery(q="_ \\ %% '\"; DROP TABLE postings"),
        PostingQuery(kind=("no-such-kind",), orgkind=("x",), remote=("?",)),
        PostingQuery(posted="many"),  # type: ignore[arg-type]
        PostingQuery(page=999, sort="deadline"),
    ],
)
def test_odd_input_gives_an_answer_not_an_error(broken_index, postings, query):
    result = search.search_postings(query, "de")
    assert result.available is False
    if query.q == "100%":  # a literal percent sign, not a wildcard
        assert [h.id for h in result.hits] == [postings["laser"].id]


@pytest.mark.parametrize(
    ("lang", "notice"),
    [("de", "Die Suche ist gerade eingeschränkt"), ("en", "Search is limited at the moment")],
)
def test_jobs_page_says_search_is_limited(client, broken_index, postings, lang, notice):
    response = client.get(f"/{lang}/jobs?q=laser")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert notice in html and f"/{lang}/jobs/{postings['laser'].id}-" in html


def test_no_notice_while_the_index_works(client, postings):
    html = client.get("/en/jobs?q=laser").get_data(as_text=True)
    assert "Search is limited" not in html
