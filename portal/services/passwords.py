"""Password hashing (argon2id) and the password rules of DESIGN §7.

The argon2 parameters come from the `PASSWORD_HASH_PROFILE` setting (one of argon2-cffi's
profiles). When it changes, hashes made with the old parameters are replaced at the next
successful login (`needs_rehash`).
"""

from __future__ import annotations

import re
from functools import cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from portal.services.common_passwords import PASSWORDS

MIN_LENGTH = 10
MAX_LENGTH = 200  # argon2 takes any length; a bound keeps a megabyte "password" from costing CPU
PROFILES = {
    "RFC_9106_LOW_MEMORY": profiles.RFC_9106_LOW_MEMORY,
    "RFC_9106_HIGH_MEMORY": profiles.RFC_9106_HIGH_MEMORY,
    "CHEAPEST": profiles.CHEAPEST,  # tests only: fast and weak
}
_AFFIXES = re.compile(r"^[\d\W_]+|[\d\W_]+$")


@cache
def _hasher_for(profile: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(PROFILES[profile])


def hasher() -> PasswordHasher:
    return _hasher_for(current_app.config.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY"))


@cache
def _dummy_hash(profile: str) -> str:
    return _hasher_for(profile).hash("not the password of anyone")


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches. Without a hash a dummy one is checked, so that a login for
    an unknown address takes as long as one for a known address."""
    profile = current_app.config.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY")
    try:
        hasher().verify(stored_hash or _dummy_hash(profile), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored_hash is not None


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with other parameters than the configured ones."""
    try:
        return hasher().check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def is_common(password: str) -> bool:
    """True for a password from the common-password list, also with digits or symbols around it
    ("Passwort123!", "sommer2024") or made of one or two characters repeated."""
    candidate = password.strip().lower()
    if candidate in PASSWORDS or len(set(candidate)) <= 2:
        return True
    base = _AFFIXES.sub("", candidate)
    return len(base) >= 4 and base in PASSWORDS
