"""Signed, expiring links for mails (verify an address, reset a password, change the address).

A token is an itsdangerous `URLSafeTimedSerializer` payload signed with SECRET_KEY and a salt
per purpose, so a token made for one purpose is worthless for another. The signature and the
age are checked here; whether the token still fits the account (single use) is checked by the
caller against a `fingerprint` of the account state the token was made for.
"""

from __future__ import annotations

import enum
import hashlib
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer


class Purpose(enum.Enum):
    """What a token is good for, with its lifetime in seconds."""

    VERIFY_EMAIL = ("verify-email", 7 * 24 * 3600)
    RESET_PASSWORD = ("reset-password", 2 * 3600)
    CHANGE_EMAIL = ("change-email", 48 * 3600)

    @property
    def salt(self) -> str:
        return f"portal.{self.value[0]}"

    @property
    def max_age(self) -> int:
        return self.value[1]


class TokenError(Exception):
    """The link cannot be used; `reason` says why, for the page that explains it."""

    reason = "invalid"


class TokenInvalid(TokenError):
    reason = "invalid"


class TokenExpired(TokenError):
    reason = "expired"


class TokenUsed(TokenError):
    """Signed and in time, but the account has changed since: the link was used already."""

    reason = "used"


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=purpose.salt)


def make_token(purpose: Purpose, payload: dict[str, Any]) -> str:
    return _serializer(purpose).dumps(payload)


def read_token(purpose: Purpose, token: str) -> dict[str, Any]:
    """The payload of a valid, unexpired token; TokenExpired or TokenInvalid otherwise."""
    try:
        payload = _serializer(purpose).loads(token, max_age=purpose.max_age)
    except SignatureExpired as exc:
        raise TokenExpired from exc
    except BadSignature as exc:
        raise TokenInvalid from exc
    if not isinstance(payload, dict):
        raise TokenInvalid
    return payload


def fingerprint(*parts: object) -> str:
    """A short digest of account state: a token carrying it dies once that state changes.

    The token is signed, so the digest only has to change with the state, not be secret; it
    never carries the password hash itself.
    """
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode()).hexdigest()[:20]
