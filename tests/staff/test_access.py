"""Who reaches the staff console: every route and method, from the app's own URL map.

Anonymous visitors are sent to the login page, employers get 403, staff and admins get in.
The table is built from `app.url_map`, so a route added later is checked without editing it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from portal.extensions import db
from portal.models import PostingRevision, PostingStatus
from portal.services import content
from tests.factories import PostingFactory, TrainingFactory

SKIP_METHODS = {"HEAD", "OPTIONS"}


def staff_rules(app):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("staff.")]
    assert len(rules) >= 30  # the console is there at all
    return rules


def _values(rule, ids, lang):
    values = {"lang": lang}
    for name in rule.arguments - {"lang"}:
        if name == "action":
            values[name] = next(iter(rule._converters[name].items))  # any(...) converter
        else:
            values[name] = ids[name]
    return values


def _build(app, rule, values):
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


@pytest.fixture
def ids(organisation, owner, staff):
    content.ensure_pages()
    posting = PostingFactory(organisation=organisation, created_by_id=owner.id)
    from portal.services.postings import posting_data

    revision = PostingRevision(posting=posting, data=posting_data(posting), created_by_id=owner.id)
    from portal.models import PostingReport, ReportReason

    report = PostingReport(posting=posting, reason=ReportReason.OTHER, message="Bitte prüfen")
    db.session.add_all([revision, report])
    db.session.flush()
    return {
        "posting_id": posting.id,
        "revision_id": revision.id,
        "organisation_id": organisation.id,
        "report_id": report.id,
        "course_id": TrainingFactory().id,
        "user_id": owner.id,
        "slug": "imprint",
    }


def _cases(app, ids):
    for rule in staff_rules(app):
        for method in sorted(rule.methods - SKIP_METHODS):
            for lang in ("de", "en"):
                yield rule, method, lang, _build(app, rule, _values(rule, ids, lang))


def test_anonymous_visitors_are_sent_to_login_everywhere(app, client, ids):
    for _rule, method, lang, url in _cases(app, ids):
        response = client.open(url, method=method)
        assert response.status_code == 302, (method, url, response.status_code)
        location = urlsplit(response.headers["Location"])
        assert location.path == f"/{lang}/account/login", (method, url)
        assert "next=" in location.query


@pytest.mark.parametrize("role", ["owner", "editor", "other_employer"])
def test_employers_get_403_everywhere(app, client_for, ids, role, request):
    employer = request.getfixturevalue(role)
    client = client_for(employer)
    for _rule, method, _lang, url in _cases(app, ids):
        response = client.open(url, method=method)
        assert response.status_code == 403, (role, method, url, response.status_code)


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_and_admins_get_every_page(app, client_for, ids, role, request):
    client = client_for(request.getfixturevalue(role))
    for _rule, method, _lang, url in _cases(app, ids):
        if method != "GET":
            continue
        response = client.get(url)
        assert response.status_code == 200, (role, url, response.status_code)
        assert response.headers["Content-Type"].startswith("text/html")
        assert "noindex" in response.get_data(as_text=True)


def test_post_routes_never_fail_with_500_on_empty_input(app, client_for, staff, ids):
    client = client_for(staff)
    for _rule, method, _lang, url in _cases(app, ids):
        if method != "POST":
            continue
        response = client.post(url, data={})
        assert response.status_code < 500, (url, response.status_code)


def test_a_deactivated_staff_account_is_logged_out(client_for, staff):
    staff.active = False
    db.session.flush()
    response = client_for(staff).get("/de/staff/")
    assert response.status_code == 302


def test_unknown_ids_are_404_for_staff(as_staff):
    for url in (
        "/de/staff/postings/999999",
        "/de/staff/organisations/999999",
        "/de/staff/reports/999999",
        "/de/staff/courses/999999",
        "/de/staff/users/999999",
        "/de/staff/pages/no-such-page",
        "/de/staff/statistics/organisations/999999",
    ):
        assert as_staff.get(url).status_code == 404, url
    assert as_staff.post("/de/staff/revisions/999999/approve").status_code == 404
    assert as_staff.post("/de/staff/postings/999999/approve").status_code == 404


def test_the_header_links_staff_to_the_console(as_staff, client_for, owner):
    assert 'href="/de/staff/"' in as_staff.get("/de/").get_data(as_text=True)
    assert "/de/staff/" not in client_for(owner).get("/de/").get_data(as_text=True)


def test_console_navigation_in_both_languages(as_staff):
    de = as_staff.get("/de/staff/").get_data(as_text=True)
    en = as_staff.get("/en/staff/").get_data(as_text=True)
    assert "Warteschlange zur Prüfung" in de and "Protokoll" in de
    assert "Moderation queue" in en and "Audit log" in en
    assert 'hreflang="en"' in de


def test_posting_status_filter_rejects_unknown_values(as_staff):
    PostingFactory(status=PostingStatus.DRAFT)
    response = as_staff.get("/en/staff/postings?status=bogus")
    assert response.status_code == 400
    assert "Not a valid choice" in response.get_data(as_text=True) or "field__error" in (
        response.get_data(as_text=True)
    )
