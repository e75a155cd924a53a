"""What a visitor does, in real Chromium: search and filter by keyboard, switch language,
read postings and courses — with no WCAG 2.1 AA violation, console error or outside request
(the `page` fixture fails the test on the last two)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.support import axe_violations, format_violations


def _tab_to(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            "(s) => document.activeElement && document.activeElement.matches(s)", selector
        ):
            return
    pytest.fail(f"{selector} never got the keyboard focus in {limit} tabs")


def _assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def _result_count(page) -> int:
    heading = page.locator("#results-heading").inner_text()
    return int(re.sub(r"\D", "", heading.split(" ")[0]) or 0)


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto("/de/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_search_and_filter_with_the_keyboard_alone(page):
    page.goto("/de/")
    _tab_to(page, "#home-q")
    page.keyboard.type("Laser")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/de/jobs\?q=Laser"))
    total = _result_count(page)
    assert total > 0
    assert page.locator(".result-list mark").count() > 0

    # Tick the first value of the "Art" facet with the space bar and apply by keyboard.
    first_kind = page.locator("fieldset.facet").first.locator("input[type=checkbox]").first
    value = first_kind.get_attribute("value")
    expected = int(
        re.sub(r"\D", "", first_kind.locator("xpath=..").locator(".facet__count").inner_text())
    )
    _tab_to(page, f"fieldset.facet input[value='{value}']")
    page.keyboard.press("Space")
    _tab_to(page, ".filters__form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kind="))
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["Laser"] and query["kind"] == [value]
    assert _result_count(page) == expected
    _assert_accessible(page)


def test_language_switch_keeps_the_page(page):
    page.goto("/de/jobs?q=Optik")
    page.locator(".result-list .card__title a").first.click()
    page.wait_for_url(re.compile(r"/de/jobs/\d+-"))
    posting_id = re.search(r"/jobs/(\d+)-", page.url).group(1)
    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(rf"/en/jobs/{posting_id}-"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("a.lang-switch").inner_text().strip().endswith("Deutsch")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_list_and_detail_pages_are_accessible(page, lang):
    page.goto(f"/{lang}/jobs")
    _assert_accessible(page)
    page.locator(".result-list .card__title a").first.click()
    page.wait_for_url(re.compile(rf"/{lang}/jobs/\d+-"))
    assert page.locator("h1").count() == 1
    assert page.locator('script[type="application/ld+json"]').count() == 1
    _assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_training_pages_are_accessible(page, lang):
    page.goto(f"/{lang}/trainings")
    _assert_accessible(page)
    page.locator(".course-card .card__title a").first.click()
    page.wait_for_url(re.compile(rf"/{lang}/trainings/\d+-"))
    assert page.locator("a[href$='.ics']").count() == 1
    _assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_organisation_pages_are_accessible(page, lang):
    page.goto(f"/{lang}/organisations")
    _assert_accessible(page)
    page.locator(".org-card .card__title a").first.click()
    page.wait_for_url(re.compile(rf"/{lang}/organisations/[\w-]+$"))
    _assert_accessible(page)


@pytest.mark.parametrize("path", ["/de/p/working-in-thuringia", "/en/p/privacy", "/en/jobs/999999"])
def test_content_and_error_pages_are_accessible(page, page_watch, path):
    page_watch.allow("404")  # the browser logs the 404 status of the error page itself
    page.goto(path)
    _assert_accessible(page)


def test_search_with_garbage_input_shows_a_normal_page(page):
    page.goto("/en/jobs?q=%22%5Ba%20TO%20%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert page.locator("#results-heading").is_visible()
    assert page.locator("#q").input_value() == '"[a TO <script>alert(1)</script>'


def test_narrow_screen_has_no_horizontal_scroll(new_page):
    page = new_page(viewport={"width": 320, "height": 800})
    for path in ("/de/", "/de/jobs", "/en/trainings"):
        page.goto(path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
