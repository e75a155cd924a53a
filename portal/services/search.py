"""Full-text search over postings, courses and organisations with Whoosh (DESIGN §5).

Layout on disk: `SEARCH_INDEX_DIR/current` is a symlink to `gen-<n>`, one complete Whoosh index
with a `portal-state.json` beside its files (schema version, last applied outbox `seq`).
`rebuild()` writes `gen-<n+1>` and swaps the symlink with `os.replace`, so readers never see
a half-built index.

Sync is a transactional outbox: SQLAlchemy session events append `SearchChange` rows in the
same transaction as the change (see `_after_flush`); `apply_changes()` replays the rows after
the last applied `seq` into the index. Searches first catch up (one `SELECT max(seq)`), and a
request that committed searchable changes applies them in `after_request`.

Queries (`search_query`): each word is ORed over both languages' fields and its glossary
equivalents, and the words are ANDed, so totals and facet counts mean "postings with all the
words". When that finds nothing for several words, they are ORed with `scale=0.9` (OrGroup's
coordination: postings with more of the words rank first) and the result says `relaxed=True`.

Modules: `search_analysis` (analyzers), `search_lexicon` (compound parts, glossary),
`search_documents` (what is indexed), `search_query` (search box, highlights),
`search_outbox` (session events), `search_sets` (bit sets: matching, facets, orders),
`search_build` (rebuilds), `search_sidecar` (raw posting arrays beside rebuilt segments),
`search_fallback` (the database when the index cannot be read), `search_check`
(`reindex --check`). This module holds the public interface and the index.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import pickle
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app, g
from markupsafe import Markup
from sqlalchemy.orm import Session, selectinload
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.util.filelock import FileLock

from portal.extensions import db
from portal.models import (
    Organisation,
    Posting,
    SearchChange,
    TrainingCourse,
    posting_topics,
    utcnow,
)
from portal.services import search_analysis as analysis
from portal.services import search_build
from portal.services import search_documents as documents
from portal.services import search_fallback as fallback
from portal.services import search_outbox as outbox
from portal.services import search_sets as sets
from portal.services.search_documents import naive
from portal.services.search_outbox import queue_changes
from portal.services.search_query import (
    SNIPPET_CHARS,
    Builder,
    Marks,
    highlight,
    parse_query,
    suggest,
)

logger = logging.getLogger(__name__)

SORTS = ("relevance", "newest", "deadline")
FACETS = ("kind", "topic", "city", "org", "orgkind", "remote", "employment", "lang")


@dataclass(frozen=True)
class PostingQuery:
    """What a visitor asked for on /jobs: free text plus filters (values ORed within a field)."""

    q: str = ""
    kind: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()  # topic slugs
    city: tuple[str, ...] = ()
    org: tuple[str, ...] = ()  # organisation slugs
    orgkind: tuple[str, ...] = ()
    remote: tuple[str, ...] = ()
    employment: tuple[str, ...] = ()
    lang: tuple[str, ...] = ()  # working languages
    leadership: bool = False
    visa: bool = False
    posted: int | None = None  # published within this many days
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20


@dataclass
class Hit:
    id: int
    score: float = 0.0
    featured: bool = False
    title_html: Markup | None = None  # escaped, matches in <mark>
    snippet_html: Markup | None = None
    lang: str | None = None  # language of the title and snippet shown


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    relaxed: bool = False  # no result had all the words; these have some of them
    # False: the index could not be read (logged); postings come from the database, newest
    # first, without highlights or facets (`search_fallback`)
    available: bool = True


# --- schema -----------------------------------------------------------------------------------

# 2: `expires` is sortable (a column), analyzers are `WordAnalyzer`s; 3: so is `featured_until`
SCHEMA_VERSION = 3
STATE_FILE = "portal-state.json"
MULTI_VALUED = frozenset({"topic", "city", "lang"})
MAX_FILTER_VALUES = 20
MAX_PER_PAGE = 100
MAX_WINDOW = 10_000  # deepest result position served; totals stay exact beyond it
APPLY_BATCH = 500
APPLY_WAIT = 2.0  # seconds a request that changed something waits for another applier
CANDIDATES = 100  # relevance: matches scored with BM25F (see `_ranked`)
PARALLEL_FROM = 2000  # documents from which a rebuild indexes in several processes
RESULT_CACHE = 256  # results kept per searcher (a searcher lives until the index changes)
FACET_VALUES = 50  # values listed per facet (most frequent first; chosen ones always)
FEATURED_LIFTED = 5  # featured matches put before the first page of a relevance search
TITLE_FIELDS = frozenset({"title_de", "title_en"})
GAP_TTL = 3600.0  # seconds a missing seq is watched for a late commit (PostgreSQL)


def make_schema(decompound: bool = True) -> Schema:
    """The one schema for all document types (`type` tells them apart)."""
    german = analysis.german_analyzer(decompound=decompound)
    english = analysis.english_analyzer()
    keyword = {"commas": True, "lowercase": False, "scorable": False}
    return Schema(
        id=ID(stored=True, unique=True),
        type=ID,
        org_id=ID,
        kind=ID(sortable=True),
        org=ID(sortable=True),
        orgkind=ID(sortable=True),
        remote=ID(sortable=True),
        employment=ID(sortable=True),
        topic=KEYWORD(**keyword),
        city=KEYWORD(**keyword),
        lang=KEYWORD(**keyword),
        leadership=BOOLEAN,
        visa=BOOLEAN,
        published=DATETIME(sortable=True),
        deadline=DATETIME(sortable=True),
        starts=DATETIME(sortable=True),
        expires=DATETIME(sortable=True),
        featured_until=DATETIME(stored=True, sortable=True),
        sortname=ID(sortable=True),
        title_de=TEXT(analyzer=german, stored=True),
        body_de=TEXT(analyzer=german),
        title_en=TEXT(analyzer=english, stored=True),
        body_en=TEXT(analyzer=english),
        names=TEXT(analyzer=analysis.names_analyzer()),
        words=TEXT(analyzer=analysis.words_analyzer(), phrase=False),
        snip_de=STORED,
        snip_en=STORED,
    )


# --- public API: searching --------------------------------------------------------------------


def search_postings(query: PostingQuery, ui_lang: str = "de") -> SearchResult:
    """Public postings matching `query`, with disjunctive facet counts and highlights."""
    page, per_page = _page_args(query.page, query.per_page)
    try:
        return _with_searcher(lambda s: _search_postings(s, query, ui_lang, page, per_page))
    except Exception:
        logger.exception("posting search failed: answering from the database")
    try:
        ids, total = fallback.posting_ids(query, page, per_page)
    except Exception:
        logger.exception("posting search from the database failed")
        ids, total = [], 0
    return SearchResult([Hit(i) for i in ids], total, page, per_page, available=False)


@dataclass(frozen=True)
class Overview:
    """The home page's postings: featured ones, the newest others, open postings per kind."""

    featured: list[int]
    newest: list[int]
    counts: dict[str, int]


