"""The staff console's rules: moderation queue, organisations, reports, featuring, users, audit.

Plain functions called by `portal.staff.views`; they flush, the view commits once. Posting
status changes go through `portal.services.postings` (the status machine); this module adds
what only staff do around it. Every change records an `AuditEvent`. A refused change raises
`StaffError` (a `TransitionError`), which the views turn into a message and a 4xx answer.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import (
    LANGS,
    AuditEvent,
    CourseStatus,
    Employment,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationStatus,
    Posting,
    PostingKind,
    PostingReport,
    PostingRevision,
    PostingStatus,
    PostingText,
    Remote,
    Role,
    SalaryPeriod,
    TrainingCourse,
    User,
    utcnow,
)
from portal.services import audit, postings
from portal.services.mail import send_mail
from portal.services.postings import TransitionError


class StaffError(TransitionError):
    """A staff action that is refused; `message` is translated, `status_code` a 4xx."""


def local_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/Berlin"))


def end_of_day(day: date) -> datetime:
    """The last moment of `day` in the portal's time zone, as an aware datetime."""
    return datetime.combine(day, time(23, 59, 59), tzinfo=local_zone())


def local_today() -> date:
    return utcnow().astimezone(local_zone()).date()


# --- the moderation queue ----------------------------------------------------------------------


@dataclass
class Queue:
    """Everything waiting for staff, oldest first in each section."""

    postings: list[Posting] = field(default_factory=list)
    revisions: list[PostingRevision] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    reports: list[PostingReport] = field(default_factory=list)
    courses: list[TrainingCourse] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            len(self.postings)
            + len(self.revisions)
            + len(self.organisations)
            + len(self.reports)
            + len(self.courses)
        )


def _posting_details(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        selectinload(Posting.texts),
        selectinload(Posting.locations),
        selectinload(Posting.topics),
        selectinload(Posting.organisation),
    )


def submitted_postings() -> list[Posting]:
    """Postings waiting for their first approval, the longest-waiting first."""
    waiting_since = sa.func.coalesce(Posting.submitted_at, Posting.updated_at)
    return list(
        db.session.scalars(
            _posting_details(sa.select(Posting))
            .where(Posting.status == PostingStatus.SUBMITTED)
            .order_by(waiting_since, Posting.id)
        )
    )


def pending_organisations() -> list[Organisation]:
    return list(
        db.session.scalars(
            sa.select(Organisation)
            .where(Organisation.status == OrganisationStatus.PENDING)
            .order_by(Organisation.created_at, Organisation.id)
        )
    )


def open_reports() -> list[PostingReport]:
    return list(
        db.session.scalars(
            sa.select(PostingReport)
            .where(PostingReport.resolved_at.is_(None))
            .options(selectinload(PostingReport.posting).selectinload(Posting.texts))
            .order_by(PostingReport.created_at, PostingReport.id)
        )
    )


def submitted_courses() -> list[TrainingCourse]:
    return list(
        db.session.scalars(
            sa.select(TrainingCourse)
            .where(TrainingCourse.status == CourseStatus.SUBMITTED)
            .options(selectinload(TrainingCourse.texts))
            .order_by(TrainingCourse.updated_at, TrainingCourse.id)
        )
    )


def queue() -> Queue:
    return Queue(
        postings=submitted_postings(),
        revisions=postings.pending_revisions(),
        organisations=pending_organisations(),
        reports=open_reports(),
        courses=submitted_courses(),
    )


# --- loading -----------------------------------------------------------------------------------


def posting_for_update(posting_id: int) -> Posting | None:
    """A posting, row-locked for the rest of the transaction where the database can (PostgreSQL).

    Two staff members deciding the same posting at once are thus serialised: the second sees
    the first one's status and gets a clear "not possible" instead of a double transition.
    """
    return db.session.scalar(
        _posting_details(sa.select(Posting)).where(Posting.id == posting_id).with_for_update()
    )


