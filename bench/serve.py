"""The WSGI app that `bench/run.py` serves with gunicorn: the portal on the bench's database
and index (paths from the environment), development configuration (production insists on
PostgreSQL), rate limits off."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from portal import create_app  # noqa: E402

app = create_app(
    {
        "ENV_NAME": "development",
        "SECRET_KEY": "bench-only",
        "SQLALCHEMY_DATABASE_URI": os.environ["BENCH_DATABASE_URL"],
        "SEARCH_INDEX_DIR": os.environ["BENCH_INDEX_DIR"],
        "MAIL_OUTBOX_DIR": os.environ["BENCH_OUTBOX_DIR"],
        "RATELIMIT_ENABLED": False,
    }
)
