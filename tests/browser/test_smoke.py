"""The home page in both languages, in a real browser, and the root redirect."""

from __future__ import annotations

import pytest

from tests.browser.support import axe_violations, format_violations


@pytest.mark.parametrize("lang", ["de", "en"])
def test_home_page_renders_accessibly(page, lang):
    response = page.goto(f"/{lang}/")

    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() >= 1, "the home page has no <h1>"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("de-DE", "de"), ("fr-FR", "de")])
def test_root_redirects_by_accept_language(new_page, live_server, locale, lang):
    page = new_page(locale=locale)

    response = page.goto("/")

    assert response is not None and response.status == 200
    assert page.url == f"{live_server}/{lang}/"
