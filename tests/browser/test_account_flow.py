"""An employer signs up, confirms the address from the mail, logs out and in again — in real
Chromium with CSRF on, every page checked with axe; the header works at 320 px."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.browser.support import axe_violations, format_violations

PASSWORD = "Lichtleiter im Saaletal"


def _assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def _last_link_to(live_app, email: str) -> str:
    from portal.services.mail import outbox_messages

    messages = [m for m in outbox_messages(live_app.config["MAIL_OUTBOX_DIR"]) if m["To"] == email]
    assert messages, f"no mail to {email}"
    text = messages[-1].get_body(("plain",)).get_content()
    [link] = re.findall(r"https?://\S+", text)
    return re.sub(r"^https?://[^/]+", "", link)


def _sign_up(page, email: str) -> None:
    page.goto("/de/account/register")
    page.get_by_label("Ihr Name", exact=True).fill("Ada Lovelace")
    page.get_by_label("E-Mail-Adresse", exact=True).fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen", exact=True).fill(PASSWORD)
    page.get_by_label("Name der Organisation").fill(f"Lichtwerk {email}")
    page.get_by_label("Art der Organisation").select_option("startup")
    page.get_by_label("Ort", exact=True).fill("Jena")
    page.get_by_role("button", name="Konto anlegen").click()


def test_sign_up_confirm_log_out_and_in(page, live_app):
    email = f"ada-{uuid.uuid4().hex[:8]}@example.org"
    page.goto("/de/account/register")
    _assert_accessible(page)
    # Only the chosen way shows (progressive enhancement); both parts work without script.
    assert page.locator('fieldset[data-organisation-mode="join"]').is_hidden()
    page.get_by_label("Einer Organisation beitreten, die bereits im Portal ist").check()
    assert page.locator('fieldset[data-organisation-mode="new"]').is_hidden()
    assert page.locator('fieldset[data-organisation-mode="join"]').is_visible()

    _sign_up(page, email)

    notice = page.locator(".account-notice")
    assert notice.is_visible()
    assert email in notice.inner_text()
    _assert_accessible(page)

    page.goto(_last_link_to(live_app, email))
    page.get_by_role("button", name="Adresse bestätigen").click()
    assert page.locator(".flash--success").is_visible()
    assert page.locator(".account-notice").count() == 0

    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url(re.compile(r"/de/$"))
    assert page.get_by_role("link", name="Anmelden").is_visible()

    page.get_by_role("link", name="Anmelden").click()
    _assert_accessible(page)
    page.get_by_label("E-Mail-Adresse", exact=True).fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r"/de/(employer/|account/settings)"))
    assert page.get_by_role("button", name="Abmelden").is_visible()


def test_errors_and_settings_are_accessible(page, page_watch, live_app):
    page_watch.allow(r"status of 400")  # the form sent back with errors
    page.goto("/en/account/register")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_role("button", name="Create account").click()
    assert page.locator(".form-error").is_visible()
    assert page.locator("#password-error").is_visible()
    _assert_accessible(page)

    email = f"grace-{uuid.uuid4().hex[:8]}@example.org"
    _sign_up(page, email)
    page.goto("/en/account/settings")
    _assert_accessible(page)
    page.goto("/en/account/delete")
    _assert_accessible(page)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_header_at_320_px(new_page, lang):
    page = new_page(viewport={"width": 320, "height": 800})
    email = f"narrow-{uuid.uuid4().hex[:8]}@example.org"
    for path in (f"/{lang}/account/login", f"/{lang}/account/register"):
        page.goto(path)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
    _sign_up(page, email)
    page.goto(f"/{lang}/account/settings")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # The account links fold into the menu with the others, and the logout works from there.
    menu = page.locator(".site-nav__toggle")
    assert menu.is_visible()
    menu.click()
    logout = page.locator(".site-nav__button")
    assert logout.is_visible()
    _assert_accessible(page)
    logout.click()
    page.wait_for_url(re.compile(rf"/{lang}/$"))
