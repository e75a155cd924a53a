"""Load test: gunicorn with several workers under searches, page views and employer edits.

    make load                                          # 2 workers, 8 clients, 30 s, SQLite (WAL)
    make load LOAD_ARGS="--clients 16 --seconds 60 --workers 4"
    DATABASE_URL=postgresql+psycopg://… make load      # a scratch database on that server

What it does (issue #8):

1. Prepares a database with the demo data (`db upgrade`, `seed-demo`, `reindex` in a process of
   its own): a fresh SQLite file in WAL mode, or — when DATABASE_URL or TEST_DATABASE_URL names a
   PostgreSQL server — a scratch database created on that server and dropped at the end (the
   role needs CREATEDB; the database in the URL is never touched).
2. Starts `gunicorn -c gunicorn.conf.py wsgi:app` on 127.0.0.1:<free port> with the workers
   asked for, configured through the environment alone as in production (`TRUSTED_PROXIES=1`;
   rate limits in Redis when REDIS_URL is set). Its access log records the worker pid of
   every request, so the report shows how the requests were spread.
3. Runs client threads for a fixed time, one connection per request (as nginx talks to its
   upstream), each with an address of its own in X-Forwarded-For: searches, list and detail
   pages, and — logged in as the trusted demo employer through the real login form with its
   CSRF token — edits of one posting per client through the real edit form (a trusted
   organisation's edit is online at once; every title gets a unique marker word).
4. After each acknowledged edit the client polls the search through the server until the
   marker is found, and then `CONFIRMATIONS` more times (any worker may answer): the time
   from the acknowledgement to the first of those consecutive hits is the edit's visibility
   latency; a miss after a hit counts as a stale answer.
5. Checks: no 5xx and no failed request; no lost edit (each edited posting's title in the
   database is its last acknowledged edit); the index agrees with the database (ids and
   titles of everything searchable, read read-only from the index directory); a search for
   every final title finds its posting.
6. Prints a table: requests, errors and p50/p95/p99 per kind, requests per second, requests
   per worker, edits and their visibility, the index check.

Exit status 0 when every check holds. Nothing but 127.0.0.1 is contacted.
`tests/ops/test_gunicorn.py` runs a short variant (2 workers, 4 clients, 5 s) in `make test`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO_EMAIL = "demo-arbeitgeber@photonik-karriere.example"  # trusted: edits go live at once
CONFIRMATIONS = 6  # consecutive hits after an edit before it counts as seen by every worker
POLL_LIMIT = 10.0  # seconds an edit may take to become findable before it counts as lost
SEARCH_WORDS = [
    "Laser",
    "Optik",
    "optische",
    "Ingenieur",
    "engineer",
    "Praktikum",
    "Masterarbeit",
    "Jena",
    "Erfurt",
    "Software",
    "quantum",
    "Messtechnik",
    "Beschichtung",
    "Entwicklung",
    "Fertigung",
    '"optical design"',
    "Mikro*",
    "Physik -Praktikum",
]
FILTERS = ["", "", "", "&kind=job", "&city=Jena", "&sort=newest", "&remote=hybrid", "&page=2"]
LISTS = ["/de/", "/en/", "/de/jobs", "/en/jobs?page=2", "/de/organisations", "/en/trainings"]


# --- HTTP ----------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    body: str
    headers: Any
    started: float
    seconds: float


class Browser:
    """One visitor: cookies, an address of its own, a new connection per request."""

    def __init__(self, port: int, address: str) -> None:
        self.port = port
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None) -> Answer:
        headers = {
            "Connection": "close",
            "X-Forwarded-For": self.address,
            "User-Agent": "photonik-load/1",
            "Accept-Language": "de",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        seconds = time.perf_counter() - started
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in cookie.lower() or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return Answer(
            response.status, data.decode("utf-8", "replace"), response.headers, started, seconds
        )


@dataclass
class Form:
    action: str
    fields: list[tuple[str, str]] = field(default_factory=list)

    def get(self, name: str) -> str | None:
        return next((v for n, v in self.fields if n == name), None)

    def set(self, name: str, value: str) -> None:
        self.fields = [(n, value if n == name else v) for n, v in self.fields]


class FormParser(HTMLParser):
    """The forms of a page with the values a browser would submit (no buttons)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: tuple[str, bool] | None = None
        self._options: list[tuple[str, bool]] = []
        self._option: list[Any] | None = None
        self._textarea: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", "")))
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.forms[-1].fields.append(
                (a["name"], a.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "select" and a.get("name"):
            self._select = (a["name"], "multiple" in a)
            self._options = []
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, ""]
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option[2] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "option" and self._option is not None:
            value, selected, text = self._option
            self._options.append((text.strip() if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            name, multiple = self._select
            chosen = [v for v, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            self.forms[-1].fields += [(name, v) for v in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            self.forms[-1].fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def forms_of(html: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


# --- database and server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres(url: str | None) -> str | None:
    if not url:
        return None
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    return url if url.startswith("postgresql") else None


class Database:
    """A database with the demo data: a SQLite file, or a scratch PostgreSQL database."""

    def __init__(self, workdir: Path, server_url: str | None = None) -> None:
        import sqlalchemy as sa

        self.workdir = workdir
        self.scratch: str | None = None
        self._server = _postgres(server_url)
        if self._server:
            base = sa.make_url(self._server)
            self.scratch = f"{base.database}_load_{os.getpid()}_{secrets.token_hex(3)}"
            with self._admin() as conn:
                allowed = conn.scalar(
                    sa.text(
                        "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
                    )
                )
                if not allowed:
                    raise RuntimeError(
                        f"the role {base.username!r} may not create the scratch database "
                        "(ALTER ROLE … CREATEDB)"
                    )
                conn.exec_driver_sql(f'CREATE DATABASE "{self.scratch}"')
            self.url = base.set(database=self.scratch).render_as_string(hide_password=False)
            self.kind = "PostgreSQL"
        else:
            self.url = f"sqlite:///{workdir / 'portal.db'}"
            self.kind = "SQLite (WAL)"

    def _admin(self):
        import sqlalchemy as sa

        engine = sa.create_engine(self._server, isolation_level="AUTOCOMMIT", poolclass=sa.NullPool)
        return engine.connect()

    def drop(self) -> None:
        if self.scratch:
            with self._admin() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.scratch}" WITH (FORCE)')
            self.scratch = None


PREPARE = """
from flask_migrate import upgrade
from portal import create_app
from portal.services import demo, search
app = create_app()
with app.app_context():
    upgrade()
    demo.seed_demo()
    print(search.rebuild())
"""


class Server:
    """`gunicorn -c gunicorn.conf.py wsgi:app` on 127.0.0.1, configured by environment."""

    def __init__(
        self,
        workdir: Path,
        database: Database,
        workers: int = 2,
        threads: int = 2,
        redis_url: str | None = None,
    ) -> None:
        self.workdir = workdir
        self.database = database
        self.workers = workers
        self.threads = threads
        self.redis_url = redis_url
        self.port = free_port()
        self.access_log = workdir / "access.log"
        self.index_dir = workdir / "index"
        self.process: subprocess.Popen | None = None
        self._stderr = None
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "MAIL_"))},
            "PORTAL_ENV": "development",
            "SECRET_KEY": secrets.token_urlsafe(32),
            "DATABASE_URL": database.url,
            "SEARCH_INDEX_DIR": str(self.index_dir),
            "UPLOAD_DIR": str(workdir / "uploads"),
            "MAIL_OUTBOX_DIR": str(workdir / "outbox"),
            "RATELIMIT_STORAGE_URI": redis_url or "memory://",
            "TRUSTED_PROXIES": "1",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
            "GUNICORN_LOGLEVEL": "warning",
            "PYTHONUNBUFFERED": "1",
        }

    @property
    def storage(self) -> str:
        return "Redis" if self.redis_url else "memory (per worker)"

    def prepare(self) -> None:
        """The demo data and the index, in a process of its own (as `flask portal …` would)."""
        result = subprocess.run(
            [sys.executable, "-c", PREPARE],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"preparing the demo database failed:\n{result.stderr[-3000:]}")

    def start(self, timeout: float = 60.0) -> None:
        self._stderr = open(self.workdir / "gunicorn.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                str(self.access_log),
                "--access-logformat",
                "%(p)s %(s)s %(m)s %(U)s",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self._stderr,
        )
        # Ready when every worker has answered: each loads the app after the fork. One
        # request at a time would all go to the same idle worker, so probe in bursts.
        deadline = time.monotonic() + timeout
        burst = 2 * self.workers * self.threads
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.log()}")
            try:
                Browser(self.port, "127.0.0.1").request("GET", "/healthz")
            except OSError:
                time.sleep(0.1)
                continue
            probes = [
                threading.Thread(target=self._probe, args=("/de/jobs?q=Laser",))
                for _ in range(burst)
            ]
            for probe in probes:
                probe.start()
            for probe in probes:
                probe.join()
            if len(self.pids()) >= self.workers:
                return
        self.stop()
        raise RuntimeError(f"gunicorn did not get ready in {timeout:.0f} s:\n{self.log()}")

    def _probe(self, path: str) -> None:
        try:
            Browser(self.port, "127.0.0.1").request("GET", path)
        except OSError:
            pass

    def requests_by_pid(self) -> Counter:
        counts: Counter = Counter()
        if self.access_log.exists():
            for pid, _status, _method, _path in self.access_lines():
                counts[pid] += 1
        return counts

    def pids(self) -> set[int]:
        return set(self.requests_by_pid())

    def access_lines(self) -> list[tuple[int, int, str, str]]:
        """(pid, status, method, path) of every request so far."""
        lines = []
        if not self.access_log.exists():
            return lines
        for line in self.access_log.read_text(errors="replace").splitlines():
            parts = line.split(" ", 3)  # gunicorn writes the pid as <1234>
            pid = parts[0].strip("<>")
            if len(parts) == 4 and pid.isdigit() and parts[1].isdigit():
                lines.append((int(pid), int(parts[1]), parts[2], parts[3]))
        return lines

    def rebuilds(self) -> list[str]:
        """The search service's "… rebuilding" warnings so far (an index swapped under load)."""
        path = self.workdir / "gunicorn.log"
        if not path.exists():
            return []
        lines = path.read_text(errors="replace").splitlines()
        return [line for line in lines if "portal.services.search" in line and "rebuilding" in line]

    def log(self) -> str:
        path = self.workdir / "gunicorn.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def app(self):
        """An app on the same database and index, for the checks (it only reads the index)."""
        from portal import create_app

        return create_app(
            {
                "ENV_NAME": "development",
                "SECRET_KEY": self.env["SECRET_KEY"],
                "SQLALCHEMY_DATABASE_URI": self.database.url,
                "SEARCH_INDEX_DIR": str(self.index_dir),
                "UPLOAD_DIR": self.env["UPLOAD_DIR"],
                "MAIL_OUTBOX_DIR": self.env["MAIL_OUTBOX_DIR"],
                "RATELIMIT_ENABLED": False,
            }
        )


