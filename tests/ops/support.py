"""Helpers of the fault tests: a TCP relay that can be cut, a real SMTP server, Redis, apps."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask

from portal import create_app
from tests.browser.support import unavailable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_for(tmp_path: Path, database_url: str | None = None, **settings: Any) -> Flask:
    """An app of its own (not the session app), on its own SQLite file unless told otherwise."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = {
        "ENV_NAME": "testing",
        "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp_path / 'portal.db'}",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
        "SERVER_NAME": "portal.test",
        **settings,
    }
    return create_app(config)


# --- PostgreSQL ------------------------------------------------------------------------------


def postgres_url() -> sa.URL:
    """TEST_DATABASE_URL as a URL; the test is skipped without it (SQLite runs)."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip("TEST_DATABASE_URL is not set to PostgreSQL: the PostgreSQL variant is skipped")
    return sa.make_url(url)


class ScratchDatabases:
    """Databases created for one test on the TEST_DATABASE_URL server and dropped afterwards.

    The test role needs CREATEDB (.ci/run grants it); without it the test is skipped on a
    developer machine and fails in CI.
    """

    def __init__(self, url: sa.URL) -> None:
        self.url = url
        self.names: list[str] = []
        self._admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
        with self._admin.connect() as conn:
            allowed = conn.scalar(
                sa.text("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
            )
        if not allowed:
            self._admin.dispose()
            unavailable(
                f"the role {url.username!r} may not create databases (ALTER ROLE … CREATEDB)"
            )

    def create(self, suffix: str) -> sa.URL:
        name = f"{self.url.database}_{suffix}_{os.getpid()}"
        self.drop(name)
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return self.url.set(database=name)

    def drop(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def close(self) -> None:
        for name in self.names:
            self.drop(name)
        self._admin.dispose()


def libpq_env(url: sa.URL) -> dict[str, str]:
    """The connection as libpq environment variables, so pg_dump/pg_restore are called with
    exactly the options docs/operations.md shows."""
    env = {**os.environ, "PGHOST": url.host or "127.0.0.1", "PGPORT": str(url.port or 5432)}
    if url.username:
        env["PGUSER"] = url.username
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return env


def need_programs(*names: str) -> None:
    for name in names:
        if shutil.which(name) is None:
            unavailable(f"{name} is not on PATH (Debian: postgresql-client)")


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)
    assert result.returncode == 0, f"{command[0]} failed: {result.stderr}"
    return result


# --- a TCP relay between the app and PostgreSQL ----------------------------------------------


class TcpProxy:
    """Relays 127.0.0.1:<port> to a database server; `cut()` drops every connection and
    refuses new ones (as a crashed or restarting server does), `restore()` relays again."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._up = True
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name="tcp-proxy").start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._up:
                client.close()  # the client sees the connection closed at once
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open |= {client, upstream}
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            self._drop(src, dst)

    def _drop(self, *sockets: socket.socket) -> None:
        for sock in sockets:
            with self._lock:
                self._open.discard(sock)
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes the other pump thread's recv()
            except OSError:
                pass
            sock.close()

    def cut(self) -> None:
        self._up = False
        with self._lock:
            sockets = list(self._open)
        self._drop(*sockets)

    def restore(self) -> None:
        self._up = True

    def close(self) -> None:
        self.cut()
        self._listener.close()


# --- SMTP -----------------------------------------------------------------------------------


class SmtpServer:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives.

    `reject_after=n` accepts n messages and answers every later DATA with a temporary
    failure (451), as a relay does that runs out of disk or quota.
    """

    def __init__(self, port: int, reject_after: int | None = None) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[Any] = []
        self.reject_after = reject_after
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        if self.reject_after is not None and len(self.messages) >= self.reject_after:
            return "451 4.3.0 Temporary failure, try again later"
        self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [rcpt for envelope in self.messages for rcpt in envelope.rcpt_tos]

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


# --- Redis ----------------------------------------------------------------------------------


def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("REDIS_URL is not set: no Redis to share the rate limits between workers")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        unavailable(f"Redis at {url} does not answer: {exc}")
    return url
