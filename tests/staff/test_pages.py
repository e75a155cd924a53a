"""Content pages (imprint, privacy, accessibility, guide, about) edited by staff, both languages."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.services import content
from tests.staff.conftest import events


@pytest.fixture(autouse=True)
def pages():
    content.ensure_pages()


def _form(page, **overrides):
    data = {
        "title_de": page.title_de,
        "title_en": page.title_en,
        "body_de": page.body_de,
        "body_en": page.body_en,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_list_has_every_standard_page(as_staff, lang):
    html = as_staff.get(f"/{lang}/staff/pages").get_data(as_text=True)
    for slug in content.PAGE_SLUGS:
        assert f"/{lang}/staff/pages/{slug}" in html


def test_preview_renders_markdown_without_saving(as_staff):
    page = content.get_page("imprint")
    response = as_staff.post(
        "/en/staff/pages/imprint",
        data=_form(
            page, body_en="## New heading\n\n<script>alert(1)</script> **bold**", preview="1"
        ),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<h2>New heading</h2>" in html and "<strong>bold</strong>" in html
    assert "<script>alert(1)</script>" not in html  # raw HTML is escaped, never run
    db.session.refresh(page)
    assert "New heading" not in page.body_en
    assert not events("page.update")


def test_save_changes_the_public_page_and_records_old_and_new_text(as_staff, staff, client):
    page = content.get_page("privacy")
    old_body = page.body_de
    response = as_staff.post(
        "/de/staff/pages/privacy",
        data=_form(page, body_de="Neue Datenschutzerklärung.", title_en="Data protection (edited)"),
    )
    assert response.status_code == 303
    assert "Neue Datenschutzerklärung." in client.get("/de/p/privacy").get_data(as_text=True)
    assert "Data protection (edited)" in client.get("/en/p/privacy").get_data(as_text=True)
    [event] = events("page.update", page.id)
    assert event.actor_id == staff.id
    assert event.details["before"]["body_de"] == old_body
    assert event.details["after"] == {
        "body_de": "Neue Datenschutzerklärung.",
        "title_en": "Data protection (edited)",
    }
    # Saving again unchanged records nothing.
    db.session.refresh(page)
    as_staff.post("/de/staff/pages/privacy", data=_form(page))
    assert len(events("page.update", page.id)) == 1


@pytest.mark.parametrize(("lang", "message"), [("de", "Bitte füllen"), ("en", "Please fill")])
def test_titles_are_required_and_input_is_kept(as_staff, lang, message):
    page = content.get_page("accessibility")
    response = as_staff.post(
        f"/{lang}/staff/pages/accessibility",
        data=_form(page, title_de="", body_de="Mein ungespeicherter Text"),
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and "Mein ungespeicherter Text" in html


def test_too_long_text_is_refused(as_staff):
    page = content.get_page("about")
    response = as_staff.post("/en/staff/pages/about", data=_form(page, body_en="x" * 50_001))
    assert response.status_code == 400
    assert "at most 50000 characters" in response.get_data(as_text=True)


def test_the_guide_can_be_edited(as_staff):
    html = as_staff.get("/en/staff/pages/working-in-thuringia").get_data(as_text=True)
    assert "Visa" in html or "visa" in html
