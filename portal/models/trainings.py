"""Training courses of the cluster and its members."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.base import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from portal.models.organisations import Organisation


class CourseFormat(enum.StrEnum):
    ONSITE = "onsite"
    ONLINE = "online"
    HYBRID = "hybrid"


class CourseStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    ARCHIVED = "archived"


class TrainingCourse(db.Model):
    __tablename__ = "training_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id"), index=True, comment="None: the cluster itself"
    )
    format: Mapped[CourseFormat] = mapped_column(enum_column(CourseFormat))
    status: Mapped[CourseStatus] = mapped_column(
        enum_column(CourseStatus), default=CourseStatus.DRAFT, index=True
    )
    city: Mapped[str | None] = mapped_column(sa.String(100))
    venue: Mapped[str | None] = mapped_column(sa.String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    fee_amount: Mapped[Decimal | None] = mapped_column(sa.Numeric(10, 2), comment="None: free")
    fee_currency: Mapped[str] = mapped_column(sa.String(3), default="EUR")
    language: Mapped[str] = mapped_column(sa.String(2), default="de")
    registration_url: Mapped[str | None] = mapped_column(sa.String(500))
    capacity: Mapped[int | None]
    promoted_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    organisation: Mapped[Organisation | None] = relationship()
    texts: Mapped[list[TrainingText]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="TrainingText.lang"
    )
    sessions: Mapped[list[TrainingSession]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="TrainingSession.starts_at"
    )

    def text(self, lang: str) -> TrainingText:
        for text in self.texts:
            if text.lang == lang:
                return text
        return self.texts[0]

    @property
    def is_free(self) -> bool:
        return self.fee_amount is None or self.fee_amount == 0

    def is_public(self) -> bool:
        return self.status in (CourseStatus.PUBLISHED, CourseStatus.CANCELLED)

    def is_promoted(self, now: datetime | None = None) -> bool:
        return self.promoted_until is not None and self.promoted_until > (now or utcnow())


class TrainingText(db.Model):
    __tablename__ = "training_texts"
    __table_args__ = (sa.UniqueConstraint("course_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(sa.ForeignKey("training_courses.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(sa.String(2))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.String(300), default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    target_group: Mapped[str] = mapped_column(sa.String(300), default="")
    funding_hints: Mapped[str] = mapped_column(sa.Text, default="")

    course: Mapped[TrainingCourse] = relationship(back_populates="texts")


class TrainingSession(db.Model):
    """One dated meeting of a course; a one-day course has one."""

    __tablename__ = "training_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(
        sa.ForeignKey("training_courses.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)

    course: Mapped[TrainingCourse] = relationship(back_populates="sessions")
