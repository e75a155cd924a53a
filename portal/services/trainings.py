"""Training courses as the public sees them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from slugify import slugify
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.labels import label
from portal.models import (
    AuditEvent,
    CourseFormat,
    CourseStatus,
    Organisation,
    OrganisationStatus,
    TrainingCourse,
    TrainingSession,
    TrainingText,
    User,
    utcnow,
)
from portal.services import audit
from portal.services.mail import send_mail
from portal.services.postings import TransitionError
from portal.services.records import assign, sync_texts
from portal.services.staff import organisation_owners

PUBLIC_STATUSES = (CourseStatus.PUBLISHED, CourseStatus.CANCELLED)


def _with_details(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        selectinload(TrainingCourse.texts),
        selectinload(TrainingCourse.sessions),
        selectinload(TrainingCourse.organisation),
    )


def upcoming_courses(limit: int | None = None) -> list[TrainingCourse]:
    """Published courses not yet over, promoted ones first, then by start."""
    now = utcnow()
    promoted = sa.case((TrainingCourse.promoted_until > now, 0), else_=1)
    stmt = (
        _with_details(sa.select(TrainingCourse))
        .where(TrainingCourse.status.in_(PUBLIC_STATUSES), TrainingCourse.ends_at > now)
        .order_by(promoted, TrainingCourse.starts_at, TrainingCourse.id)
    )
    if limit:
        stmt = stmt.limit(limit)
    return list(db.session.scalars(stmt))


def promoted_courses(limit: int = 3) -> list[TrainingCourse]:
    now = utcnow()
    stmt = (
        _with_details(sa.select(TrainingCourse))
        .where(
            TrainingCourse.status == CourseStatus.PUBLISHED,
            TrainingCourse.ends_at > now,
            TrainingCourse.promoted_until > now,
        )
        .order_by(TrainingCourse.starts_at)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def load_courses(ids: Sequence[int]) -> list[TrainingCourse]:
    if not ids:
        return []
    rows = db.session.scalars(
        _with_details(sa.select(TrainingCourse)).where(TrainingCourse.id.in_(ids))
    )
    by_id = {c.id: c for c in rows if c.is_public()}
    return [by_id[i] for i in ids if i in by_id]


def get_public_course(course_id: int) -> TrainingCourse | None:
    course = db.session.scalar(
        _with_details(sa.select(TrainingCourse)).where(TrainingCourse.id == course_id)
    )
    return course if course is not None and course.is_public() else None


def slug_for(course: TrainingCourse, lang: str) -> str:
    return slugify(course.text(lang).title, max_length=80, word_boundary=True) or "course"


# --- course management by cluster staff ----------------------------------------------------------
#
# Courses are offered by the cluster itself (organisation None) or by a member organisation.
# Members may submit courses (status `submitted`); staff publish them or send them back.
# Every change records an AuditEvent; a forbidden change raises TransitionError (409/400).

CS = CourseStatus
COURSE_TRANSITIONS: dict[str, tuple[frozenset[CourseStatus], CourseStatus]] = {
    "publish": (frozenset({CS.DRAFT, CS.SUBMITTED}), CS.PUBLISHED),
    "return": (frozenset({CS.SUBMITTED}), CS.DRAFT),
    "cancel": (frozenset({CS.PUBLISHED}), CS.CANCELLED),
    "archive": (frozenset({CS.DRAFT, CS.SUBMITTED, CS.PUBLISHED, CS.CANCELLED}), CS.ARCHIVED),
    # A member organisation's own moves (see "course proposals" below).
    "submit": (frozenset({CS.DRAFT}), CS.SUBMITTED),
    "withdraw": (frozenset({CS.SUBMITTED}), CS.DRAFT),
}
COURSE_TEXT_FIELDS = ("title", "summary", "body", "target_group", "funding_hints")
COURSE_FIELDS = (
    "organisation_id",
    "format",
    "city",
    "venue",
    "fee_amount",
    "fee_currency",
    "language",
    "registration_url",
    "capacity",
)


COURSE_ACTION_LABELS = {
    "publish": _l("Publish"),
    "return": _l("Send back"),
    "cancel": _l("Cancel the course"),
    "archive": _l("Archive"),
    "submit": _l("Submit for review"),
    "withdraw": _l("Withdraw"),
}


def can_course(course: TrainingCourse, action: str) -> bool:
    return course.status in COURSE_TRANSITIONS[action][0]


def staff_courses(status: CourseStatus | None = None) -> list[TrainingCourse]:
    """Every course for the staff console, the next to start first, past ones last."""
    stmt = _with_details(sa.select(TrainingCourse))
    if status is not None:
        stmt = stmt.where(TrainingCourse.status == status)
    over = sa.case((TrainingCourse.ends_at < utcnow(), 1), else_=0)
    stmt = stmt.order_by(over, TrainingCourse.starts_at, TrainingCourse.id)
    return list(db.session.scalars(stmt))


def get_course(course_id: int) -> TrainingCourse | None:
    return db.session.scalar(
        _with_details(sa.select(TrainingCourse)).where(TrainingCourse.id == course_id)
    )


def course_for_update(course_id: int) -> TrainingCourse | None:
    return db.session.scalar(
        _with_details(sa.select(TrainingCourse))
        .where(TrainingCourse.id == course_id)
        .with_for_update()
    )


def course_data(course: TrainingCourse) -> dict[str, Any]:
    """The course's editable content as plain data (the shape `apply_course_data` takes)."""
    data: dict[str, Any] = {name: getattr(course, name) for name in COURSE_FIELDS}
    data["format"] = course.format.value if course.format else None
    data["texts"] = {
        text.lang: {name: getattr(text, name) or "" for name in COURSE_TEXT_FIELDS}
        for text in course.texts
    }
    data["sessions"] = [(s.starts_at, s.ends_at) for s in course.sessions]
    return data


