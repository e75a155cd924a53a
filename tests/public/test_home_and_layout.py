"""Home page, layout and language handling."""

import re

import pytest

from portal.extensions import db
from portal.models import PostingKind, PostingStatus
from tests.factories import PostingFactory, TrainingFactory


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_renders_in_both_languages(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert 'hreflang="de" href="http://portal.test/de/"' in html
    assert 'hreflang="en" href="http://portal.test/en/"' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html


def test_home_texts_are_translated(client):
    assert "Deine Karriere" in client.get("/de/").get_data(as_text=True) or "Karriere" in (
        client.get("/de/").get_data(as_text=True)
    )
    assert "Your career in photonics" in client.get("/en/").get_data(as_text=True)


def test_home_counts_only_public_postings_per_kind(client):
    PostingFactory(kind=PostingKind.PHD)
    PostingFactory(kind=PostingKind.PHD)
    PostingFactory(kind=PostingKind.PHD, status=PostingStatus.DRAFT)
    html = client.get("/en/").get_data(as_text=True)
    tile = re.search(r"PhD position</span>\s*<span[^>]*>([^<]+)<", html)
    assert tile and tile.group(1).strip() == "2 open postings"


def test_home_lists_newest_and_featured_postings_and_courses(client):
    from datetime import timedelta

    from portal.models import utcnow

    PostingFactory(texts={"en": "Newest laser job"})
    PostingFactory(texts={"en": "Featured optics job"}, featured_until=utcnow() + timedelta(days=3))
    PostingFactory(texts={"en": "Hidden draft job"}, status=PostingStatus.DRAFT)
    TrainingFactory(texts={"en": "Laser safety course"})
    html = client.get("/en/").get_data(as_text=True)
    assert "Newest laser job" in html
    assert "Featured optics job" in html
    assert "Hidden draft job" not in html
    assert "Laser safety course" in html


def test_language_switch_links_to_same_page_with_query(client):
    html = client.get("/de/jobs?q=laser&kind=job").get_data(as_text=True)
    switch = re.search(r'<a class="lang-switch" href="([^"]+)"', html)
    assert switch is not None
    assert switch.group(1).startswith("/en/jobs?")
    assert "q=laser" in switch.group(1) and "kind=job" in switch.group(1)


def test_unknown_language_prefix_is_404(client):
    assert client.get("/fr/jobs").status_code == 404


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-US,en;q=0.9", "/en/"), ("de-DE,de;q=0.9", "/de/"), ("fr-FR", "/de/"), (None, "/de/")],
)
def test_root_redirects_by_accept_language(client, accept, target):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(target)


@pytest.mark.parametrize(
    "path", ["/de/", "/en/jobs", "/healthz", "/robots.txt", "/de/nothing-here"]
)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_reference_no_other_host(client):
    PostingFactory(texts={"de": "Laseringenieur (m/w/d)"})
    for path in ("/de/", "/en/jobs"):
        html = client.get(path).get_data(as_text=True)
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert url.startswith(("/", "#", "http://portal.test/", "mailto:")), url


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Seite nicht gefunden"), ("en", "Page not found")]
)
def test_not_found_page_is_translated(client, lang, title):
    response = client.get(f"/{lang}/jobs/999999")
    assert response.status_code == 404
    assert title in response.get_data(as_text=True)


@pytest.mark.parametrize(("lang", "word"), [("de", "nicht erlaubt"), ("en", "not allowed")])
def test_method_not_allowed_page_is_translated(client, lang, word):
    response = client.post(f"/{lang}/jobs")
    assert response.status_code == 405
    assert word in response.get_data(as_text=True)


def test_unexpected_error_gives_translated_500_page(app, client, monkeypatch):
    from portal.services import postings

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(postings, "load_postings", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    response = client.get("/de/")
    assert response.status_code == 500
    assert "Etwas ist schiefgelaufen" in response.get_data(as_text=True)


def test_home_page_counts_and_lists_from_the_database_when_the_index_is_unreadable(
    client, monkeypatch
):
    from portal.services import search

    PostingFactory(texts={"de": "Neueste Stelle im Fallback"})
    db.session.commit()
    with_index = client.get("/de/").get_data(as_text=True)
    monkeypatch.setattr(search, "_with_searcher", lambda fn: (_ for _ in ()).throw(OSError()))
    without_index = client.get("/de/")
    assert without_index.status_code == 200
    html = without_index.get_data(as_text=True)
    assert "Neueste Stelle im Fallback" in html and "Neueste Stelle im Fallback" in with_index
