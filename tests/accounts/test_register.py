"""Sign-up: with a new organisation or a request to join one; every kind of bad input."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import (
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Role,
    User,
)
from portal.services.passwords import verify_password
from tests.accounts.conftest import PASSWORD, html_of, link_in, mails, text_of
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


def form(**changes):
    data = {
        "name": "Ada Lovelace",
        "email": "Ada@Example.org",
        "password": PASSWORD,
        "password_confirm": PASSWORD,
        "organisation_mode": "new",
        "org_name": "Jenaer Lichtwerk GmbH",
        "org_kind": "company",
        "org_city": "Jena",
        "join_organisation": "",
    }
    data.update(changes)
    return data


def user(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_register_page_renders(client, lang):
    response = client.get(f"/{lang}/account/register")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert 'name="organisation_mode"' in html and 'name="org_kind"' in html
    assert ("Als Arbeitgeber registrieren" if lang == "de" else "Register as an employer") in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_register_with_new_organisation(client, lang):
    response = client.post(f"/{lang}/account/register", data=form())

    assert response.status_code == 303
    account = user("ada@example.org")  # stored lower-cased
    assert account is not None and account.role == Role.EMPLOYER
    assert account.locale == lang  # the language of the sign-up page
    assert account.email_verified_at is None
    assert account.password_hash.startswith("$argon2id$")
    assert verify_password(account.password_hash, PASSWORD)
    [membership] = account.memberships
    org = membership.organisation
    assert membership.role == MembershipRole.OWNER and membership.approved
    assert (org.name, org.kind, org.city) == (
        "Jenaer Lichtwerk GmbH",
        OrganisationKind.COMPANY,
        "Jena",
    )
    assert org.status == OrganisationStatus.PENDING
    assert org.slug == "jenaer-lichtwerk-gmbh"
    # logged in straight away, and told to confirm the address
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "ada@example.org" in page
    [mail] = mails("ada@example.org")
    assert mail["Content-Language"] == lang
    expected = (
        "Bitte bestätigen Sie Ihre E-Mail-Adresse"
        if lang == "de"
        else "Please confirm your email address"
    )
    assert mail["Subject"] == expected
    assert f"/{lang}/account/verify/" in link_in(mail)
    assert f"/{lang}/account/verify/" in html_of(mail)


def test_slug_is_unique_and_spells_out_umlauts(client):
    OrganisationFactory(slug="optik-muenchen", name="Optik München alt")
    client.post("/de/account/register", data=form(org_name="Optik München"))
    org = db.session.scalar(sa.select(Organisation).where(Organisation.name == "Optik München"))
    assert org.slug == "optik-muenchen-2"


def test_register_asking_to_join_mails_the_owners(client):
    org = OrganisationFactory(name="Fraunhofer Optik")
    de_owner = MembershipFactory(organisation=org, user=UserFactory(locale="de")).user
    en_owner = MembershipFactory(organisation=org, user=UserFactory(locale="en")).user
    MembershipFactory(organisation=org, role=MembershipRole.EDITOR)  # editors get no mail

    response = client.post(
        "/en/account/register",
        data=form(
            organisation_mode="join", join_organisation=str(org.id), org_name="", org_kind=""
        ),
    )

    assert response.status_code == 303
    account = user("ada@example.org")
    [membership] = account.memberships
    assert (membership.organisation, membership.role, membership.approved) == (
        org,
        MembershipRole.EDITOR,
        False,
    )
    assert db.session.scalar(sa.select(sa.func.count(Organisation.id))) == 1  # none created
    [to_de] = mails(de_owner.email)
    [to_en] = mails(en_owner.email)
    assert to_de["Subject"] == "Ada Lovelace möchte Fraunhofer Optik beitreten"
    assert to_en["Subject"] == "Ada Lovelace asks to join Fraunhofer Optik"
    assert "ada@example.org" in text_of(to_en)
    assert link_in(to_de).startswith("/de/employer/")  # the team page, in the owner's language
    assert link_in(to_en).startswith("/en/employer/")
    assert len(mails("ada@example.org")) == 1  # the verification mail


def test_only_approved_organisations_can_be_joined(client):
    approved = OrganisationFactory(name="Approved Optics")
    pending = OrganisationFactory(name="Pending Optics", status=OrganisationStatus.PENDING)
    html = client.get("/en/account/register").get_data(as_text=True)
    assert "Approved Optics" in html and "Pending Optics" not in html

    response = client.post(
        "/en/account/register",
        data=form(organisation_mode="join", join_organisation=str(pending.id)),
    )
    assert response.status_code == 400
    assert "Please choose one of the listed organisations." in response.get_data(as_text=True)
    assert user("ada@example.org") is None
    assert approved.memberships == []


@pytest.mark.parametrize(
    ("changes", "field", "en", "de"),
    [
        ({"password": "kurz", "password_confirm": "kurz"}, "password",
         "The password needs at least 10 characters.", "mindestens 10 Zeichen"),
        ({"password": "passwort123", "password_confirm": "passwort123"}, "password",
         "among the most common ones", "gehört zu den häufigsten"),
        ({"password": "Sommer2024!!", "password_confirm": "Sommer2024!!"}, "password",
         "among the most common ones", "gehört zu den häufigsten"),
        ({"password_confirm": PASSWORD + "x"}, "password_confirm",
         "The two passwords do not match.", "stimmen nicht überein"),
        ({"email": "not-an-address"}, "email",
         "Please enter a valid email address", "gültige E-Mail-Adresse"),
        ({"email": ""}, "email", "Please fill in this field.", "Bitte füllen Sie dieses Feld aus."),
        ({"name": "x" * 121}, "name", "at most 120 characters", "höchstens 120 Zeichen"),
        ({"email": "a" * 250 + "@x.org"}, "email", "at most 254 characters", "höchstens 254 Zeichen"),
        ({"org_name": "O" * 161}, "org_name", "at most 160 characters", "höchstens 160 Zeichen"),
        ({"org_city": "J" * 101}, "org_city", "at most 100 characters", "höchstens 100 Zeichen"),
        ({"org_kind": "spaceship"}, "org_kind",
         "Please choose one of the listed kinds.", "Bitte wählen Sie eine der aufgeführten Arten."),
        ({"org_kind": ""}, "org_kind",
         "Please choose one of the listed kinds.", "Bitte wählen Sie eine der aufgeführten Arten."),
        ({"org_name": ""}, "org_name",
         "Please enter the name of your organisation.", "Bitte geben Sie den Namen Ihrer Organisation ein."),
        ({"org_city": ""}, "org_city",
         "Please enter the city of your organisation.", "Bitte geben Sie den Ort Ihrer Organisation ein."),
        ({"organisation_mode": "both"}, "organisation_mode", "Not a valid choice", "Keine gültige Auswahl"),
        ({"organisation_mode": "join", "join_organisation": "999999"}, "join_organisation",
         "Please choose one of the listed organisations.", "Bitte wählen Sie eine der aufgeführten Organisationen."),
        ({"organisation_mode": "join", "join_organisation": "abc"}, "join_organisation",
         "Please choose one of the listed organisations.", "Bitte wählen Sie eine der aufgeführten Organisationen."),
    ],
)  # fmt: skip
@pytest.mark.parametrize("lang", ["de", "en"])
def test_bad_input_is_refused_with_a_translated_message_and_kept(
    client, lang, changes, field, en, de
):
    data = form(**changes)
    response = client.post(f"/{lang}/account/register", data=data)

    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert (de if lang == "de" else en) in html
    assert f'id="{field}-error"' in html
    assert 'role="alert"' in html
    # Input is kept, passwords are not.
    assert 'value="Ada Lovelace"' in html or field == "name"
    if field != "org_name":
        assert 'value="Jenaer Lichtwerk GmbH"' in html
    assert PASSWORD not in html
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0
    assert mails() == []


@pytest.mark.parametrize("existing", ["a@x.org", "A@X.org", " a@x.ORG "])
def test_duplicate_email_in_any_case(client, existing):
    UserFactory(email=existing)
    response = client.post("/en/account/register", data=form(email="A@x.Org"))
    assert response.status_code == 400
    assert "An account with this email address already exists." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_duplicate_organisation_name_points_to_joining(client):
    OrganisationFactory(name="Jenaer Lichtwerk GmbH")
    response = client.post("/en/account/register", data=form(org_name="jenaer  lichtwerk gmbh"))
    assert response.status_code == 400
    assert "Please ask to join it instead." in response.get_data(as_text=True)


def test_names_collapse_to_one_line(client):
    """Names reach mail headers: a line break in them must not split a header."""
    client.post("/en/account/register", data=form(name="Ada\r\nBcc: evil@example.org"))
    assert user("ada@example.org").name == "Ada Bcc: evil@example.org"


def test_logged_in_user_is_sent_on(client_for, owner):
    response = client_for(owner).get("/en/account/register")
    assert response.status_code == 302
