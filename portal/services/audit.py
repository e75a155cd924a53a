"""The audit trail: who did what to which object, with the state before and after (DESIGN §2).

Every posting and organisation status change and every staff action calls `record`. Events
keep no IP address; they outlive the objects they describe (no foreign key to the object).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from portal.extensions import db
from portal.models import AuditEvent, User


def _plain(value: Any) -> Any:
    """A JSON-safe copy: enums by value, dates as ISO strings, containers recursively."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def object_type(obj: Any) -> str:
    """'posting', 'organisation', 'membership', … — the model's name in lower case."""
    return type(obj).__name__.lower()


def record(
    actor: User | None,
    action: str,
    obj: Any,
    before: Any = None,
    after: Any = None,
    **details: Any,
) -> AuditEvent:
    """Add one audit event (flushed, not committed: it shares the caller's transaction).

    `action` is a dotted name such as "posting.submit"; `before`/`after` are usually the
    status values; extra keyword arguments land in `details`.
    """
    payload = {key: _plain(value) for key, value in details.items()}
    if before is not None:
        payload["before"] = _plain(before)
    if after is not None:
        payload["after"] = _plain(after)
    actor_id = getattr(actor, "id", None) if actor is not None else None
    event = AuditEvent(
        actor_id=actor_id,
        action=action[:60],
        object_type=object_type(obj),
        object_id=getattr(obj, "id", None),
        details=payload,
    )
    db.session.add(event)
    db.session.flush()
    return event


def events_for(obj: Any) -> list[AuditEvent]:
    """The events of one object, oldest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEvent)
            .where(
                AuditEvent.object_type == object_type(obj),
                AuditEvent.object_id == getattr(obj, "id", None),
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        )
    )
