"""Browser tests: the real portal in Debian's Chromium, driven by Playwright (DESIGN §12).

Every test under tests/browser/ is marked `browser` (deselect with `-m "not browser"`). Under
pytest-xdist each worker that runs browser tests starts its own live server and browser;
`make test` uses `--dist loadfile`, so the tests of one module share them.

The live server is its own app with its own SQLite file, migrated, seeded with the demo data and
indexed, with CSRF protection on. The suite's transactional `db` fixture does not apply here
(it is overridden below): the server commits for real, as in production.

`page` fails a test at teardown when the page logged a console error (a CSP violation, a failed
load, an uncaught exception), requested any host other than 127.0.0.1, or the server raised.
On failure a screenshot and the page's HTML go to test-artifacts/.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.support import PROJECT_ROOT, unavailable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
BROWSER_TESTS = Path(__file__).resolve().parent
LOCAL_HOST = "127.0.0.1"
DEFAULT_TIMEOUT_MS = 10_000

_server_errors: list[str] = []


# --- marks and reports ---------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in item.path.resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    """Keep each phase's report on the item, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# --- the live server -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def db() -> Iterator[None]:
    """Replaces tests/conftest.py's transactional `db`: the live server has its own database."""
    yield None


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory):
    """A migrated, seeded and indexed app on a SQLite file of its own, with CSRF on."""
    from flask_migrate import upgrade

    from portal import create_app

    try:
        from portal.services import demo
    except ImportError as exc:
        unavailable(f"portal.services.demo is not available yet ({exc}); it seeds the live server")
    from portal.services import search

    base = tmp_path_factory.mktemp("live-server")
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{base / 'portal.db'}",
            "SEARCH_INDEX_DIR": str(base / "index"),
            "MAIL_OUTBOX_DIR": str(base / "outbox"),
            "UPLOAD_DIR": str(base / "uploads"),
            "WTF_CSRF_ENABLED": True,
            "SERVER_NAME": None,
        }
    )
    with app.app_context():
        upgrade()
        demo.seed_demo()
        try:
            search.rebuild()
        except NotImplementedError:
            unavailable("portal.services.search.rebuild() is not implemented yet")
    return app


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    """The portal served on 127.0.0.1 on a free port, in a thread; yields the base URL."""
    from flask import got_request_exception
    from werkzeug.serving import make_server

    def record(sender: Any, exception: BaseException, **extra: Any) -> None:
        from flask import request

        _server_errors.append(f"{request.method} {request.full_path.rstrip('?')}: {exception!r}")

    got_request_exception.connect(record, live_app)
    server = make_server(LOCAL_HOST, 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        got_request_exception.disconnect(record, live_app)


# --- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless (`playwright install` is never needed)."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


class PageWatch:
    """What went wrong in a test's pages: console errors, foreign requests, server errors."""

    def __init__(self) -> None:
        self.console_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.allowed: list[re.Pattern[str]] = []

    def allow(self, pattern: str) -> None:
        """Accept console errors matching `pattern` (say, a test that opens a 404 on purpose)."""
        self.allowed.append(re.compile(pattern))

    def attach(self, page: Any) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("websocket", lambda ws: self._check_url(ws.url, "WEBSOCKET"))
        page.route("**/*", self._on_route)

    def _on_console(self, message: Any) -> None:
        if message.type != "error":
            return
        url = message.location.get("url") or "?"
        self.console_errors.append(f"{message.text} (at {url})")

    def _check_url(self, url: str, method: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != LOCAL_HOST:
            self.foreign_requests.append(f"{method} {url}")
            return False
        return True

    def _on_route(self, route: Any) -> None:
        if self._check_url(route.request.url, route.request.method):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def problems(self, server_errors: list[str]) -> list[str]:
        console = [e for e in self.console_errors if not any(p.search(e) for p in self.allowed)]
        found = []
        if console:
            found.append("console errors (CSP violations, failed loads, script errors):")
            found += [f"  {line}" for line in console]
        if self.foreign_requests:
            found.append(f"requests to hosts other than {LOCAL_HOST} (blocked; GDPR, DESIGN §7):")
            found += [f"  {line}" for line in self.foreign_requests]
        if server_errors:
            found.append("exceptions in the live server (traceback in the captured log):")
            found += [f"  {line}" for line in server_errors]
        return found


@pytest.fixture
def page_watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def new_page(
    browser: Any, live_server: str, page_watch: PageWatch, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Any]]:
    """Factory for watched pages: `new_page(locale="en-US")` takes browser context options.

    Relative URLs resolve against the live server: `page.goto("/de/")`.
    """
    contexts: list[Any] = []
    pages: list[Any] = []
    del _server_errors[:]

    def make(**context_options: Any) -> Any:
        context_options.setdefault("base_url", live_server)
        context_options.setdefault("locale", "de-DE")
        context_options.setdefault("timezone_id", "Europe/Berlin")
        context_options.setdefault("service_workers", "block")
        context = browser.new_context(**context_options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page_watch.attach(page)
        pages.append(page)
        return page

    yield make

    try:
        if _failed(request.node):
            _save_artifacts(request.node, pages)
    finally:
        for context in contexts:
            context.close()
    problems = page_watch.problems(list(_server_errors))
    del _server_errors[:]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    """A fresh page (own context, locale de-DE) on the live server."""
    return new_page()


def _failed(item: pytest.Item) -> bool:
    return any(
        getattr(getattr(item, f"rep_{when}", None), "failed", False) for when in ("setup", "call")
    )


def _save_artifacts(item: pytest.Item, pages: list[Any]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid).strip("_")
    for number, page in enumerate(pages, start=1):
        name = stem if len(pages) == 1 else f"{stem}-{number}"
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as exc:  # a crashed page must not hide the test's own failure
            print(f"could not save the page of {item.nodeid}: {exc}")
        else:
            print(f"saved {ARTIFACTS / name}.png and .html")
