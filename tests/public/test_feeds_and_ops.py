"""Atom feeds, sitemap, robots.txt and the health check."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest

from portal.models import PostingKind, PostingStatus, utcnow
from tests.factories import PostingFactory, TrainingFactory

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_jobs_feed_lists_public_postings_newest_first(client, lang):
    PostingFactory(
        texts={"de": "Ältere Stelle", "en": "Older job"}, published_at=utcnow() - timedelta(days=5)
    )
    PostingFactory(texts={"de": "Neue Stelle", "en": "New job"})
    PostingFactory(texts={"de": "Entwurf", "en": "Draft"}, status=PostingStatus.DRAFT)
    response = client.get(f"/{lang}/jobs.atom")
    assert response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == (
        ["Neue Stelle", "Ältere Stelle"] if lang == "de" else ["New job", "Older job"]
    )
    assert feed.entries[0].link.startswith(f"http://portal.test/{lang}/jobs/")


def test_jobs_feed_takes_the_list_filters(client):
    PostingFactory(texts={"en": "Thesis on lasers"}, kind=PostingKind.THESIS)
    PostingFactory(texts={"en": "Job with lasers"}, kind=PostingKind.JOB)
    feed = feedparser.parse(client.get("/en/jobs.atom?kind=thesis").data)
    assert [entry.title for entry in feed.entries] == ["Thesis on lasers"]


def test_jobs_feed_escapes_markup(client):
    PostingFactory(texts={"en": "A <b>bold</b> & job"})
    response = client.get("/en/jobs.atom")
    ET.fromstring(response.data)  # well-formed XML
    assert feedparser.parse(response.data).entries[0].title == "A <b>bold</b> & job"


def test_trainings_feed(client):
    TrainingFactory(texts={"de": "Lasersicherheit", "en": "Laser safety"})
    feed = feedparser.parse(client.get("/en/trainings.atom").data)
    assert not feed.bozo
    assert [entry.title for entry in feed.entries] == ["Laser safety"]


def test_sitemap_has_both_languages_and_only_public_postings(client):
    open_posting = PostingFactory(texts={"de": "Offene Stelle", "en": "Open job"})
    closed = PostingFactory(texts={"de": "Geschlossen"}, status=PostingStatus.CLOSED)
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.data)
    locs = [el.text for el in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert f"http://portal.test/de/jobs/{open_posting.id}-offene-stelle" in locs
    assert f"http://portal.test/en/jobs/{open_posting.id}-open-job" in locs
    assert not any(f"/jobs/{closed.id}-" in loc for loc in locs)
    assert "http://portal.test/de/" in locs and "http://portal.test/en/" in locs
    first = root.find("s:url", SITEMAP_NS)
    hreflangs = {link.get("hreflang") for link in first.findall("x:link", SITEMAP_NS)}
    assert hreflangs == {"de", "en"}


def test_robots_txt_points_to_sitemap(client):
    body = client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://portal.test/sitemap.xml" in body
    assert "Disallow: /de/employer/" in body


def test_healthz_reports_parts(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == "ok"
    assert response.json["search"] == "ok"