def posting_overview(featured: int = 6, newest: int = 8) -> Overview | None:
    """The home page's ids and counts from the index (a few set operations, cached for the
    index generation), or None when the index cannot be read: then ask the database."""
    try:
        return _with_searcher(lambda s: _overview(s, featured, newest))
    except Exception:
        logger.exception("posting overview failed")
        return None


def search_trainings(
    q: str, ui_lang: str = "de", page: int = 1, per_page: int = 20
) -> SearchResult:
    """Public courses (published or cancelled); by start date when `q` is empty."""
    page, per_page = _page_args(page, per_page)
    try:
        return _with_searcher(
            lambda s: _search_simple(s, "training", q, ui_lang, page, per_page, "starts")
        )
    except Exception:
        logger.exception("training search failed")
        return SearchResult([], 0, page, per_page, available=False)


def search_organisations(
    q: str, ui_lang: str = "de", page: int = 1, per_page: int = 20
) -> SearchResult:
    """Approved organisations; by name when `q` is empty."""
    page, per_page = _page_args(page, per_page)
    try:
        return _with_searcher(
            lambda s: _search_simple(s, "organisation", q, ui_lang, page, per_page, "sortname")
        )
    except Exception:
        logger.exception("organisation search failed")
        return SearchResult([], 0, page, per_page, available=False)


def similar_postings(posting_id: int, ui_lang: str = "de", limit: int = 5) -> list[int]:
    """Ids of open postings like this one (whatever its status), best first: same kind,
    shared topics, shared title words. For the 410 page of a closed or expired posting;
    never includes the posting itself. `ui_lang` is accepted for symmetry; ranking uses
    the titles in every language the posting has."""
    limit = max(1, min(int(limit or 5), 50))
    try:
        with _reader() as session:
            posting = session.get(
                Posting,
                posting_id,
                options=[selectinload(Posting.texts), selectinload(Posting.topics)],
            )
            if posting is None:
                return []
            kind = posting.kind.value
            topics = [t.slug for t in posting.topics]
            titles = [(t.lang, t.title) for t in posting.texts]
        return _with_searcher(lambda s: _similar(s, posting_id, kind, topics, titles, limit))
    except Exception:
        logger.exception("similar postings failed")
        return []


# --- public API: index maintenance ------------------------------------------------------------


def apply_changes(wait: bool | float = False) -> int:
    """Apply pending outbox rows to the index; returns how many rows were applied.

    When another thread or process is applying, `wait=False` returns 0 at once (that one
    may or may not have read these rows yet), `True` waits for it, and a number waits at
    most that many seconds. Re-applying a row is harmless: documents are replaced or
    deleted by their unique id.
    """
    gen = _ensure_index()
    lock = FileLock(os.path.join(gen, "APPLY"))
    if not _acquire(lock, wait):
        return 0
    try:
        return _apply_locked(gen)
    finally:
        lock.release()


def _acquire(lock: FileLock, wait: bool | float) -> bool:
    if wait is True:
        return lock.acquire(blocking=True)
    deadline = time.monotonic() + float(wait or 0)
    while not lock.acquire(blocking=False):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.01)
    return True


def rebuild() -> int:
    """Build a fresh index from the database beside the current one and swap it in.

    Returns the number of documents. The new index starts at the outbox `seq` read before
    the database, so changes committed during the build are applied afterwards.
    """
    root = _root()
    os.makedirs(root, exist_ok=True)
    lock = FileLock(os.path.join(root, "REBUILD"))
    lock.acquire(blocking=True)
    try:
        return _rebuild_locked(root)
    finally:
        lock.release()


def status() -> str:
    """For /healthz: "ok", "degraded" (index incomplete or failing to apply changes) or
    "unavailable" (the index cannot be read or rebuilt)."""
    try:
        gen = _ensure_index()
        with _searcher_lock:
            _searcher(gen)
        state = _read_state(gen)
        if not state.get("complete", True) or _LAST_APPLY_ERROR.get(_root()):
            return "degraded"
        return "ok"
    except Exception:
        logger.exception("search index unavailable")
        return "unavailable"


def reset_cache() -> None:
    """Forget the open searchers (after a fork, or in tests)."""
    with _searcher_lock:
        for entry in _open.values():
            _close_quietly(entry[2])
        _open.clear()


