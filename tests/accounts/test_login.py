"""Login, remember-me, safe `next`, logout, password rehash, and the login_view redirect."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher, profiles

from portal.extensions import db
from portal.models import Role
from portal.services import accounts
from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory


def login(client, email, password=PASSWORD, lang="en", **extra):
    return client.post(
        f"/{lang}/account/login", data={"email": email, "password": password, **extra}
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_login_page_renders(client, lang):
    response = client.get(f"/{lang}/account/login")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'autocomplete="current-password"' in html
    assert ("Passwort vergessen?" if lang == "de" else "Forgotten your password?") in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_good_login_records_the_time_and_opens_the_account(client, user_with_password, lang):
    assert user_with_password.last_login_at is None
    response = login(client, user_with_password.email.upper(), lang=lang)  # any case

    assert response.status_code == 303
    db.session.refresh(user_with_password)
    assert user_with_password.last_login_at is not None
    assert client.get(f"/{lang}/account/settings").status_code == 200
    assert "remember_token" not in response.headers.get("Set-Cookie", "")


def test_remember_me_sets_the_remember_cookie(client, user_with_password):
    response = login(client, user_with_password.email, remember="y")
    cookies = response.headers.getlist("Set-Cookie")
    remember = [c for c in cookies if c.startswith("remember_token=")]
    assert remember and "HttpOnly" in remember[0] and "SameSite=Lax" in remember[0]


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("case", ["wrong password", "unknown email", "deactivated"])
def test_failed_login_says_the_same_for_every_cause(client, user_with_password, lang, case):
    email, password = user_with_password.email, PASSWORD
    if case == "wrong password":
        password = "Falsches Passwort!"
    elif case == "unknown email":
        email = "nobody@example.org"
    else:
        user_with_password.active = False
        db.session.flush()

    response = login(client, email, password, lang=lang)

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    expected = (
        "Die E-Mail-Adresse oder das Passwort ist nicht korrekt."
        if lang == "de"
        else "The email address or the password is not correct."
    )
    assert expected in html
    assert f'value="{email}"' in html  # kept
    assert password not in html
    assert client.get("/en/account/settings").status_code == 302  # not logged in


def test_unknown_email_still_checks_a_hash(client, monkeypatch):
    """The time of an answer must not tell whether an account exists: a hash is always checked."""
    from portal.services import passwords

    checked = []
    original = PasswordHasher.verify
    monkeypatch.setattr(
        PasswordHasher, "verify", lambda self, h, p: checked.append(h) or original(self, h, p)
    )
    login(client, "nobody@example.org")
    assert len(checked) == 1 and checked[0].startswith("$argon2")
    assert passwords.verify_password(None, "anything at all") is False


def test_empty_fields_are_errors(client):
    response = client.post("/en/account/login", data={"email": "", "password": ""})
    assert response.status_code == 400
    assert response.get_data(as_text=True).count("Please fill in this field.") == 2


def test_unverified_user_can_log_in_and_sees_a_notice(client):
    UserFactory(email="new@example.org", password=PASSWORD, email_verified_at=None)
    assert login(client, "new@example.org").status_code == 303
    html = client.get("/en/").get_data(as_text=True)
    assert "Please confirm your email address with the link we sent to new@example.org." in html
    assert 'action="/en/account/verify"' in html
    html_de = client.get("/de/").get_data(as_text=True)
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in html_de


def test_verified_user_sees_no_notice(client_for, owner):
    assert "Send the link again" not in client_for(owner).get("/en/").get_data(as_text=True)


def test_safe_next_is_followed(client, user_with_password):
    response = login(client, user_with_password.email, next="/en/jobs?q=laser")
    assert response.headers["Location"] == "/en/jobs?q=laser"


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/path", "http://evil.example", "/\\evil.example",
     "javascript:alert(1)", "///evil.example", " //evil.example", "http:///evil.example"],
)  # fmt: skip
def test_unsafe_next_is_ignored(client, user_with_password, target):
    response = login(client, user_with_password.email, next=target)
    assert response.status_code == 303
    location = response.headers["Location"]
    assert "evil" not in location and "javascript" not in location


def test_unsafe_next_in_the_query_is_not_put_in_the_form(client):
    html = client.get("/en/account/login?next=//evil.example").get_data(as_text=True)
    assert 'name="next" type="hidden" value=""' in html
    html = client.get("/en/account/login?next=/en/jobs").get_data(as_text=True)
    assert 'name="next" type="hidden" value="/en/jobs"' in html


def test_login_required_pages_send_to_login_with_a_translated_message(client):
    response = client.get("/de/account/settings")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/de/account/login?next=")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bitte melden Sie sich an, um diese Seite zu sehen." in html


def test_employer_lands_on_the_dashboard_staff_on_the_queue(client):
    UserFactory(email="staff@example.org", password=PASSWORD, role=Role.STAFF)
    response = login(client, "staff@example.org")
    assert response.headers["Location"] in ("/en/staff/", "/en/account/settings")

    other = client.application.test_client()
    UserFactory(email="emp@example.org", password=PASSWORD)
    response = login(other, "emp@example.org")
    assert response.headers["Location"] in ("/en/employer/", "/en/account/settings")


def test_login_page_redirects_when_logged_in(client_for, owner):
    assert client_for(owner).get("/en/account/login").status_code == 302


def test_outdated_hash_is_replaced_at_login(client, app):
    old = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY).hash(PASSWORD)
    account = UserFactory(email="old@example.org")
    account.password_hash = old
    db.session.flush()
    assert login(client, "old@example.org").status_code == 303
    db.session.refresh(account)
    assert account.password_hash != old
    assert not accounts.needs_rehash(account.password_hash)
    assert accounts.authenticate("old@example.org", PASSWORD) is account


def test_current_hash_is_kept_at_login(client, user_with_password):
    before = user_with_password.password_hash
    assert login(client, user_with_password.email).status_code == 303
    db.session.refresh(user_with_password)
    assert user_with_password.password_hash == before


@pytest.mark.parametrize("lang", ["de", "en"])
def test_logout_only_by_post(client_for, owner, lang):
    client = client_for(owner)
    assert client.get(f"/{lang}/account/logout").status_code == 405
    assert client.get(f"/{lang}/account/settings").status_code == 200

    response = client.post(f"/{lang}/account/logout")

    assert response.status_code == 303
    assert response.headers["Location"] == f"/{lang}/"
    assert client.get(f"/{lang}/account/settings").status_code == 302
    message = "Sie wurden abgemeldet." if lang == "de" else "You have been logged out."
    assert message in client.get(f"/{lang}/").get_data(as_text=True)


def test_405_page_is_translated(client):
    response = client.get("/de/account/logout")
    assert response.status_code == 405
    assert "Methode nicht erlaubt" in response.get_data(as_text=True)


def test_deactivated_account_loses_its_open_session(client_for, owner, db):
    client = client_for(owner)
    assert client.get("/de/employer/").status_code == 200
    owner.active = False
    db.session.commit()
    response = client.get("/de/employer/")
    assert response.status_code == 302
    assert "/de/account/login" in response.headers["Location"]
