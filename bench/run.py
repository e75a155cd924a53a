"""Search and page latency at national scale (DESIGN §13, issue #7; `make bench`).

Builds a throw-away instance in a temporary directory: a SQLite database filled with a
synthetic corpus (`bench/corpus.py`, default 20,000 live postings plus an archive), the Whoosh
index built with `search.rebuild()`, and the same corpus in SQLite FTS5 (`bench/fts.py`). Then
it times the fixed query set (`bench/queries.py`) through the search service, through the whole
WSGI stack (Flask test client, and gunicorn over HTTP on 127.0.0.1), and in FTS5; times the list,
detail and home pages and how long an edited posting takes to become findable; and prints one
table, also written to bench/results/. `bench/README.md` explains how to read it.
"""

from __future__ import annotations

import argparse
import gc
import http.client
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import corpus as corpus_mod  # noqa: E402
import fts  # noqa: E402
import queries as query_set  # noqa: E402

TARGETS = {
    "service": "p95 ≤ 50, p99 ≤ 100",
    "wsgi": "p95 ≤ 80",
    "build": "≥ 400 postings/s",
    "fresh": "≤ 1000 ms",
    "rss": "≤ 250 MB",
}
WARMUP = ("Kamera", "camera", "Linse", "lens", "Labor", "laboratory", "Montage", "assembly")


_STARTED = time.perf_counter()


def progress(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, list[float] | None, str, str]] = []
        self.facts: list[tuple[str, str, str]] = []
        self.notes: list[str] = []

    def latency(self, name: str, samples: list[float], target: str = "", extra: str = "") -> None:
        self.rows.append((name, samples, target, extra))

    def fact(self, name: str, value: str, target: str = "") -> None:
        self.facts.append((name, value, target))

    def render(self) -> str:
        width = max(len(r[0]) for r in self.rows) if self.rows else 30
        out = [
            f"| {'latency (ms)':<{width}} |     n |    p50 |    p95 |    p99 |    max | target "
            f"| note",
            f"|{'-' * (width + 2)}|-------|--------|--------|--------|--------|--------|-----",
        ]
        for name, samples, target, extra in self.rows:
            if not samples:
                out.append(f"| {name:<{width}} |     0 |        |        |        |        | "
                           f"{target} | {extra}")  # fmt: skip
                continue
            out.append(
                f"| {name:<{width}} | {len(samples):>5} | {statistics.median(samples):>6.1f} | "
                f"{percentile(samples, 95):>6.1f} | {percentile(samples, 99):>6.1f} | "
                f"{max(samples):>6.1f} | {target} | {extra}"
            )
        fwidth = max(len(f[0]) for f in self.facts) if self.facts else 30
        vwidth = max(len(f[1]) for f in self.facts) if self.facts else 10
        out += ["", f"| {'other':<{fwidth}} | {'value':<{vwidth}} | target", ""]
        out[-1] = f"|{'-' * (fwidth + 2)}|{'-' * (vwidth + 2)}|-------"
        for name, value, target in self.facts:
            out.append(f"| {name:<{fwidth}} | {value:<{vwidth}} | {target}")
        return "\n".join(out + [""] + self.notes)


