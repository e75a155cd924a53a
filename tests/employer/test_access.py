"""Who reaches which employer route: anonymous, other employer, editor, owner, staff; both languages.

Other organisations' objects answer 404 on every route and method; a member lacking the role
gets 403; anonymous visitors go to the login page with a safe `next`.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from portal.extensions import db
from portal.models import Membership, MembershipRole, PostingStatus
from tests.employer.conftest import posting_form
from tests.factories import MembershipFactory, PostingFactory, UserFactory

LANGS = ("de", "en")

# (method, path with {p} = posting id, {m} = membership id) of every employer route.
POSTING_ROUTES = [
    ("GET", "/postings/{p}"),
    ("GET", "/postings/{p}/edit"),
    ("POST", "/postings/{p}/edit"),
    ("GET", "/postings/{p}/preview"),
    ("POST", "/postings/{p}/submit"),
    ("POST", "/postings/{p}/extend"),
    ("POST", "/postings/{p}/close"),
    ("POST", "/postings/{p}/duplicate"),
    ("POST", "/postings/{p}/revision/withdraw"),
]
TEAM_OWNER_ROUTES = [
    ("POST", "/team/invite"),
    ("POST", "/team/{m}/remove"),
    ("POST", "/team/{m}/role"),
    ("POST", "/team/{m}/approve"),
    ("POST", "/team/{m}/decline"),
    ("GET", "/organisation/delete"),
    ("POST", "/organisation/delete"),
]
MEMBER_ROUTES = [
    ("GET", ""),
    ("GET", "/"),
    ("POST", "/switch"),
    ("GET", "/organisation"),
    ("POST", "/organisation"),
    ("GET", "/team"),
    ("POST", "/team/leave"),
    ("GET", "/postings/new"),
    ("POST", "/postings/new"),
]
ALL_ROUTES = POSTING_ROUTES + TEAM_OWNER_ROUTES + MEMBER_ROUTES


@pytest.fixture
def objects(organisation, owner):
    posting = PostingFactory(organisation=organisation)
    request = MembershipFactory(
        organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    return {"p": posting.id, "m": request.id}


def _call(client, method: str, lang: str, path: str, ids: dict[str, int]):
    url = f"/{lang}/employer{path.format(**ids)}"
    if url.endswith("/employer"):
        url += "/"
    if method == "GET":
        return client.get(url)
    return client.post(url, data={"days": "30", "role": "owner", "email": "x@example.org"})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("method", "path"), ALL_ROUTES)
def test_anonymous_is_sent_to_login_with_next(client, objects, lang, method, path):
    response = _call(client, method, lang, path, objects)
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == f"/{lang}/account/login"
    target = parse_qs(location.query)["next"][0]
    assert target.startswith(f"/{lang}/employer")
    assert "//" not in target and not target.startswith("http")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("method", "path"), POSTING_ROUTES + TEAM_OWNER_ROUTES[1:5])
def test_other_employer_gets_404_for_our_objects(
    client_for, other_employer, objects, lang, method, path
):
    response = _call(client_for(other_employer), method, lang, path, objects)
    assert response.status_code == 404


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("method", "path"), TEAM_OWNER_ROUTES)
def test_editor_cannot_manage_the_team_or_delete(client_for, editor, objects, lang, method, path):
    response = _call(client_for(editor), method, lang, path, objects)
    assert response.status_code == 403
    assert db_membership_unchanged(objects["m"])


def db_membership_unchanged(membership_id: int) -> bool:
    membership = db.session.get(Membership, membership_id)
    return membership is not None and not membership.approved


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("method", "path"), ALL_ROUTES)
def test_staff_without_organisation_gets_403(client_for, staff, objects, lang, method, path):
    response = _call(client_for(staff), method, lang, path, objects)
    assert response.status_code == 403
    if method == "GET":
        body = response.get_data(as_text=True)
        assert "für Arbeitgeber" in body if lang == "de" else "This area is for employers" in body


def test_user_with_pending_join_request_is_told_so(client_for):
    request = MembershipFactory(role=MembershipRole.EDITOR, approved=False)
    response = client_for(request.user).get("/en/employer/")
    assert response.status_code == 403
    assert "waiting for approval" in response.get_data(as_text=True)
    assert request.organisation.name in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("who", ["owner", "editor"])
def test_members_reach_the_posting_pages(client_for, request, objects, lang, who):
    client = client_for(request.getfixturevalue(who))
    for method, path in [("GET", ""), ("GET", "/organisation"), ("GET", "/team"),
                         ("GET", "/postings/new"), ("GET", "/postings/{p}"),
                         ("GET", "/postings/{p}/edit"), ("GET", "/postings/{p}/preview")]:  # fmt: skip
        response = _call(client, method, lang, path, objects)
        assert response.status_code == 200, (method, path, response.status_code)
        assert f'<html lang="{lang}">' in response.get_data(as_text=True)


def test_editor_may_edit_and_act_on_postings(client_for, editor, organisation):
    posting = PostingFactory(organisation=organisation, status=PostingStatus.DRAFT)
    client = client_for(editor)
    response = client.post(f"/en/employer/postings/{posting.id}/edit", data=posting_form())
    assert response.status_code == 303
    response = client.post(f"/en/employer/postings/{posting.id}/submit")
    assert response.status_code == 303
    db.session.refresh(posting)
    assert posting.status == PostingStatus.SUBMITTED


def test_next_for_post_routes_is_our_own_path(client, objects):
    response = client.post(f"/de/employer/postings/{objects['p']}/close")
    target = parse_qs(urlsplit(response.headers["Location"]).query)["next"][0]
    assert target == f"/de/employer/postings/{objects['p']}/close"


def test_inactive_user_is_treated_as_anonymous(client_for, organisation):
    user = UserFactory(active=False)
    MembershipFactory(user=user, organisation=organisation)
    response = client_for(user).get("/de/employer/")
    assert response.status_code == 302


def test_employer_pages_are_not_indexed(client_for, owner):
    body = client_for(owner).get("/de/employer/").get_data(as_text=True)
    assert '<meta name="robots" content="noindex, nofollow">' in body
