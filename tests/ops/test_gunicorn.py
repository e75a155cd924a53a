"""A real `gunicorn -c gunicorn.conf.py wsgi:app` with two workers (issue #8).

One server for the module, started by bench/load.py's `Server` on 127.0.0.1 with the demo
data: on PostgreSQL (a scratch database) when TEST_DATABASE_URL is set, else on a SQLite file
in WAL mode; rate limits in Redis when REDIS_URL is set. Then:

- a short load run (4 clients, 5 s; `make load` runs 8 clients for 30 s): no 5xx, no failed
  request, no lost edit, every edit found by every later answer, index = database;
- a login brute force from one address, sent concurrently so both workers answer: exactly
  the limit gets through (the count lives in Redis, not in each worker), another address
  may still log in;
- a body announced as 1 GB is refused with 413 at once, without being read;
- path traversal on the wire (raw request lines, nothing normalised by a client library).
"""

from __future__ import annotations

import os
import random
import socket
import threading
import time

import pytest

from bench.load import Browser, Database, Server, forms_of, report, run_load
from tests.browser.support import unavailable
from tests.ops.support import redis_url
from tests.ops.test_abuse import TRAVERSALS, assert_no_file_contents

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gunicorn")
    postgres = os.environ.get("TEST_DATABASE_URL", "")
    try:
        database = Database(workdir, postgres if postgres.startswith("postgres") else None)
    except RuntimeError as exc:
        unavailable(str(exc))
    redis = None
    if os.environ.get("REDIS_URL"):
        redis = redis_url()  # fails in CI when set but not answering
    running = Server(workdir, database, workers=2, threads=2, redis_url=redis)
    try:
        running.prepare()
        running.start()
        yield running
    finally:
        running.stop()
        database.drop()


@pytest.fixture(scope="module")
def load(server):
    result = run_load(server, clients=4, seconds=5)
    print(report(result))
    return result


def test_short_load_run_keeps_every_edit_and_the_index_consistent(load):
    assert load.five_xx == 0 and load.failures == []
    assert load.edits, "no edit was acknowledged"
    assert load.lost_edits == []
    assert load.invisible == []  # every edit was found by the following searches
    assert load.index_consistent, load.index_lines
    assert load.unfound_titles == []
    assert len(load.by_worker) == 2  # both workers served


def test_no_search_answer_goes_back_to_an_older_index(load):
    """Once a worker has answered with an edit, no later answer may miss it.

    An index rebuilt during the run is swapped in at the seq it started from, so answers
    can go back until the rebuild catches up. Rebuilds under load come from a race in the
    search service (Whoosh's `open_dir` meeting a concurrent commit's clean-up, raising
    FileNotFoundError, read as "index unusable"); with one, this check cannot tell anything.
    """
    if load.rebuilds:
        pytest.skip(f"the index was rebuilt during the run: {load.rebuilds[0]}")
    assert [(e.posting_id, e.stale) for e in load.edits if e.stale] == []


def test_login_brute_force_is_stopped_across_workers(server):
    if server.redis_url is None:
        redis_url()  # skips without REDIS_URL (fails in CI)
    address = f"198.18.{random.randrange(256)}.{random.randrange(1, 255)}"
    browser = Browser(server.port, address)
    form = forms_of(browser.request("GET", "/de/account/login").body)[-1]
    form.set("email", "nobody@example.org")
    form.set("password", "wrong password, try again")
    started = len(server.access_lines())
    statuses: list[int] = []
    lock = threading.Lock()

    def attack() -> None:
        attacker = Browser(server.port, address)
        attacker.cookies = dict(browser.cookies)  # the CSRF token's session
        for _ in range(5):
            status = attacker.request("POST", "/de/account/login", form.fields).status
            with lock:
                statuses.append(status)

    threads = [threading.Thread(target=attack) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [400] * 10 + [429] * 20  # "10 per minute", counted in Redis
    time.sleep(0.2)  # the access log is written after each answer
    posts = [line for line in server.access_lines()[started:] if line[2] == "POST"]
    assert len({pid for pid, *_ in posts}) == 2, "both workers should have answered"
    someone_else = Browser(
        server.port, f"198.19.{random.randrange(256)}.{random.randrange(1, 255)}"
    )
    other = forms_of(someone_else.request("GET", "/de/account/login").body)[-1]
    assert someone_else.request("POST", "/de/account/login", other.fields).status == 400


def raw(server, request: bytes, body: bytes = b"") -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
        sock.sendall(request)
        if body:
            try:
                sock.sendall(body)
            except OSError:  # the server may close as soon as it has answered
                pass
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_body_announced_as_a_gigabyte_is_refused_unread(server):
    head = (
        b"POST /de/account/login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 1000000000\r\n\r\n"
    )
    # Were the body read, the socket's 15 s timeout would end the test with an error.
    answer = raw(server, head, b"--x\r\n" + b"a" * 65536)
    assert answer.startswith(b"HTTP/1.1 413")
    assert "Anfrage zu groß".encode() in answer


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_on_the_wire_is_404(server, path):
    answer = raw(
        server, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )
    assert answer.split(b"\r\n", 1)[0] == b"HTTP/1.1 404 NOT FOUND"
    assert_no_file_contents(answer)