def init_app(app: Flask) -> None:
    """Register the outbox session events (once per process) and the after-request applier."""
    outbox.register_session_events()
    app.after_request(_apply_after_request)


# --- index directories, state, searchers ------------------------------------------------------

# One searcher per index for the whole process, used by one thread at a time: Whoosh reads
# its files through shared file objects, and a worker's threads share the GIL anyway, while
# a searcher per thread would keep its masks and caches (tens of MB at national scale) twice.
_open: dict[str, tuple[str, Any, Any]] = {}
_searcher_lock = threading.RLock()
_REBUILD_THROTTLE: dict[str, float] = {}
_LAST_APPLY_ERROR: dict[str, str] = {}
_CORRUPTION_ERRORS = (
    OSError,
    EOFError,
    struct.error,
    whoosh_index.IndexError,
    ValueError,
    KeyError,
)


class _IndexUnreadable(Exception):
    pass


def _root() -> str:
    return os.path.abspath(current_app.config["SEARCH_INDEX_DIR"])


def _current_dir(root: str) -> str | None:
    try:
        target = os.readlink(os.path.join(root, "current"))
    except OSError:
        return None
    path = os.path.join(root, target)
    return path if os.path.isdir(path) else None


def _read_state(gen: str) -> dict[str, Any]:
    with open(os.path.join(gen, STATE_FILE), encoding="utf-8") as f:
        state = json.load(f)
    if not isinstance(state, dict) or not isinstance(state.get("seq"), int):
        raise ValueError("bad search state file")
    return state


def _write_state(gen: str, state: dict[str, Any]) -> None:
    path = os.path.join(gen, STATE_FILE)
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f)
    os.replace(tmp, path)


def _retrying(open_fn: Callable[[], Any], attempts: int = 5) -> Any:
    """Open index files, riding out another process's commit.

    A commit in another worker deletes the previous TOC and merged segments; opening at that
    moment raises FileNotFoundError although the index is fine. Only that error is retried.
    """
    for attempt in range(1, attempts):
        try:
            return open_fn()
        except FileNotFoundError:
            time.sleep(0.005 * attempt)
    return open_fn()


def _open_index(gen: str):
    # Plain file reads, not memory maps: mapped pages of a 150 MB index would count into
    # every worker's RSS; through the page cache they are shared anyway.
    return _retrying(lambda: FileStorage(gen, supports_mmap=False).open_index())


def _usable(gen: str | None) -> bool:
    if gen is None:
        return False
    try:
        if _read_state(gen).get("schema") != SCHEMA_VERSION:
            return False
        return _open_index(gen).latest_generation() > -1
    except Exception:  # a garbled TOC raises whoosh's IndexError, a bad state ValueError, …
        return False


def _ensure_index() -> str:
    """The current generation directory; a missing, foreign or incomplete index is rebuilt."""
    root = _root()
    gen = _current_dir(root)
    if _usable(gen):
        if _read_state(gen).get("complete", True) or _throttled("incomplete:" + root):
            return gen
        rebuild()  # an index built while the database was unreadable: try again
    else:
        logger.warning("search index %s missing or unusable: rebuilding", root)
        rebuild()
    gen = _current_dir(root)
    if gen is None:
        raise _IndexUnreadable(root)
    return gen


def _throttled(key: str, seconds: float = 60.0) -> bool:
    """True when a repair rebuild for `key` ran less than `seconds` ago (else note it now)."""
    now = time.monotonic()
    if now - _REBUILD_THROTTLE.get(key, -1e9) < seconds:
        return True
    _REBUILD_THROTTLE[key] = now
    return False


def _searcher(gen: str):
    """The process's long-lived searcher for `gen`, refreshed when the index has changed.
    Only with `_searcher_lock` held."""
    cache = _open
    root = os.path.dirname(gen)
    entry = cache.get(root)
    if entry is not None and entry[0] == gen:
        searcher = entry[2]
        try:
            if searcher.up_to_date():
                return searcher
        except _CORRUPTION_ERRORS as exc:
            cache.pop(root, None)
            raise _IndexUnreadable(gen) from exc
        # Not `searcher.refresh()`: it reuses segment readers by segment, so deletions
        # committed to an existing segment stay invisible. Reopening costs a few file opens.
        cache.pop(root)
        _close_quietly(searcher)
        entry = None
    if entry is not None:
        cache.pop(root)
        _close_quietly(entry[2])
    try:
        ix = _open_index(gen)
        searcher = _retrying(ix.searcher)
    except Exception as exc:  # unpickling a foreign schema can raise nearly anything
        raise _IndexUnreadable(gen) from exc
    if len(cache) >= 8:  # tests open one index per test; keep the cache small
        for key in list(cache)[:-4]:
            _close_quietly(cache.pop(key)[2])
    cache[root] = (gen, ix, searcher)
    return searcher


def _close_quietly(searcher) -> None:
    # The view refers to its searcher: drop it now rather than leave the pair (tens of MB at
    # national scale) to a collection of the oldest generation.
    searcher.__dict__.pop("_portal_view", None)
    try:
        searcher.close()
    except Exception:  # noqa: S110 - closing a broken searcher may fail; nothing to do
        pass


