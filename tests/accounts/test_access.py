"""Every accounts route for each role in both languages, and the account links in the header."""

from __future__ import annotations

import pytest

from portal.models import Role
from tests.factories import UserFactory

ROLES = ["anonymous", "employer", "staff"]
LANGS = ["de", "en"]

# (method, path, {role: expected status}); "login" means: a redirect to the login page.
ROUTES = [
    ("GET", "register", {"anonymous": 200, "employer": 302, "staff": 302}),
    ("GET", "login", {"anonymous": 200, "employer": 302, "staff": 302}),
    ("GET", "logout", {"anonymous": 405, "employer": 405, "staff": 405}),
    ("POST", "logout", {"anonymous": 303, "employer": 303, "staff": 303}),
    ("GET", "verify", {"anonymous": 200, "employer": 303, "staff": 303}),
    ("GET", "verify/nonsense", {"anonymous": 400, "employer": 400, "staff": 400}),
    ("POST", "verify/nonsense", {"anonymous": 400, "employer": 400, "staff": 400}),
    ("GET", "reset", {"anonymous": 200, "employer": 200, "staff": 200}),
    ("GET", "reset/nonsense", {"anonymous": 400, "employer": 400, "staff": 400}),
    ("GET", "settings", {"anonymous": "login", "employer": 200, "staff": 200}),
    ("POST", "settings", {"anonymous": "login", "employer": 400, "staff": 400}),
    ("POST", "settings/password", {"anonymous": "login", "employer": 400, "staff": 400}),
    ("GET", "settings/password", {"anonymous": 405, "employer": 405, "staff": 405}),
    ("POST", "settings/email", {"anonymous": "login", "employer": 400, "staff": 400}),
    ("GET", "email/nonsense", {"anonymous": 400, "employer": 400, "staff": 400}),
    ("GET", "export", {"anonymous": "login", "employer": 200, "staff": 200}),
    ("GET", "delete", {"anonymous": "login", "employer": 200, "staff": 200}),
    ("POST", "delete", {"anonymous": "login", "employer": 409, "staff": 400}),
]


@pytest.fixture
def client_as(client_for, owner):
    def make(role: str):
        if role == "anonymous":
            return client_for(None)
        if role == "employer":
            return client_for(owner)  # the only owner of `organisation`: cannot delete
        return client_for(UserFactory(role=Role.STAFF))

    return make


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "expected"), ROUTES, ids=[f"{m} {p}" for m, p, _e in ROUTES]
)
def test_route_for_role(client_as, role, lang, method, path, expected):
    response = client_as(role).open(f"/{lang}/account/{path}", method=method)

    want = expected[role]
    if want == "login":
        assert response.status_code == 302
        assert response.headers["Location"].startswith(f"/{lang}/account/login?next=")
    else:
        assert response.status_code == want
    if response.status_code in (200, 400, 405, 409) and response.mimetype == "text/html":
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        assert '<main id="main"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_header_for_anonymous_visitors(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    header = html[html.index("<header") : html.index("</header>")]
    assert f'href="/{lang}/account/register"' in header
    assert f'href="/{lang}/account/login"' in header
    assert ("Für Arbeitgeber" if lang == "de" else "For employers") in header
    assert ("Anmelden" if lang == "de" else "Log in") in header
    assert "logout" not in header
    assert "csrf_token" not in html  # anonymous pages set no session


@pytest.mark.parametrize("lang", LANGS)
def test_header_for_logged_in_employers(client_for, owner, lang):
    html = client_for(owner).get(f"/{lang}/jobs").get_data(as_text=True)
    header = html[html.index("<header") : html.index("</header>")]
    assert f'href="/{lang}/account/settings"' in header and owner.name in header
    assert (
        f'<form class="site-nav__logout" method="post" action="/{lang}/account/logout">' in header
    )
    assert 'name="csrf_token"' in header
    assert ("Abmelden" if lang == "de" else "Log out") in header
    assert f'href="/{lang}/employer/"' in header  # the dashboard (its area exists)
    assert "account/login" not in header


def test_header_of_staff_leads_to_moderation_not_the_employer_area(client_for, staff):
    html = client_for(staff).get("/en/").get_data(as_text=True)
    header = html[html.index("<header") : html.index("</header>")]
    assert 'href="/en/employer/"' not in header
    assert 'href="/en/account/settings"' in header
    if "staff.queue" in client_for(None).application.view_functions:
        assert 'href="/en/staff/"' in header


def test_has_endpoint_guards_links_to_missing_areas(app):
    with app.test_request_context("/en/"):
        from portal.accounts.views import has_endpoint

        assert has_endpoint("accounts.login")
        assert not has_endpoint("nowhere.dashboard")


def test_current_page_is_marked_in_the_header(client_for, owner):
    html = client_for(owner).get("/en/account/settings").get_data(as_text=True)
    assert 'href="/en/account/settings" aria-current="page"' in html
