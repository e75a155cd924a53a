"""The "embed on your website" section of the organisation page (the snippet to copy)."""

from __future__ import annotations

import html
import re

import pytest

from portal.extensions import db
from portal.models import OrganisationStatus
from portal.services.embed import embed_snippet

LANGS = ("de", "en")


def _section(response) -> str:
    body = response.get_data(as_text=True)
    return body[
        body.index('class="embed-help"') : body.index(
            "</section>", body.index('class="embed-help"')
        )
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("who", ["owner", "editor"])
def test_members_see_the_snippet_in_both_languages(client_for, request, organisation, lang, who):
    organisation.website = "https://www.optik-firma.example"
    organisation.website_verified = True
    db.session.flush()
    response = client_for(request.getfixturevalue(who)).get(f"/{lang}/employer/organisation")
    assert response.status_code == 200
    section = _section(response)
    assert ("Auf Ihrer Website einbinden" if lang == "de" else "Embed on your website") in section
    codes = re.findall(
        r'<textarea[^>]*id="embed-(de|en)"[^>]*readonly[^>]*>(.*?)</textarea>', section, re.S
    )
    assert [code_lang for code_lang, _code in codes] == ["de", "en"]
    with client_for().application.test_request_context():
        for code_lang, code in codes:
            assert html.unescape(code) == embed_snippet(organisation, code_lang)
    assert f"/embed/de/organisations/{organisation.slug}" in html.unescape(section)
    assert "https://www.optik-firma.example" in section  # the verified origin is named
    assert "<iframe" not in section  # shown as text to copy, not as a live frame


@pytest.mark.parametrize("lang", LANGS)
def test_unverified_website_explains_who_verifies(client_for, owner, organisation, lang):
    organisation.website = "https://www.optik-firma.example"
    organisation.website_verified = False
    db.session.flush()
    section = _section(client_for(owner).get(f"/{lang}/employer/organisation"))
    if lang == "de":
        assert "verifizierten Website" in section and "Cluster-Team verifiziert" in section
    else:
        assert "verified website" in section and "cluster team verifies" in section


def test_pending_organisation_is_told_the_list_comes_with_approval(client_for, owner, organisation):
    organisation.status = OrganisationStatus.PENDING
    db.session.flush()
    section = _section(client_for(owner).get("/en/employer/organisation"))
    assert "once the cluster team has approved your organisation" in section
