"""Process settings for long-running servers (gunicorn workers, `make bench`)."""

from __future__ import annotations

import gc

# Collect young objects every 10,000 allocations instead of 700: a request makes thousands of
# short-lived objects, and each collection of the old generation walks every live one.
GC_THRESHOLDS = (10_000, 10, 10)


def settle_worker() -> None:
    """Call once the app is loaded: what exists now (modules, the app, its caches) lives as
    long as the process, so move it out of the collector's way (`gc.freeze`). With 20,000
    postings a full collection otherwise paused a request for about 100 ms."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
