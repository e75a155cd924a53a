"""The SMTP relay is down or fails while `flask portal send-alerts` runs (issue #8).

A real SMTP server (aiosmtpd) on 127.0.0.1: first nothing listens on its port, then it
answers. Alerts that could not be mailed are not marked sent, the run exits with status 1
(so the systemd unit shows it failed), and the next run mails exactly those: nothing lost,
nothing twice.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.models import AlertDelivery, AlertFrequency, JobAlert, utcnow
from tests.factories import PostingFactory
from tests.ops.support import SmtpServer, free_port


@pytest.fixture
def smtp_port(app, monkeypatch) -> int:
    port = free_port()  # nothing listens here until a test starts the server
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "smtp")
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", False)
    monkeypatch.setitem(app.config, "MAIL_USERNAME", None)
    return port


def confirmed_alert(db, email: str) -> JobAlert:
    alert = JobAlert(
        email=email,
        lang="en",
        query="Laser",
        filters={"city": ["Jena"]},
        frequency=AlertFrequency.DAILY,
        token=f"token-{email.split('@')[0]}".ljust(24, "x"),
        requested_at=utcnow() - timedelta(days=2),
        confirmed_at=utcnow() - timedelta(days=2),
        consent_text="I agree",
    )
    db.session.add(alert)
    db.session.flush()
    return alert


def send_alerts(runner):
    return runner.invoke(args=["portal", "send-alerts", "--frequency", "daily"])


def deliveries(db) -> list[int]:
    return sorted(db.session.scalars(sa.select(AlertDelivery.alert_id)))


def test_smtp_down_then_up_sends_each_alert_once(app, db, runner, client, smtp_port):
    ada = confirmed_alert(db, "ada@example.org")
    bob = confirmed_alert(db, "bob@example.org")
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    db.session.commit()

    assert client.get("/healthz").json["mail"] == "unavailable"
    down = send_alerts(runner)
    assert down.exit_code == 1, down.output
    assert "mailed 0 alerts" in down.output and "failed 2" in down.output
    db.session.expire_all()
    assert ada.last_sent_at is None and bob.last_sent_at is None
    assert deliveries(db) == []

    with SmtpServer(smtp_port) as smtp:
        assert client.get("/healthz").json["mail"] == "ok"
        up = send_alerts(runner)
        assert up.exit_code == 0, up.output
        assert "mailed 2 alerts (2 postings)" in up.output and "failed 0" in up.output
        again = send_alerts(runner)
        assert again.exit_code == 0 and "mailed 0 alerts" in again.output
    assert sorted(smtp.recipients()) == ["ada@example.org", "bob@example.org"]
    assert all(b"Laser engineer" in envelope.content for envelope in smtp.messages)
    assert deliveries(db) == sorted([ada.id, bob.id])


def test_relay_failing_midway_resumes_without_duplicates(db, runner, smtp_port):
    alerts = [confirmed_alert(db, f"{name}@example.org") for name in ("ada", "bob", "cem")]
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    db.session.commit()

    with SmtpServer(smtp_port, reject_after=1) as smtp:  # accepts one, then 451 for the rest
        first = send_alerts(runner)
        assert first.exit_code == 1
        assert "mailed 1 alerts" in first.output and "failed 2" in first.output
        assert len(smtp.messages) == 1
        smtp.reject_after = None
        second = send_alerts(runner)
        assert second.exit_code == 0 and "mailed 2 alerts" in second.output
    assert sorted(smtp.recipients()) == ["ada@example.org", "bob@example.org", "cem@example.org"]
    assert deliveries(db) == sorted(alert.id for alert in alerts)
