"""Full-text search over postings, courses and organisations with Whoosh (DESIGN §5).

INTERFACE STUB — the search helper replaces the internals; keep the public names and types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask
from markupsafe import Markup

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


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None


def search_postings(query: PostingQuery, ui_lang: str = "de") -> SearchResult:
    raise NotImplementedError


def search_trainings(q: str, ui_lang: str = "de", page: int = 1, per_page: int = 20) -> SearchResult:
    raise NotImplementedError


def apply_changes(wait: bool = False) -> int:
    raise NotImplementedError


def rebuild() -> int:
    raise NotImplementedError


def status() -> str:
    return "ok"


def init_app(app: Flask) -> None:
    pass
