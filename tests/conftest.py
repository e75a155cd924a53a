"""Shared fixtures: one app per test session, one rolled-back transaction per test.

The schema is built by the Alembic migrations, so every run also tests them. Set
TEST_DATABASE_URL to run the suite on PostgreSQL; without it a SQLite file is used.
"""

from __future__ import annotations

import contextvars
import os
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from flask_login.utils import _create_identifier
from flask_migrate import upgrade

from portal import create_app
from portal.extensions import db as _db


class IsolatedClient(FlaskClient):
    """Runs each request in a fresh context, as a server would.

    Without this, a request reuses the test's app context, and `g` (the locale, the logged-in
    user) would leak from one request to the next.
    """

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.login(user)

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)

    def login(self, user) -> None:
        """Log `user` in as Flask-Login would, fit for `session_protection = "strong"`."""
        # The identifier hashes the client's address and user agent: compute it in a request
        # that looks like this client's (session_transaction pushes no request context).
        with self.application.test_request_context(environ_base=self.environ_base):
            identifier = _create_identifier()
            user_id = user.get_id()
        with self.session_transaction() as session:
            session["_user_id"] = user_id
            session["_fresh"] = True
            session["_id"] = identifier


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("portal")
    database_url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{base / 'test.db'}"
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SEARCH_INDEX_DIR": str(base / "index"),
            "UPLOAD_DIR": str(base / "uploads"),
            "MAIL_OUTBOX_DIR": str(base / "outbox"),
            "SERVER_NAME": "portal.test",
        }
    )
    app.test_client_class = IsolatedClient
    with app.app_context():
        if database_url.startswith("postgresql"):
            _db.drop_all()
            with _db.engine.begin() as conn:
                conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
        upgrade()
    return app


@pytest.fixture(autouse=True)
def db(app, tmp_path: Path):
    """The database inside a transaction that is rolled back after the test.

    The session joins the outer transaction with savepoints, so code under test may commit
    and roll back as it does in production. Each test gets its own search index directory.
    """
    with app.app_context():
        engines = _db.engines
        connection = engines[None].connect()
        transaction = connection.begin()
        original = engines[None]
        engines[None] = connection
        _db.session.remove()
        _db.session.configure(join_transaction_mode="create_savepoint")
        app.config["SEARCH_INDEX_DIR"] = str(tmp_path / "index")
        app.config["MAIL_OUTBOX_DIR"] = str(tmp_path / "outbox")
        app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
        try:
            yield _db
        finally:
            _db.session.remove()
            transaction.rollback()
            connection.close()
            engines[None] = original


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def client_for(app):
    """`client_for(user)`: a test client logged in as `user` (None: anonymous)."""
    return lambda user=None: app.test_client(user=user)


@pytest.fixture
def organisation():
    from tests.factories import OrganisationFactory

    return OrganisationFactory()


@pytest.fixture
def owner(organisation):
    """An employer who owns `organisation`."""
    from portal.models import MembershipRole
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=organisation, role=MembershipRole.OWNER).user


@pytest.fixture
def editor(organisation):
    """An employer who edits for `organisation` but does not own it."""
    from portal.models import MembershipRole
    from tests.factories import MembershipFactory

    return MembershipFactory(organisation=organisation, role=MembershipRole.EDITOR).user


@pytest.fixture
def other_employer():
    """The owner of another organisation: must never see `organisation`'s objects."""
    from portal.models import MembershipRole
    from tests.factories import MembershipFactory

    return MembershipFactory(role=MembershipRole.OWNER).user


@pytest.fixture
def staff():
    from portal.models import Role
    from tests.factories import UserFactory

    return UserFactory(role=Role.STAFF)


@pytest.fixture
def admin():
    from portal.models import Role
    from tests.factories import UserFactory

    return UserFactory(role=Role.ADMIN)
