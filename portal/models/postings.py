"""Vacancies of every kind, their texts per language, places, topics and reports."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.base import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from portal.models.organisations import Organisation


class PostingKind(enum.StrEnum):
    JOB = "job"
    INTERNSHIP = "internship"
    THESIS = "thesis"
    WORKING_STUDENT = "working_student"
    APPRENTICESHIP = "apprenticeship"
    PHD = "phd"
    POSTDOC = "postdoc"


class PostingStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    REJECTED = "rejected"
    EXPIRED = "expired"
    CLOSED = "closed"
    SUSPENDED = "suspended"


class Employment(enum.StrEnum):
    FULL_TIME = "full_time"
    PART_TIME = "part_time"
    EITHER = "either"


class Remote(enum.StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


class SalaryPeriod(enum.StrEnum):
    YEAR = "year"
    MONTH = "month"
    HOUR = "hour"


class LanguageLevel(enum.StrEnum):
    """CEFR levels; `native` is deliberately absent (it reads as origin-coded)."""

    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class ReportReason(enum.StrEnum):
    SCAM = "scam"
    DISCRIMINATORY = "discriminatory"
    EXPIRED = "expired"
    WRONG = "wrong"
    OTHER = "other"


LANGS = ("de", "en")

posting_topics = sa.Table(
    "posting_topics",
    db.metadata,
    sa.Column("posting_id", sa.ForeignKey("postings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True),
)


class Topic(db.Model):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name_de: Mapped[str] = mapped_column(sa.String(100))
    name_en: Mapped[str] = mapped_column(sa.String(100))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("topics.id"))

    parent: Mapped[Topic | None] = relationship(remote_side=[id])

    def name(self, lang: str) -> str:
        return self.name_de if lang == "de" else self.name_en


class Posting(db.Model):
    __tablename__ = "postings"
    __table_args__ = (
        sa.UniqueConstraint("organisation_id", "external_id", name="uq_postings_org_external_id"),
        sa.Index("ix_postings_status_expires", "status", "expires_at"),
        # The newest public postings (home page, feeds) without sorting every posting.
        sa.Index("ix_postings_status_published", "status", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(sa.String(100))
    kind: Mapped[PostingKind] = mapped_column(enum_column(PostingKind), index=True)
    status: Mapped[PostingStatus] = mapped_column(
        enum_column(PostingStatus), default=PostingStatus.DRAFT
    )
    employment: Mapped[Employment] = mapped_column(
        enum_column(Employment), default=Employment.FULL_TIME
    )
    remote: Mapped[Remote] = mapped_column(enum_column(Remote), default=Remote.ONSITE)
    start_date: Mapped[date | None] = mapped_column(comment="None means as soon as possible")
    deadline: Mapped[date | None]
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    salary_currency: Mapped[str] = mapped_column(sa.String(3), default="EUR")
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(enum_column(SalaryPeriod))
    pay_scale: Mapped[str | None] = mapped_column(sa.String(40))
    working_languages: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    german_level: Mapped[LanguageLevel | None] = mapped_column(enum_column(LanguageLevel))
    english_level: Mapped[LanguageLevel | None] = mapped_column(enum_column(LanguageLevel))
    visa_support: Mapped[bool] = mapped_column(default=False)
    leadership: Mapped[bool] = mapped_column(default=False)
    apply_url: Mapped[str | None] = mapped_column(sa.String(500))
    apply_email: Mapped[str | None] = mapped_column(sa.String(254))
    contact_name: Mapped[str | None] = mapped_column(sa.String(120))
    contact_email: Mapped[str | None] = mapped_column(sa.String(254))
    rejection_reason: Mapped[str | None] = mapped_column(sa.Text)
    featured_until: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expiry_warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    view_count: Mapped[int] = mapped_column(default=0)
    apply_click_count: Mapped[int] = mapped_column(default=0)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    organisation: Mapped[Organisation] = relationship(back_populates="postings")
    texts: Mapped[list[PostingText]] = relationship(
        back_populates="posting", cascade="all, delete-orphan", order_by="PostingText.lang"
    )
    locations: Mapped[list[PostingLocation]] = relationship(
        back_populates="posting", cascade="all, delete-orphan", order_by="PostingLocation.position"
    )
    topics: Mapped[list[Topic]] = relationship(secondary=posting_topics, order_by=Topic.slug)

    @property
    def langs(self) -> list[str]:
        return [t.lang for t in self.texts]

    def text(self, lang: str) -> PostingText:
        """The text in `lang`, else the one the posting has (every posting has at least one)."""
        for text in self.texts:
            if text.lang == lang:
                return text
        return self.texts[0]

    def is_public(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return (
            self.status == PostingStatus.PUBLISHED
            and self.expires_at is not None
            and self.expires_at > now
        )

    def is_featured(self, now: datetime | None = None) -> bool:
        return self.featured_until is not None and self.featured_until > (now or utcnow())

    @property
    def cities(self) -> list[str]:
        return [loc.city for loc in self.locations]

    def __repr__(self) -> str:
        return f"<Posting {self.id} {self.kind} {self.status}>"


class PostingText(db.Model):
    __tablename__ = "posting_texts"
    __table_args__ = (sa.UniqueConstraint("posting_id", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(sa.ForeignKey("postings.id", ondelete="CASCADE"))
    lang: Mapped[str] = mapped_column(sa.String(2))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.String(300), default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    requirements: Mapped[str] = mapped_column(sa.Text, default="")
    offer: Mapped[str] = mapped_column(sa.Text, default="")

    posting: Mapped[Posting] = relationship(back_populates="texts")


class PostingLocation(db.Model):
    __tablename__ = "posting_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("postings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    city: Mapped[str] = mapped_column(sa.String(100))
    postcode: Mapped[str | None] = mapped_column(sa.String(10))
    country: Mapped[str] = mapped_column(sa.String(2), default="DE")

    posting: Mapped[Posting] = relationship(back_populates="locations")


class PostingReport(db.Model):
    """A notice about a posting (EU Digital Services Act Art. 16), resolved by staff (Art. 17)."""

    __tablename__ = "posting_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("postings.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[ReportReason] = mapped_column(enum_column(ReportReason))
    message: Mapped[str] = mapped_column(sa.Text, default="")
    reporter_email: Mapped[str | None] = mapped_column(sa.String(254))
    lang: Mapped[str] = mapped_column(sa.String(2), default="de")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    resolution: Mapped[str | None] = mapped_column(sa.Text)

    posting: Mapped[Posting] = relationship()
