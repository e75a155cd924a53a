"""Abuse that the app itself must stop (issue #8): oversized bodies, path traversal, and
brute force counted per visitor behind the reverse proxy.

The same attacks through a real gunicorn with two workers are in test_gunicorn.py.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from portal.extensions import db
from tests.ops.support import app_for

ROOT = Path(__file__).resolve().parents[2]
TOO_BIG = 5 * 1024 * 1024  # MAX_CONTENT_LENGTH is 4 MB

TRAVERSALS = [
    "/media/logos/..%2f..%2fetc%2fpasswd",
    "/media/logos/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/media/logos/..%252f..%252fetc%252fpasswd",
    "/media/logos/..%5c..%5cportal%5cconfig.py",
    "/media/logos/....//....//etc/passwd",
    "/media/logos/%2e%2e/%2e%2e/portal/config.py",
    "/static/../portal/config.py",
    "/static/%2e%2e/portal/config.py",
    "/static/..%2fportal%2fconfig.py",
    "/static/%2e%2e%2fportal%2fconfig.py",
    "/static/.%2e/.%2e/etc/passwd",
    "/static/css/../../portal/config.py",
    "/static/..%5cportal%5cconfig.py",
    "/static/%252e%252e/portal/config.py",
    "/static/..%00/portal/config.py",
]


def assert_no_file_contents(body: bytes) -> None:
    assert b"root:" not in body  # /etc/passwd
    assert b"SECRET_KEY" not in body and b"class Config" not in body  # portal/config.py


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_in_media_and_static_routes_is_404(client, path):
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 404, path
    assert_no_file_contents(response.data)


def test_static_files_are_still_served(client):
    assert client.get("/static/css/portal.css").status_code == 200


@pytest.mark.parametrize(
    ("lang", "title"), [("de", "Anfrage zu groß"), ("en", "Request too large")]
)
def test_oversized_form_post_is_a_translated_413(client, lang, title):
    response = client.post(
        f"/{lang}/account/login",
        data={"email": "a@example.org", "password": "x" * TOO_BIG},
    )
    assert response.status_code == 413
    assert title in response.get_data(as_text=True)


def test_oversized_multipart_upload_is_413_before_it_is_stored(app, client_for, owner):
    response = client_for(owner).post(
        "/en/employer/organisation",
        data={"name": "X", "logo": (io.BytesIO(b"\x89PNG" + b"\0" * TOO_BIG), "big.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert "Request too large" in response.get_data(as_text=True)
    assert not (Path(app.config["UPLOAD_DIR"]) / "logos").exists()


def test_oversized_body_under_api_is_problem_json(client):
    response = client.post(
        "/api/v1/postings",
        data=b"[" + b" " * TOO_BIG + b"]",
        headers={"Authorization": "Bearer not-a-token"},
        content_type="application/json",
    )
    # Refused before the body is read: by the size, or (no valid token) by the credentials.
    assert response.status_code in {401, 413}
    assert response.headers["Content-Type"] == "application/problem+json"


# --- the rate limits count each visitor, not the proxy ----------------------------------------


def limited_app(tmp_path, proxies: int):
    limited = app_for(
        tmp_path, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI="memory://", TRUSTED_PROXIES=proxies
    )
    with limited.app_context():
        db.create_all()
    return limited


def wrong_login(client, address: str):
    return client.post(
        "/de/account/login",
        data={"email": "nobody@example.org", "password": "not the password"},
        headers={"X-Forwarded-For": address},
    )


def test_behind_nginx_the_login_limit_counts_each_visitor(tmp_path):
    """nginx passes every request from 127.0.0.1: the limit must count X-Forwarded-For."""
    client = limited_app(tmp_path, proxies=1).test_client()
    statuses = [wrong_login(client, "203.0.113.7").status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429  # 400: wrong password
    assert "Zu viele Anfragen" in wrong_login(client, "203.0.113.7").get_data(as_text=True)
    assert wrong_login(client, "198.51.100.4").status_code == 400  # someone else may try


def test_without_a_trusted_proxy_forwarded_for_is_not_believed(tmp_path):
    """Facing clients directly (TRUSTED_PROXIES=0), a forged header must not dodge the limit."""
    client = limited_app(tmp_path, proxies=0).test_client()
    statuses = [wrong_login(client, f"203.0.113.{n}").status_code for n in range(11)]
    assert statuses[10] == 429


# --- what only the proxy can stop -------------------------------------------------------------


def test_documented_nginx_config_stops_slow_and_huge_bodies():
    """gunicorn's gthread worker holds a connection whose body trickles in for as long as the
    client likes (its `timeout` is the worker heartbeat, not a read timeout: measured > 70 s).
    So nginx must buffer bodies and cut slow clients; the documented config must say so."""
    docs = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    nginx = re.search(r"```nginx\n(.*?)```", docs, re.S).group(1)
    assert re.search(r"client_max_body_size\s+\d+m;", nginx)
    assert re.search(r"client_body_timeout\s+\d+s;", nginx)
    assert re.search(r"client_header_timeout\s+\d+s;", nginx)
    assert "proxy_request_buffering off" not in nginx
