"""The team: invitations (mail, signed link), removing members, ownership, join requests."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import AuditEvent, Membership, MembershipRole
from portal.services import organisations
from tests.employer.conftest import html_of, lang_of, links_in, mails, text_of
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


def _membership(user, organisation) -> Membership | None:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id
        )
    )


def _body(response) -> str:
    return response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_team_page_lists_members_and_requests(client_for, owner, editor, organisation, lang):
    asking = MembershipFactory(
        organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    body = _body(client_for(owner).get(f"/{lang}/employer/team"))
    assert owner.email in body and editor.email in body and asking.user.email in body
    assert ("Beitrittsanfragen" if lang == "de" else "Requests to join") in body


def test_editor_sees_the_team_read_only(client_for, owner, editor):
    body = _body(client_for(editor).get("/en/employer/team"))
    assert owner.email in body
    assert "Send invitation" not in body and "/remove" not in body


@pytest.mark.parametrize("inviter_lang", ["de", "en"])
def test_inviting_an_existing_account_adds_it_and_mails_in_its_language(
    client_for, owner, organisation, inviter_lang
):
    colleague = UserFactory(email="kollegin@example.org", locale="en")
    response = client_for(owner).post(
        f"/{inviter_lang}/employer/team/invite", data={"email": " Kollegin@Example.org "}
    )
    assert response.status_code == 303
    membership = _membership(colleague, organisation)
    assert membership.approved and membership.role == MembershipRole.EDITOR
    [mail] = mails("kollegin@example.org")
    assert lang_of(mail) == "en"
    assert organisation.name in mail["Subject"] and "You are now in the team" in mail["Subject"]
    assert links_in(mail) == ["/en/employer/"]


def test_inviting_an_unknown_address_mails_a_signed_link(client, client_for, owner, organisation):
    response = client_for(owner).post("/de/employer/team/invite", data={"email": "neu@example.org"})
    assert response.status_code == 303
    [mail] = mails("neu@example.org")
    assert lang_of(mail) == "de"
    assert "Einladung in das Team" in mail["Subject"]
    [link] = links_in(mail)
    assert link.startswith("/de/employer/team/invite/")
    assert link in html_of(mail)

    # anonymous: told to log in or register, with the way back
    body = _body(client.get(link))
    assert organisation.name in body and "neu@example.org" in body
    login = re.search(r'href="(/de/account/login\?[^"]+)"', body).group(1)
    assert parse_qs(urlsplit(login.replace("&amp;", "&")).query)["next"] == [link]

    # after registering with the invited address, accept
    newcomer = UserFactory(email="neu@example.org")
    visitor = client_for(newcomer)
    assert visitor.get(link).status_code == 200
    response = visitor.post(link)
    assert response.status_code == 303
    membership = _membership(newcomer, organisation)
    assert membership.approved and membership.role == MembershipRole.EDITOR
    assert visitor.get("/de/employer/").status_code == 200
    # opening the link again changes nothing
    assert visitor.post(link).status_code == 303
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership).where(
        Membership.user_id == newcomer.id)) == 1  # fmt: skip


def test_invite_link_for_another_address_is_refused(client_for, owner, organisation):
    client_for(owner).post("/en/employer/team/invite", data={"email": "right@example.org"})
    [link] = links_in(mails("right@example.org")[0])
    wrong = UserFactory(email="wrong@example.org")
    response = client_for(wrong).get(link)
    assert response.status_code == 403
    assert client_for(wrong).post(link).status_code == 403
    assert _membership(wrong, organisation) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_tampered_or_expired_invite_is_400(app, client_for, owner, organisation, monkeypatch, lang):
    client_for(owner).post(f"/{lang}/employer/team/invite", data={"email": "a@example.org"})
    [link] = links_in(mails("a@example.org")[0])
    user = UserFactory(email="a@example.org")
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    response = client_for(user).get(tampered)
    assert response.status_code == 400
    assert ("ungültig" if lang == "de" else "not valid") in _body(response)
    monkeypatch.setattr(organisations, "INVITE_MAX_AGE", -1)
    response = client_for(user).post(link)
    assert response.status_code == 400
    assert ("abgelaufen" if lang == "de" else "expired") in _body(response)
    assert _membership(user, organisation) is None


def test_inviting_a_member_again_changes_nothing(client_for, owner, editor, organisation):
    client = client_for(owner)
    response = client.post("/en/employer/team/invite", data={"email": editor.email})
    assert response.status_code == 303
    assert mails() == []
    body = _body(client.get("/en/employer/team"))
    assert "already a member" in body


def test_inviting_someone_who_asked_to_join_approves_the_request(client_for, owner, organisation):
    asking = MembershipFactory(
        organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    client_for(owner).post("/en/employer/team/invite", data={"email": asking.user.email})
    assert _membership(asking.user, organisation).approved


@pytest.mark.parametrize("email", ["", "not-an-address", "a@" + "b" * 260 + ".de"])
def test_invalid_invite_address_is_400(client_for, owner, email):
    response = client_for(owner).post("/de/employer/team/invite", data={"email": email})
    assert response.status_code == 400
    assert 'id="email-error"' in _body(response)
    assert mails() == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_approve_join_request_mails_in_the_applicants_language(
    client_for, owner, organisation, lang
):
    applicant = UserFactory(locale=lang)
    request = MembershipFactory(
        user=applicant, organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    response = client_for(owner).post(f"/en/employer/team/{request.id}/approve")
    assert response.status_code == 303
    assert _membership(applicant, organisation).approved
    [mail] = mails(applicant.email)
    assert lang_of(mail) == lang
    assert ("Willkommen im Team" if lang == "de" else "Welcome to the team") in mail["Subject"]
    assert f"/{lang}/employer/" in text_of(mail)
    # deciding twice is refused, not an error page
    assert client_for(owner).post(f"/en/employer/team/{request.id}/approve").status_code == 409


def test_decline_join_request_removes_it_and_mails(client_for, owner, organisation):
    applicant = UserFactory(locale="de")
    request = MembershipFactory(
        user=applicant, organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    response = client_for(owner).post(f"/de/employer/team/{request.id}/decline")
    assert response.status_code == 303
    assert _membership(applicant, organisation) is None
    [mail] = mails(applicant.email)
    assert "abgelehnt" in text_of(mail)
    assert (
        db.session.scalars(sa.select(AuditEvent).where(AuditEvent.action == "membership.decline"))
        .one()
        .actor_id
        == owner.id
    )


def test_owner_removes_an_editor(client_for, owner, editor, organisation):
    membership = _membership(editor, organisation)
    response = client_for(owner).post(f"/en/employer/team/{membership.id}/remove")
    assert response.status_code == 303
    assert _membership(editor, organisation) is None
    assert client_for(editor).get("/en/employer/").status_code == 403


@pytest.mark.parametrize("lang", ["de", "en"])
def test_last_owner_cannot_leave_or_be_demoted(client_for, owner, organisation, lang):
    membership = _membership(owner, organisation)
    client = client_for(owner)
    for response in (
        client.post(f"/{lang}/employer/team/leave"),
        client.post(f"/{lang}/employer/team/{membership.id}/remove"),
        client.post(f"/{lang}/employer/team/{membership.id}/role", data={"role": "editor"}),
    ):
        assert response.status_code == 409
        assert ("Inhaber" if lang == "de" else "owner") in _body(response)
    assert _membership(owner, organisation).role == MembershipRole.OWNER


def test_hand_over_ownership_then_leave(client_for, owner, editor, organisation):
    editor_membership = _membership(editor, organisation)
    client = client_for(owner)
    response = client.post(f"/en/employer/team/{editor_membership.id}/role", data={"role": "owner"})
    assert response.status_code == 303
    assert _membership(editor, organisation).role == MembershipRole.OWNER
    assert client.post("/en/employer/team/leave").status_code == 303
    assert _membership(owner, organisation) is None
    # the new owner manages the team now
    assert (
        client_for(editor)
        .post("/en/employer/team/invite", data={"email": "z@example.org"})
        .status_code
        == 303
    )


def test_editor_may_leave(client_for, editor, organisation):
    assert client_for(editor).post("/de/employer/team/leave").status_code == 303
    assert _membership(editor, organisation) is None


def test_unknown_role_is_400(client_for, owner, editor, organisation):
    membership = _membership(editor, organisation)
    response = client_for(owner).post(
        f"/en/employer/team/{membership.id}/role", data={"role": "admin"}
    )
    assert response.status_code == 400
    assert _membership(editor, organisation).role == MembershipRole.EDITOR


def test_memberships_of_other_organisations_are_404(client_for, owner):
    foreign = MembershipFactory(organisation=OrganisationFactory(), approved=False)
    client = client_for(owner)
    for action in ("remove", "approve", "decline", "role"):
        assert client.post(f"/en/employer/team/{foreign.id}/{action}").status_code == 404
    assert not _membership(foreign.user, foreign.organisation).approved


def test_member_of_two_organisations_switches(client_for, owner, organisation):
    other = OrganisationFactory(name="Zweite Optik AG")
    MembershipFactory(user=owner, organisation=other, role=MembershipRole.EDITOR)
    client = client_for(owner)
    body = _body(client.get("/de/employer/"))
    assert "Zweite Optik AG" in body  # the switcher
    assert client.post("/de/employer/switch", data={"organisation_id": other.id}).status_code == 303
    body = _body(client.get("/de/employer/organisation"))
    assert 'value="Zweite Optik AG"' in body
    # in the second organisation the user is an editor: no team management
    assert (
        client.post("/de/employer/team/invite", data={"email": "q@example.org"}).status_code == 403
    )
    stranger = OrganisationFactory()
    assert (
        client.post("/de/employer/switch", data={"organisation_id": stranger.id}).status_code == 404
    )
