"""Postings: what the public may see, the employer's editing, and the status machine.

This module is the only writer of `Posting.status` (DESIGN §2):

    draft → submitted → published → expired | closed
    submitted → rejected (reason) → draft
    published → closed (owner), expired → published (extend), published → suspended (staff)

Organisations that are approved and trusted (`auto_publish`) skip moderation: their submit
goes on to published at once. Every transition records an AuditEvent; a forbidden one raises
`TransitionError`, which views turn into a translated message and a 4xx answer.

A posting's editable content travels as plain, JSON-safe data (`posting_data`/`apply_data`):
the employer form produces it, duplicates copy it, and a pending edit of a published posting
of an untrusted organisation is kept as such data in a `PostingRevision` until staff decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l
from slugify import slugify
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from portal.extensions import db
from portal.models import (
    LANGS,
    Employment,
    LanguageLevel,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationStatus,
    Posting,
    PostingKind,
    PostingLocation,
    PostingReport,
    PostingRevision,
    PostingStatus,
    PostingText,
    Remote,
    ReportReason,
    RevisionStatus,
    SalaryPeriod,
    Topic,
    User,
    utcnow,
)
from portal.services import audit
from portal.services.records import assign, sync_texts

# Postings once public: their URL answers 410 Gone rather than 404.
ONCE_PUBLIC = (
    PostingStatus.PUBLISHED,
    PostingStatus.EXPIRED,
    PostingStatus.CLOSED,
    PostingStatus.SUSPENDED,
)


def is_public_clause() -> sa.ColumnElement[bool]:
    """SQL condition for 'shown to the public': published and not yet expired."""
    return sa.and_(Posting.status == PostingStatus.PUBLISHED, Posting.expires_at > utcnow())


def _with_details(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        selectinload(Posting.texts),
        selectinload(Posting.locations),
        selectinload(Posting.topics),
        selectinload(Posting.organisation),
    )


def load_postings(ids: Sequence[int]) -> list[Posting]:
    """Public postings by id, in the order given (search results come as ids)."""
    if not ids:
        return []
    rows = db.session.scalars(_with_details(sa.select(Posting)).where(Posting.id.in_(ids)))
    by_id = {p.id: p for p in rows if p.is_public()}
    return [by_id[i] for i in ids if i in by_id]


def get_posting(posting_id: int) -> Posting | None:
    return db.session.scalar(_with_details(sa.select(Posting)).where(Posting.id == posting_id))


def was_public(posting: Posting) -> bool:
    return posting.status in ONCE_PUBLIC and posting.published_at is not None


def slug_for(posting: Posting, lang: str) -> str:
    return slugify(posting.text(lang).title, max_length=80, word_boundary=True) or "posting"


def counts_by_kind() -> dict[PostingKind, int]:
    rows = db.session.execute(
        sa.select(Posting.kind, sa.func.count()).where(is_public_clause()).group_by(Posting.kind)
    )
    counts = dict.fromkeys(PostingKind, 0)
    counts.update({kind: n for kind, n in rows})
    return counts


def public_postings() -> list[Posting]:
    stmt = _with_details(sa.select(Posting)).where(is_public_clause()).order_by(Posting.id)
    return list(db.session.scalars(stmt))


def featured_postings(limit: int = 6) -> list[Posting]:
    stmt = (
        _with_details(sa.select(Posting))
        .where(is_public_clause(), Posting.featured_until > utcnow())
        .order_by(Posting.featured_until.desc(), Posting.id)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def newest_postings(limit: int = 6, exclude: Iterable[int] = ()) -> list[Posting]:
    stmt = _with_details(sa.select(Posting)).where(is_public_clause())
    excluded = list(exclude)
    if excluded:
        stmt = stmt.where(Posting.id.not_in(excluded))
    stmt = stmt.order_by(Posting.published_at.desc(), Posting.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def organisation_postings(organisation: Organisation) -> list[Posting]:
    stmt = (
        _with_details(sa.select(Posting))
        .where(is_public_clause(), Posting.organisation_id == organisation.id)
        .order_by(Posting.published_at.desc())
    )
    return list(db.session.scalars(stmt))


def days_left(posting: Posting, now: datetime | None = None) -> int | None:
    """Whole days until expiry: counted in time, not in calendar dates (no jump at midnight)."""
    if posting.expires_at is None:
        return None
    return (posting.expires_at - (now or utcnow())).days


def report_posting(
    posting: Posting, reason: ReportReason, message: str, reporter_email: str | None, lang: str
) -> PostingReport:
    """Record a notice about a posting (DSA Art. 16); staff resolve it in their console."""
    report = PostingReport(
        posting=posting,
        reason=reason,
        message=message.strip(),
        reporter_email=(reporter_email or "").strip().lower() or None,
        lang=lang,
    )
    db.session.add(report)
    db.session.flush()
    return report


# --- loading for the employer area -------------------------------------------------------------


def organisation_posting(organisation: Organisation, posting_id: int) -> Posting | None:
    """The posting `posting_id` if it belongs to `organisation`; None for anyone else's."""
    return db.session.scalar(
        _with_details(sa.select(Posting)).where(
            Posting.id == posting_id, Posting.organisation_id == organisation.id
        )
    )