def rss_mb(pid: int) -> dict[str, float]:
    """VmRSS and its parts: RssAnon (the process' own memory) and RssFile (pages of mapped
    files, here mostly the memory-mapped index, shared with every other worker)."""
    found = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmRSS", "RssAnon", "RssFile"):
                found[key] = int(line.split()[1]) / 1024
    return found


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
            except OSError:
                continue
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port: int, path: str) -> tuple[int, bytes]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        con.request("GET", path)
        response = con.getresponse()
        return response.status, response.read()
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=20_000, help="live postings (20,000)")
    parser.add_argument("--repeat", type=int, default=2, help="service runs per query (2)")
    parser.add_argument("--seed", type=int, default=corpus_mod.SEED)
    parser.add_argument("--no-http", action="store_true", help="skip the gunicorn pass")
    parser.add_argument("--label", default="", help="a word for the result file's name")
    args = parser.parse_args()
    started = time.perf_counter()
    report = Report()

    import logging

    logging.disable(logging.WARNING)
    from flask_migrate import upgrade

    from portal import create_app
    from portal.extensions import db
    from portal.services import search, taxonomy
    from portal.services.search_query import Builder, parse_query

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        base = Path(tmp)
        db_path = base / "bench.db"
        config = {
            "ENV_NAME": "development",
            "SECRET_KEY": "bench-only",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "SEARCH_INDEX_DIR": str(base / "index"),
            "MAIL_OUTBOX_DIR": str(base / "outbox"),
            "RATELIMIT_ENABLED": False,
        }
        app = create_app(config)

        progress(f"generating {args.postings:,} postings")
        # --- corpus ---------------------------------------------------------------------
        t = time.perf_counter()
        corpus = corpus_mod.generate(args.postings, seed=args.seed)
        gen_s = time.perf_counter() - t
        with app.app_context():
            upgrade()
            taxonomy.ensure_topics()
            db.session.commit()
            t = time.perf_counter()
            corpus_mod.load(db, corpus)
            load_s = time.perf_counter() - t
        stats = corpus.stats
        queries = query_set.build(corpus.vocab_tail)
        live_ids = corpus.live_ids
        del corpus  # the texts are in the database now; a big heap slows every GC pass
        gc.collect()

        progress("building the Whoosh index (search.rebuild)")
        # --- index build ----------------------------------------------------------------
        with app.app_context():
            t = time.perf_counter()
            documents = search.rebuild()
            build_s = time.perf_counter() - t
        index_bytes = sum(f.stat().st_size for f in (base / "index").rglob("*") if f.is_file())
        progress("building the FTS5 table")
        fts_s, fts_docs = fts.build(str(db_path), str(base / "fts.db"))
        fts_bytes = (base / "fts.db").stat().st_size

        # From here on this process plays a gunicorn worker: settle it the way
        # gunicorn.conf.py does once a worker has loaded the app.
        from portal.runtime import settle_worker

        settle_worker()
        progress(f"search service: {len(queries)} queries")
        # --- search service -------------------------------------------------------------
        first: list[float] = []
        repeated: list[float] = []
        raw: list[float] = []
        totals: list[int] = []
        by_cat: dict[str, list[float]] = {}
        with app.app_context():
            for word in WARMUP:
                search.search_postings(query_set.posting_query({"q": word}), "de")
            for query in queries:
                pq = query_set.posting_query(query)
                result = None

                def run(pq=pq):
                    nonlocal result
                    result = search.search_postings(pq, "de")

                ms = timed(run)
                first.append(ms)
                by_cat.setdefault(query["_cat"], []).append(ms)
                totals.append(result.total)
            for _ in range(args.repeat - 1):
                for query in queries:
                    pq = query_set.posting_query(query)
                    repeated.append(timed(lambda pq=pq: search.search_postings(pq, "de")))

            from whoosh import query as wq

            def raw_search(searcher, query):
                text_q, _n = Builder(searcher.schema).build(parse_query(query["q"]))
                terms = [wq.Term("type", "posting")]
                for name in search.FACETS:
                    values = query.get(name) or ()
                    if values:
                        terms.append(wq.Or([wq.Term(name, v) for v in values]))
                results = searcher.search(text_q, filter=wq.And(terms), limit=20)
                return [hit["id"] for hit in results]

            for query in queries:
                raw.append(timed(lambda q=query: search._with_searcher(lambda s: raw_search(s, q))))

        progress("FTS5 queries")
        # --- FTS5 ---------------------------------------------------------------------------
        fts_searcher = fts.Searcher(str(base / "fts.db"))
        fts_plain, fts_facets, fts_totals = [], [], []
        for query in queries[:10]:
            fts_searcher.search(query, facets=True)
        for _ in range(args.repeat):
            for query in queries:
                fts_plain.append(timed(lambda q=query: fts_searcher.search(q, facets=False)))
        for _ in range(args.repeat):
            for query in queries:
                fts_facets.append(timed(lambda q=query: fts_searcher.search(q, facets=True)))
        for query in queries:
            fts_totals.append(fts_searcher.search(query, facets=False)[0])
        fts_searcher.con.close()

        progress("pages through the test client")
        # --- pages through the WSGI stack (test client) ----------------------------------
        client = app.test_client()
        wsgi = []
        for word in WARMUP:
            client.get(query_set.url({"q": word}))
        for query in queries:
            url = query_set.url(query)

            def get(url=url):
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            wsgi.append(timed(get))
        rng = random.Random(5)
        list_urls = [f"/{lang}/jobs?page={p}" for lang in ("de", "en") for p in range(1, 6)]
        list_urls += [query_set.url({**f, "q": ""}) for f in query_set.FILTERS[:10]]
        list_first = [timed(lambda u=u: client.get(u)) for u in list_urls]
        list_again = [timed(lambda u=u: client.get(u)) for u in list_urls]
        detail_ids = rng.sample(live_ids, 40)
        detail_urls = []
        for posting_id in detail_ids:
            location = client.get(f"/de/jobs/{posting_id}").headers.get("Location")
            detail_urls.append(location or f"/de/jobs/{posting_id}")
        detail = [timed(lambda u=u: client.get(u)) for u in detail_urls]
        home = [timed(lambda: client.get("/de/")) for _ in range(20)]
        home += [timed(lambda: client.get("/en/")) for _ in range(20)]

        progress("edit → findable")
        # --- edit → findable (this process) -------------------------------------------------
        import sqlalchemy as sa

        from portal.models import PostingText

        def edit(posting_id: int, token: str) -> None:
            text = db.session.scalar(
                sa.select(PostingText).where(PostingText.posting_id == posting_id).limit(1)
            )
            text.title = f"{text.title} {token}"
            db.session.commit()

        fresh_local = []
        with app.test_request_context():
            for i, posting_id in enumerate(rng.sample(live_ids, 10)):
                token = f"zzlocal{i}q"
                start = time.perf_counter()
                edit(posting_id, token)
                while not search.search_postings(query_set.posting_query({"q": token})).total:
                    time.sleep(0.005)
                fresh_local.append((time.perf_counter() - start) * 1000)

        progress("gunicorn")
        # --- gunicorn over HTTP -------------------------------------------------------------
        http_samples: list[float] = []
        fresh_http: list[float] = []
        worker_rss = None
        if not args.no_http:
            port = free_port()
            env = {
                **os.environ,
                "BENCH_DATABASE_URL": config["SQLALCHEMY_DATABASE_URI"],
                "BENCH_INDEX_DIR": config["SEARCH_INDEX_DIR"],
                "BENCH_OUTBOX_DIR": config["MAIL_OUTBOX_DIR"],
            }
            log = open(base / "gunicorn.log", "w")
            conf = BENCH.parent / "gunicorn.conf.py"  # production settings (gthread)
            gunicorn = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    f"--config={conf if conf.exists() else '/dev/null'}",
                    "--workers=1",
                    f"--bind=127.0.0.1:{port}",
                    f"--chdir={BENCH}",
                    "--timeout=120",
                    "serve:app",
                ],
                env=env,
                stdout=log,
                stderr=log,
            )
            try:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        if http_get(port, "/healthz")[0] in (200, 503):
                            break
                    except OSError:
                        pass
                    if time.monotonic() > deadline or gunicorn.poll() is not None:
                        log.flush()
                        tail = (base / "gunicorn.log").read_text()[-2000:]
                        raise RuntimeError(f"gunicorn did not start:\n{tail}")
                    time.sleep(0.1)
                for word in WARMUP:
                    http_get(port, query_set.url({"q": word}))
                for query in queries:
                    url = query_set.url(query)
                    http_samples.append(timed(lambda url=url: http_get(port, url)))
                with app.test_request_context():
                    for i, posting_id in enumerate(rng.sample(live_ids, 10)):
                        token = f"zzhttp{i}q"
                        start = time.perf_counter()
                        edit(posting_id, token)
                        marker = f"/jobs/{posting_id}-".encode()
                        while marker not in http_get(port, f"/de/jobs?q={token}")[1]:
                            time.sleep(0.005)
                        fresh_http.append((time.perf_counter() - start) * 1000)
                workers = children(gunicorn.pid)
                if workers:
                    worker_rss = rss_mb(workers[0])
            finally:
                gunicorn.send_signal(signal.SIGTERM)
                try:
                    gunicorn.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    gunicorn.kill()
                log.close()
        gc.collect()
        own_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    # --- the report ---------------------------------------------------------------------------
    matched = sum(1 for n in totals if n)
    service_all = first + repeated
    ratio = percentile(first, 95) / max(percentile(fts_facets, 95), 1e-9)
    report.latency("search service, faceted (1st run of each query)", first, TARGETS["service"])
    report.latency("search service, faceted (repeated queries)", repeated)
    report.latency("raw Whoosh query, top 20 ids (no facets/highlights)", raw)
    report.latency("SQLite FTS5, top 20 + highlights", fts_plain)
    report.latency("SQLite FTS5, top 20 + highlights + 8 facet counts", fts_facets)
    report.latency("/de/jobs?q=… Flask test client (WSGI)", wsgi, TARGETS["wsgi"])
    if http_samples:
        report.latency("/de/jobs?q=… gunicorn, 1 worker (HTTP)", http_samples, TARGETS["wsgi"])
    report.latency("/{de,en}/jobs list pages, no query (1st)", list_first)
    report.latency("/{de,en}/jobs list pages, no query (again)", list_again)
    report.latency("/de/jobs/<id>-<slug> detail page", detail)
    report.latency("/{de,en}/ home page", home)
    report.latency("edit → findable, same process (commit→hit)", fresh_local, TARGETS["fresh"])
    if fresh_http:
        report.latency("edit → findable via gunicorn worker", fresh_http, TARGETS["fresh"])
    for cat, samples in by_cat.items():
        report.latency(f"  service by category: {cat}", samples)

    rate = stats["live"] / build_s
    report.fact("index build (search.rebuild)", f"{documents:,} docs in {build_s:.1f} s = "
                f"{rate:,.0f} postings/s", TARGETS["build"])  # fmt: skip
    report.fact("index size on disk", f"{index_bytes / 1e6:,.1f} MB")
    report.fact("FTS5 build (same corpus)", f"{fts_docs:,} docs in {fts_s:.1f} s, "
                f"{fts_bytes / 1e6:,.1f} MB")  # fmt: skip
    report.fact(
        "service p95 / FTS5-with-facets p95",
        f"{ratio:.2f}×",
        "≤ 2×",
    )
    report.fact(
        "service p95 / raw Whoosh p95",
        f"{percentile(first, 95) / max(percentile(raw, 95), 1e-9):.2f}×",
    )
    report.fact(
        "RSS of the gunicorn worker after the run",
        f"{worker_rss['VmRSS']:,.0f} MB (own {worker_rss.get('RssAnon', 0):,.0f} MB, "
        f"mapped index files {worker_rss.get('RssFile', 0):,.0f} MB)"
        if worker_rss
        else "n/a",
        TARGETS["rss"],
    )
    report.fact("peak RSS of the bench process", f"{own_rss:,.0f} MB")
    report.fact(
        "matches per query (mean), portal / FTS5",
        f"{statistics.mean(totals):,.0f} / {statistics.mean(fts_totals):,.0f} "
        f"({matched} of {len(queries)} queries match)",
    )
    total_s = time.perf_counter() - started
    report.fact("corpus generation / database load", f"{gen_s:.1f} s / {load_s:.1f} s")
    report.fact("whole bench", f"{total_s:.0f} s", "< 600 s")
    lines = [
        f"make bench — {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}",
        f"corpus: {stats['live']:,} live postings (+{stats['archived']:,} archived, not indexed), "
        f"{stats['texts']:,} texts, {stats['organisations']:,} organisations; "
        f"languages {stats['lang_mix']}; words per text p5/p50/p95 "
        f"{stats['words_p5_p50_p95']}, min/max {stats['words_min_max']}; title words "
        f"{stats['title_words_min_max']}; share mentioning {stats['mentions']}",
        f"queries: {len(queries)} ({', '.join(f'{c} {len(s)}' for c, s in by_cat.items())}); "
        f"all of them also through the test client" + ("" if args.no_http else " and gunicorn"),
        "",
        report.render(),
    ]
    text = "\n".join(lines)
    print(text)
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    name = f"{datetime.now():%Y%m%d-%H%M%S}-{stats['live']}{'-' + args.label if args.label else ''}"
    (results / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    print(f"\n(written to bench/results/{name}.txt)")
    _ = service_all


if __name__ == "__main__":
    main()
