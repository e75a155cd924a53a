"""Cluster staff at work, in real Chromium with CSRF on: log in with the demo staff login,
approve a waiting posting that is then found by the search, reject another with a reason, and
look through the console — with no WCAG 2.1 AA violation, console error or outside request."""

from __future__ import annotations

import re
import time

import pytest

from tests.browser.support import axe_violations, format_violations

STAFF_EMAIL = "demo-clusterteam@photonik-karriere.example"
PASSWORD = "demo-passwort-2026"


def _assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def _login(page) -> None:
    page.goto("/de/account/login?next=/de/staff/")
    page.get_by_label("E-Mail-Adresse", exact=True).fill(STAFF_EMAIL)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/de/staff/$"))


def _approvable_rows(page):
    """Queue rows of new postings whose organisation is approved (they have the button)."""
    section = page.locator("section[aria-labelledby=queue-postings]")
    return section.locator("tbody tr").filter(has=page.get_by_role("button", name="Freigeben"))


def _posting_id(row) -> int:
    href = row.locator("a").first.get_attribute("href")
    return int(re.search(r"/staff/postings/(\d+)", href).group(1))


def test_staff_approve_and_reject_from_the_queue(page, page_watch, live_app):
    from portal.services import demo

    page_watch.allow(r"status of 400")  # the empty reason, sent back on purpose
    assert demo.DEMO_STAFF.email == STAFF_EMAIL and demo.DEMO_PASSWORD == PASSWORD
    _login(page)
    assert page.locator("h1").inner_text() == "Warteschlange zur Prüfung"
    rows = _approvable_rows(page)
    assert rows.count() >= 2, "the demo needs two waiting postings of approved organisations"
    _assert_accessible(page)

    # Review the first posting, then approve it.
    approve_id = _posting_id(rows.nth(0))
    reject_id = _posting_id(rows.nth(1))
    rows.nth(0).get_by_role("link", name=re.compile("^Prüfen")).click()
    page.wait_for_url(re.compile(rf"/de/staff/postings/{approve_id}$"))
    title = page.locator("h1").inner_text()
    assert page.locator("#compliance-heading").is_visible()
    _assert_accessible(page)
    page.get_by_role("button", name="Freigeben und veröffentlichen").click()
    page.wait_for_url(re.compile(r"/de/staff/$"))
    assert "veröffentlicht" in page.locator(".flash--success").inner_text()
    assert page.locator(f"a[href='/de/staff/postings/{approve_id}']").count() == 0

    # The public search finds it (the index follows the database within about a second).
    found = False
    for _ in range(20):
        page.goto(f"/de/jobs?q={title.split()[0]}&sort=newest")
        if page.locator(f".result-list a[href^='/de/jobs/{approve_id}-']").count():
            found = True
            break
        time.sleep(0.25)
    assert found, f"posting {approve_id} ({title}) not found by the search"

    # Reject the second one with a reason.
    page.goto(f"/de/staff/postings/{reject_id}")
    page.get_by_role("button", name="Anzeige ablehnen").click()  # empty reason first
    assert page.locator(".field__error").first.inner_text().startswith("Bitte füllen")
    page.get_by_label("Begründung").first.fill("Bitte geben Sie eine Gehaltsspanne an.")
    page.get_by_role("button", name="Anzeige ablehnen").click()
    page.wait_for_url(re.compile(r"/de/staff/$"))
    assert "abgelehnt" in page.locator(".flash--success").inner_text()
    page.goto(f"/de/staff/postings/{reject_id}")
    assert "Abgelehnt" in page.locator(".staff-head").inner_text()
    assert "Gehaltsspanne" in page.locator("main").inner_text()


@pytest.mark.parametrize(
    "path",
    [
        "/de/staff/reports",
        "/de/staff/statistics",
        "/en/staff/statistics",
        "/de/staff/audit",
        "/de/staff/courses/new",
        "/de/staff/pages/imprint",
        "/de/staff/users",
        "/en/staff/organisations",
        "/de/staff/featured",
    ],
)
def test_console_pages_are_accessible(page, path):
    _login(page)
    page.goto(path)
    assert page.locator("h1").count() == 1
    _assert_accessible(page)


def test_reports_and_revisions_of_the_demo(page):
    _login(page)
    page.get_by_role("link", name=re.compile("^Entscheiden")).first.click()
    page.wait_for_url(re.compile(r"/de/staff/reports/\d+$"))
    _assert_accessible(page)
    page.goto("/de/staff/")
    page.get_by_role("link", name=re.compile("^Vergleichen")).first.click()
    assert page.locator("table.diff-table").is_visible()
    assert page.locator("table.diff-table ins").count() >= 1
    _assert_accessible(page)