def _check_course_data(data: dict[str, Any]) -> None:
    texts = data.get("texts") or {}
    if not any((values.get("title") or "").strip() for values in texts.values()):
        raise TransitionError(_l("Please give the course a title in at least one language."), 400)
    sessions = data.get("sessions") or []
    if not sessions:
        raise TransitionError(_l("Please enter at least one date."), 400)
    if any(end <= start for start, end in sessions):
        raise TransitionError(_l("Each date must end after it starts."), 400)


def apply_course_data(course: TrainingCourse, data: dict[str, Any]) -> None:
    """Write form data into a course: fields, texts per language, sessions (sorted)."""
    _check_course_data(data)
    fields = {name: data.get(name) for name in COURSE_FIELDS}
    fields["format"] = CourseFormat(fields["format"])
    assign(course, fields)
    texts = {
        lang: {name: (values.get(name) or "").strip() for name in COURSE_TEXT_FIELDS}
        for lang, values in (data.get("texts") or {}).items()
        if (values.get("title") or "").strip()
    }
    sync_texts(course.texts, texts, TrainingText)
    sessions = sorted(data["sessions"])
    rows = sorted(course.sessions, key=lambda s: (s.starts_at, s.id or 0))
    for row, (start, end) in zip(rows, sessions, strict=False):
        if row.starts_at != start:
            row.starts_at = start
        if row.ends_at != end:
            row.ends_at = end
    for start, end in sessions[len(rows) :]:
        course.sessions.append(TrainingSession(starts_at=start, ends_at=end))
    for row in rows[len(sessions) :]:
        course.sessions.remove(row)
    course.starts_at = sessions[0][0]
    course.ends_at = max(end for _, end in sessions)
    db.session.flush()


def create_course(data: dict[str, Any], actor: User) -> TrainingCourse:
    """A new draft course (staff publish it when it is ready)."""
    course = TrainingCourse(status=CourseStatus.DRAFT, created_by_id=actor.id)
    db.session.add(course)
    apply_course_data(course, data)
    audit.record(actor, "course.create", course, after=course.status)
    return course