def revision_for_update(revision_id: int) -> PostingRevision | None:
    return db.session.scalar(
        sa.select(PostingRevision).where(PostingRevision.id == revision_id).with_for_update()
    )


def list_postings(
    status: PostingStatus | None = None,
    q: str = "",
    featured: bool = False,
    page: int = 1,
    per_page: int = 50,
):
    """All postings for staff (any status), newest change first; `q` matches title or org."""
    stmt = _posting_details(sa.select(Posting))
    if status is not None:
        stmt = stmt.where(Posting.status == status)
    if featured:
        stmt = stmt.where(Posting.featured_until > utcnow())
    words = q.strip()
    if words:
        like = f"%{_escape_like(words.lower())}%"
        stmt = stmt.where(
            sa.or_(
                Posting.texts.any(sa.func.lower(PostingText.title).like(like, "\\")),
                Posting.organisation.has(sa.func.lower(Organisation.name).like(like, "\\")),
                Posting.id == (int(words) if words.isdigit() else -1),
            )
        )
    stmt = stmt.order_by(Posting.updated_at.desc(), Posting.id.desc())
    return db.paginate(stmt, page=page, per_page=per_page, error_out=False)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# --- what changed: a field-by-field diff of posting data ------------------------------------

FIELD_LABELS: dict[str, Any] = {
    "kind": _l("Type of posting"),
    "employment": _l("Working time"),
    "remote": _l("Place of work"),
    "start_date": _l("Start date"),
    "deadline": _l("Application deadline"),
    "salary_min": _l("Pay from"),
    "salary_max": _l("Pay up to"),
    "salary_currency": _l("Currency"),
    "salary_period": _l("Pay per"),
    "pay_scale": _l("Pay scale"),
    "working_languages": _l("Working languages"),
    "german_level": _l("German skills needed"),
    "english_level": _l("English skills needed"),
    "visa_support": _l("We support with visa and relocation"),
    "leadership": _l("This is a leadership position"),
    "apply_url": _l("Application web page"),
    "apply_email": _l("Application email address"),
    "contact_name": _l("Contact person"),
    "contact_email": _l("Contact email address"),
    "locations": _l("Places of work"),
    "topics": _l("Topics"),
    "title": _l("Title"),
    "summary": _l("Summary"),
    "body": _l("Description"),
    "requirements": _l("What you bring"),
    "offer": _l("What we offer"),
}
LONG_TEXT = frozenset({"body", "requirements", "offer"})


