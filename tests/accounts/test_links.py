"""Links by mail: confirm the address, resend it, reset the password — valid, expired,
tampered, reused."""

from __future__ import annotations

import time

import pytest
from itsdangerous.timed import TimestampSigner

from portal.extensions import db
from portal.services import accounts
from portal.services.passwords import verify_password
from tests.accounts.conftest import PASSWORD, link_in, mails, text_of
from tests.factories import UserFactory

NEW_PASSWORD = "Neue Optik am Beutenberg"


@pytest.fixture
def unverified():
    return UserFactory(
        email="new@example.org", password=PASSWORD, email_verified_at=None, locale="de"
    )


def sent_in_the_past(monkeypatch, seconds: int, send) -> None:
    """Run `send` with itsdangerous's clock set `seconds` back: its token is that old."""
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - seconds)
        send()


def verification_link(user) -> str:
    accounts.send_verification(user)
    return link_in(mails(user.email)[-1])


# --- confirming the address ------------------------------------------------------------------


def test_verification_mail_is_in_the_users_language(unverified):
    accounts.send_verification(unverified)
    [mail] = mails("new@example.org")
    assert mail["Subject"] == "Bitte bestätigen Sie Ihre E-Mail-Adresse"
    assert "7 Tage gültig" in text_of(mail)
    assert link_in(mail).startswith("/de/account/verify/")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_valid_link_shows_a_button_and_confirms_on_post(client, unverified, lang):
    link = verification_link(unverified).replace("/de/", f"/{lang}/", 1)

    page = client.get(link)
    assert page.status_code == 200
    assert "new@example.org" in page.get_data(as_text=True)
    db.session.refresh(unverified)
    assert unverified.email_verified_at is None  # GET changes nothing (mail scanners open links)

    response = client.post(link)

    assert response.status_code == 303
    assert response.headers["Location"] == f"/{lang}/account/login"
    db.session.refresh(unverified)
    assert unverified.email_verified_at is not None


def test_logged_in_user_goes_home_after_confirming(client_for, unverified):
    client = client_for(unverified)
    link = verification_link(unverified)
    response = client.post(link)
    assert response.headers["Location"] in ("/de/employer/", "/de/account/settings")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_reused_link_is_refused(client, unverified, lang):
    link = verification_link(unverified).replace("/de/", f"/{lang}/", 1)
    assert client.post(link).status_code == 303

    for response in (client.get(link), client.post(link)):
        assert response.status_code == 400
        html = response.get_data(as_text=True)
        expected = "bereits verwendet" if lang == "de" else "has been used already"
        assert expected in html
        assert f'href="/{lang}/account/verify"' in html  # the way to a new link


@pytest.mark.parametrize("lang", ["de", "en"])
def test_expired_link_is_refused(client, unverified, monkeypatch, lang):
    sent_in_the_past(monkeypatch, 8 * 24 * 3600, lambda: accounts.send_verification(unverified))
    link = link_in(mails("new@example.org")[-1]).replace("/de/", f"/{lang}/", 1)

    response = client.get(link)

    assert response.status_code == 400
    assert ("abgelaufen" if lang == "de" else "The link has expired.") in response.get_data(
        as_text=True
    )
    assert client.post(link).status_code == 400
    db.session.refresh(unverified)
    assert unverified.email_verified_at is None


def test_link_of_six_days_still_works(client, unverified, monkeypatch):
    sent_in_the_past(monkeypatch, 6 * 24 * 3600, lambda: accounts.send_verification(unverified))
    assert client.post(link_in(mails("new@example.org")[-1])).status_code == 303


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(
    "how", ["changed signature", "changed payload", "garbage", "other purpose"]
)
def test_tampered_link_is_refused(client, unverified, lang, how):
    link = verification_link(unverified)
    token = link.rsplit("/", 1)[1]
    if how == "changed signature":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif how == "changed payload":
        payload, rest = token.split(".", 1)
        token = payload[:-1] + ("A" if payload[-1] != "A" else "B") + "." + rest
    elif how == "garbage":
        token = "not-a-token"
    else:  # a password-reset token must not confirm an address
        accounts.request_password_reset(unverified.email)
        token = link_in(mails(unverified.email)[-1]).rsplit("/", 1)[1]

    response = client.get(f"/{lang}/account/verify/{token}")

    assert response.status_code == 400
    expected = "Der Link ist ungültig." if lang == "de" else "The link is not valid."
    assert expected in response.get_data(as_text=True)


def test_link_dies_when_the_address_changes(client, unverified):
    link = verification_link(unverified)
    unverified.email = "other@example.org"
    db.session.flush()
    assert client.get(link).status_code == 400


def test_link_of_a_deleted_or_deactivated_account_is_refused(client, unverified):
    link = verification_link(unverified)
    unverified.active = False
    db.session.flush()
    assert client.get(link).status_code == 400


# --- asking for a new confirmation link ------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_resend_for_logged_in_user(client_for, unverified, lang):
    client = client_for(unverified)
    assert client.get(f"/{lang}/account/verify").status_code == 200

    response = client.post(f"/{lang}/account/verify")

    assert response.status_code == 303
    assert len(mails("new@example.org")) == 1
    # the new link works
    assert client.post(link_in(mails("new@example.org")[0])).status_code == 303


