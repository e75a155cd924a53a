"""Job alerts: double opt-in, proof of consent, digests without duplicates (DESIGN §2, §8).

An alert needs no account. Nothing is mailed before its owner confirms; the text agreed to and
both timestamps are kept as proof of consent. After 12 months the owner is asked again, and
alerts nobody confirms are deleted.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import url_for
from werkzeug.datastructures import MultiDict

from portal.extensions import db
from portal.models import AlertDelivery, AlertFrequency, DailyStat, JobAlert, Posting, utcnow
from portal.services import postings, search
from portal.services.mail import send_mail
from portal.services.queries import posting_query_from_args
from portal.services.search import PostingQuery

logger = logging.getLogger(__name__)

UNCONFIRMED_LIFETIME = timedelta(days=7)
RECONFIRM_AFTER = timedelta(days=365)
RECONFIRM_GRACE = timedelta(days=30)
# A digest is due a little before its nominal period, so a cron at the same hour never skips.
DUE_AFTER = {AlertFrequency.DAILY: timedelta(hours=20), AlertFrequency.WEEKLY: timedelta(days=6)}
MAX_POSTINGS_PER_MAIL = 50
FILTER_NAMES = ("kind", "topic", "city", "org", "orgkind", "remote", "employment", "lang")
FLAG_NAMES = ("leadership", "visa")


@dataclass
class SendReport:
    mailed: int = 0
    postings: int = 0
    reconfirm_requests: int = 0
    deleted: int = 0
    failed: int = 0


def filters_from_args(args: MultiDict) -> dict[str, list[str]]:
    """The list page's filters worth keeping in an alert (no paging, sorting or text)."""
    query = posting_query(args_from_filters("", _raw_filters(args)))
    kept: dict[str, list[str]] = {name: list(getattr(query, name)) for name in FILTER_NAMES}
    kept.update({name: ["1"] for name in FLAG_NAMES if getattr(query, name)})
    return {name: values for name, values in kept.items() if values}


def _raw_filters(args: MultiDict) -> dict[str, list[str]]:
    return {name: args.getlist(name) for name in (*FILTER_NAMES, *FLAG_NAMES)}


def args_from_filters(q: str, filters: dict[str, list[str]]) -> MultiDict:
    args = MultiDict([("q", q)])
    for name, values in filters.items():
        for value in values:
            args.add(name, value)
    return args


def posting_query(args: MultiDict, per_page: int = MAX_POSTINGS_PER_MAIL) -> PostingQuery:
    return posting_query_from_args(args, per_page)


def subscribe(
    email: str,
    lang: str,
    q: str,
    filters: dict[str, list[str]],
    frequency: AlertFrequency,
    consent_text: str,
) -> JobAlert:
    """Record a pending alert and mail the confirmation link (double opt-in)."""
    alert = JobAlert(
        email=email.strip().lower(),
        lang=lang,
        query=q,
        filters=filters,
        frequency=frequency,
        token=secrets.token_urlsafe(32),
        requested_at=utcnow(),
        consent_text=consent_text,
    )
    db.session.add(alert)
    db.session.flush()
    send_mail(
        alert.email,
        "alert_confirm",
        alert.lang,
        alert=alert,
        confirm_url=url_for("alerts.confirm", token=alert.token, lang=alert.lang, _external=True),
    )
    return alert


def get_by_token(token: str) -> JobAlert | None:
    if not token or len(token) > 64:
        return None
    alert = db.session.scalar(sa.select(JobAlert).where(JobAlert.token == token))
    if alert is not None and alert.confirmed_at is None:
        if alert.requested_at + UNCONFIRMED_LIFETIME < utcnow():
            return None  # expired: the cleanup deletes it
    return alert


def confirm(alert: JobAlert) -> None:
    """First confirmation, or a renewal after the yearly question."""
    now = utcnow()
    if alert.confirmed_at is None or alert.reconfirm_requested_at is not None:
        alert.confirmed_at = now
    alert.reconfirm_requested_at = None


def update(
    alert: JobAlert, *, q: str, filters: dict[str, list[str]], frequency: AlertFrequency, lang: str
) -> None:
    alert.query = q
    alert.filters = filters
    alert.frequency = frequency
    alert.lang = lang


def unsubscribe(alert: JobAlert) -> None:
    db.session.delete(alert)


def describe(alert: JobAlert) -> PostingQuery:
    return posting_query(args_from_filters(alert.query, alert.filters))


