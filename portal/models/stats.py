"""Counts aggregated per day and posting; no personal data, no IP addresses."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class DailyStat(db.Model):
    __tablename__ = "daily_stats"
    __table_args__ = (sa.UniqueConstraint("day", "posting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("postings.id", ondelete="CASCADE"), index=True
    )
    views: Mapped[int] = mapped_column(default=0)
    apply_clicks: Mapped[int] = mapped_column(default=0)
    alert_hits: Mapped[int] = mapped_column(default=0)