@dataclass(frozen=True)
class LineChange:
    op: str  # "same", "removed", "added"
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: `before`/`after` as display text, `lines` for long texts."""

    key: str
    label: Any
    lang: str | None
    before: str
    after: str
    lines: tuple[LineChange, ...] = ()


ENUM_FIELDS: dict[str, type] = {
    "kind": PostingKind,
    "employment": Employment,
    "remote": Remote,
    "salary_period": SalaryPeriod,
}


def display_value(key: str, value: Any) -> str:
    """A value of posting data as text for people: labels for codes, lists joined."""
    from portal.labels import label

    if value is None or value == "" or value == []:
        return ""
    if key in ENUM_FIELDS:
        try:
            return label(ENUM_FIELDS[key](value))
        except ValueError:
            return str(value)
    if key == "working_languages":
        return ", ".join(label(lang) for lang in value)
    if key in ("start_date", "deadline") and isinstance(value, str):
        from flask_babel import format_date

        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if key == "locations":
        return "; ".join(
            " ".join(p for p in (loc.get("postcode"), loc.get("city")) if p)
            + (f" ({loc.get('country')})" if loc.get("country") not in (None, "", "DE") else "")
            for loc in value
        )
    if isinstance(value, bool):
        return str(_l("Yes") if value else _l("No"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def _line_diff(before: str, after: str) -> tuple[LineChange, ...]:
    ops = {" ": "same", "-": "removed", "+": "added"}
    return tuple(
        LineChange(ops[line[0]], line[2:])
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[0] in ops
    )


def posting_diff(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """What a pending edit changes, field by field, in the order of the posting form."""
    changes: list[FieldChange] = []
    for key in postings.SCALAR_FIELDS:
        if (old.get(key) or None) != (new.get(key) or None):
            changes.append(
                FieldChange(
                    key,
                    FIELD_LABELS.get(key, key),
                    None,
                    display_value(key, old.get(key)),
                    display_value(key, new.get(key)),
                )
            )
    old_texts, new_texts = old.get("texts") or {}, new.get("texts") or {}
    for lang in LANGS:
        before_text, after_text = old_texts.get(lang) or {}, new_texts.get(lang) or {}
        for key in postings.TEXT_FIELDS:
            before = (before_text.get(key) or "").strip()
            after = (after_text.get(key) or "").strip()
            if before != after:
                lines = _line_diff(before, after) if key in LONG_TEXT else ()
                changes.append(FieldChange(key, FIELD_LABELS[key], lang, before, after, lines))
    for key in ("locations", "topics"):
        if (old.get(key) or []) != (new.get(key) or []):
            changes.append(
                FieldChange(
                    key,
                    FIELD_LABELS[key],
                    None,
                    display_value(key, old.get(key)),
                    display_value(key, new.get(key)),
                )
            )
    return changes


def revision_diff(revision: PostingRevision) -> list[FieldChange]:
    """The pending edit against the posting's approved (public) content."""
    return posting_diff(postings.posting_data(revision.posting), revision.data or {})


# --- postings: the status machine plus what staff add ------------------------------------------


def approve_posting(posting: Posting, actor: User) -> Posting:
    """submitted → published; the employer is mailed (by the status machine)."""
    if (
        posting.status == PostingStatus.SUBMITTED
        and posting.organisation.status == OrganisationStatus.PENDING
    ):
        raise StaffError(
            _l(
                "The organisation of this posting has not been approved yet. Approve the "
                "organisation first; then the posting can be published."
            )
        )
    return postings.approve(posting, actor)


def reject_posting(posting: Posting, actor: User, reason: str) -> Posting:
    """submitted → rejected with a reason, mailed to the employer in their language."""
    return postings.reject(posting, actor, reason)


def suspend_posting(posting: Posting, actor: User, reason: str) -> Posting:
    """published → suspended, and the organisation is told why (DSA Art. 17 statement)."""
    postings.suspend(posting, actor, reason)
    if posting.is_featured():
        _set_featured(posting, None, actor)
    postings.notify_organisation(posting, "posting_suspended", reason=reason.strip())
    return posting


def _set_featured(posting: Posting, until: datetime | None, actor: User) -> None:
    before = posting.featured_until
    posting.featured_until = until
    action = "posting.feature" if until is not None else "posting.unfeature"
    audit.record(actor, action, posting, before=before, after=until)
    db.session.flush()


def feature_posting(posting: Posting, until: date, actor: User) -> Posting:
    """Show a public posting as featured until the end of `until` (home page, top of lists)."""
    if not posting.is_public():
        raise StaffError(_l("Only a published posting that is online can be featured."))
    if until < local_today():
        raise StaffError(_l("Please choose a date that is not in the past."), 400)
    if until > local_today() + timedelta(days=366):
        raise StaffError(_l("Please choose a date within the next year."), 400)
    _set_featured(posting, end_of_day(until), actor)
    return posting


def unfeature_posting(posting: Posting, actor: User) -> Posting:
    if posting.featured_until is None:
        raise StaffError(_l("This posting is not featured."))
    _set_featured(posting, None, actor)
    return posting