def _with_searcher(fn: Callable[[Any], Any]) -> Any:
    """Run `fn(searcher)` on a caught-up index; an unreadable index is rebuilt once."""
    for attempt in (1, 2):
        _catch_up(_ensure_index())
        gen = _ensure_index()  # catching up may have rebuilt and swapped the index
        try:
            with _searcher_lock:
                return fn(_searcher(gen))
        except (_IndexUnreadable, *_CORRUPTION_ERRORS[:4]) as exc:
            if attempt == 2 or _throttled("unreadable:" + os.path.dirname(gen)):
                raise
            logger.warning("search index %s unreadable (%r): rebuilding", gen, exc)
            with _searcher_lock:
                stale = _open.pop(os.path.dirname(gen), None)
                if stale is not None:
                    _close_quietly(stale[2])
            rebuild()
    raise AssertionError("unreachable")


@contextmanager
def _reader() -> Iterator[Session]:
    """A short read-only session of its own.

    It has its own identity map (objects a request has half-edited are not touched) and in
    production its own connection, so it sees committed rows only. Bound to the test
    fixture's connection, it joins with a savepoint and never ends the outer transaction.
    """
    session = Session(bind=db.engine, autoflush=False, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        session.close()


def _max_seq(session: Session) -> int | None:
    """Highest outbox seq, 0 for an empty outbox, None when the table does not exist."""
    try:
        return session.scalar(sa.select(sa.func.max(SearchChange.seq))) or 0
    except sa.exc.DBAPIError:
        session.rollback()
        return None


def _catch_up(gen: str) -> None:
    """Apply committed outbox rows newer than the index, cheaply when there are none."""
    try:
        with _reader() as session:
            newest = _max_seq(session)
        state = _read_state(gen)
        if newest is not None and newest > state["seq"]:
            apply_changes(wait=False)
        elif state.get("gaps") and not _throttled("gaps:" + gen, seconds=5.0):
            apply_changes(wait=False)  # a lower seq may have committed late (PostgreSQL)
    except Exception:  # a stale result beats no result
        logger.exception("search index catch-up failed")


# --- rebuilding and applying ------------------------------------------------------------------


def _rebuild_locked(root: str) -> int:
    previous = _current_dir(root)
    numbers = [int(m.group(1)) for n in os.listdir(root) if (m := re.fullmatch(r"gen-(\d+)", n))]
    gen = os.path.join(root, f"gen-{max(numbers, default=0) + 1}")
    os.makedirs(gen)
    ix = whoosh_index.create_in(gen, make_schema())
    count = 0
    complete = True
    with _reader() as session:
        start_seq = _max_seq(session)
        gaps = _recent_holes(session, start_seq) if start_seq else {}
        writer = None
        try:
            shares = _shares(documents.public_ids(session)) if start_seq is not None else None
            if shares:
                try:
                    count = _build_in_parallel(ix, shares)
                except Exception:
                    logger.exception("parallel search rebuild failed: building in one process")
                    # with Whoosh's own writer, in case the fast one is what failed
                    writer = ix.writer(procs=1, limitmb=128)
                    for doc in documents.all_documents(session):
                        writer.add_document(**doc)
                        count += 1
            else:  # `search_build` writes what Whoosh's writer would, faster
                docs = documents.all_documents(session) if start_seq is not None else ()
                count = search_build.build(ix, docs)
        except sa.exc.DBAPIError:
            logger.exception("search rebuild could not read the database")
            if writer is not None:
                writer.cancel()
            complete = False
            count = 0
            writer = ix.writer()
        except BaseException:
            if writer is not None:
                writer.cancel()
            shutil.rmtree(gen, ignore_errors=True)
            raise
        if writer is not None:
            writer.commit()  # a fresh directory: one segment, nothing to merge or optimize
    if start_seq is None:
        logger.warning("search outbox table missing (no migrations yet?): empty index")
    _write_state(
        gen, {"schema": SCHEMA_VERSION, "seq": start_seq or 0, "gaps": gaps, "complete": complete}
    )
    _swap_current(root, gen)
    for name in os.listdir(root):
        path = os.path.join(root, name)
        if re.fullmatch(r"gen-\d+", name) and path not in (gen, previous):
            shutil.rmtree(path, ignore_errors=True)
    _LAST_APPLY_ERROR.pop(root, None)
    logger.info("search index rebuilt in %s: %d documents", gen, count)
    return count


def _shares(plan: list[tuple[str, list[int]]]) -> list[list[tuple[str, list[int]]]] | None:
    """The objects of a big rebuild split between `SEARCH_INDEX_PROCS` processes (default:
    one per core, at most 4), or None to build in this process."""
    procs = current_app.config.get("SEARCH_INDEX_PROCS") or min(os.cpu_count() or 1, 4)
    if procs < 2 or sum(len(ids) for _type, ids in plan) < PARALLEL_FROM:
        return None
    if db.engine.url.get_backend_name() == "sqlite" and db.engine.url.database in (
        None,
        "",
        ":memory:",
    ):
        return None  # another process cannot see an in-memory database
    shares: list[list[tuple[str, list[int]]]] = [[] for _ in range(procs)]
    for object_type, ids in plan:
        for i in range(procs):  # every procs-th chunk: each share gets old and new objects
            chunks = [
                ids[start : start + documents.LOAD_CHUNK]
                for start in range(i * documents.LOAD_CHUNK, len(ids), procs * documents.LOAD_CHUNK)
            ]
            shares[i].append((object_type, [x for chunk in chunks for x in chunk]))
    return shares


def _build_in_parallel(ix, shares) -> int:
    """Index each share in a process of its own, each writing one segment of the new index
    (nothing is merged), then commit the segments together.

    The processes are new interpreters (`python -c`), not forks: a fork copies a threaded
    server's locks in whatever state they are, and multiprocessing's "spawn" would import
    the parent's main module again."""
    folder = ix.storage.folder
    url = db.engine.url.render_as_string(hide_password=False)
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])),
    }
    lock = ix.lock("WRITELOCK")  # held while the processes work, as a writer would
    lock.acquire(blocking=True)
    jobs: list[tuple[subprocess.Popen, str]] = []
    try:
        for i, share in enumerate(shares):
            job = os.path.join(folder, f"share-{i}.job")
            with open(job, "wb") as f:
                pickle.dump((folder, url, share), f)
            command = [sys.executable, "-c", f"import {__name__} as s; s._index_share_main()", job]
            jobs.append((subprocess.Popen(command, env=env), job))
        results = []
        for process, job in jobs:
            if process.wait() != 0:
                raise RuntimeError(f"indexing process failed with exit code {process.returncode}")
            with open(job + ".out", "rb") as f:
                results.append(pickle.load(f))
        segments = [segment for _n, share_segments in results for segment in share_segments]
        TOC(ix.schema, segments, ix.latest_generation() + 1).write(ix.storage, ix.indexname)
    except BaseException:
        for process, _job in jobs:
            if process.poll() is None:
                process.kill()
                process.wait()
        raise
    finally:
        for _process, job in jobs:
            for path in (job, job + ".out"):
                if os.path.exists(path):
                    os.remove(path)
        shutil.rmtree(os.path.join(folder, f"{ix.indexname}.tmp"), ignore_errors=True)
        lock.release()
    return sum(n for n, _segment in results)


