"""Start-up checks, health, request logging and database outages (DESIGN §11)."""

import logging
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import create_app
from portal.config import ConfigError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "s3cret", "SQLALCHEMY_DATABASE_URI": None}, "production needs PostgreSQL"),
        ({"SECRET_KEY": "s3cret", "SQLALCHEMY_DATABASE_URI": "sqlite:///x.db"}, "PostgreSQL"),
        (
            {
                "SECRET_KEY": "s3cret",
                "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://portal:pw@127.0.0.1:9/none",
                "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}},
            },
            "unreachable",
        ),
    ],
)
def test_production_refuses_to_start_with_a_bad_configuration(settings, message):
    with pytest.raises(ConfigError, match=message):
        create_app({"ENV_NAME": "production", **settings})


def test_wsgi_entry_point_prints_one_line_and_exits_non_zero(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PORTAL_ENV": "production", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "photonik-karriere: configuration error: "
        "SECRET_KEY is not set; the portal refuses to start without it."
    ]


def test_portal_without_its_checkout_refuses_to_start(tmp_path):
    """A plain `pip install .` copies only portal/: no templates, static files, migrations."""
    import shutil

    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "portal", site / "portal", ignore=shutil.ignore_patterns("__pycache__"))
    code = "from portal import create_app; create_app({'ENV_NAME': 'testing'})"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"{site / 'templates'} is missing" in result.stderr
    assert "pip install -e ." in result.stderr


def test_production_password_is_not_printed():
    with pytest.raises(ConfigError) as caught:
        create_app(
            {
                "ENV_NAME": "production",
                "SECRET_KEY": "s3cret",
                "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://portal:topsecret@127.0.0.1:9/x",
                "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"connect_timeout": 2}},
            }
        )
    assert "topsecret" not in str(caught.value)


def test_healthz_reports_every_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "search": "ok", "mail": "ok"}


def test_healthz_degraded_when_outbox_is_not_writable(client, app, tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setitem(app.config, "MAIL_OUTBOX_DIR", str(blocked / "outbox"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["mail"] == "unavailable" and response.json["status"] == "degraded"


def test_healthz_checks_smtp(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "smtp")
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", 9)  # nothing listens there
    assert client.get("/healthz").json["mail"] == "unavailable"


def test_one_log_line_per_request_without_personal_data(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get(
            "/de/alerts/secret-token-123/unsubscribe?email=a@b.org",
            headers={"X-Request-ID": "abcdef123456"},
        )
    [record] = [r for r in caplog.records if r.name == "portal.requests"]
    line = record.getMessage()
    assert "id=abcdef123456" in line and "status=404" in line and "duration_ms=" in line
    assert "route=/<any(de,en):lang>/alerts/<token>/unsubscribe" in line
    assert "secret-token" not in line and "a@b.org" not in line and "127.0.0.1" not in line
    assert response.headers["X-Request-ID"] == "abcdef123456"


def test_database_outage_gives_translated_503(client, monkeypatch):
    from portal.services import postings

    def down(*args, **kwargs):
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(postings, "load_postings", down)
    response = client.get("/de/")
    assert response.status_code == 503
    assert "vorübergehend nicht erreichbar" in response.get_data(as_text=True)
    monkeypatch.undo()
    assert client.get("/de/").status_code == 200  # recovers without a restart
