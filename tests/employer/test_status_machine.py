"""The posting status machine (portal/services/postings.py): every transition from every status,
allowed ones move and leave an audit event, forbidden ones raise TransitionError."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.extensions import db
from portal.models import AuditEvent, OrganisationStatus, PostingStatus, utcnow
from portal.services import postings
from portal.services.postings import TransitionError
from tests.factories import OrganisationFactory, UserFactory
from tests.factories import PostingFactory as _PostingFactory

S = PostingStatus


def PostingFactory(**kwargs):  # noqa: N802  (reads like the factory it wraps)
    """A complete posting (title and description), so that only the status decides."""
    kwargs.setdefault("texts", {"de": {"title": "Laserphysiker*in", "body": "Wir bauen Laser."}})
    return _PostingFactory(**kwargs)


# action → {from status: to status}; every other status must be refused.
ALLOWED = {
    "submit": {S.DRAFT: S.SUBMITTED},
    "approve": {S.SUBMITTED: S.PUBLISHED},
    "reject": {S.SUBMITTED: S.REJECTED},
    "revise": {S.REJECTED: S.DRAFT},
    "close": {S.PUBLISHED: S.CLOSED},
    "expire": {S.PUBLISHED: S.EXPIRED},
    "extend": {S.PUBLISHED: S.PUBLISHED, S.EXPIRED: S.PUBLISHED},
    "suspend": {S.PUBLISHED: S.SUSPENDED},
}
CASES = [
    (action, status, ALLOWED[action].get(status)) for action in ALLOWED for status in PostingStatus
]


@pytest.fixture
def member():
    return UserFactory()


@pytest.fixture
def staff_user():
    from portal.models import Role

    return UserFactory(role=Role.STAFF)


def _run(action: str, posting, member, staff_user):
    if action == "submit":
        return postings.submit(posting, member)
    if action == "approve":
        return postings.approve(posting, staff_user)
    if action == "reject":
        return postings.reject(posting, staff_user, "Bitte Gehalt ergänzen.")
    if action == "suspend":
        return postings.suspend(posting, staff_user, "Meldung bestätigt.")
    if action == "revise":
        return postings.revise(posting, member)
    if action == "close":
        return postings.close(posting, member)
    if action == "extend":
        return postings.extend(posting, member, 30)
    if action == "expire":
        posting.expires_at = utcnow() - timedelta(minutes=1)
        db.session.flush()
        return postings.expire_overdue()
    raise AssertionError(action)


def _events(posting) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            db.select(AuditEvent)
            .where(AuditEvent.object_type == "posting", AuditEvent.object_id == posting.id)
            .order_by(AuditEvent.id)
        )
    )


@pytest.mark.parametrize(("action", "start", "end"), CASES, ids=[f"{a}-{s}" for a, s, _ in CASES])
def test_transition_table(action, start, end, member, staff_user):
    posting = PostingFactory(status=start)
    if action == "expire" and start != S.PUBLISHED:
        # overdue postings of other statuses are left alone
        posting.expires_at = utcnow() - timedelta(minutes=1)
        db.session.flush()
        postings.expire_overdue()
        assert posting.status == start
        return
    before_events = len(_events(posting))
    if end is None:
        with pytest.raises(TransitionError) as caught:
            _run(action, posting, member, staff_user)
        assert caught.value.status_code in (400, 403, 409)
        assert posting.status == start
        assert len(_events(posting)) == before_events
        return
    _run(action, posting, member, staff_user)
    assert posting.status == end
    event = _events(posting)[-1]
    assert event.action == f"posting.{action}"
    assert event.details["before"] == start.value and event.details["after"] == end.value
    if action == "expire":
        assert event.actor_id is None  # the cron job
    else:
        assert event.actor_id in (member.id, staff_user.id)


def test_submit_of_trusted_organisation_publishes_at_once(member):
    org = OrganisationFactory(auto_publish=True)
    posting = PostingFactory(organisation=org, status=S.DRAFT, published_at=None, expires_at=None)
    postings.submit(posting, member)
    assert posting.status == S.PUBLISHED
    assert posting.is_public()
    lifetime = posting.expires_at - posting.published_at
    assert lifetime == timedelta(days=60)
    actions = [(e.action, e.details.get("auto")) for e in _events(posting)]
    assert actions == [("posting.submit", None), ("posting.approve", True)]


def test_submit_of_untrusted_organisation_waits_for_moderation(member):
    posting = PostingFactory(status=S.DRAFT, published_at=None, expires_at=None)
    postings.submit(posting, member)
    assert posting.status == S.SUBMITTED and posting.submitted_at is not None
    assert not posting.is_public()


def test_pending_organisation_cannot_publish(member, staff_user):
    org = OrganisationFactory(status=OrganisationStatus.PENDING, auto_publish=True)
    posting = PostingFactory(organisation=org, status=S.DRAFT, published_at=None, expires_at=None)
    postings.submit(posting, member)
    assert posting.status == S.SUBMITTED  # queued, not auto-published
    with pytest.raises(TransitionError):
        postings.approve(posting, staff_user)
    assert posting.status == S.SUBMITTED


@pytest.mark.parametrize("org_status", [OrganisationStatus.REJECTED, OrganisationStatus.SUSPENDED])
def test_rejected_or_suspended_organisation_cannot_submit(member, org_status):
    posting = PostingFactory(organisation=OrganisationFactory(status=org_status), status=S.DRAFT)
    with pytest.raises(TransitionError) as caught:
        postings.submit(posting, member)
    assert caught.value.status_code == 403
    assert posting.status == S.DRAFT


def test_unverified_user_cannot_submit():
    user = UserFactory(email_verified_at=None)
    posting = PostingFactory(status=S.DRAFT)
    with pytest.raises(TransitionError) as caught:
        postings.submit(posting, user)
    assert caught.value.status_code == 403
    assert posting.status == S.DRAFT


def test_incomplete_posting_cannot_be_submitted(member):
    posting = PostingFactory(status=S.DRAFT, apply_url=None)
    with pytest.raises(TransitionError) as caught:
        postings.submit(posting, member)
    assert caught.value.status_code == 400
    assert "Bewerbungsadresse" in str(caught.value.message)  # outside a request: German


def test_only_staff_approve_reject_suspend(member):
    posting = PostingFactory(status=S.SUBMITTED)
    for call in (
        lambda: postings.approve(posting, member),
        lambda: postings.reject(posting, member, "x"),
    ):
        with pytest.raises(TransitionError) as caught:
            call()
        assert caught.value.status_code == 403
    published = PostingFactory(status=S.PUBLISHED)
    with pytest.raises(TransitionError):
        postings.suspend(published, member, "x")
    assert posting.status == S.SUBMITTED and published.status == S.PUBLISHED


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_and_suspend_need_a_reason(staff_user, reason):
    with pytest.raises(TransitionError):
        postings.reject(PostingFactory(status=S.SUBMITTED), staff_user, reason)
    with pytest.raises(TransitionError):
        postings.suspend(PostingFactory(status=S.PUBLISHED), staff_user, reason)


def test_reject_keeps_the_reason_and_revise_clears_nothing_else(staff_user, member):
    posting = PostingFactory(status=S.SUBMITTED)
    postings.reject(posting, staff_user, "Titel ohne (m/w/d).")
    assert posting.rejection_reason == "Titel ohne (m/w/d)."
    assert _events(posting)[-1].details["reason"] == "Titel ohne (m/w/d)."
    postings.revise(posting, member)
    assert posting.status == S.DRAFT


def test_approve_sets_publication_dates_and_clears_the_old_reason(staff_user):
    posting = PostingFactory(
        status=S.SUBMITTED, published_at=None, expires_at=None, rejection_reason="alt"
    )
    postings.approve(posting, staff_user)
    assert posting.published_at is not None
    assert posting.expires_at - posting.published_at == timedelta(days=60)
    assert posting.rejection_reason is None


def test_lifetime_comes_from_config(app, staff_user):
    app.config["POSTING_LIFETIME_DAYS"] = 30
    try:
        posting = PostingFactory(status=S.SUBMITTED, published_at=None, expires_at=None)
        postings.approve(posting, staff_user)
        assert posting.expires_at - posting.published_at == timedelta(days=30)
    finally:
        app.config["POSTING_LIFETIME_DAYS"] = 60


@pytest.mark.parametrize("days", [30, 60])
def test_extend_adds_days_to_the_later_of_now_and_expiry(member, days):
    expires = utcnow() + timedelta(days=5)
    posting = PostingFactory(status=S.PUBLISHED, expires_at=expires, expiry_warned_at=utcnow())
    postings.extend(posting, member, days)
    assert posting.expires_at == expires + timedelta(days=days)
    assert posting.expiry_warned_at is None


def test_extend_brings_an_expired_posting_back(member):
    posting = PostingFactory(status=S.EXPIRED, expires_at=utcnow() - timedelta(days=3))
    postings.extend(posting, member, 30)
    assert posting.status == S.PUBLISHED and posting.is_public()
    assert abs(posting.expires_at - (utcnow() + timedelta(days=30))) < timedelta(minutes=1)


@pytest.mark.parametrize("days", [0, 7, 31, 90, -30])
def test_extend_only_by_30_or_60_days(member, days):
    posting = PostingFactory(status=S.PUBLISHED)
    before = posting.expires_at
    with pytest.raises(TransitionError) as caught:
        postings.extend(posting, member, days)
    assert caught.value.status_code == 400
    assert posting.expires_at == before


def test_expired_posting_of_pending_organisation_cannot_come_back(member):
    org = OrganisationFactory(status=OrganisationStatus.PENDING)
    posting = PostingFactory(organisation=org, status=S.EXPIRED)
    with pytest.raises(TransitionError):
        postings.extend(posting, member, 30)
    assert posting.status == S.EXPIRED


def test_close_sets_closed_at(member):
    posting = PostingFactory(status=S.PUBLISHED)
    postings.close(posting, member)
    assert posting.closed_at is not None and not posting.is_public()


def test_the_service_is_the_only_writer_of_status():
    """No module but the status machine assigns Posting.status (the demo seed writes plans)."""
    import re
    from pathlib import Path

    assignment = re.compile(r"\bposting\.status\s*=(?!=)|\bPosting\.status\s*:")
    root = Path(__file__).resolve().parents[2] / "portal"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name in ("postings.py", "demo.py") and path.parent.name == "services":
            continue
        text = path.read_text(encoding="utf-8")
        if assignment.search(text):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