def postings_by_status(organisation: Organisation) -> dict[PostingStatus, list[Posting]]:
    """All postings of an organisation grouped by status, newest change first."""
    stmt = (
        _with_details(sa.select(Posting))
        .where(Posting.organisation_id == organisation.id)
        .order_by(Posting.updated_at.desc(), Posting.id.desc())
    )
    grouped: dict[PostingStatus, list[Posting]] = {status: [] for status in PostingStatus}
    for posting in db.session.scalars(stmt):
        grouped[posting.status].append(posting)
    return grouped


# --- the status machine ------------------------------------------------------------------------


class TransitionError(Exception):
    """A change the status machine does not allow; `message` is translated, `status_code` 4xx."""

    def __init__(self, message: Any, status_code: int = 409) -> None:
        super().__init__(str(message))
        self.message = message
        self.status_code = status_code


S = PostingStatus

# action: (statuses it starts from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[PostingStatus], PostingStatus]] = {
    "submit": (frozenset({S.DRAFT}), S.SUBMITTED),
    "approve": (frozenset({S.SUBMITTED}), S.PUBLISHED),
    "reject": (frozenset({S.SUBMITTED}), S.REJECTED),
    "revise": (frozenset({S.REJECTED}), S.DRAFT),
    "close": (frozenset({S.PUBLISHED}), S.CLOSED),
    "expire": (frozenset({S.PUBLISHED}), S.EXPIRED),
    "extend": (frozenset({S.PUBLISHED, S.EXPIRED}), S.PUBLISHED),
    "suspend": (frozenset({S.PUBLISHED}), S.SUSPENDED),
}

ACTION_LABELS = {
    "submit": _l("Submit"),
    "approve": _l("Approve"),
    "reject": _l("Reject"),
    "revise": _l("Revise"),
    "close": _l("Close"),
    "expire": _l("Expire"),
    "extend": _l("Extend"),
    "suspend": _l("Suspend"),
    "edit": _l("Edit"),
}

# Statuses whose content an employer may still change (closed and suspended are final here).
EDITABLE = frozenset({S.DRAFT, S.SUBMITTED, S.REJECTED, S.PUBLISHED, S.EXPIRED})
# Once seen by the public: changes by untrusted organisations wait for moderation.
MODERATED_EDITS = frozenset({S.PUBLISHED, S.EXPIRED})
EXTEND_DAYS = (30, 60)
WARN_DAYS_BEFORE_EXPIRY = 7


def can(posting: Posting, action: str) -> bool:
    """Whether `action` is allowed from the posting's status (templates show buttons by it)."""
    if action == "edit":
        return posting.status in EDITABLE
    return posting.status in TRANSITIONS[action][0]


def not_allowed(posting: Posting, action: str) -> TransitionError:
    from portal.labels import label

    return TransitionError(
        _l(
            "“%(action)s” is not possible for a posting that is “%(status)s”.",
            action=ACTION_LABELS[action],
            status=label(posting.status),
        )
    )


def _move(posting: Posting, action: str, actor: User | None, **details: Any) -> None:
    """Change the status along TRANSITIONS and record it; the one place that sets `status`."""
    sources, target = TRANSITIONS[action]
    if posting.status not in sources:
        raise not_allowed(posting, action)
    before = posting.status
    posting.status = target
    if actor is not None:
        posting.updated_by_id = actor.id
    audit.record(actor, f"posting.{action}", posting, before=before, after=target, **details)
    db.session.flush()