def featured_postings() -> list[Posting]:
    """Postings featured now (whether or not still online), the longest-running first."""
    return list(
        db.session.scalars(
            _posting_details(sa.select(Posting))
            .where(Posting.featured_until > utcnow())
            .order_by(Posting.featured_until.desc(), Posting.id)
        )
    )


# --- organisations -----------------------------------------------------------------------------

OS = OrganisationStatus
ORG_TRANSITIONS: dict[str, tuple[frozenset[OrganisationStatus], OrganisationStatus]] = {
    "approve": (frozenset({OS.PENDING, OS.REJECTED}), OS.APPROVED),
    "reject": (frozenset({OS.PENDING}), OS.REJECTED),
    "suspend": (frozenset({OS.APPROVED}), OS.SUSPENDED),
    "reinstate": (frozenset({OS.SUSPENDED}), OS.APPROVED),
}
ORG_ACTION_LABELS = {
    "approve": _l("Approve"),
    "reject": _l("Reject"),
    "suspend": _l("Suspend"),
    "reinstate": _l("Reinstate"),
}


def can_organisation(organisation: Organisation, action: str) -> bool:
    return organisation.status in ORG_TRANSITIONS[action][0]


def organisation_for_update(organisation_id: int) -> Organisation | None:
    return db.session.scalar(
        sa.select(Organisation).where(Organisation.id == organisation_id).with_for_update()
    )


def list_organisations(status: OrganisationStatus | None = None, q: str = "") -> list[Organisation]:
    stmt = sa.select(Organisation)
    if status is not None:
        stmt = stmt.where(Organisation.status == status)
    if q.strip():
        like = f"%{_escape_like(q.strip().lower())}%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(Organisation.name).like(like, "\\"),
                sa.func.lower(Organisation.slug).like(like, "\\"),
                sa.func.lower(Organisation.city).like(like, "\\"),
            )
        )
    return list(db.session.scalars(stmt.order_by(Organisation.name, Organisation.id).limit(500)))


def organisation_owners(organisation: Organisation) -> list[User]:
    """Approved, active owners: they receive the organisation's mail from staff."""
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.organisation_id == organisation.id,
                Membership.role == MembershipRole.OWNER,
                Membership.approved,
                User.active,
            )
            .order_by(User.id)
        )
    )


def _mail_owners(organisation: Organisation, template: str, **context: Any) -> int:
    owners = organisation_owners(organisation)
    for user in owners:
        lang = user.locale if user.locale in LANGS else "de"
        send_mail(user.email, template, lang, user=user, organisation=organisation, **context)
    return len(owners)


def _move_organisation(
    organisation: Organisation, action: str, actor: User, **details: Any
) -> None:
    sources, target = ORG_TRANSITIONS[action]
    if organisation.status not in sources:
        from portal.labels import label

        raise StaffError(
            _l(
                "“%(action)s” is not possible for an organisation that is “%(status)s”.",
                action=ORG_ACTION_LABELS[action],
                status=label(organisation.status),
            )
        )
    before = organisation.status
    organisation.status = target
    audit.record(
        actor, f"organisation.{action}", organisation, before=before, after=target, **details
    )
    db.session.flush()


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise StaffError(_l("Please give a reason."), 400)
    return reason


def approve_organisation(organisation: Organisation, actor: User) -> Organisation:
    """pending (or rejected) → approved; the owners are mailed. Its submitted postings stay in
    the queue: each is still checked on its own."""
    _move_organisation(organisation, "approve", actor)
    _mail_owners(organisation, "organisation_approved")
    return organisation


def reject_organisation(organisation: Organisation, actor: User, reason: str) -> Organisation:
    reason = _reason(reason)
    _move_organisation(organisation, "reject", actor, reason=reason)
    organisation.auto_publish = False
    _mail_owners(organisation, "organisation_rejected", reason=reason)
    return organisation


