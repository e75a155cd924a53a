"""Does the search index hold exactly what the database says is searchable? (`reindex --check`)

The nightly `flask portal reindex --check` (docs/operations.md §4) compares the current index
generation with the database: the ids of public postings, public courses and approved
organisations, and the titles stored for them. The index is read here read-only, straight
from the layout `portal.services.search` documents (`SEARCH_INDEX_DIR/current` → `gen-<n>`,
with `portal-state.json` beside the Whoosh files), so a check never takes the writer lock,
never rebuilds on its own and never changes the index.

Two differences are expected and not reported: a published posting whose `expires_at` has
passed may still be in the index (searches filter on `expires`; `flask portal expire` removes
it), and an object the index never holds (a course without any text) is not "missing".
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session
from whoosh import index as whoosh_index

from portal.extensions import db
from portal.models import (
    Organisation,
    Posting,
    PostingStatus,
    PostingText,
    SearchChange,
    TrainingText,
    utcnow,
)
from portal.services import search_documents as documents

TYPES = ("posting", "training", "organisation")
PLURALS = {"posting": "postings", "training": "courses", "organisation": "organisations"}
STATE_FILE = "portal-state.json"
SHOWN_IDS = 20  # ids printed per difference; the count is always complete


class IndexUnreadable(RuntimeError):
    """There is no current index generation, or Whoosh cannot open it."""


@dataclass
class IndexContents:
    generation: str
    ids: dict[str, set[int]]
    titles: dict[tuple[str, int], dict[str, str]]  # (type, id) -> {lang: stored title}
    state: dict = field(default_factory=dict)


@dataclass
class Report:
    """The differences between index and database; `consistent` when there are none."""

    database: dict[str, int] = field(default_factory=dict)  # searchable objects per type
    index: dict[str, int] = field(default_factory=dict)  # documents per type
    missing: dict[str, list[int]] = field(default_factory=dict)  # searchable, not indexed
    extra: dict[str, list[int]] = field(default_factory=dict)  # indexed, not searchable
    stale: dict[str, list[int]] = field(default_factory=dict)  # indexed with an old title
    pending: int = 0  # outbox rows the index has not applied yet
    generation: str | None = None
    problem: str | None = None  # the index cannot be read, or was built incomplete

    @property
    def consistent(self) -> bool:
        differences = (*self.missing.values(), *self.extra.values(), *self.stale.values())
        return self.problem is None and not any(differences)

    def lines(self) -> list[str]:
        """The report for a person reading the job's log."""
        out = []
        if self.generation:
            out.append(f"index:    {_counts(self.index)} ({self.generation})")
        out.append(f"database: {_counts(self.database)}")
        if self.problem:
            out.append(f"index problem: {self.problem}")
        if self.pending:
            out.append(f"outbox rows not yet applied to the index: {self.pending}")
        for label, found in (
            ("missing from the index", self.missing),
            ("in the index but not public", self.extra),
            ("in the index with an outdated title", self.stale),
        ):
            for object_type in TYPES:
                ids = found.get(object_type) or []
                if ids:
                    shown = ", ".join(map(str, ids[:SHOWN_IDS]))
                    more = f", … ({len(ids) - SHOWN_IDS} more)" if len(ids) > SHOWN_IDS else ""
                    out.append(f"{PLURALS[object_type]} {label} ({len(ids)}): {shown}{more}")
        return out


def _counts(per_type: dict[str, int]) -> str:
    return ", ".join(f"{per_type.get(t, 0)} {PLURALS[t]}" for t in TYPES)


def index_root() -> str:
    return os.path.abspath(current_app.config["SEARCH_INDEX_DIR"])


def read_index() -> IndexContents:
    """Ids and stored titles of every document in the current generation (read-only)."""
    current = os.path.join(index_root(), "current")
    if not os.path.isdir(current):
        raise IndexUnreadable(f"no index at {current}")
    generation = os.path.realpath(current)  # one generation, even if it is swapped meanwhile
    ids: dict[str, set[int]] = {t: set() for t in TYPES}
    titles: dict[tuple[str, int], dict[str, str]] = {}
    try:
        with open(os.path.join(generation, STATE_FILE), encoding="utf-8") as f:
            state = json.load(f)
        ix = whoosh_index.open_dir(generation)
        with ix.reader() as reader:
            for fields in reader.all_stored_fields():  # deleted documents are left out
                object_type, _, object_id = str(fields.get("id", "")).partition(":")
                if object_type in ids and object_id.isdigit():
                    key = (object_type, int(object_id))
                    ids[object_type].add(key[1])
                    titles[key] = {
                        lang: fields[f"title_{lang}"]
                        for lang in ("de", "en")
                        if fields.get(f"title_{lang}")
                    }
    except Exception as exc:  # a damaged index raises nearly anything from Whoosh's unpickling
        raise IndexUnreadable(f"{generation}: {exc!r}") from exc
    if not isinstance(state, dict):
        raise IndexUnreadable(f"{generation}: bad {STATE_FILE}")
    return IndexContents(os.path.basename(generation), ids, titles, state)