def lifetime() -> timedelta:
    return timedelta(days=int(current_app.config.get("POSTING_LIFETIME_DAYS", 60)))


def is_trusted(organisation: Organisation) -> bool:
    """Approved and trusted organisations publish without moderation."""
    return organisation.status == OrganisationStatus.APPROVED and organisation.auto_publish


def missing_for_submit(posting: Posting) -> list[Any]:
    """What a posting lacks before moderation (the form ensures it; imports may not)."""
    missing: list[Any] = []
    if not any(text.title.strip() and text.body.strip() for text in posting.texts):
        missing.append(_l("a title and a description in at least one language"))
    if not any(location.city.strip() for location in posting.locations):
        missing.append(_l("a place of work"))
    if not (posting.apply_url or posting.apply_email):
        missing.append(_l("an application address (web page or email)"))
    return missing


def _require_staff(actor: User | None) -> None:
    if actor is None or not actor.is_staff:
        raise TransitionError(_l("Only cluster staff may do this."), 403)


def _require_publishable(posting: Posting) -> None:
    status = posting.organisation.status
    if status == OrganisationStatus.PENDING:
        raise TransitionError(
            _l(
                "Your organisation has not been approved yet. You can prepare and submit "
                "postings; they are published once the cluster team has approved the "
                "organisation."
            )
        )
    if status != OrganisationStatus.APPROVED:
        raise TransitionError(_l("This organisation may not publish postings."), 403)


def _publish(posting: Posting, actor: User | None, action: str, **details: Any) -> None:
    _require_publishable(posting)
    now = utcnow()
    _move(posting, action, actor, **details)
    posting.published_at = now
    posting.expires_at = now + lifetime()
    posting.expiry_warned_at = None
    posting.rejection_reason = None
    db.session.flush()


def submit(posting: Posting, actor: User) -> Posting:
    """draft → submitted; for approved, trusted organisations on to published at once."""
    if actor.email_verified_at is None:
        raise TransitionError(
            _l("Please confirm your email address before you submit a posting."), 403
        )
    if posting.organisation.status in (OrganisationStatus.REJECTED, OrganisationStatus.SUSPENDED):
        raise TransitionError(_l("This organisation may not publish postings."), 403)
    if posting.status not in TRANSITIONS["submit"][0]:
        raise not_allowed(posting, "submit")
    missing = missing_for_submit(posting)
    if missing:
        raise TransitionError(
            _l(
                "The posting cannot be submitted yet. It needs %(missing)s.",
                missing=", ".join(str(item) for item in missing),
            ),
            400,
        )
    _move(posting, "submit", actor)
    posting.submitted_at = utcnow()
    if is_trusted(posting.organisation):
        _publish(posting, actor, "approve", auto=True)
    db.session.flush()
    return posting


def approve(posting: Posting, actor: User, notify: bool = True) -> Posting:
    """Staff: submitted → published, online for the default lifetime; mails the employer."""
    _require_staff(actor)
    if posting.status not in TRANSITIONS["approve"][0]:
        raise not_allowed(posting, "approve")
    _publish(posting, actor, "approve")
    if notify:
        notify_organisation(posting, "posting_published")
    return posting


def reject(posting: Posting, actor: User, reason: str, notify: bool = True) -> Posting:
    """Staff: submitted → rejected with a reason the employer sees (and is mailed)."""
    _require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_l("Please give a reason."), 400)
    _move(posting, "reject", actor, reason=reason)
    posting.rejection_reason = reason
    db.session.flush()
    if notify:
        notify_organisation(posting, "posting_rejected", reason=reason)
    return posting


def suspend(posting: Posting, actor: User, reason: str) -> Posting:
    """Staff: published → suspended (taken offline, say after a justified report)."""
    _require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_l("Please give a reason."), 400)
    _move(posting, "suspend", actor, reason=reason)
    posting.rejection_reason = reason
    _withdraw_pending_revisions(posting, actor)
    db.session.flush()
    return posting


def revise(posting: Posting, actor: User) -> Posting:
    """rejected → draft: the employer works on it again (saving a rejected posting does this)."""
    _move(posting, "revise", actor)
    return posting


def close(posting: Posting, actor: User) -> Posting:
    """The employer takes a published posting offline for good (position filled)."""
    _move(posting, "close", actor)
    posting.closed_at = utcnow()
    _withdraw_pending_revisions(posting, actor)
    db.session.flush()
    return posting