def test_resend_for_confirmed_user_sends_nothing(client_for, owner):
    response = client_for(owner).post("/en/account/verify")
    assert response.status_code == 303
    assert mails() == []


@pytest.mark.parametrize("email", ["new@example.org", "nobody@example.org", "user-verified"])
def test_resend_by_address_answers_the_same(client, unverified, email):
    if email == "user-verified":
        email = UserFactory().email
    response = client.post("/en/account/verify", data={"email": email})

    assert response.status_code == 303
    assert response.headers["Location"] == "/en/account/login"
    page = client.get("/en/account/login").get_data(as_text=True)
    assert f"If an account with an unconfirmed address {email} exists" in page
    assert len(mails()) == (1 if email == "new@example.org" else 0)


def test_resend_by_address_needs_a_valid_address(client):
    response = client.post("/de/account/verify", data={"email": "kaputt"})
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.get_data(as_text=True)


# --- password reset ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "en"])
def test_reset_request_answers_the_same_for_known_and_unknown_addresses(
    client, user_with_password, lang
):
    answers = []
    for email in (user_with_password.email, "nobody@example.org"):
        response = client.post(f"/{lang}/account/reset", data={"email": email})
        assert response.status_code == 303
        assert response.headers["Location"] == f"/{lang}/account/login"
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        answers.append(page.replace(email, "EMAIL"))
    expected = (
        "Falls ein Konto für EMAIL besteht" if lang == "de" else "If an account exists for EMAIL"
    )
    assert expected in answers[0] and expected in answers[1]
    assert [m["To"] for m in mails()] == [user_with_password.email]


def test_reset_request_for_deactivated_account_sends_nothing(client, user_with_password):
    user_with_password.active = False
    db.session.flush()
    client.post("/en/account/reset", data={"email": user_with_password.email})
    assert mails() == []


def test_reset_request_needs_a_valid_address(client):
    response = client.post("/en/account/reset", data={"email": "x" * 300})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "at most 254 characters" in html and 'value="' + "x" * 300 + '"' in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_reset_end_to_end_through_the_mail(client, user_with_password, lang):
    user_with_password.locale = lang
    db.session.flush()
    client.post(f"/{lang}/account/reset", data={"email": user_with_password.email.upper()})
    [mail] = mails(user_with_password.email)
    subject = "Neues Passwort wählen" if lang == "de" else "Choose a new password"
    assert mail["Subject"] == subject
    link = link_in(mail)
    assert link.startswith(f"/{lang}/account/reset/")

    assert client.get(link).status_code == 200
    response = client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})

    assert response.status_code == 303
    assert response.headers["Location"] == f"/{lang}/account/login"
    db.session.refresh(user_with_password)
    assert verify_password(user_with_password.password_hash, NEW_PASSWORD)
    assert not verify_password(user_with_password.password_hash, PASSWORD)
    # the old password no longer logs in, the new one does
    data = {"email": user_with_password.email, "password": PASSWORD}
    assert client.post(f"/{lang}/account/login", data=data).status_code == 400
    data["password"] = NEW_PASSWORD
    assert client.post(f"/{lang}/account/login", data=data).status_code == 303
    # single use
    again = client.post(
        link,
        data={
            "password": "Noch ein anderes Passwort",
            "password_confirm": "Noch ein anderes Passwort",
        },
    )
    assert again.status_code == 400
    assert client.get(link).status_code == 400


def test_reset_confirms_an_unconfirmed_address(client, unverified):
    accounts.request_password_reset(unverified.email)
    link = link_in(mails(unverified.email)[-1])
    client.post(link, data={"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    db.session.refresh(unverified)
    assert unverified.email_verified_at is not None


def test_reset_link_dies_when_the_password_changes_otherwise(client, user_with_password):
    accounts.request_password_reset(user_with_password.email)
    link = link_in(mails(user_with_password.email)[-1])
    accounts.change_password(user_with_password, NEW_PASSWORD)
    response = client.get(link)
    assert response.status_code == 400
    assert "has been used already" in response.get_data(as_text=True)
    assert 'href="/en/account/reset"' in response.get_data(as_text=True)


def test_reset_link_expires_after_two_hours(client, user_with_password, monkeypatch):
    sent_in_the_past(
        monkeypatch,
        2 * 3600 + 60,
        lambda: accounts.request_password_reset(user_with_password.email),
    )
    response = client.get(link_in(mails(user_with_password.email)[-1]))
    assert response.status_code == 400
    assert "The link has expired." in response.get_data(as_text=True)


def test_tampered_reset_link_is_refused(client, user_with_password):
    accounts.request_password_reset(user_with_password.email)
    link = link_in(mails(user_with_password.email)[-1])
    response = client.get(link[:-3] + "xyz")
    assert response.status_code == 400
    assert "The link is not valid." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "kurz", "password_confirm": "kurz"}, "at least 10 characters"),
        ({"password": "qwertyuiop", "password_confirm": "qwertyuiop"}, "most common"),
        ({"password": NEW_PASSWORD, "password_confirm": "different"}, "do not match"),
    ],
)
def test_reset_form_refuses_bad_passwords(client, user_with_password, data, message):
    accounts.request_password_reset(user_with_password.email)
    link = link_in(mails(user_with_password.email)[-1])
    response = client.post(link, data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.refresh(user_with_password)
    assert verify_password(user_with_password.password_hash, PASSWORD)