def update_course(course: TrainingCourse, data: dict[str, Any], actor: User) -> TrainingCourse:
    if course.status == CourseStatus.ARCHIVED:
        raise TransitionError(_l("An archived course cannot be changed."))
    before = course_data(course)
    apply_course_data(course, data)
    after = course_data(course)
    changed = sorted(k for k in after if after[k] != before[k])
    audit.record(actor, "course.update", course, fields=changed)
    return course


def _move_course(course: TrainingCourse, action: str, actor: User, **details: Any) -> None:
    sources, target = COURSE_TRANSITIONS[action]
    if course.status not in sources:
        raise TransitionError(
            _l(
                "“%(action)s” is not possible for a course that is “%(status)s”.",
                action=COURSE_ACTION_LABELS[action],
                status=label(course.status),
            )
        )
    before = course.status
    course.status = target
    audit.record(actor, f"course.{action}", course, before=before, after=target, **details)
    db.session.flush()


def _mail_provider(course: TrainingCourse, template: str, **context: Any) -> int:
    """Tell the owners of the member organisation that offers the course (if any)."""
    if course.organisation is None:
        return 0
    owners = organisation_owners(course.organisation)
    for user in owners:
        lang = user.locale if user.locale in ("de", "en") else "de"
        send_mail(
            user.email,
            template,
            lang,
            user=user,
            course=course,
            title=course.text(lang).title,
            slug=slug_for(course, lang),
            **context,
        )
    return len(owners)


def publish_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    submitted = course.status == CourseStatus.SUBMITTED
    _move_course(course, "publish", actor)
    if course.published_at is None:
        course.published_at = utcnow()
    db.session.flush()
    if submitted:
        _mail_provider(course, "course_published")
    return course


def return_course(course: TrainingCourse, actor: User, reason: str) -> TrainingCourse:
    """A member's submitted course goes back to draft with a reason they are mailed."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_l("Please give a reason."), 400)
    _move_course(course, "return", actor, reason=reason)
    _mail_provider(course, "course_returned", reason=reason)
    return course


def cancel_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    """Published → cancelled: it stays listed, marked as cancelled, and is no longer promoted."""
    _move_course(course, "cancel", actor)
    course.promoted_until = None
    db.session.flush()
    return course


def archive_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    """Off the public pages for good (kept for the record)."""
    _move_course(course, "archive", actor)
    course.promoted_until = None
    db.session.flush()
    return course


def promote_course(course: TrainingCourse, actor: User, until: datetime) -> TrainingCourse:
    """Lead the home page and the course list until `until` (an aware datetime)."""
    if course.status != CourseStatus.PUBLISHED:
        raise TransitionError(_l("Only a published course can be promoted."))
    if until <= utcnow():
        raise TransitionError(_l("Please choose a date that is not in the past."), 400)
    before = course.promoted_until
    course.promoted_until = until
    audit.record(actor, "course.promote", course, before=before, after=until)
    db.session.flush()
    return course


def unpromote_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    if course.promoted_until is None:
        raise TransitionError(_l("This course is not promoted."))
    before = course.promoted_until
    course.promoted_until = None
    audit.record(actor, "course.unpromote", course, before=before, after=None)
    db.session.flush()
    return course


def provider_choices() -> list[tuple[int, str]]:
    """Organisations that may offer courses: approved ones, members first."""
    rows = db.session.execute(
        sa.select(Organisation.id, Organisation.name)
        .where(Organisation.status == OrganisationStatus.APPROVED)
        .order_by(Organisation.member.desc(), Organisation.name)
    )
    return [(org_id, name) for org_id, name in rows]


# --- course proposals by member organisations ----------------------------------------------------
#
# DESIGN §2: courses are "created by staff or by member organisations (then moderated)". A member
# (an approved organisation with `member` set) writes drafts, submits them for review and may
# withdraw a submitted one; staff publish or return it (`publish_course`, `return_course`).
# Members edit drafts only: once a course is under review or public, the cluster team is
# responsible for what it says, so changes go through them.

MEMBER_EDITABLE = frozenset({CS.DRAFT})


def may_propose_courses(organisation: Organisation | None) -> bool:
    """Only approved member organisations offer courses through the portal."""
    return (
        organisation is not None
        and organisation.member
        and organisation.status == OrganisationStatus.APPROVED
    )


def _check_proposer(organisation: Organisation) -> None:
    if not may_propose_courses(organisation):
        raise TransitionError(
            _l("Only approved member organisations of the cluster can propose courses."), 403
        )


def organisation_courses(organisation: Organisation) -> list[TrainingCourse]:
    """The organisation's courses, archived ones left out, newest changes first."""
    stmt = (
        _with_details(sa.select(TrainingCourse))
        .where(
            TrainingCourse.organisation_id == organisation.id,
            TrainingCourse.status != CourseStatus.ARCHIVED,
        )
        .order_by(TrainingCourse.updated_at.desc(), TrainingCourse.id.desc())
    )
    return list(db.session.scalars(stmt))


