"""Counting views and apply clicks per posting and day — no IP address, no cookie."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import DailyStat, Posting, utcnow


def _bump(posting: Posting, column: str) -> None:
    today = utcnow().date()
    stat = db.session.scalar(
        sa.select(DailyStat).where(DailyStat.day == today, DailyStat.posting_id == posting.id)
    )
    if stat is None:
        stat = DailyStat(day=today, posting_id=posting.id, views=0, apply_clicks=0, alert_hits=0)
        try:
            with db.session.begin_nested():
                db.session.add(stat)
        except IntegrityError:  # another request created today's row first
            stat = db.session.scalar(
                sa.select(DailyStat).where(
                    DailyStat.day == today, DailyStat.posting_id == posting.id
                )
            )
    setattr(stat, column, (getattr(stat, column) or 0) + 1)


def record_view(posting: Posting) -> None:
    # A plain UPDATE: counting must not mark the posting dirty (it would re-index it).
    db.session.execute(
        sa.update(Posting).where(Posting.id == posting.id).values(view_count=Posting.view_count + 1)
    )
    _bump(posting, "views")


def record_apply_click(posting: Posting) -> None:
    db.session.execute(
        sa.update(Posting)
        .where(Posting.id == posting.id)
        .values(apply_click_count=Posting.apply_click_count + 1)
    )
    _bump(posting, "apply_clicks")
