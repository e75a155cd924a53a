"""Flask extensions, created once here and bound to the app in `create_app`."""

from contextvars import ContextVar
from typing import Any

from flask import Flask, current_app, has_app_context
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so Alembic can alter them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()

_LIMITER_STATE = "portal.limiter"
_limiter_initialising: ContextVar[bool] = ContextVar("limiter_initialising", default=False)


def _per_app(name: str) -> property:
    """An attribute of the limiter that each app keeps for itself in `app.extensions`."""

    def get(self: Limiter) -> Any:
        if has_app_context() and not _limiter_initialising.get():
            state = current_app.extensions.get(_LIMITER_STATE)
            if state is not None:
                return state[name]
        return self.__dict__.get(name)

    def set(self: Limiter, value: Any) -> None:
        self.__dict__[name] = value

    return property(get, set)


class AppLimiter(Limiter):
    """Flask-Limiter with its on/off switch and its storage kept per app.

    Flask-Limiter 4 stores `enabled`, the storage and the strategy object on the extension
    itself, so with one module-level limiter every `create_app()` would switch every earlier
    app to the newest app's settings (the tests build several apps in one process; a second
    app with limits on would start limiting the first). The limits declared with
    `@limiter.limit` stay on this one object — they are code, the same for every app — while
    `init_app` files the app's own switch and storage under `app.extensions`, and the
    attributes below read them back through `current_app`. (Settings Flask-Limiter reads only
    once — strategy, headers — come from the first app with limits on; our configs agree.)
    """

    enabled = _per_app("enabled")
    _storage = _per_app("_storage")
    _limiter = _per_app("_limiter")

    def init_app(self, app: Flask) -> None:
        app.config.setdefault("RATELIMIT_ENABLED", True)  # not the previous app's choice
        token = _limiter_initialising.set(True)  # read and write the plain attributes meanwhile
        try:
            super().init_app(app)
            enabled = bool(self.__dict__["enabled"])
            app.extensions[_LIMITER_STATE] = {
                "enabled": enabled,
                "_storage": self.__dict__.get("_storage") if enabled else None,
                "_limiter": self.__dict__.get("_limiter") if enabled else None,
            }
        finally:
            _limiter_initialising.reset(token)


limiter = AppLimiter(key_func=get_remote_address)
