"""Employers: firms, institutes, universities, start-ups; their team and API tokens."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.base import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from portal.models.postings import Posting
    from portal.models.users import User


class OrganisationKind(enum.StrEnum):
    COMPANY = "company"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    STARTUP = "startup"
    ASSOCIATION = "association"


class OrganisationStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class EmployeeRange(enum.StrEnum):
    TINY = "1-9"
    SMALL = "10-49"
    MEDIUM = "50-249"
    LARGE = "250-999"
    HUGE = "1000+"


class Benefit(enum.StrEnum):
    FAMILY_FRIENDLY = "family_friendly"
    FLEXIBLE_HOURS = "flexible_hours"
    PART_TIME_LEADERSHIP = "part_time_leadership"
    RELOCATION_HELP = "relocation_help"
    CHILDCARE = "childcare"
    REMOTE_WORK = "remote_work"
    TRAINING_BUDGET = "training_budget"
    PUBLIC_TRANSPORT = "public_transport"
    COMPANY_PENSION = "company_pension"
    LANGUAGE_COURSES = "language_courses"


class MembershipRole(enum.StrEnum):
    OWNER = "owner"
    EDITOR = "editor"


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    kind: Mapped[OrganisationKind] = mapped_column(enum_column(OrganisationKind))
    member: Mapped[bool] = mapped_column(default=False)
    status: Mapped[OrganisationStatus] = mapped_column(
        enum_column(OrganisationStatus), default=OrganisationStatus.PENDING, index=True
    )
    auto_publish: Mapped[bool] = mapped_column(default=False)
    website: Mapped[str | None] = mapped_column(sa.String(300))
    website_verified: Mapped[bool] = mapped_column(default=False)
    city: Mapped[str | None] = mapped_column(sa.String(100))
    postcode: Mapped[str | None] = mapped_column(sa.String(10))
    employees: Mapped[EmployeeRange | None] = mapped_column(enum_column(EmployeeRange))
    founded_year: Mapped[int | None]
    logo: Mapped[str | None] = mapped_column(sa.String(80))
    description_de: Mapped[str] = mapped_column(sa.Text, default="")
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    benefits: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    is_demo: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )
    postings: Mapped[list[Posting]] = relationship(back_populates="organisation")

    def description(self, lang: str) -> str:
        """The description in `lang`, falling back to the other language."""
        own = self.description_de if lang == "de" else self.description_en
        return own or self.description_en or self.description_de

    def __repr__(self) -> str:
        return f"<Organisation {self.slug}>"


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (sa.UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[MembershipRole] = mapped_column(enum_column(MembershipRole))
    approved: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships")


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(128), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organisation: Mapped[Organisation] = relationship()