def extend(posting: Posting, actor: User, days: int) -> Posting:
    """Longer online: +days from the later of now and the current expiry; expired → published."""
    if days not in EXTEND_DAYS:
        raise TransitionError(_l("Postings can be extended by 30 or 60 days."), 400)
    if posting.status not in TRANSITIONS["extend"][0]:
        raise not_allowed(posting, "extend")
    _require_publishable(posting)
    now = utcnow()
    base = max(now, posting.expires_at) if posting.expires_at else now
    old_expiry = posting.expires_at
    new_expiry = base + timedelta(days=days)
    _move(
        posting,
        "extend",
        actor,
        days=days,
        expires_before=old_expiry,
        expires_after=new_expiry,
    )
    posting.expires_at = new_expiry
    posting.expiry_warned_at = None
    db.session.flush()
    return posting


def expire_overdue(now: datetime | None = None) -> list[Posting]:
    """published and past `expires_at` → expired (the cron job `flask portal expire`)."""
    now = now or utcnow()
    overdue = list(
        db.session.scalars(
            sa.select(Posting)
            .where(Posting.status == S.PUBLISHED, Posting.expires_at <= now)
            .order_by(Posting.id)
        )
    )
    for posting in overdue:
        _move(posting, "expire", None)
    return overdue


def due_for_expiry_warning(now: datetime | None = None) -> list[Posting]:
    """Published postings that expire within a week and were not warned about yet."""
    now = now or utcnow()
    return list(
        db.session.scalars(
            _with_details(sa.select(Posting))
            .where(
                Posting.status == S.PUBLISHED,
                Posting.expires_at > now,
                Posting.expires_at <= now + timedelta(days=WARN_DAYS_BEFORE_EXPIRY),
                Posting.expiry_warned_at.is_(None),
            )
            .order_by(Posting.expires_at, Posting.id)
        )
    )


def warn_expiry(posting: Posting, now: datetime | None = None) -> int:
    """Mail the organisation's owners that the posting expires soon; mark it as warned."""
    sent = notify_organisation(posting, "expiry_warning", owners_only=True)
    posting.expiry_warned_at = now or utcnow()
    db.session.flush()
    return sent


# --- mail to the organisation --------------------------------------------------------------


def recipients(posting: Posting, owners_only: bool = False) -> list[User]:
    """The organisation's approved owners, plus the posting's author if still a member."""
    members = db.session.scalars(
        sa.select(Membership)
        .where(Membership.organisation_id == posting.organisation_id, Membership.approved)
        .order_by(Membership.id)
    )
    users: list[User] = []
    for membership in members:
        wanted = membership.role == MembershipRole.OWNER or (
            not owners_only and membership.user_id == posting.created_by_id
        )
        if wanted and membership.user.active and membership.user not in users:
            users.append(membership.user)
    return users


def notify_organisation(posting: Posting, template: str, owners_only: bool = False, **context):
    """Send `template` to each recipient in their own language; returns how many were sent."""
    from portal.services.mail import send_mail

    users = recipients(posting, owners_only=owners_only)
    for user in users:
        lang = user.locale if user.locale in LANGS else "de"
        send_mail(
            user.email,
            template,
            lang,
            user=user,
            posting=posting,
            title=posting.text(lang).title,
            slug=slug_for(posting, lang),
            **context,
        )
    return len(users)


# --- posting content as plain data -----------------------------------------------------------

TEXT_FIELDS = ("title", "summary", "body", "requirements", "offer")
_ENUMS: dict[str, type] = {
    "kind": PostingKind,
    "employment": Employment,
    "remote": Remote,
    "salary_period": SalaryPeriod,
    "german_level": LanguageLevel,
    "english_level": LanguageLevel,
}
_DATES = ("start_date", "deadline")
_PLAIN = (
    "salary_min",
    "salary_max",
    "salary_currency",
    "pay_scale",
    "working_languages",
    "visa_support",
    "leadership",
    "apply_url",
    "apply_email",
    "contact_name",
    "contact_email",
)
SCALAR_FIELDS = (*_ENUMS, *_DATES, *_PLAIN)


