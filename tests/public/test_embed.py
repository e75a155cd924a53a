"""/embed/<lang>/organisations/<slug>: the list a member frames on its own careers page."""

from __future__ import annotations

import re

import pytest

from portal.models import OrganisationStatus, PostingKind, PostingStatus
from portal.services.embed import embed_snippet, website_origin
from tests.factories import OrganisationFactory, PostingFactory


def _frame_ancestors(response) -> str:
    return re.search(r"frame-ancestors ([^;]+)", response.headers["Content-Security-Policy"])[1]


@pytest.fixture
def firma():
    return OrganisationFactory(
        slug="firma",
        name="Firma Optik GmbH",
        website="https://firma.example/karriere",
        website_verified=True,
    )


@pytest.mark.parametrize(
    ("lang", "kind", "empty"),
    [("de", "Stelle", "Zurzeit keine offenen Stellen."), ("en", "Job", "No open positions")],
)
def test_embed_lists_open_postings_in_the_language(client, firma, lang, kind, empty):
    posting = PostingFactory(
        organisation=firma,
        texts={"de": "Laseringenieur", "en": "Laser engineer"},
        cities=["Jena", "Erfurt"],
    )
    PostingFactory(organisation=firma, texts={"de": "Entwurf"}, status=PostingStatus.DRAFT)
    PostingFactory(organisation=firma, texts={"de": "Vorbei"}, status=PostingStatus.CLOSED)
    PostingFactory(texts={"de": "Andere Firma"})
    response = client.get(f"/embed/{lang}/organisations/firma")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    title = "Laseringenieur" if lang == "de" else "Laser engineer"
    slug = "laseringenieur" if lang == "de" else "laser-engineer"
    links = re.findall(
        r'<a class="embed__link" href="([^"]+)" target="_blank" rel="noopener">', html
    )
    assert links == [f"http://portal.test/{lang}/jobs/{posting.id}-{slug}"]
    assert title in html and kind in html and "Jena, Erfurt" in html
    assert "Entwurf" not in html and "Vorbei" not in html and "Andere Firma" not in html
    assert "<time datetime=" in html
    assert empty not in html
    # Strict CSP: no script, no inline style, no event handler attributes.
    assert "<script" not in html and "<style" not in html and "style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert "/static/css/embed.css" in html and "portal.css" not in html


def test_a_text_in_the_other_language_is_marked(client, firma):
    PostingFactory(organisation=firma, texts={"de": "Laseringenieur"})
    html = client.get("/embed/en/organisations/firma").get_data(as_text=True)
    assert '<span lang="de">Laseringenieur</span>' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [("de", "Zurzeit keine offenen Stellen."), ("en", "No open positions at the moment.")],
)
def test_embed_without_postings_says_so(client, firma, lang, message):
    html = client.get(f"/embed/{lang}/organisations/firma").get_data(as_text=True)
    assert message in html
    assert 'class="embed__list"' not in html


def test_verified_website_may_frame_the_embed(client, firma):
    response = client.get("/embed/de/organisations/firma")
    assert _frame_ancestors(response) == "https://firma.example"
    assert "X-Frame-Options" not in response.headers  # DENY would override the CSP in old browsers


def test_unverified_website_may_not_frame_it(client):
    OrganisationFactory(slug="firma", website="https://firma.example", website_verified=False)
    response = client.get("/embed/de/organisations/firma")
    assert response.status_code == 200
    assert _frame_ancestors(response) == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "path", ["/de/jobs", "/en/organisations/firma", "/de/", "/api/v1/topics", "/de/trainings"]
)
def test_every_other_page_may_not_be_framed(client, firma, path):
    response = client.get(path)
    assert _frame_ancestors(response) == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    "status",
    [OrganisationStatus.PENDING, OrganisationStatus.REJECTED, OrganisationStatus.SUSPENDED],
)
def test_unknown_or_unapproved_organisation_is_404(client, status):
    OrganisationFactory(
        slug="hidden", status=status, website="https://x.example", website_verified=True
    )
    for path in ("/embed/de/organisations/hidden", "/embed/en/organisations/nobody"):
        response = client.get(path)
        assert response.status_code == 404
        assert _frame_ancestors(response) == "'none'"


def test_unknown_language_is_404(client, firma):
    assert client.get("/embed/fr/organisations/firma").status_code == 404


@pytest.mark.parametrize(
    ("website", "verified", "origin"),
    [
        ("https://firma.example/karriere?x=1#top", True, "https://firma.example"),
        ("https://Firma.Example:8443/jobs", True, "https://firma.example:8443"),
        ("https://firma.example:443/", True, "https://firma.example"),
        ("http://firma.example:80", True, "http://firma.example"),
        ("https://bücher.example/", True, "https://xn--bcher-kva.example"),
        ("https://firma.example", False, None),
        (None, True, None),
        ("", True, None),
        ("firma.example", True, None),
        ("ftp://firma.example", True, None),
        ("javascript:alert(1)", True, None),
        ("https://firma.example; script-src *", True, None),
        ("https://firma.example:99999", True, None),
        ("https://user@firma.example", True, "https://firma.example"),
        ("https://*.example", True, None),
        ("https://", True, None),
    ],
)
def test_website_origin_is_only_a_clean_verified_origin(website, verified, origin):
    org = OrganisationFactory.build(website=website, website_verified=verified)
    assert website_origin(org) == origin


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Offene Stellen bei"), ("en", "Open positions at")]
)
def test_embed_snippet_for_the_employer_area(app, lang, title):
    org = OrganisationFactory(slug="firma", name='Licht & "Glas" <GmbH>')
    with app.test_request_context():
        snippet = embed_snippet(org, lang)
    assert snippet.startswith(f'<iframe src="http://portal.test/embed/{lang}/organisations/firma"')
    assert f'title="{title} Licht &amp; &#34;Glas&#34; &lt;GmbH&gt;"' in snippet
    assert snippet.endswith("></iframe>")
    assert "<GmbH>" not in snippet


def test_kind_label_is_translated(client, firma):
    PostingFactory(organisation=firma, kind=PostingKind.THESIS)
    assert "Abschlussarbeit" in client.get("/embed/de/organisations/firma").get_data(as_text=True)
