"""Own data: the JSON export and the deletion of the account."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import AuditEvent, Membership, MembershipRole, Posting, PostingStatus, Role, User
from portal.services import audit
from tests.accounts.conftest import PASSWORD
from tests.factories import MembershipFactory, OrganisationFactory, PostingFactory, UserFactory


@pytest.mark.parametrize("lang", ["de", "en"])
def test_export_is_a_json_download_of_the_own_data(client_for, organisation, lang):
    me = MembershipFactory(
        organisation=organisation,
        role=MembershipRole.EDITOR,
        user=UserFactory(name="Ada", locale="de"),
    ).user
    pending = OrganisationFactory(name="Wanted Optics")
    MembershipFactory(organisation=pending, user=me, role=MembershipRole.EDITOR, approved=False)
    written = PostingFactory(
        organisation=organisation,
        texts={"de": "Laseringenieur", "en": "Laser engineer"},
        created_by_id=me.id,
        status=PostingStatus.DRAFT,
    )
    edited = PostingFactory(organisation=organisation, updated_by_id=me.id)
    PostingFactory(organisation=organisation)  # somebody else's
    audit.record(me, "posting.submit", written)
    other = UserFactory()

    response = client_for(me).get(f"/{lang}/account/export")

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="photonik-karriere-account-{me.id}.json"'
    )
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == me.email
    assert data["account"]["name"] == "Ada"
    assert data["account"]["language"] == "de"
    assert data["account"]["role"] == "employer"
    assert "password_hash" not in json.dumps(data) and "argon2" not in json.dumps(data)
    assert set(data["logins"]) == {"last_login_at"}
    assert sorted((m["organisation"]["name"], m["approved"]) for m in data["memberships"]) == [
        (organisation.name, True),
        ("Wanted Optics", False),
    ]
    postings = {p["id"]: p for p in data["postings"]}
    assert set(postings) == {written.id, edited.id}
    assert postings[written.id]["titles"] == {"de": "Laseringenieur", "en": "Laser engineer"}
    assert postings[written.id]["status"] == "draft"
    assert postings[written.id]["created_by_you"] is True
    assert postings[edited.id]["last_updated_by_you"] is True
    assert [a["action"] for a in data["actions"]] == ["posting.submit"]
    assert other.email not in response.get_data(as_text=True)


def test_export_records_the_last_login(client, user_with_password):
    client.post("/en/account/login", data={"email": user_with_password.email, "password": PASSWORD})
    data = client.get("/en/account/export").get_json()
    assert data["logins"]["last_login_at"] is not None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_last_owner_cannot_delete_the_account(client_for, owner, organisation, lang):
    second = OrganisationFactory(name="Another Lab")
    MembershipFactory(organisation=second, user=owner)
    MembershipFactory(organisation=second)  # a second owner: not blocking
    client = client_for(owner)

    page = client.get(f"/{lang}/account/delete")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert organisation.name in html and "Another Lab" not in html
    assert f'href="/{lang}/employer/team"' in html
    assert 'name="delete_password"' not in html
    expected = (
        "einzige Inhaberin bzw. der einzige Inhaber dieser Organisation:"
        if lang == "de"
        else "You are the only owner of this organisation:"
    )
    assert expected in html

    response = client.post(f"/{lang}/account/delete", data={"delete_password": PASSWORD})

    assert response.status_code == 409
    assert db.session.get(User, owner.id) is not None


def test_an_owner_with_a_co_owner_can_delete(client_for, organisation, owner):
    co_owner = MembershipFactory(
        organisation=organisation, user=UserFactory(password=PASSWORD)
    ).user
    response = client_for(co_owner).post("/en/account/delete", data={"delete_password": PASSWORD})
    assert response.status_code == 303
    assert db.session.scalar(sa.select(User).where(User.id == co_owner.id)) is None
    assert [m.user for m in db.session.scalars(sa.select(Membership))] == [owner]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_editor_deletes_the_account(client_for, organisation, owner, lang):
    editor = MembershipFactory(
        organisation=organisation, role=MembershipRole.EDITOR, user=UserFactory(password=PASSWORD)
    ).user
    editor_id, email = editor.id, editor.email
    posting = PostingFactory(
        organisation=organisation, created_by_id=editor_id, updated_by_id=editor_id
    )
    audit.record(editor, "posting.submit", posting)
    client = client_for(editor)
    page = client.get(f"/{lang}/account/delete")
    assert page.status_code == 200 and 'name="delete_password"' in page.get_data(as_text=True)

    response = client.post(f"/{lang}/account/delete", data={"delete_password": PASSWORD})

    assert response.status_code == 303
    assert response.headers["Location"] == f"/{lang}/"
    db.session.expire_all()
    assert db.session.get(User, editor_id) is None
    assert db.session.scalar(sa.select(Membership).where(Membership.user_id == editor_id)) is None
    kept = db.session.get(Posting, posting.id)
    assert kept is not None and kept.organisation_id == organisation.id
    assert kept.created_by_id is None and kept.updated_by_id is None
    event = db.session.scalar(sa.select(AuditEvent).where(AuditEvent.action == "account.deleted"))
    assert (event.actor_id, event.object_type, event.object_id) == (None, "user", editor_id)
    assert email not in json.dumps(event.details)
    submitted = db.session.scalar(
        sa.select(AuditEvent).where(AuditEvent.action == "posting.submit")
    )
    assert submitted.actor_id is None  # the trail stays, without the person
    # logged out, and told so
    assert client.get(f"/{lang}/account/settings").status_code == 302
    goodbye = "Ihr Konto wurde gelöscht." if lang == "de" else "Your account has been deleted."
    assert goodbye in client.get(f"/{lang}/").get_data(as_text=True)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_wrong_password_does_not_delete(client_for, lang):
    me = UserFactory(password=PASSWORD, role=Role.STAFF)
    response = client_for(me).post(
        f"/{lang}/account/delete", data={"delete_password": "nicht richtig"}
    )
    assert response.status_code == 400
    expected = (
        "Das ist nicht Ihr aktuelles Passwort."
        if lang == "de"
        else "This is not your current password."
    )
    assert expected in response.get_data(as_text=True)
    assert db.session.get(User, me.id) is not None


def test_empty_password_does_not_delete(client_for):
    me = UserFactory(password=PASSWORD)
    response = client_for(me).post("/en/account/delete", data={"delete_password": ""})
    assert response.status_code == 400
    assert "Please fill in this field." in response.get_data(as_text=True)