def editable_postings(app) -> list[tuple[int, str]]:
    """(id, language of its title) of the public postings of the trusted demo employer."""
    import sqlalchemy as sa

    from portal.extensions import db
    from portal.models import Membership, Posting, PostingStatus, PostingText, User, utcnow

    with app.app_context():
        user_id = db.session.scalar(sa.select(User.id).where(User.email == DEMO_EMAIL))
        org_ids = sa.select(Membership.organisation_id).where(Membership.user_id == user_id)
        rows = db.session.execute(
            sa.select(Posting.id, sa.func.min(PostingText.lang))
            .join(PostingText, PostingText.posting_id == Posting.id)
            .where(
                Posting.organisation_id.in_(org_ids),
                Posting.status == PostingStatus.PUBLISHED,
                Posting.expires_at > utcnow(),
            )
            .group_by(Posting.id)
            .order_by(Posting.id)
        ).all()
        db.session.remove()
    return [(posting_id, lang) for posting_id, lang in rows]


# --- the load ------------------------------------------------------------------------------------


@dataclass
class Edit:
    posting_id: int
    lang: str
    title: str
    acknowledged: float  # perf_counter time of the answer
    visible_after: float | None = None  # seconds until every answer had it
    stale: int = 0  # misses after the first hit


@dataclass
class LoadResult:
    settings: dict[str, Any]
    seconds: float
    durations: dict[str, list[float]]
    errors: dict[str, int]
    failures: list[str]
    five_xx: int
    edits: list[Edit]
    lost_edits: list[str] = field(default_factory=list)
    unfound_titles: list[int] = field(default_factory=list)
    by_worker: Counter = field(default_factory=Counter)
    rebuilds: list[str] = field(default_factory=list)  # index rebuilds during the run
    index_lines: list[str] = field(default_factory=list)
    index_consistent: bool = False

    @property
    def requests(self) -> int:
        return sum(len(d) for d in self.durations.values()) + sum(self.errors.values())

    @property
    def latencies(self) -> list[float]:
        return [e.visible_after for e in self.edits if e.visible_after is not None]

    @property
    def invisible(self) -> list[Edit]:
        return [e for e in self.edits if e.visible_after is None]

    @property
    def passed(self) -> bool:
        return (
            not self.five_xx
            and not self.failures
            and not self.lost_edits
            and not self.unfound_titles
            and not self.invisible
            and not any(e.stale for e in self.edits)
            and self.index_consistent
            and bool(self.edits)
        )


