"""The audit log: filterable, exportable, never editable, kept when the object is gone."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from portal.extensions import db
from portal.models import AuditEvent, Posting
from tests.factories import UserFactory


def _event(actor, action, object_type, object_id, at, **details):
    event = AuditEvent(
        actor_id=actor.id if actor else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details,
        at=at,
    )
    db.session.add(event)
    return event


@pytest.fixture
def log(staff):
    other = UserFactory(name="Otto Andere", email="otto@cluster.example")
    _event(staff, "posting.approve", "posting", 1, datetime(2025, 3, 1, 9, tzinfo=UTC),
           before="submitted", after="published")  # fmt: skip
    _event(other, "posting.reject", "posting", 2, datetime(2025, 3, 2, 9, tzinfo=UTC),
           before="submitted", after="rejected", reason="Kein Gehalt")  # fmt: skip
    _event(
        other, "organisation.approve", "organisation", 7, datetime(2025, 3, 3, 23, 30, tzinfo=UTC)
    )
    _event(None, "posting.expire", "posting", 3, datetime(2025, 3, 5, 9, tzinfo=UTC))
    db.session.flush()
    return other


def _rows(html: str) -> int:
    table = html.split('class="data-table audit-table"', 1)
    if len(table) == 1:
        return 0
    return table[1].split("<tbody>", 1)[1].split("</tbody>")[0].count("<tr>")


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 4),
        ("action=posting.reject", 1),
        ("action=posting.", 3),
        ("object_type=organisation", 1),
        ("object_type=posting&object_id=2", 1),
        ("actor=otto", 2),
        ("actor=CLUSTER.example", 2),
        ("date_from=2025-03-02&date_to=2025-03-03", 1),  # 23:30 UTC on 3 March is 4 March
        ("date_from=2025-03-04", 2),
    ],
)
def test_filters(as_staff, log, query, count):
    response = as_staff.get(f"/en/staff/audit?{query}")
    assert response.status_code == 200
    assert _rows(response.get_data(as_text=True)) == count, query


def test_bad_filter_input_is_a_400_and_kept(as_staff, log):
    response = as_staff.get("/de/staff/audit?date_from=gestern&object_id=abc")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "gestern" in html


def test_csv_export(as_staff, log):
    response = as_staff.get("/en/staff/audit?action=posting.&format=csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["When (UTC)", "Who", "Action"]
    assert [r[2] for r in rows[1:]] == ["posting.expire", "posting.reject", "posting.approve"]
    reject = rows[2]
    assert reject[1] == "otto@cluster.example" and reject[5:7] == ["submitted", "rejected"]
    assert "Kein Gehalt" in reject[7]
    german = as_staff.get("/de/staff/audit?format=csv").get_data().decode("utf-8-sig")
    assert german.splitlines()[0].startswith("Wann (UTC);Wer;Aktion")


def test_the_log_has_no_way_to_change_entries(app):
    audit_rules = [r for r in app.url_map.iter_rules() if r.endpoint == "staff.audit_log"]
    assert [sorted(r.methods - {"HEAD", "OPTIONS"}) for r in audit_rules] == [["GET"]]


def test_events_outlive_the_posting(as_staff, staff, published):
    as_staff.post(f"/en/staff/postings/{published.id}/suspend", data={"suspend-reason": "Fraud"})
    posting_id = published.id
    db.session.delete(db.session.get(Posting, posting_id))
    db.session.commit()
    html = as_staff.get(f"/en/staff/audit?object_type=posting&object_id={posting_id}").get_data(
        as_text=True
    )
    assert "posting.suspend" in html and "Fraud" in html


def test_every_console_action_is_audited(as_staff, submitted, published, organisation):
    """A tour through the console's actions: each leaves its event."""
    from datetime import date, timedelta

    as_staff.post(f"/en/staff/postings/{submitted.id}/reject", data={"reason": "No"})
    until = (date.today() + timedelta(days=3)).isoformat()
    as_staff.post(f"/en/staff/postings/{published.id}/feature", data={"until": until})
    as_staff.post(f"/en/staff/postings/{published.id}/unfeature")
    as_staff.post(f"/en/staff/organisations/{organisation.id}/flags", data={"auto_publish": "y"})
    actions = {e.action for e in db.session.scalars(db.select(AuditEvent))}
    assert {
        "posting.reject",
        "posting.feature",
        "posting.unfeature",
        "organisation.flags",
    } <= actions
