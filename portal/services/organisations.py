"""Organisations as the public sees them, and as their owners and editors manage them."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.extensions import db
from portal.models import (
    ApiToken,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
    Posting,
    PostingStatus,
    User,
)
from portal.services import audit
from portal.services.postings import is_public_clause


def public_organisations(kind: OrganisationKind | None = None) -> list[tuple[Organisation, int]]:
    """Approved organisations with their number of open postings, busiest first."""
    open_count = (
        sa.select(sa.func.count(Posting.id))
        .where(Posting.organisation_id == Organisation.id, is_public_clause())
        .correlate(Organisation)
        .scalar_subquery()
    )
    stmt = sa.select(Organisation, open_count).where(
        Organisation.status == OrganisationStatus.APPROVED
    )
    if kind is not None:
        stmt = stmt.where(Organisation.kind == kind)
    stmt = stmt.order_by(open_count.desc(), Organisation.name)
    return [(org, count) for org, count in db.session.execute(stmt)]


def get_public_organisation(slug: str) -> Organisation | None:
    return db.session.scalar(
        sa.select(Organisation).where(
            Organisation.slug == slug, Organisation.status == OrganisationStatus.APPROVED
        )
    )


# --- the employer's organisation ---------------------------------------------------------------

INVITE_SALT = "portal.team-invite"
INVITE_MAX_AGE = 14 * 24 * 3600  # an invitation link works for two weeks


class TeamError(Exception):
    """A team change that is not allowed; `message` is translated, `status_code` 4xx."""

    def __init__(self, message: Any, status_code: int = 409) -> None:
        super().__init__(str(message))
        self.message = message
        self.status_code = status_code


def approved_memberships(user: User) -> list[Membership]:
    """The user's confirmed memberships, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.user_id == user.id, Membership.approved)
            .order_by(Membership.id)
        )
    )


def pending_memberships(user: User) -> list[Membership]:
    """Join requests of the user that owners have not decided yet."""
    return list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.user_id == user.id, Membership.approved.is_(False))
            .order_by(Membership.id)
        )
    )


def current_membership(user: User, preferred_org_id: int | None = None) -> Membership | None:
    """The membership the employer area works in: the chosen organisation, else the first."""
    memberships = approved_memberships(user)
    for membership in memberships:
        if membership.organisation_id == preferred_org_id:
            return membership
    return memberships[0] if memberships else None


PROFILE_FIELDS = (
    "name",
    "kind",
    "website",
    "city",
    "postcode",
    "employees",
    "founded_year",
    "description_de",
    "description_en",
    "benefits",
)


def update_profile(organisation: Organisation, values: dict[str, Any], actor: User) -> list[str]:
    """Change the profile fields an employer may edit (not status, member flag or trust)."""
    changed = []
    for name in PROFILE_FIELDS:
        if name in values and getattr(organisation, name) != values[name]:
            setattr(organisation, name, values[name])
            changed.append(name)
    if changed:
        audit.record(actor, "organisation.update", organisation, fields=changed)
    db.session.flush()
    return changed


def replace_logo(organisation: Organisation, name: str | None, actor: User) -> str | None:
    """Point the organisation at a new logo file (or none); returns the old file's name.

    The caller deletes the old file only after the commit, so a failed commit loses nothing.
    """
    old = organisation.logo
    organisation.logo = name
    audit.record(actor, "organisation.logo", organisation, before=old, after=name)
    return old


# --- team ----------------------------------------------------------------------------------


def organisation_membership(organisation: Organisation, membership_id: int) -> Membership | None:
    """A membership (or join request) of `organisation`; None for anyone else's."""
    return db.session.scalar(
        sa.select(Membership).where(
            Membership.id == membership_id, Membership.organisation_id == organisation.id
        )
    )


def team(organisation: Organisation) -> tuple[list[Membership], list[Membership]]:
    """(members, open join requests), owners first."""
    rows = list(
        db.session.scalars(
            sa.select(Membership)
            .where(Membership.organisation_id == organisation.id)
            .order_by(Membership.role.desc(), Membership.id)
        )
    )
    return [m for m in rows if m.approved], [m for m in rows if not m.approved]


def _owners(organisation: Organisation) -> list[Membership]:
    return [m for m in organisation.memberships if m.approved and m.role == MembershipRole.OWNER]


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=INVITE_SALT)


def invite_token(organisation: Organisation, email: str, inviter: User) -> str:
    return _serializer().dumps({"o": organisation.id, "e": email.strip().lower(), "by": inviter.id})


def read_invite(token: str) -> tuple[Organisation, str]:
    """The organisation and email address of a valid invitation; TeamError otherwise."""
    try:
        data = _serializer().loads(token, max_age=INVITE_MAX_AGE)
    except SignatureExpired:
        raise TeamError(_l("This invitation has expired. Please ask for a new one."), 400) from None
    except BadSignature:
        raise TeamError(_l("This invitation link is not valid."), 400) from None
    organisation = db.session.get(Organisation, data.get("o")) if isinstance(data, dict) else None
    if organisation is None or not isinstance(data.get("e"), str):
        raise TeamError(_l("This invitation link is not valid."), 400)
    return organisation, data["e"]


def _user_by_email(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email.strip().lower()))


