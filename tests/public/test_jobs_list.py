"""The /jobs list: search, filters, facets, sorting, paging, bad input."""

import re

import pytest

from portal.models import PostingKind, PostingStatus, Remote
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory


def _titles(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'class="card__title"[^>]*>\s*<a [^>]*>(.*?)</a>', html, re.S)
    ]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_list_shows_public_postings_only(client, lang):
    PostingFactory(texts={"de": "Laseringenieur", "en": "Laser engineer"})
    PostingFactory(texts={"de": "Entwurf Laser"}, status=PostingStatus.DRAFT)
    response = client.get(f"/{lang}/jobs")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert _titles(html) == (["Laseringenieur"] if lang == "de" else ["Laser engineer"])
    assert ("1 Angebot gefunden" if lang == "de" else "1 posting found") in html


def test_search_highlights_and_finds_german_compounds(client):
    PostingFactory(texts={"de": "Ingenieur Lasertechnik (m/w/d)"})
    PostingFactory(texts={"de": "Buchhaltung (m/w/d)"})
    html = client.get("/de/jobs?q=Laser").get_data(as_text=True)
    assert _titles(html) == ["Ingenieur Lasertechnik (m/w/d)"]
    assert "<mark>" in html


def test_filter_by_kind_and_remote_with_facet_counts(client):
    PostingFactory(texts={"en": "Thesis optics"}, kind=PostingKind.THESIS, remote=Remote.REMOTE)
    PostingFactory(texts={"en": "Job optics"}, kind=PostingKind.JOB)
    PostingFactory(texts={"en": "Job optics 2"}, kind=PostingKind.JOB)
    html = client.get("/en/jobs?kind=job").get_data(as_text=True)
    assert sorted(_titles(html)) == ["Job optics", "Job optics 2"]
    # The kind facet still offers "Thesis" with its own count (disjunctive facets).
    assert re.search(
        r'value="thesis"[^>]*>\s*<label[^>]*>Thesis <span class="facet__count">\(1\)', html
    )


def test_filter_by_topic_org_and_city(client):
    topic = TopicFactory(slug="laser", name_en="Laser technology", name_de="Lasertechnik")
    org = OrganisationFactory(slug="lichtwerk", name="Lichtwerk (Demo)")
    PostingFactory(texts={"en": "Match"}, organisation=org, cities=["Ilmenau"], topics=[topic])
    PostingFactory(texts={"en": "Other"}, cities=["Jena"])
    for query in ("topic=laser", "org=lichtwerk", "city=Ilmenau"):
        html = client.get(f"/en/jobs?{query}").get_data(as_text=True)
        assert _titles(html) == ["Match"], query
    html = client.get("/en/jobs").get_data(as_text=True)
    assert "Laser technology" in html and "Lichtwerk (Demo)" in html


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "AND",
        "OR NOT",
        "*",
        "title_de:x",
        "[a TO",
        "(",
        "^~",
        "\x00null",
        "💡 laser",
        "<script>alert(1)</script>",
        "x" * 10_000,
        "a" * 300 + " laser",
        "%",
        "\\",
        "'; DROP TABLE",
    ],
)
def test_any_query_gives_a_normal_page_with_text_escaped(client, q):
    PostingFactory(texts={"en": "Laser engineer"})
    response = client.get("/en/jobs", query_string={"q": q})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize(
    "query",
    [
        "kind=astronaut",
        "remote=moon",
        "lang=fr",
        "posted=abc",
        "posted=9999",
        "sort=random",
        "page=abc",
        "page=-4",
        "page=99999999999999999999",
        "leadership=maybe",
        "topic=" + "x" * 500,
    ],
)
def test_unknown_filter_values_are_ignored(client, query):
    PostingFactory(texts={"en": "Laser engineer"})
    response = client.get(f"/en/jobs?{query}")
    assert response.status_code == 200


def test_page_beyond_the_end_is_empty_not_an_error(client):
    PostingFactory(texts={"en": "Laser engineer"})
    response = client.get("/en/jobs?page=50")
    assert response.status_code == 200
    assert _titles(response.get_data(as_text=True)) == []


def test_pagination_links_keep_filters(client, app):
    for n in range(app.config["POSTINGS_PER_PAGE"] + 3):
        PostingFactory(texts={"en": f"Optics job {n}"}, kind=PostingKind.JOB)
    html = client.get("/en/jobs?kind=job&sort=newest").get_data(as_text=True)
    assert len(_titles(html)) == app.config["POSTINGS_PER_PAGE"]
    next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1)
    assert "kind=job" in next_link and "page=2" in next_link and "sort=newest" in next_link
    html2 = client.get(next_link.replace("&amp;", "&")).get_data(as_text=True)
    assert len(_titles(html2)) == 3


def test_sort_by_newest(client):
    from datetime import timedelta

    from portal.models import utcnow

    PostingFactory(texts={"en": "Old"}, published_at=utcnow() - timedelta(days=9))
    PostingFactory(texts={"en": "New"}, published_at=utcnow() - timedelta(hours=1))
    assert _titles(client.get("/en/jobs?sort=newest").get_data(as_text=True)) == ["New", "Old"]


def test_did_you_mean(client):
    PostingFactory(texts={"en": "Laser engineer"})
    html = client.get("/en/jobs?q=lasr").get_data(as_text=True)
    assert "Did you mean" in html


def test_working_language_filter_does_not_clash_with_the_url_language(client):
    PostingFactory(texts={"en": "English job"}, working_languages=["en"])
    PostingFactory(texts={"de": "Deutsche Stelle"}, working_languages=["de"])
    html = client.get("/de/jobs?lang=en").get_data(as_text=True)
    assert _titles(html) == ["English job"]
    assert 'class="lang-switch" href="/en/jobs?lang=en"' in html
    assert 'href="/de/jobs.atom?lang=en"' in html
