"""Settings: name and language, password change, email change with re-confirmation."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.services.passwords import verify_password
from tests.accounts.conftest import PASSWORD, link_in, mails, text_of
from tests.factories import UserFactory

NEW_PASSWORD = "Spektrometer und Kaffee"


@pytest.fixture
def client(client_for, user_with_password):
    return client_for(user_with_password)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_settings_page(client, user_with_password, lang):
    response = client.get(f"/{lang}/account/settings")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert user_with_password.email in html
    assert f'value="{user_with_password.name}"' in html
    assert '<option selected value="en">English</option>' in html
    assert f'href="/{lang}/account/export"' in html and f'href="/{lang}/account/delete"' in html
    assert ("Kontoeinstellungen" if lang == "de" else "Account settings") in html
    assert html.count('name="csrf_token"') >= 4  # three forms and the logout
    assert 'id="csrf_token"' not in html  # no duplicate ids on one page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_change_name_and_language(client, user_with_password, lang):
    response = client.post(
        f"/{lang}/account/settings", data={"name": "Grace Hopper", "locale": "de"}
    )
    assert response.status_code == 303
    db.session.refresh(user_with_password)
    assert (user_with_password.name, user_with_password.locale) == ("Grace Hopper", "de")
    page = client.get(f"/{lang}/account/settings").get_data(as_text=True)
    assert (
        "Ihre Einstellungen sind gespeichert." if lang == "de" else "Your settings are saved."
    ) in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "locale": "de"}, "Please fill in this field."),
        ({"name": "N" * 121, "locale": "de"}, "at most 120 characters"),
        ({"name": "Grace", "locale": "fr"}, "Please choose one of the listed languages."),
    ],
)
def test_bad_profile_input(client, user_with_password, data, message):
    response = client.post("/en/account/settings", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    if data["name"]:
        assert f'value="{data["name"]}"' in html  # kept
    db.session.refresh(user_with_password)
    assert user_with_password.locale == "en"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_change_password(client, user_with_password, lang):
    data = {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "new_password_confirm": NEW_PASSWORD,
    }
    response = client.post(f"/{lang}/account/settings/password", data=data)
    assert response.status_code == 303
    db.session.refresh(user_with_password)
    assert verify_password(user_with_password.password_hash, NEW_PASSWORD)
    page = client.get(f"/{lang}/account/settings").get_data(as_text=True)
    assert (
        "Ihr Passwort wurde geändert. Sie wurden überall sonst abgemeldet."
        if lang == "de"
        else "Your password has been changed. You were logged out everywhere else."
    ) in page


def test_new_password_ends_the_other_sessions_and_remember_me(app, client, user_with_password):
    other = app.test_client(user=user_with_password)  # e.g. a forgotten laptop
    assert other.get("/en/account/settings").status_code == 200
    laptop = app.test_client()
    response = laptop.post(
        "/en/account/login",
        data={"email": user_with_password.email, "password": PASSWORD, "remember": "y"},
    )
    assert response.status_code in (302, 303)
    cookies = response.headers.get_all("Set-Cookie")
    remember = next(c for c in cookies if c.startswith("remember_token=")).split(";")[0][15:]
    returning = app.test_client()  # the browser was closed: only the remember cookie is left
    returning.set_cookie("remember_token", remember, domain="portal.test")
    assert returning.get("/en/account/settings").status_code == 200
    data = {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "new_password_confirm": NEW_PASSWORD,
    }
    assert client.post("/en/account/settings/password", data=data).status_code == 303
    assert client.get("/en/account/settings").status_code == 200  # this session goes on
    for stale in (other, app.test_client()):
        if stale is not other:
            stale.set_cookie("remember_token", remember, domain="portal.test")
        response = stale.get("/en/account/settings")
        assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_password_reset_ends_open_sessions(app, user_with_password):
    from portal.services import accounts

    other = app.test_client(user=user_with_password)
    assert other.get("/en/account/settings").status_code == 200
    accounts.reset_password(user_with_password, NEW_PASSWORD)
    db.session.commit()
    assert other.get("/en/account/settings").status_code == 302


def test_session_of_another_account_id_is_refused(app, user_with_password):
    from portal.security import load_user

    with app.test_request_context():
        good = user_with_password.get_id()
        assert load_user(good) is user_with_password
        assert load_user(str(user_with_password.id)) is None  # a bare id: from before
        assert load_user(good[:-1] + ("0" if good[-1] != "0" else "1")) is None
        assert load_user("x.y") is None and load_user("9" * 40 + ".a") is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"current_password": "wrong password", "new_password": NEW_PASSWORD,
          "new_password_confirm": NEW_PASSWORD}, "This is not your current password."),
        ({"current_password": PASSWORD, "new_password": "short",
          "new_password_confirm": "short"}, "at least 10 characters"),
        ({"current_password": PASSWORD, "new_password": "password123",
          "new_password_confirm": "password123"}, "most common"),
        ({"current_password": PASSWORD, "new_password": NEW_PASSWORD,
          "new_password_confirm": "other"}, "do not match"),
        ({"current_password": "", "new_password": NEW_PASSWORD,
          "new_password_confirm": NEW_PASSWORD}, "Please fill in this field."),
    ],
)  # fmt: skip
def test_bad_password_change(client, user_with_password, data, message):
    response = client.post("/en/account/settings/password", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert 'id="current_password-error"' in html or 'id="new_password' in html
    assert NEW_PASSWORD not in html and PASSWORD not in html
    db.session.refresh(user_with_password)
    assert verify_password(user_with_password.password_hash, PASSWORD)


def test_password_change_error_is_translated(client):
    data = {
        "current_password": "falsch",
        "new_password": NEW_PASSWORD,
        "new_password_confirm": NEW_PASSWORD,
    }
    response = client.post("/de/account/settings/password", data=data)
    assert "Das ist nicht Ihr aktuelles Passwort." in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_email_change_applies_only_when_confirmed(client, client_for, user_with_password, lang):
    old = user_with_password.email
    response = client.post(
        f"/{lang}/account/settings/email",
        data={"new_email": "New@Example.org", "email_password": PASSWORD},
    )
    assert response.status_code == 303
    db.session.refresh(user_with_password)
    assert user_with_password.email == old  # not yet
    [confirm] = mails("new@example.org")
    assert confirm["Subject"] == "Please confirm your new email address"  # the account's language
    assert "new@example.org" in text_of(confirm)
    link = link_in(confirm)
    assert mails(old) == []

    # The link works from another browser, without being logged in.
    stranger = client_for(None)
    assert stranger.get(link).status_code == 200
    response = stranger.post(link)

    assert response.status_code == 303
    db.session.refresh(user_with_password)
    assert user_with_password.email == "new@example.org"
    assert user_with_password.email_verified_at is not None
    [notice] = mails(old)
    assert notice["Subject"] == "Your email address has been changed"
    assert "new@example.org" in text_of(notice)
    # single use
    assert stranger.post(link).status_code == 400
    # logging in works with the new address only
    data = {"email": old, "password": PASSWORD}
    assert stranger.post("/en/account/login", data=data).status_code == 400
    data["email"] = "new@example.org"
    assert stranger.post("/en/account/login", data=data).status_code == 303


def test_email_change_confirms_an_unconfirmed_account(client_for):
    account = UserFactory(email_verified_at=None, password=PASSWORD)
    client_for(account).post(
        "/en/account/settings/email",
        data={"new_email": "fresh@example.org", "email_password": PASSWORD},
    )
    client_for(None).post(link_in(mails("fresh@example.org")[0]))
    db.session.refresh(account)
    assert account.email == "fresh@example.org" and account.email_verified_at is not None


def test_email_change_link_dies_when_the_password_changes(client, user_with_password):
    client.post(
        "/en/account/settings/email",
        data={"new_email": "new@example.org", "email_password": PASSWORD},
    )
    link = link_in(mails("new@example.org")[0])
    data = {
        "current_password": PASSWORD,
        "new_password": NEW_PASSWORD,
        "new_password_confirm": NEW_PASSWORD,
    }
    client.post("/en/account/settings/password", data=data)
    response = client.get(link)
    assert response.status_code == 400
    assert 'href="/en/account/settings"' in response.get_data(as_text=True)


def test_email_change_refused_when_the_address_was_taken_meanwhile(client, user_with_password):
    client.post(
        "/en/account/settings/email",
        data={"new_email": "new@example.org", "email_password": PASSWORD},
    )
    link = link_in(mails("new@example.org")[0])
    UserFactory(email="new@example.org")
    response = client.post(link)
    assert response.status_code == 409
    assert "Another account uses this email address by now." in response.get_data(as_text=True)
    db.session.refresh(user_with_password)
    assert user_with_password.email != "new@example.org"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"new_email": "taken@example.org", "email_password": PASSWORD},
            "Another account already uses this email address.",
        ),
        (
            {"new_email": "TAKEN@example.org", "email_password": PASSWORD},
            "Another account already uses this email address.",
        ),
        ({"new_email": "SELF", "email_password": PASSWORD}, "This is already your email address."),
        ({"new_email": "broken", "email_password": PASSWORD}, "Please enter a valid email address"),
        (
            {"new_email": "fresh@example.org", "email_password": "wrong"},
            "This is not your current password.",
        ),
    ],
)
def test_bad_email_change(client, user_with_password, data, message):
    UserFactory(email="taken@example.org")
    if data["new_email"] == "SELF":
        data = dict(data, new_email=user_with_password.email.upper())
    response = client.post("/en/account/settings/email", data=data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert f'value="{data["new_email"]}"' in html
    assert mails() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_email_change_link(client, lang):
    response = client.get(f"/{lang}/account/email/nonsense")
    assert response.status_code == 400
    assert (
        "Der Link ist ungültig." if lang == "de" else "The link is not valid."
    ) in response.get_data(as_text=True)
