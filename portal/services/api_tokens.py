"""Per-organisation API tokens for the write API (applicant-tracking systems, DESIGN §2, §3).

A token is `pk_` followed by 32 random bytes (URL-safe base64, 256 bits). Only its SHA-256
digest is stored. A slow password hash (argon2) guards low-entropy secrets against guessing;
a 256-bit random token cannot be guessed, so a fast digest is as safe here — and it lets the
database find the token by an indexed, unique column in one lookup per request instead of
hashing against every stored token. The token is shown once, when it is made; a lost token
is revoked and replaced, never recovered.

A token acts as the member who created it (posting changes and audit events name that
person). It works while its creator is an active, approved member of the organisation: a
token does not outlive its creator's access.
"""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa

from portal.extensions import db
from portal.models import ApiToken, Membership, Organisation, User, utcnow
from portal.services import audit

TOKEN_PREFIX = "pk_"
NAME_MAX = 80
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


class TokenError(Exception):
    """A request's token is missing, malformed, unknown, revoked or orphaned.

    `detail` is for the API's problem answer (English); `error` is the RFC 6750 error code
    for the `WWW-Authenticate` header (None when no credentials were sent at all).
    """

    def __init__(self, detail: str, error: str | None = "invalid_token") -> None:
        super().__init__(detail)
        self.detail = detail
        self.error = error


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token_value() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def create_token(organisation: Organisation, name: str, actor: User) -> tuple[ApiToken, str]:
    """A new token of `organisation`; returns it with the secret, which is not kept."""
    value = new_token_value()
    token = ApiToken(
        organisation_id=organisation.id,
        name=name.strip()[:NAME_MAX],
        token_hash=hash_token(value),
        created_by_id=actor.id,
    )
    db.session.add(token)
    db.session.flush()
    audit.record(actor, "api_token.create", token, name=token.name)
    return token, value


def revoke_token(token: ApiToken, actor: User) -> bool:
    """Revoke for good; False when it was revoked already (nothing changes then)."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    audit.record(actor, "api_token.revoke", token, name=token.name)
    db.session.flush()
    return True


def organisation_tokens(organisation: Organisation) -> list[ApiToken]:
    """Every token of the organisation, active ones first, newest first."""
    return list(
        db.session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.organisation_id == organisation.id)
            .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id)
        )
    )


def organisation_token(organisation: Organisation, token_id: int) -> ApiToken | None:
    return db.session.scalar(
        sa.select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.organisation_id == organisation.id
        )
    )


def creators(tokens: list[ApiToken]) -> dict[int, User]:
    ids = {t.created_by_id for t in tokens if t.created_by_id is not None}
    if not ids:
        return {}
    return {u.id: u for u in db.session.scalars(sa.select(User).where(User.id.in_(ids)))}


def parse_authorization(header: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1)."""
    if not header or not header.strip():
        raise TokenError("Send your API token as 'Authorization: Bearer <token>'.", error=None)
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if scheme.lower() != "bearer" or not value or " " in value:
        raise TokenError("The Authorization header must be 'Bearer <token>'.", "invalid_request")
    return value


def authenticate(header: str | None) -> tuple[ApiToken, User]:
    """The token of the header and the member it acts as; marks it as used now.

    Raises TokenError for anything that is not a live token of a current member.
    """
    value = parse_authorization(header)
    well_formed = (
        value.startswith(TOKEN_PREFIX)
        and len(value) <= 100
        and set(value[len(TOKEN_PREFIX) :]) <= _TOKEN_CHARS
    )
    token = (
        db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == hash_token(value)))
        if well_formed
        else None
    )
    if token is None:
        raise TokenError("The token is not valid.")
    if token.revoked_at is not None:
        raise TokenError("The token has been revoked.")
    actor = _acting_member(token)
    if actor is None:
        raise TokenError(
            "The person who created this token is no longer a member of the organisation; "
            "an owner can create a new token."
        )
    token.last_used_at = utcnow()
    db.session.flush()
    return token, actor


def _acting_member(token: ApiToken) -> User | None:
    if token.created_by_id is None:
        return None
    return db.session.scalar(
        sa.select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            User.id == token.created_by_id,
            User.active.is_(True),
            Membership.organisation_id == token.organisation_id,
            Membership.approved.is_(True),
        )
    )
