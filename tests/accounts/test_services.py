"""The rules under the pages: common passwords, hashing, tokens, safe redirects."""

from __future__ import annotations

import pytest

from portal.security import is_safe_redirect
from portal.services import passwords, tokens
from portal.services.common_passwords import PASSWORDS


def test_the_list_has_about_a_thousand_entries_with_german_ones():
    assert len(PASSWORDS) >= 1000
    assert {"passwort123", "hallo123", "qwertz", "schalke04", "ichliebedich"} <= PASSWORDS
    assert all(word == word.lower() for word in PASSWORDS)


@pytest.mark.parametrize(
    "password",
    ["password123", "Passwort123", "PASSWORT123!", "qwertzuiop", "Sommer2024!", "1234567890",
     "  iloveyou123 ", "aaaaaaaaaaaa", "abababababab", "!!Schalke04!!", "dragon123456"],
)  # fmt: skip
def test_common_passwords(password):
    assert passwords.is_common(password)


@pytest.mark.parametrize(
    "password",
    ["Lichtleiter im Saaletal", "correct horse battery staple", "Optik-Jena-Beutenberg-7",
     "k8#Tq!v2Lz9@", "Sommer in Weimar 2024"],
)  # fmt: skip
def test_uncommon_passwords(password):
    assert not passwords.is_common(password)


def test_hash_and_verify(app):
    with app.app_context():
        hashed = passwords.hash_password("Lichtleiter im Saaletal")
        assert hashed.startswith("$argon2id$")
        assert passwords.verify_password(hashed, "Lichtleiter im Saaletal")
        assert not passwords.verify_password(hashed, "Lichtleiter im Saaletal ")
        assert not passwords.verify_password("not a hash", "x")
        assert passwords.needs_rehash("not a hash")


def test_hashes_follow_the_configured_profile(app, monkeypatch):
    with app.app_context():
        cheap = passwords.hash_password("Lichtleiter im Saaletal")
        monkeypatch.setitem(app.config, "PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY")
        assert passwords.needs_rehash(cheap)
        strong = passwords.hash_password("Lichtleiter im Saaletal")
        assert "m=65536,t=3,p=4" in strong
        assert not passwords.needs_rehash(strong)
        assert passwords.verify_password(cheap, "Lichtleiter im Saaletal")  # old ones still work


def test_unknown_hash_profile_stops_the_start(tmp_path):
    from portal import create_app
    from portal.config import ConfigError

    with pytest.raises(ConfigError, match="PASSWORD_HASH_PROFILE"):
        create_app(
            {"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": "sqlite://",
             "SEARCH_INDEX_DIR": str(tmp_path), "PASSWORD_HASH_PROFILE": "FASTEST"}
        )  # fmt: skip


def test_tokens_are_bound_to_their_purpose(app):
    with app.app_context():
        token = tokens.make_token(tokens.Purpose.RESET_PASSWORD, {"uid": 1})
        assert tokens.read_token(tokens.Purpose.RESET_PASSWORD, token) == {"uid": 1}
        with pytest.raises(tokens.TokenInvalid):
            tokens.read_token(tokens.Purpose.VERIFY_EMAIL, token)
        with pytest.raises(tokens.TokenInvalid):
            tokens.read_token(tokens.Purpose.RESET_PASSWORD, token + "x")


def test_token_payload_must_be_an_object(app):
    with app.app_context():
        token = tokens.make_token(tokens.Purpose.VERIFY_EMAIL, ["not", "a", "dict"])  # type: ignore[arg-type]
        with pytest.raises(tokens.TokenInvalid):
            tokens.read_token(tokens.Purpose.VERIFY_EMAIL, token)


def test_fingerprint_changes_with_the_state():
    assert tokens.fingerprint("a", 1, None) == tokens.fingerprint("a", 1, None)
    assert tokens.fingerprint("a", 1, None) != tokens.fingerprint("a", 1, "2024")
    assert len(tokens.fingerprint("x")) == 20


@pytest.mark.parametrize(
    ("target", "safe"),
    [
        ("/en/jobs?q=laser", True),
        ("jobs", True),
        ("http://portal.test/en/jobs", True),
        ("https://portal.test/en/", True),
        ("", False),
        (None, False),
        ("//evil.example", False),
        ("///evil.example", False),
        (" //evil.example", False),
        ("/\\evil.example", False),
        ("http:///evil.example", False),
        ("https:evil.example", False),
        ("https://evil.example/", False),
        ("http://portal.test.evil.example/", False),
        ("javascript:alert(1)", False),
        ("/en/\x00jobs", False),
        ("/en/\njobs", False),
    ],
)
def test_is_safe_redirect(app, target, safe):
    with app.test_request_context("/en/", base_url="http://portal.test"):
        assert is_safe_redirect(target) is safe
