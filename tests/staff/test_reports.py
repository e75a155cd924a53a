"""Reports about postings (DSA Art. 16 notices) and their resolution (Art. 17)."""

from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import PostingReport, PostingStatus, ReportReason
from tests.staff.conftest import events, lang_of, mails, text_of


@pytest.fixture
def report(published):
    report = PostingReport(
        posting=published,
        reason=ReportReason.SCAM,
        message="Die Firma verlangt Geld für die Bewerbung.",
        reporter_email="hinweis@example.org",
        lang="de",
    )
    db.session.add(report)
    db.session.flush()
    return report


def test_open_reports_are_in_the_queue_and_the_list(as_staff, report):
    assert f"/en/staff/reports/{report.id}" in as_staff.get("/en/staff/").get_data(as_text=True)
    html = as_staff.get("/en/staff/reports").get_data(as_text=True)
    assert "Fraud or scam" in html and f"/en/staff/reports/{report.id}" in html
    assert f"/en/staff/reports/{report.id}" not in as_staff.get(
        "/en/staff/reports?state=resolved"
    ).get_data(as_text=True)


def test_report_page_shows_the_message(as_staff, report):
    html = as_staff.get(f"/de/staff/reports/{report.id}").get_data(as_text=True)
    assert "verlangt Geld" in html and "hinweis@example.org" in html
    assert "Anzeige sperren (offline nehmen)" in html


def test_resolve_and_suspend_tells_employer_and_reporter(as_staff, staff, report, published, owner):
    owner.locale = "en"
    db.session.flush()
    response = as_staff.post(
        f"/de/staff/reports/{report.id}/resolve",
        data={
            "resolution": "Die Anzeige verlangt eine Gebühr; das verstößt gegen unsere Regeln.",
            "suspend": "y",
            "notify_reporter": "y",
        },
    )
    assert response.status_code == 303
    db.session.refresh(report)
    db.session.refresh(published)
    assert report.resolved_at is not None and report.resolved_by_id == staff.id
    assert report.resolution.startswith("Die Anzeige verlangt")
    assert published.status == PostingStatus.SUSPENDED
    [to_employer] = mails(owner.email)
    assert lang_of(to_employer) == "en" and "Art. 17" in text_of(to_employer)
    assert "verlangt eine Gebühr" in text_of(to_employer)
    [to_reporter] = mails("hinweis@example.org")
    assert lang_of(to_reporter) == "de"
    assert "offline genommen" in text_of(to_reporter)
    [event] = events("report.resolve", report.id)
    assert event.details["suspended"] is True and event.details["posting"] == published.id
    assert events("posting.suspend", published.id)


def test_resolve_without_action_leaves_the_posting_online(as_staff, report, published, owner):
    response = as_staff.post(
        f"/en/staff/reports/{report.id}/resolve",
        data={"resolution": "Checked: the fee is for an optional course."},
    )
    assert response.status_code == 303
    db.session.refresh(published)
    assert published.status == PostingStatus.PUBLISHED
    assert mails() == []  # neither the employer nor (unticked) the reporter
    assert events("report.resolve", report.id)[0].details["suspended"] is False


@pytest.mark.parametrize(("lang", "message"), [("de", "Bitte füllen"), ("en", "Please fill")])
def test_resolution_needs_a_reason(as_staff, report, lang, message):
    response = as_staff.post(
        f"/{lang}/staff/reports/{report.id}/resolve", data={"resolution": "", "suspend": "y"}
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.refresh(report)
    assert report.resolved_at is None


def test_a_report_is_resolved_once(as_staff, report):
    data = {"resolution": "Checked."}
    assert as_staff.post(f"/en/staff/reports/{report.id}/resolve", data=data).status_code == 303
    again = as_staff.post(f"/en/staff/reports/{report.id}/resolve", data=data)
    assert again.status_code == 409
    assert "already been resolved" in again.get_data(as_text=True)


def test_suspending_an_offline_posting_is_refused(as_staff, report, published, owner):
    from portal.services import postings

    postings.close(published, owner)
    db.session.commit()
    response = as_staff.post(
        f"/en/staff/reports/{report.id}/resolve", data={"resolution": "Fraud.", "suspend": "y"}
    )
    assert response.status_code == 409
    db.session.refresh(report)
    assert report.resolved_at is None