def suspend_organisation(organisation: Organisation, actor: User, reason: str) -> Organisation:
    """approved → suspended: its published postings are suspended too, with the same reason."""
    reason = _reason(reason)
    _move_organisation(organisation, "suspend", actor, reason=reason)
    organisation.auto_publish = False
    for posting in list(organisation.postings):
        if posting.status == PostingStatus.PUBLISHED:
            postings.suspend(posting, actor, reason)
            if posting.featured_until is not None:
                _set_featured(posting, None, actor)
    _mail_owners(organisation, "organisation_suspended", reason=reason)
    return organisation


def reinstate_organisation(organisation: Organisation, actor: User) -> Organisation:
    """suspended → approved; suspended postings stay offline (owners may post them anew)."""
    _move_organisation(organisation, "reinstate", actor)
    _mail_owners(organisation, "organisation_approved", reinstated=True)
    return organisation


def set_organisation_flags(
    organisation: Organisation, actor: User, trusted: bool, member: bool
) -> bool:
    """Trusted (publishes without moderation) and cluster member; True if anything changed."""
    before = {"auto_publish": organisation.auto_publish, "member": organisation.member}
    after = {"auto_publish": bool(trusted), "member": bool(member)}
    if before == after:
        return False
    if after["auto_publish"] and organisation.status != OrganisationStatus.APPROVED:
        raise StaffError(_l("Only an approved organisation can be trusted."))
    organisation.auto_publish = after["auto_publish"]
    organisation.member = after["member"]
    audit.record(actor, "organisation.flags", organisation, before=before, after=after)
    db.session.flush()
    return True


def organisation_postings(organisation: Organisation) -> list[Posting]:
    return list(
        db.session.scalars(
            _posting_details(sa.select(Posting))
            .where(Posting.organisation_id == organisation.id)
            .order_by(Posting.updated_at.desc(), Posting.id.desc())
        )
    )


def organisation_members(organisation: Organisation) -> list[Membership]:
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.organisation_id == organisation.id)
            .options(selectinload(Membership.user))
            .order_by(Membership.role.desc(), Membership.id)
        )
    )


# --- reports (EU Digital Services Act Art. 16 notices, Art. 17 statements of reasons) ---------


def list_reports(state: str = "open") -> list[PostingReport]:
    stmt = sa.select(PostingReport).options(
        selectinload(PostingReport.posting).selectinload(Posting.texts),
        selectinload(PostingReport.posting).selectinload(Posting.organisation),
    )
    if state == "open":
        stmt = stmt.where(PostingReport.resolved_at.is_(None)).order_by(
            PostingReport.created_at, PostingReport.id
        )
    elif state == "resolved":
        stmt = stmt.where(PostingReport.resolved_at.is_not(None)).order_by(
            PostingReport.resolved_at.desc(), PostingReport.id.desc()
        )
    else:
        stmt = stmt.order_by(PostingReport.created_at.desc(), PostingReport.id.desc())
    return list(db.session.scalars(stmt.limit(500)))


def report_for_update(report_id: int) -> PostingReport | None:
    return db.session.scalar(
        sa.select(PostingReport).where(PostingReport.id == report_id).with_for_update()
    )


def reports_of(posting: Posting) -> list[PostingReport]:
    return list(
        db.session.scalars(
            sa.select(PostingReport)
            .where(PostingReport.posting_id == posting.id)
            .order_by(PostingReport.created_at.desc(), PostingReport.id.desc())
        )
    )


def resolve_report(
    report: PostingReport,
    actor: User,
    resolution: str,
    suspend: bool = False,
    notify_reporter: bool = False,
) -> PostingReport:
    """Decide a notice with a recorded reason; optionally suspend the posting (the employer is
    told why) and tell the reporter, if they left an address, what was decided."""
    if report.resolved_at is not None:
        raise StaffError(_l("This report has already been resolved."))
    resolution = _reason(resolution)
    posting = report.posting
    if suspend:
        suspend_posting(posting, actor, resolution)
    report.resolved_at = utcnow()
    report.resolved_by_id = actor.id
    report.resolution = resolution
    audit.record(
        actor,
        "report.resolve",
        report,
        posting=posting.id,
        reason=report.reason,
        resolution=resolution,
        suspended=bool(suspend),
    )
    db.session.flush()
    if notify_reporter and report.reporter_email:
        lang = report.lang if report.lang in LANGS else "de"
        send_mail(
            report.reporter_email,
            "report_resolved",
            lang,
            report=report,
            posting=posting,
            title=posting.text(lang).title,
            suspended=bool(suspend),
        )
    return report