def posting_data(posting: Posting) -> dict[str, Any]:
    """The posting's editable content as JSON-safe data (the shape `apply_data` takes)."""
    data: dict[str, Any] = {}
    for name in _ENUMS:
        value = getattr(posting, name)
        data[name] = value.value if value is not None else None
    for name in _DATES:
        value = getattr(posting, name)
        data[name] = value.isoformat() if value is not None else None
    for name in _PLAIN:
        value = getattr(posting, name)
        data[name] = list(value) if isinstance(value, list) else value
    data["texts"] = {
        text.lang: {field: getattr(text, field) or "" for field in TEXT_FIELDS}
        for text in posting.texts
    }
    data["locations"] = [
        {"city": loc.city, "postcode": loc.postcode, "country": loc.country}
        for loc in posting.locations
    ]
    data["topics"] = [topic.slug for topic in posting.topics]
    return data


def _scalar_values(data: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, enum_cls in _ENUMS.items():
        raw = data.get(name)
        values[name] = enum_cls(raw) if raw not in (None, "") else None
    for name in _DATES:
        raw = data.get(name)
        values[name] = date.fromisoformat(raw) if isinstance(raw, str) and raw else None
    for name in _PLAIN:
        values[name] = data.get(name)
    values["kind"] = values["kind"] or PostingKind.JOB
    values["employment"] = values["employment"] or Employment.FULL_TIME
    values["remote"] = values["remote"] or Remote.ONSITE
    values["salary_currency"] = values["salary_currency"] or "EUR"
    values["working_languages"] = list(values["working_languages"] or [])
    values["visa_support"] = bool(values["visa_support"])
    values["leadership"] = bool(values["leadership"])
    return values


def _topics(slugs: Iterable[str]) -> list[Topic]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return []
    found = {t.slug: t for t in db.session.scalars(sa.select(Topic).where(Topic.slug.in_(wanted)))}
    return sorted((found[slug] for slug in wanted if slug in found), key=lambda t: t.slug)


def _texts(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    texts = {}
    for lang in LANGS:
        values = (data.get("texts") or {}).get(lang)
        if values and (values.get("title") or "").strip():
            texts[lang] = {field: (values.get(field) or "").strip() for field in TEXT_FIELDS}
    return texts


def _locations(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "position": position,
            "city": loc["city"].strip(),
            "postcode": (loc.get("postcode") or "").strip() or None,
            "country": (loc.get("country") or "DE").strip().upper(),
        }
        for position, loc in enumerate(
            loc for loc in data.get("locations") or [] if (loc.get("city") or "").strip()
        )
    ]


def apply_data(posting: Posting, data: dict[str, Any], actor: User | None = None) -> Posting:
    """Write form data into a posting: fields, texts per language, places, topics."""
    assign(posting, _scalar_values(data))
    sync_texts(posting.texts, _texts(data), PostingText)
    wanted = _locations(data)
    for row, values in zip(posting.locations, wanted, strict=False):
        assign(row, values)
    for values in wanted[len(posting.locations) :]:
        posting.locations.append(PostingLocation(**values))
    del posting.locations[len(wanted) :]
    topics = _topics(data.get("topics") or [])
    if list(posting.topics) != topics:
        posting.topics = topics
    if actor is not None:
        posting.updated_by_id = actor.id
    db.session.flush()
    return posting


def create_posting(organisation: Organisation, data: dict[str, Any], actor: User) -> Posting:
    """A new draft of `organisation` from form data."""
    posting = Posting(
        organisation=organisation,
        status=S.DRAFT,
        created_by_id=actor.id,
        updated_by_id=actor.id,
    )
    db.session.add(posting)
    apply_data(posting, data, actor)
    audit.record(actor, "posting.create", posting, after=S.DRAFT)
    return posting


def duplicate(posting: Posting, actor: User) -> Posting:
    """A new draft with the same content (texts, places, topics); no id from outside, no stats."""
    copy = create_posting(posting.organisation, posting_data(posting), actor)
    audit.record(actor, "posting.duplicate", copy, source=posting.id)
    return copy


def preview_copy(posting: Posting, data: dict[str, Any]) -> Posting:
    """A transient posting showing `data` (a pending edit) — never added to the session.

    Relationships are set as committed values, so no backref or cascade pulls it into the
    session and nothing of it can be flushed.
    """
    values = _scalar_values(data)
    copy = Posting(**values)
    for name in (
        "id",
        "organisation_id",
        "status",
        "published_at",
        "expires_at",
        "featured_until",
        "created_at",
    ):
        set_committed_value(copy, name, getattr(posting, name))
    set_committed_value(copy, "organisation", posting.organisation)
    set_committed_value(
        copy, "texts", [PostingText(lang=lang, **v) for lang, v in _texts(data).items()]
    )
    set_committed_value(copy, "locations", [PostingLocation(**v) for v in _locations(data)])
    set_committed_value(copy, "topics", _topics(data.get("topics") or []))
    return copy


# --- edits, and pending edits of published postings ------------------------------------------


def pending_revision(posting: Posting) -> PostingRevision | None:
    return db.session.scalar(
        sa.select(PostingRevision)
        .where(
            PostingRevision.posting_id == posting.id,
            PostingRevision.status == RevisionStatus.PENDING,
        )
        .order_by(PostingRevision.id.desc())
    )


def with_pending_revision(posting_ids: Iterable[int]) -> set[int]:
    """Which of these postings have an edit waiting for moderation (one query)."""
    ids = list(posting_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(PostingRevision.posting_id).where(
                PostingRevision.posting_id.in_(ids),
                PostingRevision.status == RevisionStatus.PENDING,
            )
        )
    )


