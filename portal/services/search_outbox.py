"""The search outbox: SQLAlchemy session events that queue changed searchable objects.

Every flush that creates, changes or deletes a posting (or its texts, places, topics), a
course (or its texts, sessions), an organisation or a topic appends `SearchChange` rows in
the same transaction; `portal.services.search.apply_changes` replays them into the index.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from flask import g, has_app_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.models import (
    Organisation,
    Posting,
    PostingLocation,
    PostingText,
    SearchChange,
    Topic,
    TrainingCourse,
    TrainingSession,
    TrainingText,
    utcnow,
)

logger = logging.getLogger(__name__)

SESSION_FLAG = "portal_search_pending"  # in `session.info`: this transaction queued changes
REQUEST_FLAG = "portal_search_pending"  # on `g`: this request committed queued changes

# Attributes whose change does not alter a document (counters, bookkeeping).
_IGNORED_ATTRS: dict[type, frozenset[str]] = {
    Posting: frozenset(
        {"view_count", "apply_click_count", "expiry_warned_at", "updated_at", "updated_by_id"}
    ),
    # `postings`: a new posting appends itself to its organisation's collection; queuing the
    # organisation for that would reindex all its postings on every new one.
    Organisation: frozenset({"updated_at", "memberships", "postings"}),
    TrainingCourse: frozenset({"updated_at"}),
}
# Tables that Core/ORM bulk statements may touch: (object type, column holding its id).
_TABLE_TARGETS: dict[str, tuple[str, str]] = {
    "postings": ("posting", "id"),
    "posting_texts": ("posting", "posting_id"),
    "posting_locations": ("posting", "posting_id"),
    "posting_topics": ("posting", "posting_id"),
    "organisations": ("organisation", "id"),
    "training_courses": ("training", "id"),
    "training_texts": ("training", "course_id"),
    "training_sessions": ("training", "course_id"),
    "topics": ("topic", "id"),
}
_TABLE_MODELS: dict[str, type] = {
    "postings": Posting,
    "organisations": Organisation,
    "training_courses": TrainingCourse,
}


def _target(obj: Any) -> tuple[str, int | None] | None:
    """The searchable object an ORM instance belongs to."""
    if isinstance(obj, Posting):
        return "posting", obj.id
    if isinstance(obj, (PostingText, PostingLocation)):
        return "posting", obj.posting_id or (obj.posting.id if obj.posting else None)
    if isinstance(obj, Organisation):
        return "organisation", obj.id
    if isinstance(obj, TrainingCourse):
        return "training", obj.id
    if isinstance(obj, (TrainingText, TrainingSession)):
        return "training", obj.course_id or (obj.course.id if obj.course else None)
    if isinstance(obj, Topic):
        return "topic", obj.id
    return None


def _changed(obj: Any) -> bool:
    """Whether a dirty instance has a net change to an attribute its document uses."""
    ignored = next((attrs for cls, attrs in _IGNORED_ATTRS.items() if isinstance(obj, cls)), ())
    state = sa.inspect(obj)
    return any(attr.history.has_changes() for attr in state.attrs if attr.key not in ignored)


def _after_flush(session: Session, flush_context) -> None:
    """Queue the searchable objects this flush touched, in the flush's own transaction.

    Why after_flush: new objects get their ids only in the flush, and `session.new`, `dirty`
    and `deleted` still describe the flushed changes here. Queuing per flush (not in
    before_commit) also covers objects flushed earlier in the transaction. The rows go in
    with a Core insert on the session's connection, so the session does not flush again; and
    they commit or roll back together with the change they describe.
    """
    changes: set[tuple[str, int]] = set()
    for obj in [*session.new, *session.deleted]:
        target = _target(obj)
        if target and target[1] is not None:
            changes.add(target)  # type: ignore[arg-type]
    for obj in session.dirty:
        target = _target(obj)
        if target and target[1] is not None and _changed(obj):
            changes.add(target)  # type: ignore[arg-type]
    if changes:
        insert_changes(session, changes)


def _on_orm_execute(state) -> None:
    """Queue the rows an UPDATE/DELETE statement is about to change (bulk statements bypass
    the flush). The ids are selected with the statement's own WHERE clause first."""
    if not (state.is_update or state.is_delete):
        return
    stmt = state.statement
    table = getattr(stmt, "table", None)
    spec = _TABLE_TARGETS.get(getattr(table, "name", None))
    if spec is None:
        return
    object_type, column = spec
    try:
        if state.is_update:
            keys = {getattr(k, "key", k) for k in (getattr(stmt, "_values", None) or {})}
            ignored = _IGNORED_ATTRS.get(_TABLE_MODELS.get(table.name), frozenset())
            if keys and keys <= ignored:
                return
        select = sa.select(table.c[column]).distinct()
        if stmt.whereclause is not None:
            select = select.where(stmt.whereclause)
        connection = state.session.connection(bind_arguments={"mapper": SearchChange.__mapper__})
        ids = {i for i in connection.execute(select).scalars() if i is not None}
    except Exception:
        logger.exception("could not narrow a bulk statement; reindexing all %ss", object_type)
        ids = {0}
    if ids:
        insert_changes(state.session, {(object_type, i) for i in ids})


def queue_changes(session: Session, object_type: str, ids) -> None:
    """Queue objects for reindexing in `session`'s transaction.

    For code that changes searchable rows in ways the events cannot see: raw SQL text.
    (Flushes and ORM/Core `update()`/`delete()` statements run through a session are seen.)
    """
    insert_changes(session, {(object_type, int(i)) for i in ids})


def insert_changes(session: Session, changes: set[tuple[str, int]]) -> None:
    """Append outbox rows through the session's connection (a Core insert: no flush)."""
    connection = session.connection(bind_arguments={"mapper": SearchChange.__mapper__})
    connection.execute(
        sa.insert(SearchChange.__table__),
        [{"object_type": t, "object_id": i, "created_at": utcnow()} for t, i in sorted(changes)],
    )
    session.info[SESSION_FLAG] = True


def _after_commit(session: Session) -> None:
    if session.info.pop(SESSION_FLAG, False) and has_app_context():
        setattr(g, REQUEST_FLAG, True)


def _after_rollback(session: Session) -> None:
    session.info.pop(SESSION_FLAG, None)


def register_session_events() -> None:
    """Listen on the Session class: Flask-SQLAlchemy's scoped session, test sessions bound
    to a connection and the applier's own read sessions are all instances of it."""
    for name, fn in (
        ("after_flush", _after_flush),
        ("do_orm_execute", _on_orm_execute),
        ("after_commit", _after_commit),
        ("after_rollback", _after_rollback),
    ):
        if not event.contains(Session, name, fn):
            event.listen(Session, name, fn)
