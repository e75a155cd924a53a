"""Photonik Karriere: the talent and career portal of the photonics cluster of Thuringia."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from portal.config import Config, config_for

MAX_ID = 2**31 - 1


def create_app(config: Config | dict[str, Any] | None = None) -> Flask:
    """The app factory: configuration, extensions, blueprints, hooks."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    _configure(app, config)
    app.url_map.converters["id"] = IdConverter
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies > 0:
        # Behind nginx every request arrives from 127.0.0.1: the rate limits would count all
        # visitors as one, and ten wrong passwords by anyone would lock everyone out.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    from portal import cli, errors, i18n, models, request_log, security, templating  # noqa: F401
    from portal.extensions import babel, csrf, db, limiter, login_manager, migrate
    from portal.services import search

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(app.root_path).parent / "migrations"), render_as_batch=True
    )
    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = "strong"

    with app.app_context():
        _tune_sqlite(db.engine)
        if app.config["ENV_NAME"] == "production":
            _check_production(app, db.engine)
    i18n.init_app(app)
    security.init_app(app)
    request_log.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    search.init_app(app)
    cli.init_app(app)
    _register_blueprints(app)
    return app


def _configure(app: Flask, config: Config | dict[str, Any] | None) -> None:
    overrides = config if isinstance(config, dict) else {}
    base = config if isinstance(config, Config) else config_for(overrides.get("ENV_NAME"))
    app.config.from_object(base)
    app.config.update(overrides)
    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_DATABASE_URI"] = _database_url(
        app.config.get("SQLALCHEMY_DATABASE_URI"), instance
    )
    app.config["SEARCH_INDEX_DIR"] = app.config.get("SEARCH_INDEX_DIR") or str(instance / "index")
    app.config["UPLOAD_DIR"] = app.config.get("UPLOAD_DIR") or str(instance / "uploads")
    app.config["MAIL_OUTBOX_DIR"] = app.config.get("MAIL_OUTBOX_DIR") or str(instance / "outbox")
    from portal.config import ConfigError

    # Templates, static files, translations and migrations live beside the package, not in it:
    # a plain `pip install .` copies only portal/ into site-packages, and every page would fail.
    templates = Path(app.root_path).parent / "templates"
    if not templates.is_dir():
        raise ConfigError(
            f"{templates} is missing: the portal runs from its source checkout; install it "
            "there with `pip install -e .` (docs/operations.md §2)."
        )
    if not app.config.get("SECRET_KEY"):
        raise ConfigError("SECRET_KEY is not set; the portal refuses to start without it.")


def _check_production(app: Flask, engine: sa.Engine) -> None:
    """Refuse to start in production with settings that would fail later or quietly."""
    from portal.config import ConfigError

    if app.config["SECRET_KEY"] == "dev-only-not-secret":
        raise ConfigError("SECRET_KEY is the development default; set a secret of your own.")
    if engine.dialect.name == "sqlite":
        raise ConfigError(
            "DATABASE_URL is not set (or points to SQLite); production needs PostgreSQL, e.g. "
            "DATABASE_URL=postgresql+psycopg://portal:…@localhost/portal"
        )
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        where = engine.url.render_as_string()  # the password is masked
        raise ConfigError(f"the database at {where} is unreachable: {reason}") from None
    finally:
        engine.dispose()  # no connection survives into forked gunicorn workers


def _database_url(url: str | None, instance: Path) -> str:
    if not url:
        return f"sqlite:///{instance / 'portal.db'}"
    # Hosting panels hand out postgres:// URLs; SQLAlchemy wants the driver named.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


_SQLITE_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|SAVEPOINT|CREATE|DROP|ALTER)\b", re.I)


def _tune_sqlite(engine: sa.Engine) -> None:
    """WAL, enforced foreign keys and working SAVEPOINTs on every SQLite connection.

    pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy's documented recipe
    turns it off and emits BEGIN itself. We emit it at a transaction's first write, as
    BEGIN IMMEDIATE: a transaction that had read first and then tried to write while another
    connection had committed fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT,
    which busy_timeout does not wait out) — a 503 under concurrent requests (found by
    bench/load.py with two gunicorn workers). Reads before the first write see the latest
    committed data, as each statement does under PostgreSQL's READ COMMITTED; writers queue
    for the lock for up to busy_timeout.
    """
    if engine.dialect.name != "sqlite":
        return

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _begin_at_first_write(
        connection: sa.Connection, cursor: Any, statement: str, *_args: Any
    ) -> None:
        if (
            not cursor.connection.in_transaction
            and connection.in_transaction()
            and _SQLITE_WRITE.match(statement)
        ):
            cursor.execute("BEGIN IMMEDIATE")


class IdConverter(IntegerConverter):
    """A database id: 1 to 2**31 - 1, the range of an INTEGER column on every database.

    Anything larger is simply no route (404), instead of an overflow inside PostgreSQL.
    """

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002  (Werkzeug's signature)
        super().__init__(map, min=1, max=MAX_ID)


def _register_blueprints(app: Flask) -> None:
    from portal.accounts import bp as accounts_bp
    from portal.alerts import bp as alerts_bp
    from portal.api import bp as api_bp
    from portal.employer import bp as employer_bp
    from portal.i18n import LANG_PREFIX
    from portal.public import bp as public_bp
    from portal.public import ops_bp
    from portal.public.embed import bp as embed_bp
    from portal.staff import bp as staff_bp

    app.register_blueprint(public_bp, url_prefix=LANG_PREFIX)
    app.register_blueprint(accounts_bp, url_prefix=f"{LANG_PREFIX}/account")
    app.register_blueprint(employer_bp, url_prefix=f"{LANG_PREFIX}/employer")
    app.register_blueprint(staff_bp, url_prefix=f"{LANG_PREFIX}/staff")
    app.register_blueprint(alerts_bp, url_prefix=f"{LANG_PREFIX}/alerts")
    app.register_blueprint(ops_bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(embed_bp, url_prefix=f"/embed{LANG_PREFIX}")


__all__ = ["create_app"]