def indexed_ids() -> dict[str, set[int]]:
    """The ids of the documents in the current index, by type ("posting", "training",
    "organisation"); IndexUnreadable when there is no readable index."""
    return read_index().ids


def database_ids(session: Session | None = None) -> dict[str, set[int]]:
    """The ids of the objects a complete index holds, by type."""
    session = session or db.session
    wanted = {t: set(ids) for t, ids in documents.public_ids(session)}
    # Objects that match the public conditions but have no document (a course without text).
    for object_type, ids in wanted.items():
        if object_type == "training" and ids:
            with_text = set(session.scalars(sa.select(TrainingText.course_id).distinct()))
            wanted[object_type] = ids & with_text
    return wanted


def database_titles(session: Session, wanted: dict[str, set[int]]) -> dict:
    """{(type, id): {lang: title}} as a fresh index would store them."""
    titles: dict[tuple[str, int], dict[str, str]] = {}
    rows: Iterable = session.execute(
        sa.select(PostingText.posting_id, PostingText.lang, PostingText.title)
    )
    for object_id, lang, title in rows:
        if object_id in wanted["posting"] and title:
            titles.setdefault(("posting", object_id), {})["en" if lang == "en" else "de"] = title
    rows = session.execute(sa.select(TrainingText.course_id, TrainingText.lang, TrainingText.title))
    for object_id, lang, title in rows:
        if object_id in wanted["training"] and title:
            titles.setdefault(("training", object_id), {})["en" if lang == "en" else "de"] = title
    for object_id, name in session.execute(sa.select(Organisation.id, Organisation.name)):
        if object_id in wanted["organisation"] and name:
            titles[("organisation", object_id)] = {"de": name, "en": name}
    return titles


def compare(session: Session | None = None) -> Report:
    """Compare the current index with the database; changes nothing."""
    session = session or db.session
    wanted = database_ids(session)
    report = Report(database={t: len(wanted[t]) for t in TYPES})
    try:
        contents = read_index()
    except IndexUnreadable as exc:
        report.problem = str(exc)
        return report
    report.generation = contents.generation
    report.index = {t: len(contents.ids[t]) for t in TYPES}
    if contents.state.get("complete") is False:
        report.problem = "the index was built while the database could not be read"
    newest = session.scalar(sa.select(sa.func.max(SearchChange.seq))) or 0
    applied = contents.state.get("seq")
    report.pending = max(0, newest - applied) if isinstance(applied, int) else 0
    hidden = _expired_but_published(session, contents.ids["posting"] - wanted["posting"])
    expected_titles = database_titles(session, wanted)
    for object_type in TYPES:
        have, want = contents.ids[object_type], wanted[object_type]
        extra = have - want
        if object_type == "posting":
            extra -= hidden
        report.missing[object_type] = sorted(want - have)
        report.extra[object_type] = sorted(extra)
        report.stale[object_type] = sorted(
            object_id
            for object_id in have & want
            if contents.titles.get((object_type, object_id), {})
            != expected_titles.get((object_type, object_id), {})
        )
    return report


def _expired_but_published(session: Session, ids: set[int]) -> set[int]:
    """Postings still marked published whose time ran out: hidden by every search."""
    if not ids:
        return set()
    now = utcnow()
    found: set[int] = set()
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        found |= set(
            session.scalars(
                sa.select(Posting.id).where(
                    Posting.id.in_(chunk[start : start + 500]),
                    Posting.status == PostingStatus.PUBLISHED,
                    Posting.expires_at <= now,
                )
            )
        )
    return found


__all__ = ["IndexUnreadable", "Report", "compare", "database_ids", "indexed_ids", "read_index"]