def invite(organisation: Organisation, email: str, actor: User, lang: str) -> str:
    """Owners invite an editor. Returns "added", "approved", "member" or "invited".

    An address with an account becomes a member at once (and is told by mail); an open join
    request of that person is approved; any other address gets a signed link to register
    and accept.
    """
    from portal.services.mail import send_mail

    email = email.strip().lower()
    user = _user_by_email(email)
    if user is None:
        token = invite_token(organisation, email, actor)
        send_mail(
            email,
            "team_invite",
            lang,
            organisation=organisation,
            inviter=actor,
            url=url_for("employer.accept_invite", token=token, lang=lang, _external=True),
        )
        audit.record(actor, "membership.invite", organisation, email=email)
        return "invited"
    membership = db.session.scalar(
        sa.select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id
        )
    )
    if membership is not None and membership.approved:
        return "member"
    if membership is not None:
        approve_request(membership, actor)
        return "approved"
    membership = Membership(
        user=user, organisation=organisation, role=MembershipRole.EDITOR, approved=True
    )
    db.session.add(membership)
    db.session.flush()
    audit.record(actor, "membership.add", membership, after="editor", user=user.id)
    send_mail(
        user.email,
        "team_added",
        user.locale,
        user=user,
        organisation=organisation,
        inviter=actor,
    )
    return "added"


def accept_invite(token: str, user: User) -> Membership:
    """The invited person, logged in with the invited address, joins as an editor."""
    organisation, email = read_invite(token)
    if user.email != email:
        raise TeamError(
            _l(
                "This invitation was sent to another email address. Please log in with the "
                "address that received it."
            ),
            403,
        )
    membership = db.session.scalar(
        sa.select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id
        )
    )
    if membership is None:
        membership = Membership(
            user=user, organisation=organisation, role=MembershipRole.EDITOR, approved=True
        )
        db.session.add(membership)
    elif not membership.approved:
        membership.approved = True
    else:
        return membership
    db.session.flush()
    audit.record(user, "membership.accept_invite", membership, after=membership.role)
    return membership


def approve_request(membership: Membership, actor: User) -> Membership:
    """An owner lets a person who asked to join in (as an editor); they are told by mail."""
    from portal.services.mail import send_mail

    if membership.approved:
        raise TeamError(_l("This request has already been decided."))
    membership.approved = True
    db.session.flush()
    audit.record(actor, "membership.approve", membership, before=False, after=True)
    send_mail(
        membership.user.email,
        "team_join_approved",
        membership.user.locale,
        user=membership.user,
        organisation=membership.organisation,
    )
    return membership


def decline_request(membership: Membership, actor: User) -> None:
    """An owner turns a join request down; the request is removed and the person told."""
    from portal.services.mail import send_mail

    if membership.approved:
        raise TeamError(_l("This request has already been decided."))
    user, organisation = membership.user, membership.organisation
    audit.record(actor, "membership.decline", membership, user=user.id)
    db.session.delete(membership)
    db.session.flush()
    send_mail(user.email, "team_join_declined", user.locale, user=user, organisation=organisation)


def remove_member(membership: Membership, actor: User) -> None:
    """Remove a member (an owner removing others, or anyone leaving); never the last owner."""
    if membership.role == MembershipRole.OWNER and _owners(membership.organisation) == [membership]:
        raise TeamError(
            _l("The last owner cannot leave the organisation. Make another member an owner first.")
        )
    audit.record(actor, "membership.remove", membership, before=membership.role)
    organisation = membership.organisation
    db.session.delete(membership)
    db.session.flush()
    db.session.expire(organisation, ["memberships"])


def set_role(membership: Membership, role: MembershipRole, actor: User) -> Membership:
    """Make a member an owner (hand over ownership) or an editor; one owner always remains."""
    if not membership.approved:
        raise TeamError(_l("Approve the request before you change the role."))
    if membership.role == role:
        return membership
    if role == MembershipRole.EDITOR and _owners(membership.organisation) == [membership]:
        raise TeamError(
            _l("The organisation needs at least one owner. Make another member an owner first.")
        )
    before = membership.role
    membership.role = role
    db.session.flush()
    audit.record(actor, "membership.role", membership, before=before, after=role)
    return membership


# --- deleting an organisation ------------------------------------------------------------------


def delete_organisation(organisation: Organisation, actor: User) -> tuple[bool, str | None]:
    """The owner deletes their organisation. Returns (row deleted?, logo file to remove).

    Postings that were never public (drafts, submitted, rejected) are deleted. If none was
    ever public, the organisation is deleted as a whole. Otherwise its published postings are
    closed through the status machine and the organisation is kept as a suspended,
    memberless record without logo or profile text: closed postings keep their "no longer
    open" pages, and reports and the audit trail (DSA) keep pointing at something.
    Memberships and API tokens go in both cases.
    """
    from portal.services import postings as posting_service

    logo = organisation.logo
    kept = 0
    for posting in list(organisation.postings):
        if posting.status == PostingStatus.PUBLISHED:
            posting_service.close(posting, actor)
        if posting_service.was_public(posting):
            kept += 1
        else:
            audit.record(actor, "posting.delete", posting, before=posting.status)
            db.session.delete(posting)
    for token in db.session.scalars(
        sa.select(ApiToken).where(ApiToken.organisation_id == organisation.id)
    ):
        db.session.delete(token)
    organisation.memberships.clear()  # delete-orphan: the rows go with the flush
    db.session.flush()
    db.session.expire(organisation, ["postings"])
    if not kept:
        audit.record(actor, "organisation.delete", organisation, before=organisation.status)
        db.session.delete(organisation)
        db.session.flush()
        return True, logo
    before = organisation.status
    organisation.status = OrganisationStatus.SUSPENDED
    organisation.auto_publish = False
    organisation.logo = None
    organisation.description_de = ""
    organisation.description_en = ""
    organisation.benefits = []
    audit.record(
        actor,
        "organisation.delete",
        organisation,
        before=before,
        after=OrganisationStatus.SUSPENDED,
        kept_postings=kept,
    )
    db.session.flush()
    return False, logo
