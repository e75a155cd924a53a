"""Configuration classes, read from the environment (DESIGN §11).

`PORTAL_ENV` picks the class: `production` (the default, so a forgotten variable means strict),
`development` (what `make run` sets) or `testing`.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """The configuration cannot work; the message is one clear line for the operator."""


class Config:
    ENV_NAME = "production"
    SECRET_KEY = os.environ.get("SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # default set in create_app
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    if (os.environ.get("DATABASE_URL") or "").startswith("postgres"):
        SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "connect_args": {"connect_timeout": 5}}
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR")  # default: instance/index
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR")  # default: instance/uploads
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "outbox")
    MAIL_OUTBOX_DIR = os.environ.get("MAIL_OUTBOX_DIR")  # default: instance/outbox
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "") in {"1", "true", "yes"}
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "Photonik Karriere <noreply@photonik-karriere.de>")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Reverse proxies in front of the app whose X-Forwarded-For/-Proto are believed: nginx
    # (docs/operations.md). Without it every visitor is 127.0.0.1 to the rate limits.
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "1"))
    SERVER_NAME = os.environ.get("SERVER_NAME")
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "https")
    BABEL_DEFAULT_LOCALE = "de"
    BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    LANGUAGES = ("de", "en")
    MAX_CONTENT_LENGTH = 4 * 1024 * 1024
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    # argon2-cffi profile for password hashes; a change rehashes each password at its next login
    PASSWORD_HASH_PROFILE = os.environ.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY")
    WTF_CSRF_TIME_LIMIT = None
    HSTS = True
    POSTINGS_PER_PAGE = 20
    POSTING_LIFETIME_DAYS = 60
    SITE_NAME = "Photonik Karriere"


class DevelopmentConfig(Config):
    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    PREFERRED_URL_SCHEME = "http"
    HSTS = False
    DEBUG = False  # `make run` serves without the debugger: it would need inline script
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))  # `make run`: no proxy


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    PREFERRED_URL_SCHEME = "http"
    HSTS = False
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    PASSWORD_HASH_PROFILE = "CHEAPEST"  # fast hashes: the suite hashes hundreds of passwords
    TRUSTED_PROXIES = 0
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL")


CONFIGS: dict[str, type[Config]] = {
    "production": Config,
    "development": DevelopmentConfig,
    "testing": TestingConfig,
}


def config_for(env_name: str | None = None) -> Config:
    name = env_name or os.environ.get("PORTAL_ENV", "production")
    try:
        return CONFIGS[name]()
    except KeyError:
        raise ConfigError(
            f"PORTAL_ENV={name!r} is unknown; use one of {sorted(CONFIGS)}."
        ) from None
