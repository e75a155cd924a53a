"""The embeddable postings list in a real browser: accessible, and framed only where allowed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.browser.support import axe_violations, format_violations


@pytest.fixture
def member(live_app) -> Iterator[tuple[str, Callable[..., None]]]:
    """The busiest demo organisation's slug, and a setter for its (verified) website."""
    from portal.extensions import db
    from portal.services import organisations

    with live_app.app_context():
        org = organisations.public_organisations()[0][0]
        slug, saved = org.slug, (org.website, org.website_verified)

    def set_website(website: str | None, verified: bool) -> None:
        with live_app.app_context():
            org = organisations.get_public_organisation(slug)
            org.website, org.website_verified = website, verified
            db.session.commit()

    yield slug, set_website
    set_website(*saved)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_embed_is_accessible(page, member, lang):
    slug, _set_website = member
    response = page.goto(f"/embed/{lang}/organisations/{slug}")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    links = page.locator(".embed__link")
    assert links.count() >= 1
    assert links.first.get_attribute("target") == "_blank"
    assert links.first.get_attribute("rel") == "noopener"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_embed_fits_a_narrow_frame(new_page, member):
    page = new_page(viewport={"width": 280, "height": 600})
    page.goto(f"/embed/de/organisations/{member[0]}")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def _careers_page(page, live_server: str, src: str) -> None:
    """A stand-in for the member's careers page on `live_server`'s origin, framing `src`."""
    url = f"{live_server}/careers-page-of-the-member"
    body = (
        '<!doctype html><html lang="en"><head><title>Careers</title></head><body>'
        f'<iframe src="{src}" title="Open positions" width="600" height="400"></iframe>'
        "</body></html>"
    )
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    page.goto(url)


def test_verified_website_frames_the_embed(page, live_server, member):
    slug, set_website = member
    set_website(live_server, verified=True)
    _careers_page(page, live_server, f"{live_server}/embed/en/organisations/{slug}")
    frame = page.frame_locator("iframe")
    assert frame.locator(".embed__title").is_visible()
    assert frame.locator(".embed__link").count() >= 1


def test_unverified_website_cannot_frame_it(page, page_watch, live_server, member):
    slug, set_website = member
    set_website(live_server, verified=False)
    page_watch.allow("frame-ancestors")  # the browser reports the refusal as a console error
    _careers_page(page, live_server, f"{live_server}/embed/en/organisations/{slug}")
    # `goto` waited for the load event, which waits for the frame too: it has been refused.
    assert any("frame-ancestors" in error for error in page_watch.console_errors)
    assert page.frame_locator("iframe").locator(".embed__title").count() == 0