class Client(threading.Thread):
    """One visitor's loop until `stop_at`; with a posting of its own it logs in and edits it."""

    def __init__(
        self,
        number: int,
        port: int,
        stop_at: float,
        posting: tuple[int, str] | None,
        seed: int,
        state: RunState,
    ) -> None:
        super().__init__(name=f"load-client-{number}", daemon=True)
        self.number = number
        self.rng = random.Random(seed * 1000 + number)
        # An address of its own per run: rate limits kept in Redis outlive the run.
        spread = random.SystemRandom()
        address = f"10.{spread.randrange(256)}.{spread.randrange(256)}.{number + 1}"
        self.browser = Browser(port, address)
        self.stop_at = stop_at
        self.posting = posting  # (id, lang) this client edits, or None
        self.run_state = state
        self.details: list[str] = state.details
        self.base_title: str | None = None
        self.logged_in = False

    def call(self, kind: str, method: str, path: str, expect: set[int], form=None):
        try:
            answer = self.browser.request(method, path, form)
        except (OSError, http.client.HTTPException) as exc:
            self.run_state.fail(kind, f"{method} {path}: {exc!r}")
            return None
        if answer.status >= 500:
            self.run_state.five_xx_seen(kind, f"{method} {path}: {answer.status}")
            return None
        if answer.status not in expect:
            self.run_state.fail(kind, f"{method} {path}: {answer.status}")
            return None
        self.run_state.record(kind, answer.seconds)
        return answer

    def run(self) -> None:
        try:
            if self.posting is not None and self.login():
                self.edit()
            while time.perf_counter() < self.stop_at:
                roll = self.rng.random()
                if roll < 0.45:
                    word = quote(self.rng.choice(SEARCH_WORDS))
                    lang = self.rng.choice(["de", "en"])
                    self.call(
                        "search", "GET", f"/{lang}/jobs?q={word}{self.rng.choice(FILTERS)}", {200}
                    )
                elif roll < 0.65:
                    self.call("list", "GET", self.rng.choice(LISTS), {200})
                elif roll < 0.90 and self.details:
                    self.call("detail", "GET", self.rng.choice(self.details), {200, 301})
                elif self.logged_in:
                    self.edit()
        except Exception as exc:  # a bug in the load test itself must not pass silently
            self.run_state.fail("client", f"client {self.number} crashed: {exc!r}")

    def login(self) -> bool:
        from portal.services.demo import DEMO_PASSWORD

        page = self.call("login", "GET", "/de/account/login", {200})
        if page is None:
            return False
        form = forms_of(page.body)[-1]
        form.set("email", DEMO_EMAIL)
        form.set("password", DEMO_PASSWORD)
        done = self.call("login", "POST", "/de/account/login", {303}, form.fields)
        self.logged_in = done is not None
        return self.logged_in

    def edit(self) -> None:
        posting_id, lang = self.posting
        path = f"/de/employer/postings/{posting_id}/edit"
        page = self.call("edit form", "GET", path, {200})
        if page is None:
            return
        form = next((f for f in forms_of(page.body) if f.get(f"{lang}-title") is not None), None)
        if form is None:
            self.run_state.fail("edit", f"no edit form with {lang}-title at {path}")
            return
        if self.base_title is None:
            self.base_title = form.get(f"{lang}-title") or "Stelle"
        marker = "".join(self.rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(12))
        title = f"{self.base_title[:150]} {marker}"
        form.set(f"{lang}-title", title)
        saved = self.call("edit", "POST", path, {303}, [*form.fields, ("save", "1")])
        if saved is None:
            return
        edit = Edit(posting_id, lang, title, acknowledged=saved.started + saved.seconds)
        self.run_state.add_edit(edit)
        self.wait_until_visible(edit, marker)

    def wait_until_visible(self, edit: Edit, marker: str) -> None:
        """Poll until CONFIRMATIONS answers in a row find the new title (any worker answers)."""
        link = f"/de/jobs/{edit.posting_id}-"
        streak_started: float | None = None
        streak = 0
        seen = False
        deadline = edit.acknowledged + POLL_LIMIT
        while time.perf_counter() < deadline:
            answer = self.call("poll", "GET", f"/de/jobs?q={marker}", {200})
            if answer is None:
                time.sleep(0.05)
                continue
            if link in answer.body:
                seen = True
                if streak == 0:
                    streak_started = answer.started
                streak += 1
                if streak >= CONFIRMATIONS:
                    edit.visible_after = max(0.0, streak_started - edit.acknowledged)
                    return
            else:
                if seen:
                    edit.stale += 1
                streak = 0
            time.sleep(0.01)