def _index_share_main() -> None:
    """Entry point of an indexing process: `python -c ... <job file>`."""
    job = sys.argv[-1]
    with open(job, "rb") as f:
        folder, url, share = pickle.load(f)
    result = _index_share(folder, url, share)
    with open(job + ".out", "wb") as f:
        pickle.dump(result, f)


def _index_share(folder: str, url: str, share) -> tuple[int, Any]:
    """Write the documents of `share` as new segments of the index in `folder` (not
    committed: the parent does that); returns (documents, segments).

    `search_build.SegmentBuilder` writes what Whoosh's `SegmentWriter` would, faster; it
    leaves the temporary folder the processes share to the parent. The cyclic garbage
    collector is off meanwhile: the builder holds millions of lists that it would scan over
    and over (a fifth of the time), and this short-lived process makes little cyclic garbage.
    """
    if not any(ids for _type, ids in share):
        return 0, []
    engine = sa.create_engine(url)
    collecting = gc.isenabled()
    gc.disable()
    try:
        builder = search_build.SegmentBuilder(whoosh_index.open_dir(folder))
        with Session(bind=engine) as session:
            for doc in documents.documents_for(session, share):
                builder.add_document(**doc)
        return builder.count, builder.finish()
    finally:
        if collecting:
            gc.enable()
        engine.dispose()


def _swap_current(root: str, gen: str) -> None:
    link = os.path.join(root, "current")
    if os.path.isdir(link) and not os.path.islink(link):
        shutil.rmtree(link)
    tmp = os.path.join(root, f"current.{os.getpid()}.tmp")
    if os.path.lexists(tmp):
        os.remove(tmp)
    os.symlink(os.path.basename(gen), tmp)
    os.replace(tmp, link)


def _recent_holes(session: Session, upto: int, window: int = 1000) -> dict[str, float]:
    """Seqs below `upto` that are missing: transactions that may still commit (PostgreSQL
    hands out sequence numbers before commit, so a lower seq can become visible later)."""
    present = set(
        session.scalars(sa.select(SearchChange.seq).where(SearchChange.seq > upto - window))
    )
    lowest = min(present, default=upto)
    now = time.time()
    return {str(s): now for s in range(lowest + 1, upto) if s not in present}


def _apply_locked(gen: str) -> int:
    ix = _open_index(gen)
    state = _read_state(gen)
    applied = 0
    try:
        with _reader() as session:
            while True:
                seq = state["seq"]
                rows = session.execute(
                    sa.select(SearchChange.seq, SearchChange.object_type, SearchChange.object_id)
                    .where(SearchChange.seq > seq)
                    .order_by(SearchChange.seq)
                    .limit(APPLY_BATCH)
                ).all()
                gaps: dict[str, float] = dict(state.get("gaps") or {})
                late = []
                if gaps:
                    late = session.execute(
                        sa.select(
                            SearchChange.seq, SearchChange.object_type, SearchChange.object_id
                        ).where(SearchChange.seq.in_([int(s) for s in gaps]))
                    ).all()
                if not rows and not late:
                    kept = _live_gaps(gaps)
                    if kept != gaps:
                        _write_state(gen, {**state, "gaps": kept})
                    break
                if rows and rows[0].seq > seq + 1 and seq > 0 and _pruned_past(session, seq):
                    logger.warning("search index %s fell behind the outbox: rebuilding", gen)
                    rebuild()
                    return applied
                _apply_targets(ix, session, {(r.object_type, r.object_id) for r in [*rows, *late]})
                new_seq = rows[-1].seq if rows else seq
                seen = {r.seq for r in [*rows, *late]}
                for r in late:
                    gaps.pop(str(r.seq), None)
                now = time.time()
                for s in range(seq + 1, new_seq):
                    if s not in seen:
                        gaps[str(s)] = now
                state = {**state, "seq": new_seq, "gaps": _live_gaps(gaps)}
                _write_state(gen, state)  # after the Whoosh commit, never before
                applied += len(rows) + len(late)
                if len(rows) < APPLY_BATCH:
                    break
        _LAST_APPLY_ERROR.pop(os.path.dirname(gen), None)
    except Exception as exc:
        _LAST_APPLY_ERROR[os.path.dirname(gen)] = repr(exc)
        raise
    return applied


