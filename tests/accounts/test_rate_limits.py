"""Rate limits of login, sign-up and the mailed links, with memory and with Redis storage.

The session app runs with RATELIMIT_ENABLED=False; these tests build apps of their own with
limits on. `portal.extensions.AppLimiter` keeps each app's switch and storage apart, so the
session app stays unlimited afterwards (checked below) with nothing to restore.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable

import pytest
from flask import Flask

from portal import create_app
from portal.extensions import db, limiter
from tests.browser.support import unavailable


def limited_app(tmp_path, storage_uri: str = "memory://") -> Flask:
    tmp_path.mkdir(parents=True, exist_ok=True)
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limited.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
            "UPLOAD_DIR": str(tmp_path / "uploads"),
            "SERVER_NAME": "portal.test",
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": storage_uri,
        }
    )
    with app.app_context():
        db.create_all()
    return app


def new_address() -> str:
    return "10.{}.{}.{}".format(*uuid.uuid4().bytes[:3])


def client_from(app: Flask, address: str | None = None):
    """A client with an address of its own, so counts never mix between tests or runs."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address or new_address()
    return client


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("REDIS_URL is not set: no Redis to test the rate-limit storage against")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        unavailable(f"Redis at {url} does not answer: {exc}")
    return url


@pytest.fixture(scope="module")
def memory_app(tmp_path_factory):
    return limited_app(tmp_path_factory.mktemp("limited-memory"))


LOGIN = {"email": "nobody@example.org", "password": "not the password"}


def hit_until_limited(post: Callable, allowed: int) -> list[int]:
    return [post().status_code for _ in range(allowed + 1)]


@pytest.mark.parametrize(
    ("path", "data", "allowed"),
    [
        ("login", LOGIN, 10),
        ("register", {"email": "x"}, 10),
        ("reset", {"email": "nobody@example.org"}, 5),
        ("verify", {"email": "nobody@example.org"}, 5),
    ],
)
def test_posts_are_limited_per_address(memory_app, path, data, allowed):
    client = client_from(memory_app)
    codes = hit_until_limited(lambda: client.post(f"/en/account/{path}", data=data), allowed)
    assert 429 not in codes[:-1]
    assert codes[-1] == 429
    # Reading the page is not limited; another address is not limited.
    assert client.get(f"/en/account/{path}").status_code == 200
    assert client_from(memory_app).post(f"/en/account/{path}", data=data).status_code != 429


@pytest.mark.parametrize("lang", ["de", "en"])
def test_429_is_the_translated_error_page(memory_app, lang):
    client = client_from(memory_app)
    for _ in range(10):
        client.post(f"/{lang}/account/login", data=LOGIN)

    response = client.post(f"/{lang}/account/login", data=LOGIN)

    assert response.status_code == 429
    assert response.headers["Retry-After"].isdigit()
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    expected = "Zu viele Anfragen" if lang == "de" else "Too many requests"
    assert expected in html


def test_limits_show_in_the_headers(memory_app):
    response = client_from(memory_app).post("/en/account/login", data=LOGIN)
    assert response.headers["X-RateLimit-Limit"] == "10"
    assert response.headers["X-RateLimit-Remaining"] == "9"


def test_the_session_app_stays_unlimited(memory_app, client, app):
    """Building an app with limits on must not switch them on for the other apps."""
    with app.app_context():
        assert limiter.enabled is False
    with memory_app.app_context():
        assert limiter.enabled is True
    codes = {client.post("/en/account/login", data=LOGIN).status_code for _ in range(15)}
    assert codes == {400}


def test_limiter_settings_belong_to_each_app(tmp_path, app):
    first = limited_app(tmp_path / "a")
    with first.app_context():
        first_storage = limiter.storage
    second = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "SEARCH_INDEX_DIR": str(tmp_path / "i"),
        }
    )  # limits off, made last
    with first.app_context():
        assert limiter.enabled is True and limiter.storage is first_storage
    with second.app_context():
        assert limiter.enabled is False
    with app.app_context():
        assert limiter.enabled is False


def test_redis_storage_is_shared_between_app_processes(tmp_path):
    """Two apps on one Redis count together, as gunicorn workers do in production."""
    url = redis_url()
    first = limited_app(tmp_path / "one", url)
    second = limited_app(tmp_path / "two", url)
    with first.app_context():
        from limits.storage import RedisStorage

        assert isinstance(limiter.storage, RedisStorage)
    address = new_address()

    codes = []
    for number in range(11):
        client = client_from(first if number % 2 else second, address)
        codes.append(client.post("/de/account/login", data=LOGIN).status_code)

    assert 429 not in codes[:-1]
    assert codes[-1] == 429
    limited = client_from(first, address).post("/de/account/login", data=LOGIN)
    assert "Zu viele Anfragen" in limited.get_data(as_text=True)
