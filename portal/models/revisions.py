"""Pending edits of postings that were already public and wait for moderation.

A published posting of an organisation that is not trusted (`auto_publish`) stays online
unchanged while its edit is reviewed: the edit is kept here as plain data (the posting form's
values) until staff approve it (then it is applied to the posting) or reject it.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.base import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from portal.models.postings import Posting
    from portal.models.users import User


class RevisionStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class PostingRevision(db.Model):
    __tablename__ = "posting_revisions"
    __table_args__ = (sa.Index("ix_posting_revisions_posting_status", "posting_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    posting_id: Mapped[int] = mapped_column(sa.ForeignKey("postings.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    status: Mapped[RevisionStatus] = mapped_column(
        enum_column(RevisionStatus), default=RevisionStatus.PENDING
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    reason: Mapped[str | None] = mapped_column(sa.Text)

    posting: Mapped[Posting] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    def __repr__(self) -> str:
        return f"<PostingRevision {self.id} of posting {self.posting_id} {self.status}>"
