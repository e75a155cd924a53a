"""API tokens in the employer area: owners create (shown once), list and revoke them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import ApiToken, AuditEvent
from portal.services import api_tokens
from tests.factories import OrganisationFactory

LANGS = ("de", "en")
TOKEN = re.compile(r'value="(pk_[A-Za-z0-9_-]+)"')


def _tokens() -> list[ApiToken]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.id)))


@pytest.mark.parametrize("lang", LANGS)
def test_owner_creates_a_token_that_is_shown_once(client, client_for, owner, organisation, lang):
    employer = client_for(owner)
    page = employer.get(f"/{lang}/employer/api-tokens")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert ("Es gibt noch keine Tokens." if lang == "de" else "There are no tokens yet.") in text

    response = employer.post(f"/{lang}/employer/api-tokens", data={"name": "Bewerbermanagement"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data(as_text=True)
    [value] = TOKEN.findall(body)
    assert ("nur dieses eine Mal" if lang == "de" else "shown only this once") in body
    [token] = _tokens()
    assert token.name == "Bewerbermanagement" and token.organisation_id == organisation.id
    assert token.created_by_id == owner.id and token.revoked_at is None
    assert token.token_hash == api_tokens.hash_token(value) and value not in token.token_hash

    # never again: the list shows name and dates, not the secret
    again = employer.get(f"/{lang}/employer/api-tokens").get_data(as_text=True)
    assert value not in again and "Bewerbermanagement" in again
    assert ("nie" if lang == "de" else "never") in again  # last used

    # the token works …
    api = client.post(
        "/api/v1/postings", json={"kind": "job"}, headers={"Authorization": f"Bearer {value}"}
    )
    assert api.status_code == 422
    listed = employer.get(f"/{lang}/employer/api-tokens").get_data(as_text=True)
    assert ("nie" if lang == "de" else "never") not in listed.split("<tbody>")[1]

    # … until it is revoked
    revoke = employer.post(f"/{lang}/employer/api-tokens/{token.id}/revoke")
    assert revoke.status_code == 303
    assert urlsplit(revoke.headers["Location"]).path == f"/{lang}/employer/api-tokens"
    [token] = _tokens()
    assert token.revoked_at is not None
    follow = employer.get(f"/{lang}/employer/api-tokens").get_data(as_text=True)
    assert ("widerrufen" if lang == "de" else "has been revoked") in follow
    api = client.post(
        "/api/v1/postings", json={"kind": "job"}, headers={"Authorization": f"Bearer {value}"}
    )
    assert api.status_code == 401
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {"api_token.create", "api_token.revoke"} <= actions


def test_revoking_twice_changes_nothing(client_for, owner, organisation):
    token, _value = api_tokens.create_token(organisation, "ATS", owner)
    api_tokens.revoke_token(token, owner)
    first = token.revoked_at
    db.session.flush()
    response = client_for(owner).post(f"/en/employer/api-tokens/{token.id}/revoke")
    assert response.status_code == 303
    [stored] = _tokens()
    assert stored.revoked_at == first


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("name", "message"),
    [("", {"de": "", "en": ""}), ("x" * 81, {"de": "80", "en": "80"})],
)
def test_a_token_needs_a_name(client_for, owner, lang, name, message):
    response = client_for(owner).post(f"/{lang}/employer/api-tokens", data={"name": name})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    error = re.search(r'id="name-error">(.*?)</p>', body, re.S).group(1)
    assert error.strip() and message[lang] in error
    assert not TOKEN.search(body)
    assert _tokens() == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/api-tokens"), ("POST", "/api-tokens"), ("POST", "/api-tokens/{t}/revoke")],
)
def test_only_owners_manage_tokens(
    client, client_for, editor, other_employer, owner, organisation, lang, method, path
):
    token, _value = api_tokens.create_token(organisation, "ATS", owner)
    db.session.flush()
    url = f"/{lang}/employer{path.format(t=token.id)}"

    def call(c):
        return c.get(url) if method == "GET" else c.post(url, data={"name": "x"})

    anonymous = call(client)
    assert anonymous.status_code == 302
    assert urlsplit(anonymous.headers["Location"]).path == f"/{lang}/account/login"
    assert call(client_for(editor)).status_code == 403
    # another organisation's owner sees their own (empty) list, never ours
    other = call(client_for(other_employer))
    if "revoke" in path:
        assert other.status_code == 404
    elif method == "GET":
        assert other.status_code == 200 and "ATS" not in other.get_data(as_text=True)
    [stored] = [t for t in _tokens() if t.organisation_id == organisation.id]
    assert stored.revoked_at is None


def test_the_nav_shows_tokens_to_owners_only(client_for, owner, editor):
    owner_page = client_for(owner).get("/en/employer/").get_data(as_text=True)
    editor_page = client_for(editor).get("/en/employer/").get_data(as_text=True)
    assert "/en/employer/api-tokens" in owner_page
    assert "/en/employer/api-tokens" not in editor_page
    assert "/en/employer/import" in owner_page and "/en/employer/import" in editor_page


def test_tokens_of_other_organisations_are_not_listed(client_for, owner, organisation):
    other = OrganisationFactory()
    api_tokens.create_token(other, "Fremd-Token", owner)
    api_tokens.create_token(organisation, "Unser Token", owner)
    db.session.flush()
    page = client_for(owner).get("/de/employer/api-tokens").get_data(as_text=True)
    assert "Unser Token" in page and "Fremd-Token" not in page