# --- users -------------------------------------------------------------------------------------


def find_users(q: str = "", role: Role | None = None, active: bool | None = None, page: int = 1):
    stmt = sa.select(User)
    if q.strip():
        like = f"%{_escape_like(q.strip().lower())}%"
        stmt = stmt.where(
            sa.or_(
                sa.func.lower(User.email).like(like, "\\"),
                sa.func.lower(User.name).like(like, "\\"),
            )
        )
    if role is not None:
        stmt = stmt.where(User.role == role)
    if active is not None:
        stmt = stmt.where(User.active.is_(active))
    stmt = stmt.order_by(User.email)
    return db.paginate(stmt, page=page, per_page=50, error_out=False)


def _may_manage(user: User, actor: User) -> None:
    """Staff manage employers and staff; only admins touch admins; nobody locks themself out."""
    if user.id == actor.id:
        raise StaffError(_l("You cannot change your own account here."), 403)
    if user.role == Role.ADMIN and actor.role != Role.ADMIN:
        raise StaffError(_l("Only administrators can change administrator accounts."), 403)


def deactivate_user(user: User, actor: User) -> User:
    _may_manage(user, actor)
    if not user.active:
        raise StaffError(_l("This account is already deactivated."))
    user.active = False
    audit.record(actor, "user.deactivate", user, before=True, after=False)
    return user


def reactivate_user(user: User, actor: User) -> User:
    _may_manage(user, actor)
    if user.active:
        raise StaffError(_l("This account is already active."))
    user.active = True
    audit.record(actor, "user.reactivate", user, before=False, after=True)
    return user


def change_role(user: User, role: Role, actor: User) -> User:
    """Admins only: make an account an employer, staff or admin account."""
    if actor.role != Role.ADMIN:
        raise StaffError(_l("Only administrators can change roles."), 403)
    _may_manage(user, actor)
    if user.role == role:
        return user
    before = user.role
    user.role = role
    audit.record(actor, "user.role", user, before=before, after=role)
    db.session.flush()
    return user


def resend_verification(user: User, actor: User) -> User:
    """Mail the account a new confirmation link (the accounts area's own mail)."""
    from portal.services import accounts

    if user.email_verified_at is not None:
        raise StaffError(_l("This address is already confirmed."))
    if not user.active:
        raise StaffError(_l("This account is deactivated."))
    accounts.send_verification(user)
    audit.record(actor, "user.resend_verification", user)
    return user


def set_password_link(user: User) -> str:
    """A single-use link to choose a password: the accounts area's reset link (2 hours)."""
    from portal.services import accounts
    from portal.services.tokens import Purpose, make_token

    # `_reset_state` is the fingerprint the reset page checks; once a password is set the
    # link is used up. (The accounts area has no public helper that returns the link alone.)
    token = make_token(Purpose.RESET_PASSWORD, {"uid": user.id, "fp": accounts._reset_state(user)})
    return url_for("accounts.reset_password", token=token, lang=user.locale, _external=True)