class RunState:
    def __init__(self, details: list[str]) -> None:
        self.details = details
        self.lock = threading.Lock()
        self.durations: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()
        self.failures: list[str] = []
        self.five_xx = 0
        self.edits: list[Edit] = []

    def record(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.durations[kind].append(seconds)

    def fail(self, kind: str, what: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            self.failures.append(what)

    def five_xx_seen(self, kind: str, what: str) -> None:
        with self.lock:
            self.five_xx += 1
        self.fail(kind, what)

    def add_edit(self, edit: Edit) -> None:
        with self.lock:
            self.edits.append(edit)


def detail_paths(port: int) -> list[str]:
    """Posting and organisation pages from the sitemap, as a crawler finds them."""
    sitemap = Browser(port, "127.0.0.1").request("GET", "/sitemap.xml").body
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>\s*(.*?)\s*</loc>", sitemap)]
    return [p for p in paths if re.search(r"/(jobs/\d+-|organisations/|trainings/\d+-)", p)]


def run_load(server: Server, clients: int = 8, seconds: float = 30.0, seed: int = 1) -> LoadResult:
    """Run the clients against a started server, then check everything (see the docstring)."""
    app = server.app()
    postings = editable_postings(app)
    state = RunState(detail_paths(server.port))
    before = server.requests_by_pid()
    rebuilds_before = len(server.rebuilds())
    started = time.perf_counter()
    stop_at = started + seconds
    threads = [
        Client(n, server.port, stop_at, postings[n] if n < len(postings) else None, seed, state)
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + POLL_LIMIT + 120)
    elapsed = time.perf_counter() - started
    result = LoadResult(
        settings={
            "workers": server.workers,
            "threads": server.threads,
            "clients": clients,
            "seconds": seconds,
            "database": server.database.kind,
            "rate limits": server.storage,
        },
        seconds=elapsed,
        durations=dict(state.durations),
        errors=dict(state.errors),
        failures=state.failures,
        five_xx=state.five_xx,
        edits=state.edits,
    )
    result.by_worker = server.requests_by_pid() - before
    result.rebuilds = server.rebuilds()[rebuilds_before:]
    check(server, app, result)
    return result


def check(server: Server, app, result: LoadResult) -> None:
    """No lost edit, index consistent with the database, every final title findable."""
    import sqlalchemy as sa

    from portal.extensions import db
    from portal.models import PostingText
    from portal.services import search_check

    last: dict[int, Edit] = {}
    for edit in sorted(result.edits, key=lambda e: e.acknowledged):
        last[edit.posting_id] = edit
    with app.app_context():
        for posting_id, edit in sorted(last.items()):
            title = db.session.scalar(
                sa.select(PostingText.title).where(
                    PostingText.posting_id == posting_id, PostingText.lang == edit.lang
                )
            )
            if title != edit.title:
                result.lost_edits.append(f"posting {posting_id}: {title!r} != {edit.title!r}")
        # The server applies each edit after its request; give a last one a moment to land.
        for _ in range(100):
            report = search_check.compare()
            if report.consistent and not report.pending:
                break
            Browser(server.port, "127.0.0.1").request("GET", "/de/jobs?q=Laser")  # catches up
            time.sleep(0.1)
        result.index_lines = report.lines()
        result.index_consistent = report.consistent and not report.pending
        db.session.remove()
        db.engine.dispose()
    probe = Browser(server.port, "127.0.0.1")
    for posting_id, edit in sorted(last.items()):
        marker = edit.title.rsplit(" ", 1)[-1]
        if f"/de/jobs/{posting_id}-" not in probe.request("GET", f"/de/jobs?q={marker}").body:
            result.unfound_titles.append(posting_id)


# --- report --------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def report(result: LoadResult) -> str:
    s = result.settings
    lines = [
        f"Load test: {s['workers']} gunicorn workers × {s['threads']} threads, "
        f"{s['clients']} clients, {s['seconds']:g} s, {s['database']}, rate limits in "
        f"{s['rate limits']}",
        "",
        f"{'kind':<10} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}",
    ]
    kinds = ["search", "list", "detail", "login", "edit form", "edit", "poll", "client"]
    for kind in kinds:
        done = result.durations.get(kind, [])
        errors = result.errors.get(kind, 0)
        if not done and not errors:
            continue
        ms = [d * 1000 for d in done]
        lines.append(
            f"{kind:<10} {len(done) + errors:>9} {errors:>7} {percentile(ms, 0.5):>8.1f} "
            f"{percentile(ms, 0.95):>8.1f} {percentile(ms, 0.99):>8.1f}"
        )
    total_errors = sum(result.errors.values())
    lines.append(
        f"{'total':<10} {result.requests:>9} {total_errors:>7}   "
        f"{result.requests / result.seconds:.1f} requests/s over {result.seconds:.1f} s, "
        f"{result.five_xx} answers 5xx"
    )
    workers = ", ".join(f"pid {pid}: {n}" for pid, n in sorted(result.by_worker.items()))
    lines += ["", f"requests per worker: {workers}"]
    latencies = result.latencies
    if latencies:
        lines.append(
            f"edits: {len(result.edits)} acknowledged, {len(result.lost_edits)} lost; visible to "
            f"every answer after max {max(latencies):.3f} s (median "
            f"{statistics.median(latencies):.3f} s); {sum(e.stale for e in result.edits)} stale "
            f"answers after the first hit; {len(result.invisible)} never visible"
        )
    else:
        lines.append(f"edits: {len(result.edits)} acknowledged, none became visible")
    lines.append(f"index rebuilds during the run: {len(result.rebuilds)}")
    lines += [f"  {line}" for line in result.rebuilds[:5]]
    lines += [f"index check: {line}" for line in result.index_lines]
    lines.append(
        f"index: {'consistent' if result.index_consistent else 'INCONSISTENT'} with the "
        f"database; final titles found by search: "
        f"{len({e.posting_id for e in result.edits}) - len(result.unfound_titles)}"
        f"/{len({e.posting_id for e in result.edits})}"
    )
    for what in result.lost_edits[:10]:
        lines.append(f"LOST EDIT {what}")
    for what in result.failures[:20]:
        lines.append(f"FAILED {what}")
    lines.append("checks: " + ("passed" if result.passed else "FAILED"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sqlite", action="store_true", help="SQLite even if a URL is set")
    args = parser.parse_args(argv)
    server_url = (
        None
        if args.sqlite
        else (os.environ.get("DATABASE_URL") or os.environ.get("TEST_DATABASE_URL"))
    )
    workdir = Path(tempfile.mkdtemp(prefix="photonik-load-"))
    database = Database(workdir, server_url)
    server = Server(workdir, database, args.workers, args.threads, os.environ.get("REDIS_URL"))
    try:
        print(f"preparing the demo data ({database.kind}) …", flush=True)
        server.prepare()
        server.start()
        print(
            f"gunicorn on 127.0.0.1:{server.port}; {args.clients} clients for {args.seconds:g} s …"
        )
        result = run_load(server, args.clients, args.seconds, args.seed)
    finally:
        server.stop()
        database.drop()
        if os.environ.get("LOAD_KEEP"):
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report(result))
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["Database", "LoadResult", "Server", "report", "run_load"]
