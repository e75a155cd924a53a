"""Job alerts by email: no account, double opt-in, proof of consent."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.base import UTCDateTime, enum_column, utcnow


class AlertFrequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"


class JobAlert(db.Model):
    __tablename__ = "job_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), index=True)
    lang: Mapped[str] = mapped_column(sa.String(2), default="de")
    query: Mapped[str] = mapped_column(sa.String(200), default="")
    filters: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    frequency: Mapped[AlertFrequency] = mapped_column(
        enum_column(AlertFrequency), default=AlertFrequency.WEEKLY
    )
    token: Mapped[str] = mapped_column(sa.String(64), unique=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reconfirm_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consent_text: Mapped[str] = mapped_column(sa.Text, default="", comment="what was agreed to")

    deliveries: Mapped[list[AlertDelivery]] = relationship(
        back_populates="alert", cascade="all, delete-orphan"
    )


class AlertDelivery(db.Model):
    """A posting mailed to an alert: sending resumes after a crash without duplicates."""

    __tablename__ = "alert_deliveries"
    __table_args__ = (sa.UniqueConstraint("alert_id", "posting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(sa.ForeignKey("job_alerts.id", ondelete="CASCADE"))
    posting_id: Mapped[int] = mapped_column(sa.ForeignKey("postings.id", ondelete="CASCADE"))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    alert: Mapped[JobAlert] = relationship(back_populates="deliveries")