def _live_gaps(gaps: dict[str, float]) -> dict[str, float]:
    """Missing seqs still worth watching: a transaction does not stay open for an hour."""
    now = time.time()
    return {s: t for s, t in gaps.items() if now - t < GAP_TTL}


def _pruned_past(session: Session, seq: int) -> bool:
    """Whether outbox rows after `seq` are gone (pruned): then only a rebuild is complete."""
    lowest = session.scalar(sa.select(sa.func.min(SearchChange.seq)))
    return lowest is not None and lowest > seq + 1


def _apply_targets(ix, session: Session, targets: set[tuple[str, int]]) -> None:
    """Replace or delete the documents of the changed objects, in one Whoosh commit."""
    ids: dict[str, set[int]] = {"posting": set(), "training": set(), "organisation": set()}
    topic_ids: set[int] = set()
    for object_type, object_id in targets:
        if object_type == "topic":
            topic_ids.add(object_id)
        elif object_type in ids:
            ids[object_type].add(object_id)
    for object_type, id_set in list(ids.items()):
        if 0 in id_set:  # "all of this type": a bulk statement we could not narrow down
            id_set.discard(0)
            id_set |= _all_ids(session, ix, object_type)
    if ids["organisation"]:
        # An organisation's name, kind, slug and status are part of its postings' documents.
        org_ids = sorted(ids["organisation"])
        ids["posting"] |= set(
            session.scalars(sa.select(Posting.id).where(Posting.organisation_id.in_(org_ids)))
        )
        ids["training"] |= set(
            session.scalars(
                sa.select(TrainingCourse.id).where(TrainingCourse.organisation_id.in_(org_ids))
            )
        )
        with ix.searcher() as searcher:
            for org_id in org_ids:
                for docnum in searcher.document_numbers(org_id=str(org_id)):
                    object_type, _, object_id = searcher.stored_fields(docnum)["id"].partition(":")
                    if object_type in ("posting", "training"):
                        ids[object_type].add(int(object_id))
    if topic_ids:
        ids["posting"] |= set(
            session.scalars(
                sa.select(posting_topics.c.posting_id).where(
                    posting_topics.c.topic_id.in_(sorted(topic_ids))
                )
            )
        )
    now = utcnow()
    writer = ix.writer(procs=1, timeout=30.0)
    try:
        for object_type, id_set in ids.items():
            loaded = documents.load(session, object_type, id_set)
            for object_id in sorted(id_set):
                obj = loaded.get(object_id)
                doc = documents.document(object_type, obj, now) if obj is not None else None
                if doc is None:
                    writer.delete_by_term("id", f"{object_type}:{object_id}")
                else:
                    writer.update_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()  # default MERGE_SMALL: small segments are merged as they accumulate


def _all_ids(session: Session, ix, object_type: str) -> set[int]:
    model = {"posting": Posting, "training": TrainingCourse, "organisation": Organisation}[
        object_type
    ]
    found = set(session.scalars(sa.select(model.id)))
    with ix.searcher() as searcher:
        for docnum in searcher.document_numbers(type=object_type):
            found.add(int(searcher.stored_fields(docnum)["id"].partition(":")[2]))
    return found


# --- running searches -------------------------------------------------------------------------


def _page_args(page: Any, per_page: Any) -> tuple[int, int]:
    try:
        page = int(page)
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = int(per_page)
    except (TypeError, ValueError):
        per_page = 20
    return max(1, page), max(1, min(per_page, MAX_PER_PAGE))


def _values(values: Any) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        values = (values,)
    out = [str(v).strip() for v in values if v is not None and str(v).strip()]
    return list(dict.fromkeys(out))[:MAX_FILTER_VALUES]


def _any_of(fieldname: str, values: list[str]) -> wq.Query:
    terms = [wq.Term(fieldname, v) for v in values]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def _counts(groups: dict) -> list[tuple[str, int]]:
    items = [(str(k), int(v)) for k, v in groups.items() if k not in (None, "", b"") and v]
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))


def _top(counts: list[tuple[str, int]], chosen: tuple[str, ...]) -> list[tuple[str, int]]:
    """The FACET_VALUES most frequent values of a facet, and the chosen ones in any case.

    At national scale a facet like `org` has a thousand values: listing (and formatting,
    and caching) all of them beside every result page costs more than the search."""
    if len(counts) <= FACET_VALUES:
        return counts
    return [vc for i, vc in enumerate(counts) if i < FACET_VALUES or vc[0] in chosen]


def _view(searcher) -> sets.View:
    """The searcher's masks and orders, made once per searcher (per index generation)."""
    view = getattr(searcher, "_portal_view", None)
    if view is None:
        view = searcher._portal_view = sets.View(searcher)
    return view


