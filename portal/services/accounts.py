"""Accounts: sign-up with an organisation, login, verification, reset, settings, export, deletion.

Plain functions called by the accounts views and the CLI; they flush, the caller commits.
Links in mails are made here with an explicit language (the recipient's, not the request's).

Single use of mailed links: each token carries a `fingerprint` of the account state it was
made for (the address and verification time, the address and password hash). Using the link
changes that state, so the same link is refused afterwards, as is a reset link once the
password has been changed by any other way.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from flask import url_for
from slugify import slugify
from werkzeug.routing import BuildError

from portal.extensions import db
from portal.models import (
    AuditEvent,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Posting,
    Role,
    User,
    utcnow,
)
from portal.services import audit
from portal.services.mail import send_mail
from portal.services.passwords import hash_password, needs_rehash, verify_password
from portal.services.tokens import (
    Purpose,
    TokenInvalid,
    TokenUsed,
    fingerprint,
    make_token,
    read_token,
)

# Slugs read well in both languages when umlauts are spelled out rather than dropped.
_SLUG_REPLACEMENTS = [["Ä", "Ae"], ["Ö", "Oe"], ["Ü", "Ue"], ["ä", "ae"], ["ö", "oe"], ["ü", "ue"]]


class AccountError(Exception):
    """A rule of the accounts area stops the action."""


class EmailTaken(AccountError):
    """Another account already uses the address."""


class LastOwner(AccountError):
    """The account is the last owner of these organisations and cannot be deleted yet."""

    def __init__(self, organisations: list[Organisation]) -> None:
        super().__init__(", ".join(org.name for org in organisations))
        self.organisations = organisations


@dataclasses.dataclass(frozen=True)
class NewOrganisation:
    name: str
    kind: OrganisationKind
    city: str


# --- lookups -------------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def email_taken(email: str, except_user: User | None = None) -> bool:
    user = find_user(email)
    return user is not None and user is not except_user


def organisation_name_taken(name: str) -> bool:
    """True when an organisation of that name exists (ignoring case and outer spaces)."""
    wanted = " ".join(name.split()).lower()
    return (
        db.session.scalar(
            sa.select(Organisation.id).where(sa.func.lower(Organisation.name) == wanted).limit(1)
        )
        is not None
    )


def joinable_organisations() -> list[Organisation]:
    """Approved organisations, by name: the ones a new employer may ask to join."""
    return list(
        db.session.scalars(
            sa.select(Organisation)
            .where(Organisation.status == OrganisationStatus.APPROVED)
            .order_by(sa.func.lower(Organisation.name))
        )
    )


def get_joinable_organisation(organisation_id: int) -> Organisation | None:
    org = db.session.get(Organisation, organisation_id)
    return org if org is not None and org.status == OrganisationStatus.APPROVED else None


def owners_of(organisation: Organisation) -> list[User]:
    return [
        m.user
        for m in organisation.memberships
        if m.role == MembershipRole.OWNER and m.approved and m.user.active
    ]


# --- sign-up ---------------------------------------------------------------------------------


def register(
    *,
    email: str,
    name: str,
    password: str,
    locale: str,
    new_organisation: NewOrganisation | None = None,
    join: Organisation | None = None,
) -> User:
    """A new employer account with its organisation (new, pending) or a request to join one.

    Sends the verification mail, and to the owners of `join` the request; raises EmailTaken.
    """
    if email_taken(email):
        raise EmailTaken(email)
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        password_hash=hash_password(password),
        role=Role.EMPLOYER,
        locale=locale,
    )
    db.session.add(user)
    db.session.flush()
    if new_organisation is not None:
        create_organisation(user, new_organisation)
    elif join is not None:
        request_membership(user, join)
    send_verification(user)
    return user


def create_organisation(owner: User, data: NewOrganisation) -> Organisation:
    """A pending organisation with `owner` as its owner; staff approve it before it is listed."""
    name = " ".join(data.name.split())
    org = Organisation(
        slug=unique_organisation_slug(name),
        name=name,
        kind=data.kind,
        city=data.city.strip() or None,
        status=OrganisationStatus.PENDING,
    )
    org.memberships.append(Membership(user=owner, role=MembershipRole.OWNER, approved=True))
    db.session.add(org)
    db.session.flush()
    return org


def unique_organisation_slug(name: str) -> str:
    base = (
        slugify(name, max_length=70, word_boundary=True, replacements=_SLUG_REPLACEMENTS)
        or "organisation"
    )
    slug, number = base, 2
    while db.session.scalar(sa.select(Organisation.id).where(Organisation.slug == slug)):
        slug, number = f"{base}-{number}", number + 1
    return slug


def request_membership(user: User, organisation: Organisation) -> Membership:
    """An unapproved editor membership; each owner gets a mail "x asks to join"."""
    membership = Membership(
        user=user, organisation=organisation, role=MembershipRole.EDITOR, approved=False
    )
    db.session.add(membership)
    db.session.flush()
    for owner in owners_of(organisation):
        send_mail(
            owner.email,
            "join_request",
            owner.locale,
            owner=owner,
            applicant=user,
            organisation=organisation,
            link=_team_link(owner.locale),
        )
    return membership


def _team_link(lang: str) -> str:
    """The team page where owners approve requests (the employer area), else the login."""
    try:
        return url_for("employer.team", lang=lang, _external=True)
    except BuildError:
        return url_for("accounts.login", lang=lang, _external=True)


# --- verification ---------------------------------------------------------------------------


def _verify_state(user: User) -> str:
    verified = user.email_verified_at.isoformat() if user.email_verified_at else None
    return fingerprint("verify", user.id, user.email, verified)


def send_verification(user: User) -> None:
    """Mail a link that confirms the account's current address (nothing if already confirmed)."""
    if user.email_verified_at is not None:
        return
    token = make_token(Purpose.VERIFY_EMAIL, {"uid": user.id, "fp": _verify_state(user)})
    link = url_for("accounts.verify", token=token, lang=user.locale, _external=True)
    send_mail(user.email, "verify_email", user.locale, user=user, link=link)