def course_counts(organisation: Organisation) -> dict[CourseStatus, int]:
    """How many of the organisation's courses are in each status (for the dashboard)."""
    rows = db.session.execute(
        sa.select(TrainingCourse.status, sa.func.count())
        .where(TrainingCourse.organisation_id == organisation.id)
        .group_by(TrainingCourse.status)
    )
    return {status: count for status, count in rows}


def organisation_course(
    organisation: Organisation, course_id: int, lock: bool = False
) -> TrainingCourse | None:
    """One of the organisation's courses; None for every other id (the caller answers 404)."""
    stmt = _with_details(sa.select(TrainingCourse)).where(
        TrainingCourse.id == course_id, TrainingCourse.organisation_id == organisation.id
    )
    if lock:
        stmt = stmt.with_for_update()
    return db.session.scalar(stmt)


def member_can_edit(course: TrainingCourse) -> bool:
    """Members change drafts only (a returned or withdrawn course is a draft again)."""
    return course.status in MEMBER_EDITABLE


def propose_course(organisation: Organisation, data: dict[str, Any], actor: User) -> TrainingCourse:
    """A member's new course: a draft of its own organisation, whatever the data says."""
    _check_proposer(organisation)
    return create_course({**data, "organisation_id": organisation.id}, actor)


def update_proposal(course: TrainingCourse, data: dict[str, Any], actor: User) -> TrainingCourse:
    """A member edits its draft; the provider cannot change and other statuses are refused."""
    if course.organisation is None:
        raise TransitionError(_l("This course is offered by the cluster team."), 403)
    _check_proposer(course.organisation)
    if not member_can_edit(course):
        raise TransitionError(not_editable_message(course))
    return update_course(course, {**data, "organisation_id": course.organisation_id}, actor)


def not_editable_message(course: TrainingCourse) -> Any:
    """Why a member may not change the course now: a submitted one can be withdrawn first."""
    if course.status == CourseStatus.SUBMITTED:
        return _l("The course is being reviewed. Withdraw it first if you want to change it.")
    return _l(
        "The course can no longer be changed here. Please write to the cluster team if "
        "something needs to change."
    )


def submit_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    """Draft → submitted: the course waits in the staff queue."""
    if course.organisation is not None:
        _check_proposer(course.organisation)
    if course.ends_at <= utcnow():
        raise TransitionError(_l("The course is already over. Please check its dates."))
    _move_course(course, "submit", actor)
    return course


def withdraw_course(course: TrainingCourse, actor: User) -> TrainingCourse:
    """Submitted → draft, so the member can change it before staff decide."""
    _move_course(course, "withdraw", actor)
    return course


def return_reason(course: TrainingCourse) -> str | None:
    """Why staff sent the course back, while it is still the draft they returned.

    `return_course` keeps the reason in its audit event; a later move (submit, withdraw,
    publish) makes that reason history.
    """
    if course.status != CourseStatus.DRAFT or course.id is None:
        return None
    moves = [f"course.{action}" for action in COURSE_TRANSITIONS]
    event = db.session.scalar(
        sa.select(AuditEvent)
        .where(
            AuditEvent.object_type == audit.object_type(course),
            AuditEvent.object_id == course.id,
            AuditEvent.action.in_(moves),
        )
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(1)
    )
    if event is None or event.action != "course.return":
        return None
    return (event.details or {}).get("reason") or None