def _search_postings(searcher, query: PostingQuery, ui_lang: str, page: int, per_page: int):
    """Match, filter and count with masks (`search_sets`); score only what is shown.

    Totals and facet counts are exact. A result is cached in the searcher's view, keyed by
    everything it depends on (the open searcher stands for the index generation; the sets of
    unexpired and recently published postings are identified by their size, see
    `View.after`), so a repeated query, another page or another sort costs little.
    """
    now = naive(utcnow())
    view = _view(searcher)
    parsed = parse_query(query.q)
    base, live_key = view.after("expires", now)
    if query.leadership:
        base &= view.term("leadership", True)
    if query.visa:
        base &= view.term("visa", True)
    try:
        posted = int(query.posted) if query.posted is not None else None
    except (TypeError, ValueError):
        posted = None
    posted_key = None
    if posted and posted > 0:
        since = now - timedelta(days=min(posted, 36500))
        recent, posted_key = view.after("published", since, inclusive=True)
        base &= recent
    selected = {name: tuple(_values(getattr(query, name))) for name in FACETS}
    sort = query.sort if query.sort in SORTS else "relevance"
    if sort == "relevance" and not parsed.positive:
        sort = "newest"
    featured, featured_key = view.after("featured_until", now)

    key = (
        tuple((c.kind, c.text, c.negative, c.words) for c in parsed.clauses),
        tuple(selected.items()),
        bool(query.leadership),
        bool(query.visa),
        live_key,
        posted_key,
        featured_key,
        sort,
        page,
        per_page,
        ui_lang,
    )
    cached = view.results.get(key)
    if cached is not None:
        view.results.move_to_end(key)
        return cached

    filters = {name: view.any_value(name, vals) for name, vals in selected.items() if vals}
    builder = Builder(searcher.schema)
    text_q, n_positive = builder.build(parsed)
    text = view.docs(text_q) & base
    match = text
    for mask in filters.values():
        match &= mask
    relaxed = False
    if not match and n_positive >= 2:
        relaxed_builder = Builder(searcher.schema)
        text_q, _ = relaxed_builder.build(parsed, relaxed=True)
        builder.clauses = relaxed_builder.clauses
        text = view.docs(text_q) & base
        match = text
        for mask in filters.values():
            match &= mask
        relaxed = bool(match)
    total = match.bit_count()

    facets = {}
    for name in FACETS:
        scope = text  # disjunctive: every selection except the facet's own
        for other, mask in filters.items():
            if other != name:
                scope &= mask
        facets[name] = _top(_counts(view.count(name, scope)), selected[name])

    offset = (page - 1) * per_page
    if offset >= MAX_WINDOW or not total:
        ranked: list[tuple[float, int]] = []
    elif sort == "relevance":
        ranked = _ranked(searcher, view, text_q, builder.clauses, match, offset, per_page)
    else:
        ranked = [(0.0, d) for d in view.first(match, sort, per_page, skip=offset)]
    if sort == "relevance" and page == 1 and featured & match:
        ranked = _featured_first(searcher, view, text_q, builder.clauses, featured & match, ranked)
    hits = [
        _hit(searcher.stored_fields(docnum), score, searcher, ui_lang, builder.marks, now)
        for score, docnum in ranked
    ]
    hint = None if total else suggest(searcher, parsed)
    result = SearchResult(hits, total, page, per_page, facets, hint, relaxed)
    view.results[key] = result
    if len(view.results) > RESULT_CACHE:
        view.results.popitem(last=False)
    return result


def _overview(searcher, featured: int, newest: int) -> Overview:
    now = naive(utcnow())
    view = _view(searcher)
    live, live_key = view.after("expires", now)
    lifted, featured_key = view.after("featured_until", now)
    key = ("overview", live_key, featured_key, featured, newest)
    cached = view.results.get(key)
    if cached is None:
        chosen = view.first(live & lifted, "newest", featured)
        others = live & ~sets.mask_of(chosen, view.size)
        cached = view.results[key] = Overview(
            featured=[_posting_id(searcher, d) for d in chosen],
            newest=[_posting_id(searcher, d) for d in view.first(others, "newest", newest)],
            counts=view.count("kind", live),
        )
    return cached


def _posting_id(searcher, docnum: int) -> int:
    return int(searcher.stored_fields(docnum)["id"].partition(":")[2])


def _ranked(searcher, view: sets.View, text_q, clauses, match: int, offset: int, per_page: int):
    """(score, docnum) of the page's matches, best first.

    Whoosh's matchers score a document in tens of microseconds, too slow for the thousands of
    postings a common word matches. So at most CANDIDATES of them are scored (with Whoosh's
    BM25F, see `View.scores`): the newest postings with every query word in a title, then
    with some in a title, then the rest. Equal scores go newest first.
    Matches beyond the candidates follow in that order (title tiers, then newest first), so
    deep pages are consistent with the first ones. With few matches, all of them are scored.
    """
    want = offset + per_page
    if match.bit_count() <= CANDIDATES:
        tiers = [match]
    else:
        titles = [view.docs(q, TITLE_FIELDS) for q in clauses] or [0]
        every = match
        some = 0
        for mask in titles:
            every &= mask
            some |= mask
        tiers = [every, match & some & ~every, match & ~some]
    candidates: list[int] = []
    for tier in tiers:
        if len(candidates) >= CANDIDATES:
            break
        candidates += view.first(tier, "newest", CANDIDATES - len(candidates))
    scores = view.scores(text_q, sorted(candidates))
    if scores is None:  # the relaxed query (coordination): Whoosh scores the candidates
        scored = searcher.search(
            wq.And([text_q, sets.DocsQuery(candidates, searcher)]), limit=len(candidates) or 1
        )
        scores = {docnum: score for score, docnum in scored.top_n}
    newest = view.ranks("newest")  # equal scores: the newer posting first
    ranked = sorted(
        ((float(s), d) for d, s in scores.items()), key=lambda sd: (-sd[0], newest[sd[1]])
    )
    if want > len(ranked):
        chosen = sets.mask_of(candidates, view.size)
        for tier in tiers:
            if len(ranked) >= want:
                break
            more = view.first(tier & ~chosen, "newest", want - len(ranked))
            ranked += [(0.0, d) for d in more]
    return ranked[offset:want]


def _featured_first(searcher, view: sets.View, text_q, clauses, featured: int, ranked):
    """The first page of a relevance search led by the best FEATURED_LIFTED featured matches
    (postings staff feature; the cards say so, so nobody takes the order for relevance).
    Lifted postings keep their own place on later pages."""
    lifted = _ranked(searcher, view, text_q, clauses, featured, 0, FEATURED_LIFTED)
    chosen = {docnum for _score, docnum in lifted}
    return lifted + [(score, docnum) for score, docnum in ranked if docnum not in chosen]