def resend_verification(email: str) -> None:
    """Send a new link if an active, unconfirmed account has this address; silent otherwise."""
    user = find_user(email)
    if user is not None and user.active:
        send_verification(user)


def user_for_verification(token: str) -> User:
    """The account a confirmation link belongs to, while the link is valid and unused."""
    payload = read_token(Purpose.VERIFY_EMAIL, token)
    user = _user_of(payload)
    if payload.get("fp") != _verify_state(user):
        raise TokenUsed
    return user


def verify_email(user: User) -> None:
    user.email_verified_at = utcnow()
    db.session.flush()


def _user_of(payload: dict[str, Any]) -> User:
    uid = payload.get("uid")
    user = db.session.get(User, uid) if isinstance(uid, int) else None
    if user is None or not user.active:
        raise TokenInvalid
    return user


# --- login -----------------------------------------------------------------------------------


def authenticate(email: str, password: str) -> User | None:
    """The active user with this address and password, else None — for every failure alike.

    An unknown address still costs one hash check, so the answer time tells nothing. A hash
    made with outdated parameters is replaced while the plain password is at hand.
    """
    user = find_user(email)
    matches = verify_password(user.password_hash if user else None, password)
    if user is None or not matches or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


# --- password reset --------------------------------------------------------------------------


def _reset_state(user: User) -> str:
    return fingerprint("reset", user.id, user.email, user.password_hash)


def request_password_reset(email: str) -> None:
    """Mail a reset link if an active account has this address; nothing otherwise (the page
    answers the same either way)."""
    user = find_user(email)
    if user is None or not user.active:
        return
    token = make_token(Purpose.RESET_PASSWORD, {"uid": user.id, "fp": _reset_state(user)})
    link = url_for("accounts.reset_password", token=token, lang=user.locale, _external=True)
    send_mail(user.email, "reset_password", user.locale, user=user, link=link)


def user_for_reset(token: str) -> User:
    """The account a reset link belongs to, while the link is valid and unused."""
    payload = read_token(Purpose.RESET_PASSWORD, token)
    user = _user_of(payload)
    if payload.get("fp") != _reset_state(user):
        raise TokenUsed
    return user


def reset_password(user: User, new_password: str) -> None:
    """Set the new password; the mailed link proved the address, so it counts as confirmed."""
    user.password_hash = hash_password(new_password)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    db.session.flush()


# --- settings --------------------------------------------------------------------------------


def update_profile(user: User, name: str, locale: str) -> None:
    user.name = name.strip()
    user.locale = locale
    db.session.flush()


def change_password(user: User, new_password: str) -> None:
    """Set a new password (the caller has checked the current one)."""
    user.password_hash = hash_password(new_password)
    db.session.flush()


