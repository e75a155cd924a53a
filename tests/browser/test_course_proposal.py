"""A member organisation proposes a course: the owner writes it in the employer area, gets the
form back with a translated error, fixes it, saves the draft and submits it for review — in
real Chromium with CSRF on; axe finds no WCAG 2.1 AA violation on the list and the form."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import sqlalchemy as sa

from tests.browser.support import axe_violations, format_violations
from tests.browser.test_employer_flow import _register


def _assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def _make_member(live_app, name: str) -> None:
    """What staff do in the console: approve the organisation and mark it as a cluster member."""
    from portal.extensions import db
    from portal.models import Organisation, OrganisationStatus

    with live_app.app_context():
        organisation = db.session.scalars(
            sa.select(Organisation).where(Organisation.name == name)
        ).one()
        organisation.status = OrganisationStatus.APPROVED
        organisation.member = True
        db.session.commit()


def test_member_proposes_and_submits_a_course(page, page_watch, live_app):
    page_watch.allow(r"status of 400")  # the form sent back with an error, on purpose
    email = f"lise-{uuid.uuid4().hex[:8]}@example.org"
    organisation = f"Faseroptik {uuid.uuid4().hex[:6]} GmbH"
    title = f"Faserspleißen kompakt {uuid.uuid4().hex[:4]}"
    _register(page, live_app, email, organisation)
    _make_member(live_app, organisation)

    page.goto("/de/employer/")
    page.get_by_role("navigation", name="Bereich für Arbeitgeber").get_by_role(
        "link", name="Kurse"
    ).click()
    assert "Sie haben noch keine Kurse vorgeschlagen." in page.locator("main").inner_text()
    _assert_accessible(page)

    page.get_by_role("link", name="Kurs vorschlagen").first.click()
    day = (date.today() + timedelta(days=40)).isoformat()
    page.locator("#sessions-0-day").fill(day)
    page.locator("#sessions-0-start").fill("09:00")
    page.locator("#sessions-0-end").fill("08:00")  # ends before it starts
    page.locator("#city").fill("Jena")
    page.locator("#de-title").fill(title)
    page.locator("#de-summary").fill("Ein Tag Spleißtechnik für Glasfasern.")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state()
    assert "Das Ende muss nach dem Beginn liegen." in page.locator("main").inner_text()
    assert page.locator("#de-title").input_value() == title  # nothing typed is lost
    _assert_accessible(page)

    page.locator("#sessions-0-end").fill("16:00")
    page.get_by_role("button", name="Entwurf speichern").click()
    page.wait_for_load_state()
    assert "als Entwurf gespeichert" in page.content()
    _assert_accessible(page)

    page.get_by_role("link", name="Zurück zu Ihren Kursen").first.click()
    row = page.locator("tr", has_text=title)
    assert "Entwurf" in row.inner_text()
    row.get_by_role("button", name="Zur Prüfung einreichen").click()
    page.wait_for_load_state()
    assert "Der Kurs wurde eingereicht." in page.content()
    assert "In Prüfung" in page.locator("tr", has_text=title).inner_text()
    _assert_accessible(page)
