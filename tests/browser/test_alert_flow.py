"""Alert sign-up in Chromium: from a search to a confirmed alert through the outbox mail."""

from __future__ import annotations

import re

from portal.services.mail import outbox_messages
from tests.browser.support import axe_violations, format_violations


def _confirm_link(live_app, email: str) -> str:
    for message in reversed(outbox_messages(live_app.config["MAIL_OUTBOX_DIR"])):
        if message["To"] == email:
            text = message.get_body(("plain",)).get_content()
            return re.search(r"https?://\S+/alerts/confirm/\S+", text).group(0)
    raise AssertionError(f"no confirmation mail to {email}")


def test_subscribe_to_laser_in_jena_in_english_and_confirm(page, live_app, live_server):
    page.goto("/en/jobs?q=Laser&city=Jena")
    page.get_by_role("link", name="Email me new matches").click()
    page.wait_for_url(re.compile(r"/en/alerts/new\?q=Laser&city=Jena"))
    assert "„Laser“" in page.locator(".alert-summary").inner_text()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    page.get_by_label("Your email address").fill("ada.browser@example.org")
    page.get_by_label("Daily").check()
    page.locator("#consent").check()
    page.get_by_role("button", name="Create job alert").click()
    page.get_by_role("heading", name="Please confirm your job alert").wait_for()

    link = _confirm_link(live_app, "ada.browser@example.org")
    page.goto(link.replace("http://localhost", live_server))
    assert page.locator(".alert-summary").inner_text().count("Jena") == 1
    page.get_by_role("button", name="Yes, send me new matches").click()
    page.get_by_text("Your job alert is active.").wait_for()
    assert page.get_by_label("Daily").is_checked()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_alert_form_errors_are_shown_and_input_kept(page, page_watch):
    page_watch.allow("status of 400")  # the form answers 400 on bad input, as it should
    page.goto("/de/alerts/new?q=Optik")
    page.get_by_label("Ihre E-Mail-Adresse").fill("kein-at-zeichen")
    page.get_by_role("button", name="Suchauftrag anlegen").click()
    page.get_by_role("alert").wait_for()
    assert page.get_by_label("Ihre E-Mail-Adresse").input_value() == "kein-at-zeichen"
    assert page.locator(".field--error").count() >= 2  # email and consent
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
