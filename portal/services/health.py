"""Health of the parts the portal needs: database and search index."""

from __future__ import annotations

import sqlalchemy as sa

from portal.extensions import db
from portal.services import search


def check() -> dict:
    parts: dict[str, str] = {}
    try:
        db.session.execute(sa.select(1))
        parts["database"] = "ok"
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        parts["database"] = "unavailable"
    parts["search"] = search.status()
    status = "ok" if all(v == "ok" for v in parts.values()) else "degraded"
    return {"status": status, **parts}
