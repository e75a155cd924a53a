"""The demo (`make run`): a staff login, a queue with waiting items, months of statistics."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from portal.extensions import db
from portal.models import DailyStat, JobAlert, PostingReport, PostingRevision, Role, User, utcnow
from portal.services import demo, staff, statistics


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_demo_has_a_staff_login_and_a_full_queue(client):
    demo.seed_demo()
    user = db.session.scalar(sa.select(User).where(User.email == demo.DEMO_STAFF.email))
    assert user.role == Role.STAFF and user.email_verified_at and user.email.endswith(".example")
    response = client.post(
        "/de/account/login?next=/de/staff/",
        data={"email": demo.DEMO_STAFF.email, "password": demo.DEMO_PASSWORD, "next": "/de/staff/"},
    )
    assert response.status_code == 303 and response.headers["Location"].endswith("/de/staff/")
    queue = staff.queue()
    assert queue.postings and queue.revisions and queue.organisations
    assert len(queue.reports) == 2 and queue.courses
    html = client.get("/de/staff/").get_data(as_text=True)
    assert "Warteschlange zur Prüfung" in html
    diff = staff.revision_diff(queue.revisions[0])
    assert "body" in {c.key for c in diff}


def test_demo_statistics_cover_several_months_and_reseed_idempotently():
    demo.seed_demo()
    days = db.session.scalars(sa.select(DailyStat.day)).all()
    assert max(days) - min(days) >= timedelta(days=60)
    months = {(d.year, d.month) for d in days}
    assert len(months) >= 3
    alert_months = {
        (a.confirmed_at.year, a.confirmed_at.month) for a in db.session.scalars(sa.select(JobAlert))
    }
    assert len(alert_months) >= 4
    report = statistics.report(statistics.period_for(None, None))
    assert report.summary.published > 50 and report.summary.views > 1000
    assert report.summary.alerts == len(demo.DEMO_ALERT_DAYS)
    counts = (
        _count(User),
        _count(PostingReport),
        _count(PostingRevision),
        _count(JobAlert),
        _count(DailyStat),
    )
    demo.seed_demo()
    db.session.expire_all()
    assert (
        _count(User),
        _count(PostingReport),
        _count(PostingRevision),
        _count(JobAlert),
        _count(DailyStat),
    ) == counts
    assert all(a.confirmed_at <= utcnow() for a in db.session.scalars(sa.select(JobAlert)))