def invite_user(email: str, name: str, role: Role, lang: str, actor: User) -> User:
    """Create a staff (or admin) account without a password and mail it a set-password link."""
    from portal.services import accounts

    if role == Role.ADMIN and actor.role != Role.ADMIN:
        raise StaffError(_l("Only administrators can invite administrators."), 403)
    if role == Role.EMPLOYER:
        raise StaffError(_l("Employers register themselves with their organisation."), 400)
    if accounts.email_taken(email):
        raise StaffError(_l("An account with this email address already exists."), 409)
    user = User(
        email=accounts.normalise_email(email),
        name=name.strip(),
        role=role,
        locale=lang if lang in LANGS else "de",
        password_hash=None,
    )
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.invite", user, role=role)
    send_invitation(user, actor, record=False)
    return user


def send_invitation(user: User, actor: User, record: bool = True) -> User:
    """(Again) mail a set-password link to an account that has no password yet."""
    if user.password_hash:
        raise StaffError(_l("This account has a password already."))
    if not user.active:
        raise StaffError(_l("This account is deactivated."))
    send_mail(
        user.email,
        "staff_invite",
        user.locale,
        user=user,
        inviter=actor,
        link=set_password_link(user),
        reset_url=url_for("accounts.reset_request", lang=user.locale, _external=True),
    )
    if record:
        audit.record(actor, "user.invite_again", user)
    return user


def user_memberships(user: User) -> list[Membership]:
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.user_id == user.id)
            .options(selectinload(Membership.organisation))
            .order_by(Membership.id)
        )
    )


# --- the audit log -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""  # exact, or a prefix ending in "." such as "posting."
    object_type: str = ""
    object_id: int | None = None
    actor: str = ""  # email (part) of the actor
    date_from: date | None = None
    date_to: date | None = None  # inclusive


def _audit_statement(filters: AuditFilter) -> sa.Select:
    stmt = sa.select(AuditEvent).options(selectinload(AuditEvent.actor))
    if filters.action:
        if filters.action.endswith("."):
            stmt = stmt.where(AuditEvent.action.startswith(filters.action, autoescape=True))
        else:
            stmt = stmt.where(AuditEvent.action == filters.action)
    if filters.object_type:
        stmt = stmt.where(AuditEvent.object_type == filters.object_type)
    if filters.object_id is not None:
        stmt = stmt.where(AuditEvent.object_id == filters.object_id)
    if filters.actor.strip():
        like = f"%{_escape_like(filters.actor.strip().lower())}%"
        stmt = stmt.where(
            AuditEvent.actor.has(
                sa.or_(
                    sa.func.lower(User.email).like(like, "\\"),
                    sa.func.lower(User.name).like(like, "\\"),
                )
            )
        )
    zone = local_zone()
    if filters.date_from is not None:
        stmt = stmt.where(AuditEvent.at >= datetime.combine(filters.date_from, time(), zone))
    if filters.date_to is not None:
        end = datetime.combine(filters.date_to + timedelta(days=1), time(), zone)
        stmt = stmt.where(AuditEvent.at < end)
    return stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def audit_events(filters: AuditFilter, page: int = 1, per_page: int = 50):
    return db.paginate(_audit_statement(filters), page=page, per_page=per_page, error_out=False)


def audit_export(filters: AuditFilter, limit: int = 50_000) -> list[AuditEvent]:
    return list(db.session.scalars(_audit_statement(filters).limit(limit)))


def audit_choices() -> tuple[list[str], list[str]]:
    """The actions and object types that occur, for the filter's select boxes."""
    actions = list(
        db.session.scalars(sa.select(AuditEvent.action).distinct().order_by(AuditEvent.action))
    )
    types = list(
        db.session.scalars(
            sa.select(AuditEvent.object_type).distinct().order_by(AuditEvent.object_type)
        )
    )
    return actions, types


def events_about(object_type: str, object_id: int, limit: int = 100) -> list[AuditEvent]:
    """An object's history, newest first (also after the object is gone)."""
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.object_type == object_type, AuditEvent.object_id == object_id)
            .options(selectinload(AuditEvent.actor))
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )


def events_by(user: User, limit: int = 100) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.actor_id == user.id)
            .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
            .limit(limit)
        )
    )
