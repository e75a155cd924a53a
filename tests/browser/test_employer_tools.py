"""An owner makes an API token (shown once), revokes it, checks an import file and finds the
embed code — in real Chromium with CSRF on, no console errors (CSP), no WCAG 2.1 AA violation."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from tests.browser.support import axe_violations, format_violations
from tests.browser.test_employer_flow import _register

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "import-example.csv"


def _assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_token_import_and_embed_code(page, live_app):
    email = f"ada-{uuid.uuid4().hex[:8]}@example.org"
    _register(page, live_app, email, f"Werkzeuge Optik {uuid.uuid4().hex[:6]} GmbH")

    page.goto("/de/employer/")
    page.get_by_role("link", name="API-Tokens").click()
    page.get_by_label("Name des Tokens").fill("Bewerbermanagement")
    page.get_by_role("button", name="Token erstellen").click()
    page.wait_for_load_state()
    token = page.get_by_label("Token", exact=True).input_value()
    assert re.fullmatch(r"pk_[A-Za-z0-9_-]{43}", token)
    _assert_accessible(page)

    page.goto("/de/employer/api-tokens")
    assert token not in page.content()
    page.get_by_role("button", name="Widerrufen").click()
    page.wait_for_load_state()
    assert "wurde widerrufen" in page.content()

    page.get_by_role("link", name="Import").click()
    page.get_by_label("Datei", exact=True).set_input_files(str(EXAMPLE))
    page.get_by_label("Datei nur prüfen, nichts importieren").check()
    page.get_by_role("button", name="Hochladen").click()
    page.wait_for_load_state()
    assert "Ergebnis der Prüfung (nichts wurde importiert)" in page.content()
    assert "2 Stellenanzeigen angelegt" in page.content()
    _assert_accessible(page)

    page.goto("/en/employer/organisation")
    code = page.get_by_label("Code for the list in English").input_value()
    assert code.startswith("<iframe src=") and "/embed/en/organisations/" in code
    _assert_accessible(page)
