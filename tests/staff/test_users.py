"""User accounts: search, deactivate, reactivate, roles (admins only), verification, invitations."""

from __future__ import annotations

import re

import pytest

from portal.extensions import db
from portal.models import Role, User
from tests.factories import UserFactory
from tests.staff.conftest import events, lang_of, mails, text_of


def test_search_by_name_or_email_role_and_state(as_staff, owner):
    UserFactory(name="Ada Lichtblau", email="ada@lichtwerk.example")
    gone = UserFactory(name="Bert Gone", active=False)
    html = as_staff.get("/en/staff/users?q=lichtblau").get_data(as_text=True)
    assert "ada@lichtwerk.example" in html and owner.email not in html
    html = as_staff.get("/en/staff/users?q=LICHTWERK.example").get_data(as_text=True)
    assert "Ada Lichtblau" in html
    html = as_staff.get("/en/staff/users?active=no").get_data(as_text=True)
    assert gone.email in html and owner.email not in html
    html = as_staff.get("/en/staff/users?role=staff").get_data(as_text=True)
    assert owner.email not in html
    assert as_staff.get("/en/staff/users?role=king").status_code == 400


def test_like_wildcards_in_the_search_are_literal(as_staff, owner):
    html = as_staff.get("/en/staff/users?q=%25").get_data(as_text=True)
    assert owner.email not in html


def test_deactivate_and_reactivate_an_employer(as_staff, staff, owner, client_for):
    response = as_staff.post(f"/en/staff/users/{owner.id}/deactivate")
    assert response.status_code == 303
    db.session.refresh(owner)
    assert not owner.active
    assert events("user.deactivate", owner.id)[0].actor_id == staff.id
    assert as_staff.post(f"/en/staff/users/{owner.id}/deactivate").status_code == 409
    assert as_staff.post(f"/en/staff/users/{owner.id}/reactivate").status_code == 303
    db.session.refresh(owner)
    assert owner.active and events("user.reactivate", owner.id)


def test_staff_cannot_touch_admins_nor_themselves(as_staff, staff, admin):
    for url in (f"/en/staff/users/{admin.id}/deactivate", f"/en/staff/users/{staff.id}/deactivate"):
        response = as_staff.post(url)
        assert response.status_code == 403, url
    db.session.refresh(admin)
    assert admin.active
    html = as_staff.get(f"/en/staff/users/{admin.id}").get_data(as_text=True)
    assert "Only administrators can change administrator accounts." in html


def test_only_admins_change_roles(as_staff, as_admin, admin, owner):
    response = as_staff.post(f"/en/staff/users/{owner.id}/role", data={"role": "staff"})
    assert response.status_code == 403
    db.session.refresh(owner)
    assert owner.role == Role.EMPLOYER
    assert 'name="role"' not in as_staff.get(f"/en/staff/users/{owner.id}").get_data(as_text=True)

    response = as_admin.post(f"/en/staff/users/{owner.id}/role", data={"role": "staff"})
    assert response.status_code == 303
    db.session.refresh(owner)
    assert owner.role == Role.STAFF
    [event] = events("user.role", owner.id)
    assert event.details == {"before": "employer", "after": "staff"} and event.actor_id == admin.id
    assert (
        as_admin.post(f"/en/staff/users/{owner.id}/role", data={"role": "emperor"}).status_code
        == 400
    )
    assert (
        as_admin.post(f"/en/staff/users/{admin.id}/role", data={"role": "staff"}).status_code == 403
    )


def test_resend_verification_uses_the_accounts_mail(as_staff, staff):
    user = UserFactory(email_verified_at=None, locale="en", password="a-long-password-1")
    response = as_staff.post(f"/de/staff/users/{user.id}/verification")
    assert response.status_code == 303
    [mail] = mails(user.email)
    assert lang_of(mail) == "en" and "/en/account/verify/" in text_of(mail)
    assert events("user.resend_verification", user.id)[0].actor_id == staff.id
    confirmed = UserFactory()
    assert as_staff.post(f"/de/staff/users/{confirmed.id}/verification").status_code == 409


@pytest.mark.parametrize("lang", ["de", "en"])
def test_invite_a_staff_member_who_then_sets_a_password(as_staff, staff, client, lang):
    response = as_staff.post(
        f"/{lang}/staff/users/invite",
        data={"email": "New.Colleague@Cluster.example", "name": "Neue Kollegin", "role": "staff",
              "locale": "en"},
    )  # fmt: skip
    assert response.status_code == 303
    user = db.session.scalar(db.select(User).where(User.email == "new.colleague@cluster.example"))
    assert user.role == Role.STAFF and user.password_hash is None and user.locale == "en"
    [mail] = mails(user.email)
    assert lang_of(mail) == "en" and "choose your password" in text_of(mail)
    link = re.search(r"http://portal\.test(/en/account/reset/\S+)", text_of(mail)).group(1)
    assert events("user.invite", user.id)[0].details["role"] == "staff"
    # The link of the accounts area sets the password; then the colleague can log in.
    form = client.get(link)
    assert form.status_code == 200
    password = "Laser-Linse-2026!"
    response = client.post(link, data={"password": password, "password_confirm": password})
    assert response.status_code in (302, 303)
    db.session.refresh(user)
    assert user.password_hash and user.email_verified_at is not None


def test_invite_refuses_taken_addresses_and_admins_by_staff(as_staff, owner):
    response = as_staff.post(
        "/en/staff/users/invite",
        data={"email": owner.email, "name": "Someone", "role": "staff", "locale": "de"},
    )
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "already exists" in html and "Someone" in html  # input kept
    response = as_staff.post(
        "/en/staff/users/invite",
        data={"email": "x@example.org", "name": "X", "role": "admin", "locale": "de"},
    )
    assert response.status_code == 400  # not a choice for staff
    response = as_staff.post(
        "/de/staff/users/invite", data={"email": "kein-mail", "name": "", "role": "staff"}
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "gültige E-Mail-Adresse" in html and "kein-mail" in html


def test_admins_may_invite_admins(as_admin):
    response = as_admin.post(
        "/en/staff/users/invite",
        data={"email": "boss@example.org", "name": "Boss", "role": "admin", "locale": "de"},
    )
    assert response.status_code == 303
    assert db.session.scalar(db.select(User).where(User.email == "boss@example.org")).role == (
        Role.ADMIN
    )


def test_send_the_invitation_again(as_staff):
    as_staff.post(
        "/en/staff/users/invite",
        data={"email": "later@example.org", "name": "Later", "role": "staff", "locale": "de"},
    )
    user = db.session.scalar(db.select(User).where(User.email == "later@example.org"))
    assert as_staff.post(f"/en/staff/users/{user.id}/invitation").status_code == 303
    assert len(mails(user.email)) == 2
    assert events("user.invite_again", user.id)