def send_due(frequency: AlertFrequency, now: datetime | None = None) -> SendReport:
    """Mail every due alert of `frequency` its new matches; commits alert by alert.

    A crash or a mail failure in the middle leaves the alerts already mailed committed and
    the rest untouched, so the next run picks up where this one stopped without sending
    anything twice.
    """
    now = now or utcnow()
    report = SendReport()
    report.deleted = _delete_abandoned(now)
    report.reconfirm_requests = _ask_again(now)
    db.session.commit()
    for alert_id in _due_alert_ids(frequency, now):
        alert = db.session.get(JobAlert, alert_id)
        try:
            sent = _send_digest(alert, now)
        except Exception:  # one broken alert or mail server hiccup must not stop the rest
            db.session.rollback()
            logger.exception("job alert %s could not be sent; retried next run", alert_id)
            report.failed += 1
            continue
        db.session.commit()
        if sent:
            report.mailed += 1
            report.postings += sent
    return report


def _due_alert_ids(frequency: AlertFrequency, now: datetime) -> list[int]:
    due_before = now - DUE_AFTER[frequency]
    stmt = (
        sa.select(JobAlert.id)
        .where(
            JobAlert.frequency == frequency,
            JobAlert.confirmed_at.is_not(None),
            JobAlert.reconfirm_requested_at.is_(None),
            sa.or_(JobAlert.last_sent_at.is_(None), JobAlert.last_sent_at <= due_before),
        )
        .order_by(JobAlert.id)
    )
    return list(db.session.scalars(stmt))


def new_matches(alert: JobAlert, now: datetime | None = None) -> list[Posting]:
    """Public postings matching the alert, published since its last mail, not yet mailed."""
    since = alert.last_sent_at or alert.confirmed_at or alert.requested_at
    query = describe(alert)
    query = PostingQuery(
        **{**query.__dict__, "sort": "newest", "page": 1, "per_page": MAX_POSTINGS_PER_MAIL}
    )
    result = search.search_postings(query, ui_lang=alert.lang)
    already = set(
        db.session.scalars(
            sa.select(AlertDelivery.posting_id).where(AlertDelivery.alert_id == alert.id)
        )
    )
    found = postings.load_postings([hit.id for hit in result.hits if hit.id not in already])
    return [p for p in found if p.published_at is not None and p.published_at > since]


def _send_digest(alert: JobAlert, now: datetime) -> int:
    matches = new_matches(alert, now)
    if not matches:
        return 0
    unsubscribe_url = url_for(
        "alerts.unsubscribe", token=alert.token, lang=alert.lang, _external=True
    )
    send_mail(
        alert.email,
        "alert_digest",
        alert.lang,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        alert=alert,
        postings=matches,
        query=describe(alert),
        manage_url=url_for("alerts.manage", token=alert.token, lang=alert.lang, _external=True),
        unsubscribe_url=unsubscribe_url,
    )
    for posting in matches:
        db.session.add(AlertDelivery(alert_id=alert.id, posting_id=posting.id, sent_at=now))
        _count_alert_hit(posting, now)
    alert.last_sent_at = now
    return len(matches)


def _count_alert_hit(posting: Posting, now: datetime) -> None:
    stat = db.session.scalar(
        sa.select(DailyStat).where(DailyStat.day == now.date(), DailyStat.posting_id == posting.id)
    )
    if stat is None:
        stat = DailyStat(
            day=now.date(), posting_id=posting.id, views=0, apply_clicks=0, alert_hits=0
        )
        db.session.add(stat)
    stat.alert_hits = (stat.alert_hits or 0) + 1


def _delete_abandoned(now: datetime) -> int:
    """Unconfirmed after 7 days, or unanswered 30 days after the yearly question."""
    stale = sa.or_(
        sa.and_(
            JobAlert.confirmed_at.is_(None), JobAlert.requested_at < now - UNCONFIRMED_LIFETIME
        ),
        sa.and_(
            JobAlert.reconfirm_requested_at.is_not(None),
            JobAlert.reconfirm_requested_at < now - RECONFIRM_GRACE,
        ),
    )
    alerts = list(db.session.scalars(sa.select(JobAlert).where(stale)))
    for alert in alerts:
        db.session.delete(alert)
    return len(alerts)


def _ask_again(now: datetime) -> int:
    """Alerts confirmed a year ago or more get the question whether they are still wanted."""
    alerts = db.session.scalars(
        sa.select(JobAlert).where(
            JobAlert.confirmed_at < now - RECONFIRM_AFTER,
            JobAlert.reconfirm_requested_at.is_(None),
        )
    ).all()
    for alert in alerts:
        alert.reconfirm_requested_at = now
        send_mail(
            alert.email,
            "alert_reconfirm",
            alert.lang,
            alert=alert,
            manage_url=url_for("alerts.manage", token=alert.token, lang=alert.lang, _external=True),
        )
    return len(alerts)
