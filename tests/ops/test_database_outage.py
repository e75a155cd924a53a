"""The database goes away while the portal serves, and comes back (DESIGN §11, issue #8).

Pages answer a translated 503, the API a problem+json 503, /healthz says which part failed;
when the database is back, the same app object serves again (`pool_pre_ping` replaces the
dead pooled connections), without a restart.

On PostgreSQL (TEST_DATABASE_URL) the outage is real: the app talks to the server through a
TCP relay that the test cuts — every open connection is dropped and new ones are closed at
once, as when PostgreSQL crashes or restarts. On SQLite the database file is moved away and
a directory put in its place, so opening it fails for real ("unable to open database file";
chmod would not stop root, who runs CI).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask import Flask

from portal.extensions import db
from tests.factories import OrganisationFactory, PostingFactory
from tests.ops.support import ScratchDatabases, TcpProxy, app_for, postgres_url

PAGES = ["/de/", "/de/jobs", "/en/jobs?q=laser", "/en/organisations", "/de/trainings"]


def serve(app: Flask) -> Flask:
    """Give the app's empty database one public posting, so every page needs the database."""
    with app.app_context():
        db.create_all()
        organisation = OrganisationFactory(slug="lichtblick", name="Lichtblick Optik GmbH")
        posting = PostingFactory(organisation=organisation, texts={"de": "Laseringenieur*in"})
        db.session.commit()
        app.config["TEST_POSTING"] = f"/de/jobs/{posting.id}"
    return app


def assert_serving(app: Flask) -> None:
    client = app.test_client()
    for path in [*PAGES, app.config["TEST_POSTING"]]:
        response = client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
    assert client.get("/api/v1/postings").json["items"]
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json["database"] == "ok"


def assert_outage_answers(app: Flask) -> None:
    client = app.test_client()
    german = client.get("/de/jobs")
    assert german.status_code == 503
    assert "vorübergehend nicht erreichbar" in german.get_data(as_text=True)
    english = client.get("/en/")
    assert english.status_code == 503
    assert "temporarily unavailable" in english.get_data(as_text=True)
    assert 'lang="en"' in english.get_data(as_text=True)
    assert client.get(app.config["TEST_POSTING"]).status_code == 503
    api = client.get("/api/v1/postings")
    assert api.status_code == 503
    assert api.headers["Content-Type"] == "application/problem+json"
    assert api.json["status"] == 503
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["database"] == "unavailable" and health.json["status"] == "degraded"


def test_postgresql_outage_and_recovery_through_a_cut_connection(tmp_path):
    url = postgres_url()
    scratch = ScratchDatabases(url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    try:
        database = scratch.create("outage")
        relayed = database.set(host="127.0.0.1", port=proxy.port)
        served = serve(
            app_for(
                tmp_path,
                relayed.render_as_string(hide_password=False),
                SQLALCHEMY_ENGINE_OPTIONS={
                    "pool_pre_ping": True,
                    "connect_args": {"connect_timeout": 3},
                },
            )
        )
        assert_serving(served)  # also builds the search index while the database is there
        proxy.cut()
        assert_outage_answers(served)
        assert_outage_answers(served)  # still failing fast, nothing stuck half-open
        proxy.restore()
        assert_serving(served)  # the same app object: no restart
        with served.app_context():
            db.engine.dispose()
    finally:
        proxy.close()
        scratch.close()


def _move_away(database: Path, aside: Path) -> None:
    aside.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{database}{suffix}")
        if source.exists():
            os.replace(source, aside / source.name)
    database.mkdir()  # a directory where the file was: opening it fails


def _move_back(database: Path, aside: Path) -> None:
    database.rmdir()
    for path in aside.iterdir():
        os.replace(path, database.parent / path.name)


@pytest.fixture
def sqlite_app(tmp_path):
    return serve(app_for(tmp_path / "served"))


def test_sqlite_outage_and_recovery_when_the_file_cannot_be_opened(sqlite_app, tmp_path):
    database = Path(sqlite_app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    assert_serving(sqlite_app)
    with sqlite_app.app_context():
        # SQLite keeps an open file working after it is moved: drop the pooled connections,
        # as a crashed server would.
        db.engine.dispose()
    _move_away(database, tmp_path / "aside")
    try:
        assert_outage_answers(sqlite_app)
    finally:
        _move_back(database, tmp_path / "aside")
    assert_serving(sqlite_app)
