"""Counting views and apply clicks per posting and day — no IP address, no cookie."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

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


# --- figures for the employer dashboard ------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    views: int = 0
    apply_clicks: int = 0
    alert_hits: int = 0


@dataclass(frozen=True)
class DayCount:
    day: date
    views: int
    apply_clicks: int
    alert_hits: int


MAX_CHART_DAYS = 180


def totals(posting_ids: Iterable[int]) -> dict[int, Totals]:
    """Views, apply clicks and alert hits per posting, summed over its DailyStat rows."""
    ids = list(posting_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(
            DailyStat.posting_id,
            sa.func.coalesce(sa.func.sum(DailyStat.views), 0),
            sa.func.coalesce(sa.func.sum(DailyStat.apply_clicks), 0),
            sa.func.coalesce(sa.func.sum(DailyStat.alert_hits), 0),
        )
        .where(DailyStat.posting_id.in_(ids))
        .group_by(DailyStat.posting_id)
    )
    found = {pid: Totals(int(v), int(c), int(a)) for pid, v, c, a in rows}
    return {pid: found.get(pid, Totals()) for pid in ids}


def daily_series(posting: Posting, today: date | None = None) -> list[DayCount]:
    """One entry per day of the posting's life (zeros filled in), at most MAX_CHART_DAYS."""
    today = today or utcnow().date()
    rows = {
        stat.day: stat
        for stat in db.session.scalars(
            sa.select(DailyStat).where(DailyStat.posting_id == posting.id).order_by(DailyStat.day)
        )
    }
    start_candidates = [d for d in (posting.published_at, posting.created_at) if d is not None]
    start = min([*(d.date() for d in start_candidates[:1]), *rows.keys()], default=today)
    end_candidates = [today]
    if posting.closed_at is not None:
        end_candidates.append(posting.closed_at.date())
    if posting.expires_at is not None:
        end_candidates.append(posting.expires_at.date())
    end = max(min(end_candidates), max(rows.keys(), default=start), start)
    start = max(start, end - timedelta(days=MAX_CHART_DAYS - 1))
    series = []
    day = start
    while day <= end:
        stat = rows.get(day)
        series.append(
            DayCount(
                day,
                stat.views if stat else 0,
                stat.apply_clicks if stat else 0,
                stat.alert_hits if stat else 0,
            )
        )
        day += timedelta(days=1)
    return series