def pending_revisions() -> list[PostingRevision]:
    """The moderation queue of edits, oldest first (for the staff console)."""
    return list(
        db.session.scalars(
            sa.select(PostingRevision)
            .where(PostingRevision.status == RevisionStatus.PENDING)
            .order_by(PostingRevision.updated_at, PostingRevision.id)
        )
    )


def save_edit(posting: Posting, data: dict[str, Any], actor: User) -> str:
    """Save an employer's edit. Returns what happened:

    "saved" — a draft, submitted or rejected posting changed in place (rejected → draft);
    "live" — a published (or expired) posting of a trusted organisation changed at once;
    "revision" — a published (or expired) posting of another organisation keeps its approved
    content online; the edit waits as a pending PostingRevision for moderation.
    """
    if posting.status not in EDITABLE:
        raise not_allowed(posting, "edit")
    if posting.status in MODERATED_EDITS:
        if is_trusted(posting.organisation):
            apply_data(posting, data, actor)
            audit.record(actor, "posting.edit", posting, live=True)
            return "live"
        revision = pending_revision(posting)
        if revision is None:
            revision = PostingRevision(posting=posting, created_by_id=actor.id)
            db.session.add(revision)
        revision.data = data
        db.session.flush()
        audit.record(actor, "posting.edit", posting, revision=revision.id)
        return "revision"
    apply_data(posting, data, actor)
    audit.record(actor, "posting.edit", posting)
    if posting.status == S.REJECTED:
        revise(posting, actor)
    return "saved"


def _decide(revision: PostingRevision, status: RevisionStatus, actor: User | None) -> None:
    if revision.status != RevisionStatus.PENDING:
        raise TransitionError(_l("This change has already been decided."))
    revision.status = status
    revision.decided_at = utcnow()
    revision.decided_by_id = actor.id if actor is not None else None


def approve_revision(revision: PostingRevision, actor: User, notify: bool = True) -> Posting:
    """Staff: apply a pending edit to the posting."""
    _require_staff(actor)
    _decide(revision, RevisionStatus.APPROVED, actor)
    posting = revision.posting
    apply_data(posting, revision.data, actor)
    audit.record(actor, "posting.revision_approve", posting, revision=revision.id)
    if notify:
        notify_organisation(posting, "posting_published", revision=True)
    return posting


def reject_revision(
    revision: PostingRevision, actor: User, reason: str, notify: bool = True
) -> PostingRevision:
    """Staff: turn a pending edit down; the approved version stays online."""
    _require_staff(actor)
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_l("Please give a reason."), 400)
    _decide(revision, RevisionStatus.REJECTED, actor)
    revision.reason = reason
    audit.record(
        actor, "posting.revision_reject", revision.posting, revision=revision.id, reason=reason
    )
    if notify:
        notify_organisation(revision.posting, "posting_rejected", reason=reason, revision=True)
    return revision


def withdraw_revision(revision: PostingRevision, actor: User) -> None:
    """The employer discards their pending edit."""
    _decide(revision, RevisionStatus.WITHDRAWN, actor)
    audit.record(actor, "posting.revision_withdraw", revision.posting, revision=revision.id)


def _withdraw_pending_revisions(posting: Posting, actor: User | None) -> None:
    revision = pending_revision(posting)
    if revision is not None:
        _decide(revision, RevisionStatus.WITHDRAWN, actor)
