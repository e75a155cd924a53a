"""Parsing the postings list's query string — shared by the list page, feeds, alerts, API."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from portal.models import Employment, OrganisationKind, PostingKind, Remote
from portal.services.search import SORTS, PostingQuery

MAX_QUERY_LENGTH = 200
_ENUM_FILTERS = {
    "kind": {m.value for m in PostingKind},
    "orgkind": {m.value for m in OrganisationKind},
    "remote": {m.value for m in Remote},
    "employment": {m.value for m in Employment},
    "lang": {"de", "en"},
}
_FREE_FILTERS = ("topic", "city", "org")
POSTED_CHOICES = (1, 7, 30)


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else default
    except (TypeError, ValueError):
        return default


def _values(args: MultiDict, name: str, allowed: set[str] | None = None) -> tuple[str, ...]:
    """Distinct, non-empty, bounded values of a filter; unknown enum values are ignored."""
    seen: list[str] = []
    for raw in args.getlist(name)[:20]:
        value = raw.strip()[:100]
        if value and value not in seen and (allowed is None or value in allowed):
            seen.append(value)
    return tuple(seen)


def _flag(args: MultiDict, name: str) -> bool:
    return args.get(name, "") in ("1", "true", "on", "yes")


def posting_query_from_args(args: MultiDict, per_page: int) -> PostingQuery:
    """The /jobs query string as a PostingQuery. Anything unexpected is ignored, never an error."""
    q = " ".join(args.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    sort = args.get("sort", "")
    if sort not in SORTS:
        sort = "relevance" if q else "newest"
    posted = _int(args.get("posted"), None)
    return PostingQuery(
        q=q,
        **{name: _values(args, name, allowed) for name, allowed in _ENUM_FILTERS.items()},
        **{name: _values(args, name) for name in _FREE_FILTERS},
        leadership=_flag(args, "leadership"),
        visa=_flag(args, "visa"),
        posted=posted if posted in POSTED_CHOICES else None,
        sort=sort,
        page=max(1, min(_int(args.get("page"), 1) or 1, 10_000)),
        per_page=per_page,
    )
