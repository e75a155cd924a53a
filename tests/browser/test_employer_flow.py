"""An employer registers, confirms the address from the mail, fills in the organisation
profile with a logo, writes a bilingual vacancy, previews and submits it — in real Chromium
with CSRF on; axe finds no WCAG 2.1 AA violation on the forms, the preview and the dashboard."""

from __future__ import annotations

import io
import re
import uuid

from PIL import Image

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


def _logo_png(tmp_path) -> str:
    path = tmp_path / "logo.png"
    image = Image.new("RGB", (640, 320), (40, 53, 147))
    out = io.BytesIO()
    image.save(out, "PNG")
    path.write_bytes(out.getvalue())
    return str(path)


def _register(page, live_app, email: str, organisation: str) -> None:
    page.goto("/de/account/register")
    page.get_by_label("Ihr Name", exact=True).fill("Grace Hopper")
    page.get_by_label("E-Mail-Adresse", exact=True).fill(email)
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    page.get_by_label("Passwort wiederholen", exact=True).fill(PASSWORD)
    page.get_by_label("Name der Organisation").fill(organisation)
    page.get_by_label("Art der Organisation").select_option("company")
    page.get_by_label("Ort", exact=True).fill("Jena")
    page.get_by_role("button", name="Konto anlegen").click()
    page.wait_for_load_state()
    page.goto(_last_link_to(live_app, email))
    page.get_by_role("button", name="Adresse bestätigen").click()
    page.wait_for_load_state()


def test_register_profile_write_preview_submit(page, page_watch, live_app, tmp_path):
    page_watch.allow(r"status of 400")  # the form sent back with an error, on purpose
    email = f"grace-{uuid.uuid4().hex[:8]}@example.org"
    organisation = f"Strahlformung {uuid.uuid4().hex[:6]} GmbH"
    _register(page, live_app, email, organisation)

    # The dashboard of the new (pending) organisation.
    page.goto("/de/employer/")
    assert page.locator(".employer-nav__org").inner_text() == organisation
    assert "wartet auf die Freigabe" in page.locator("main").inner_text()
    _assert_accessible(page)

    # The organisation profile, with a Markdown preview and a logo.
    page.get_by_role("link", name="Organisationsprofil").click()
    _assert_accessible(page)
    page.get_by_label("Website", exact=True).fill("https://strahlformung.example.org")
    page.get_by_label("Postleitzahl").fill("07745")
    page.get_by_label("Beschreibung auf Deutsch").fill("Wir formen **Laserstrahlen**.")
    page.get_by_label("Beschreibung auf Englisch").fill("We shape **laser beams**.")
    page.get_by_label("Flexible Arbeitszeiten").check()
    page.get_by_role("button", name="Vorschau der Beschreibungen").click()
    assert page.locator(".md-preview strong").first.inner_text() == "Laserstrahlen"
    page.get_by_label("Logo", exact=True).set_input_files(_logo_png(tmp_path))
    page.get_by_role("button", name="Profil speichern").click()
    assert page.locator(".flash--success").is_visible()
    logo = page.locator("img.organisation__logo")
    assert logo.is_visible()
    assert page.evaluate("(img) => img.naturalWidth", logo.element_handle()) == 512

    # A bilingual vacancy; the texts are tabs (progressive enhancement).
    page.get_by_role("link", name="Neue Anzeige").click()
    _assert_accessible(page)
    assert page.locator("#text-en").is_hidden()
    page.get_by_label("Art der Anzeige").select_option("job")
    page.get_by_label("Lasertechnik").check()
    page.fill("#de-title", "Optikingenieur*in Strahlformung")
    page.fill("#de-summary", "Sie entwerfen Strahlformungsoptiken für Industrielaser.")
    page.fill("#de-body", "Sie entwerfen **Optiken**:\n\n- Simulation\n- Messung")
    page.fill("#de-requirements", "- Studium der Physik oder Optik\n- Deutsch C1")
    page.get_by_role("link", name="Englischer Text").click()
    assert page.locator("#text-de").is_hidden() and page.locator("#text-en").is_visible()
    page.fill("#en-title", "Optical engineer, beam shaping")
    page.fill("#en-body", "You design **optics**:\n\n- Simulation\n- Testing")
    page.fill("#locations-0-city", "Jena")
    page.fill("#locations-0-postcode", "07745")
    page.fill("#salary_min", "55000")
    page.fill("#salary_max", "68000")
    page.get_by_label("Vergütung pro").select_option("year")
    page.get_by_label("Englisch", exact=True).check()
    page.get_by_label("Bewerbungsseite im Web").fill("https://strahlformung.example.org/jobs/1")

    # A mistake first: the form comes back (400) with the message and everything kept.
    page.fill("#salary_max", "45000")
    page.get_by_role("button", name="Speichern und Vorschau").click()
    error = page.locator("#salary_max-error")
    assert "unter dem unteren" in error.inner_text()
    assert page.locator("#de-title").input_value() == "Optikingenieur*in Strahlformung"
    _assert_accessible(page)
    page.fill("#salary_max", "68000")
    page.get_by_role("button", name="Speichern und Vorschau").click()

    # The preview is the public page with a banner, and the employer's controls.
    page.wait_for_url(re.compile(r"/de/employer/postings/\d+/preview$"))
    assert page.locator(".preview-banner").is_visible()
    assert page.locator("h1").inner_text() == "Optikingenieur*in Strahlformung"
    assert page.locator(".posting__body strong").first.inner_text() == "Optiken"
    assert page.locator('meta[name="robots"]').first.get_attribute("content").startswith("noindex")
    _assert_accessible(page)
    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"/en/employer/postings/\d+/preview$"))
    assert page.locator("h1").inner_text() == "Optical engineer, beam shaping"

    page.get_by_role("button", name="Submit for publication").click()
    page.wait_for_url(re.compile(r"/en/employer/postings/\d+$"))
    assert "review it shortly" in page.locator(".flash--success").inner_text()
    assert page.locator(".status--submitted").is_visible()
    _assert_accessible(page)

    page.get_by_role("link", name="Overview").first.click()
    section = page.locator("section[aria-labelledby='section-submitted']")
    assert section.is_visible()
    assert "Optical engineer, beam shaping" in section.inner_text()
    _assert_accessible(page)

    # The team page of the owner, too.
    page.get_by_role("link", name="Team", exact=True).click()
    assert email in page.locator("main").inner_text()
    _assert_accessible(page)