def password_matches(user: User, password: str) -> bool:
    return verify_password(user.password_hash, password)


def _email_change_state(user: User) -> str:
    return fingerprint("email", user.id, user.email, user.password_hash)


def request_email_change(user: User, new_email: str) -> None:
    """Mail a confirmation link to the new address; nothing changes until it is followed."""
    new_email = normalise_email(new_email)
    if email_taken(new_email, except_user=user):
        raise EmailTaken(new_email)
    token = make_token(
        Purpose.CHANGE_EMAIL,
        {"uid": user.id, "email": new_email, "fp": _email_change_state(user)},
    )
    link = url_for("accounts.confirm_email", token=token, lang=user.locale, _external=True)
    send_mail(new_email, "email_change", user.locale, user=user, new_email=new_email, link=link)


def pending_email_change(token: str) -> tuple[User, str]:
    """The account and the new address of a valid, unused change link."""
    payload = read_token(Purpose.CHANGE_EMAIL, token)
    user = _user_of(payload)
    new_email = payload.get("email")
    if not isinstance(new_email, str) or payload.get("fp") != _email_change_state(user):
        raise TokenUsed
    return user, new_email


def confirm_email_change(token: str) -> User:
    """Switch to the address the link was sent to, mark it confirmed, tell the old address."""
    user, new_email = pending_email_change(token)
    if email_taken(new_email, except_user=user):
        raise EmailTaken(new_email)
    old_email = user.email
    user.email = new_email
    user.email_verified_at = utcnow()
    db.session.flush()
    send_mail(old_email, "email_changed", user.locale, user=user, new_email=new_email)
    return user


# --- own data and deletion -------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_data(user: User) -> dict[str, Any]:
    """Everything the portal keeps about the account, as plain JSON data (GDPR Art. 15, 20)."""
    postings = db.session.scalars(
        sa.select(Posting)
        .where(sa.or_(Posting.created_by_id == user.id, Posting.updated_by_id == user.id))
        .order_by(Posting.id)
    )
    actions = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.actor_id == user.id).order_by(AuditEvent.at)
    )
    return {
        "exported_at": utcnow().isoformat(),
        "account": {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role.value,
            "language": user.locale,
            "email_verified_at": _iso(user.email_verified_at),
            "active": user.active,
            "created_at": _iso(user.created_at),
        },
        "logins": {"last_login_at": _iso(user.last_login_at)},
        "memberships": [
            {
                "organisation": {"id": m.organisation.id, "name": m.organisation.name},
                "role": m.role.value,
                "approved": m.approved,
                "since": _iso(m.created_at),
            }
            for m in user.memberships
        ],
        "postings": [
            {
                "id": p.id,
                "organisation_id": p.organisation_id,
                "status": p.status.value,
                "titles": {t.lang: t.title for t in p.texts},
                "created_by_you": p.created_by_id == user.id,
                "last_updated_by_you": p.updated_by_id == user.id,
                "created_at": _iso(p.created_at),
                "updated_at": _iso(p.updated_at),
            }
            for p in postings
        ],
        "actions": [
            {
                "at": _iso(e.at),
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
            }
            for e in actions
        ],
    }


def sole_owned_organisations(user: User) -> list[Organisation]:
    """Organisations that would be left without an owner if the account went away."""
    blocking = []
    for membership in user.memberships:
        if membership.role != MembershipRole.OWNER or not membership.approved:
            continue
        org = membership.organisation
        if not any(other.id != user.id for other in owners_of(org)):
            blocking.append(org)
    return sorted(blocking, key=lambda org: org.name.lower())


def delete_account(user: User) -> None:
    """Delete the account: memberships go with it, postings stay with their organisation and
    lose their author (the foreign keys say SET NULL). Raises LastOwner when an organisation
    would be left without an owner."""
    blocking = sole_owned_organisations(user)
    if blocking:
        raise LastOwner(blocking)
    # The event names the object only: no address or name survives the account.
    audit.record(None, "account.deleted", user, role=user.role.value)
    db.session.delete(user)
    db.session.flush()


# --- command line ----------------------------------------------------------------------------


def create_user(email: str, role: Role, name: str, password: str) -> User:
    """A confirmed account made by an operator (`flask portal create-user`); raises EmailTaken."""
    if email_taken(email):
        raise EmailTaken(email)
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        role=role,
        password_hash=hash_password(password),
        email_verified_at=utcnow(),
    )
    db.session.add(user)
    db.session.flush()
    return user
