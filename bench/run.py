"""Search and page latency on the demo corpus (DESIGN §13; `make bench`).

Builds a throw-away instance (SQLite + Whoosh in a temporary directory), loads the demo data,
rebuilds the index, then times a fixed set of queries through the search service and through
the whole WSGI stack, and prints a table. The national-scale corpus generator (20,000
postings) is the subject of its own issue; this script measures what the portal serves today.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

QUERIES = [
    "", "Laser", "laser", "Optik", "optics", "Lasertechnik", "Präzisionsoptik", "Faser",
    "fibre", "Messtechnik", "metrology", "Software", "software engineer", "Bildverarbeitung",
    "image processing", "Entwicklungsingenieur", "development engineer", "Werkstudent",
    "Praktikum", "internship", "Masterarbeit", "PhD", "Promotion", "quantum", "Jena", "Erfurt",
    '"optical design"', "Laser -Software", "opt*", "Lasr", "Beschichtung", "coating",
    "Halbleiter", "semiconductor", "Ausbildung Feinoptiker", "Vertrieb", "sales", "Qualität",
]  # fmt: skip
FILTERS = [{}, {"kind": ("job",)}, {"city": ("Jena",)}, {"lang": ("en",)}, {"remote": ("hybrid",)}]


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def row(name: str, samples: list[float]) -> str:
    return (
        f"| {name:<34} | {len(samples):>5} | {statistics.median(samples):>8.2f} | "
        f"{percentile(samples, 95):>8.2f} | {percentile(samples, 99):>8.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query (default 3)")
    args = parser.parse_args()

    from flask_migrate import upgrade

    from portal import create_app
    from portal.services import demo, search

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        base = Path(tmp)
        app = create_app(
            {
                "ENV_NAME": "testing",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{base / 'bench.db'}",
                "SEARCH_INDEX_DIR": str(base / "index"),
                "MAIL_OUTBOX_DIR": str(base / "outbox"),
                "SERVER_NAME": "bench.local",
            }
        )
        with app.app_context():
            upgrade()
            counts = demo.seed_demo()
            start = time.perf_counter()
            documents = search.rebuild()
            build_s = time.perf_counter() - start
            index_mb = sum(
                f.stat().st_size for f in base.joinpath("index").rglob("*") if f.is_file()
            )
            queries = [
                search.PostingQuery(q=q, sort="relevance" if q else "newest", **filters)
                for q in QUERIES
                for filters in FILTERS
            ]
            for query in queries:  # warm the searcher and caches once
                search.search_postings(query, "de")
            service = []
            for query in queries:
                service += timed(lambda q=query: search.search_postings(q, "de"), args.repeat)

        client = app.test_client()
        pages = {
            "/de/jobs?q=… (full stack)": [f"/de/jobs?q={q}" for q in QUERIES],
            "/de/ (home)": ["/de/"],
            "/en/jobs (list, no query)": ["/en/jobs"],
            "/de/jobs/<id> (detail)": [],
        }
        with app.app_context():
            from portal.services import postings

            ids = [p.id for p in postings.newest_postings(limit=10)]
        for posting_id in ids:
            location = client.get(f"/de/jobs/{posting_id}").headers["Location"]
            pages["/de/jobs/<id> (detail)"].append(location)
        for urls in pages.values():
            for url in urls:
                client.get(url)
        page_samples = {
            name: [s for url in urls for s in timed(lambda u=url: client.get(u), args.repeat)]
            for name, urls in pages.items()
        }

    print(f"\nDemo corpus: {counts}")
    print(f"Index build: {documents} documents in {build_s:.2f} s "
          f"({documents / build_s:.0f} docs/s), {index_mb / 1e6:.1f} MB on disk\n")  # fmt: skip
    print("| what                               |     n |  p50 ms  |  p95 ms  |  p99 ms  |")
    print("|------------------------------------|-------|----------|----------|----------|")
    print(row("search service (with facets)", service))
    for name, samples in page_samples.items():
        print(row(name, samples))


if __name__ == "__main__":
    main()