def _search_simple(
    searcher, doc_type: str, q: str, ui_lang: str, page: int, per_page: int, order: str
):
    now = naive(utcnow())
    parsed = parse_query(q)
    builder = Builder(searcher.schema)
    text_q, n_positive = builder.build(parsed)
    sortedby = None if parsed.positive else sorting.FieldFacet(order)
    type_filter = wq.Term("type", doc_type)
    results = searcher.search(
        text_q, filter=type_filter, limit=_limit(page, per_page), sortedby=sortedby
    )
    relaxed = False
    if results.is_empty() and n_positive >= 2:
        text_q, _ = Builder(searcher.schema).build(parsed, relaxed=True)
        results = searcher.search(text_q, filter=type_filter, limit=_limit(page, per_page))
        relaxed = not results.is_empty()
    total = len(results)
    hits = _hits(results, page, per_page, ui_lang, builder.marks, now)
    hint = None if total else suggest(searcher, parsed)
    return SearchResult(hits, total, page, per_page, {}, hint, relaxed)


def _limit(page: int, per_page: int) -> int:
    return max(1, min(page * per_page, MAX_WINDOW))


def _hits(
    results, page: int, per_page: int, ui_lang: str, marks: Marks, now: datetime
) -> list[Hit]:
    """Plain `Hit`s for one page, made while the searcher is still in use."""
    offset = (page - 1) * per_page
    if offset >= MAX_WINDOW:
        return []
    return [
        _hit(h.fields(), h.score, h.searcher, ui_lang, marks, now)
        for h in results[offset : offset + per_page]
    ]


def _hit(fields: dict, score, searcher, ui_lang: str, marks: Marks | None, now: datetime) -> Hit:
    lang = ui_lang if fields.get(f"title_{ui_lang}") else ("en" if ui_lang == "de" else "de")
    if not fields.get(f"title_{lang}"):
        lang = ui_lang
    title = fields.get(f"title_{lang}") or ""
    snippet = fields.get(f"snip_{lang}") or ""
    featured_until = fields.get("featured_until")
    marks = marks or Marks()
    terms = marks.terms.get(lang, set())
    analyzer = searcher.schema[f"title_{lang}"].analyzer
    hit = _LazyHit(
        id=int(fields["id"].partition(":")[2]),
        score=float(score) if isinstance(score, (int, float)) else 0.0,  # sorted: a key
        featured=bool(featured_until and featured_until > now),
        lang=lang,
    )
    hit._source = (title, snippet, analyzer, terms, marks.prefixes)
    return hit


class _LazyHit(Hit):
    """A `Hit` whose highlights are made when first read, from plain data (the stored
    title and snippet, the analyzer, the terms): no searcher is needed then. A caller that
    wants only ids never pays for them, nor does a cached result nobody shows again."""

    _source: tuple | None = None
    _title: Markup | None = None
    _snippet: Markup | None = None

    @property
    def title_html(self) -> Markup | None:
        if self._title is None and self._source is not None:
            title, _snippet, analyzer, terms, prefixes = self._source
            self._title = highlight(title, analyzer, terms, prefixes)
        return self._title

    @title_html.setter
    def title_html(self, value: Markup | None) -> None:
        self._title = value

    @property
    def snippet_html(self) -> Markup | None:
        if self._snippet is None and self._source is not None:
            _title, snippet, analyzer, terms, prefixes = self._source
            self._snippet = highlight(snippet, analyzer, terms, prefixes, SNIPPET_CHARS)
        return self._snippet

    @snippet_html.setter
    def snippet_html(self, value: Markup | None) -> None:
        self._snippet = value


def _similar(searcher, posting_id, kind, topics, titles, limit) -> list[int]:
    now = naive(utcnow())
    subs: list[wq.Query] = [wq.Term("kind", kind, boost=1.0)]
    subs += [wq.Term("topic", slug, boost=2.0) for slug in topics]
    builder = Builder(searcher.schema)
    for lang, title in titles:
        lang = "en" if lang == "en" else "de"
        for token in dict.fromkeys(builder.analyze(f"title_{lang}", title)):
            subs.append(wq.Term(f"title_{lang}", token, boost=1.5))
            subs.append(wq.Term(f"body_{lang}", token, boost=0.5))
    results = searcher.search(
        wq.Or(subs),
        filter=wq.And(
            [wq.Term("type", "posting"), wq.DateRange("expires", now, None, startexcl=True)]
        ),
        mask=wq.Term("id", f"posting:{posting_id}"),
        limit=limit,
    )
    return [int(hit["id"].partition(":")[2]) for hit in results]


def _apply_after_request(response):
    """Make a committed edit findable before it is acknowledged. If another worker is
    applying, wait for it (it may have read the outbox before this commit), but not for
    long: a stuck applier must not hold the request; the next search catches up then."""
    if g.pop(outbox.REQUEST_FLAG, False):
        try:
            apply_changes(wait=APPLY_WAIT)
        except Exception:
            logger.exception("applying search changes after the request failed")
    return response


__all__ = [
    "FACETS",
    "SORTS",
    "Hit",
    "Overview",
    "PostingQuery",
    "SearchResult",
    "apply_changes",
    "highlight",
    "init_app",
    "parse_query",
    "posting_overview",
    "queue_changes",
    "rebuild",
    "reset_cache",
    "search_organisations",
    "search_postings",
    "search_trainings",
    "similar_postings",
    "status",
]
