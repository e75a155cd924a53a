"""Postings: what the public may see, and (later) the status machine that changes them.

This module is the only writer of `Posting.status` (DESIGN §2).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import sqlalchemy as sa
from slugify import slugify
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import (
    Organisation,
    Posting,
    PostingKind,
    PostingReport,
    PostingStatus,
    ReportReason,
    utcnow,
)

# Postings once public: their URL answers 410 Gone rather than 404.
ONCE_PUBLIC = (
    PostingStatus.PUBLISHED,
    PostingStatus.EXPIRED,
    PostingStatus.CLOSED,
    PostingStatus.SUSPENDED,
)


def is_public_clause() -> sa.ColumnElement[bool]:
    """SQL condition for 'shown to the public': published and not yet expired."""
    return sa.and_(Posting.status == PostingStatus.PUBLISHED, Posting.expires_at > utcnow())


def _with_details(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        selectinload(Posting.texts),
        selectinload(Posting.locations),
        selectinload(Posting.topics),
        selectinload(Posting.organisation),
    )


def load_postings(ids: Sequence[int]) -> list[Posting]:
    """Public postings by id, in the order given (search results come as ids)."""
    if not ids:
        return []
    rows = db.session.scalars(_with_details(sa.select(Posting)).where(Posting.id.in_(ids)))
    by_id = {p.id: p for p in rows if p.is_public()}
    return [by_id[i] for i in ids if i in by_id]


def get_posting(posting_id: int) -> Posting | None:
    return db.session.scalar(_with_details(sa.select(Posting)).where(Posting.id == posting_id))


def was_public(posting: Posting) -> bool:
    return posting.status in ONCE_PUBLIC and posting.published_at is not None


def slug_for(posting: Posting, lang: str) -> str:
    return slugify(posting.text(lang).title, max_length=80, word_boundary=True) or "posting"


def counts_by_kind() -> dict[PostingKind, int]:
    rows = db.session.execute(
        sa.select(Posting.kind, sa.func.count()).where(is_public_clause()).group_by(Posting.kind)
    )
    counts = dict.fromkeys(PostingKind, 0)
    counts.update({kind: n for kind, n in rows})
    return counts


def public_postings() -> list[Posting]:
    stmt = _with_details(sa.select(Posting)).where(is_public_clause()).order_by(Posting.id)
    return list(db.session.scalars(stmt))


def featured_postings(limit: int = 6) -> list[Posting]:
    stmt = (
        _with_details(sa.select(Posting))
        .where(is_public_clause(), Posting.featured_until > utcnow())
        .order_by(Posting.featured_until.desc(), Posting.id)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def newest_postings(limit: int = 6, exclude: Iterable[int] = ()) -> list[Posting]:
    stmt = _with_details(sa.select(Posting)).where(is_public_clause())
    excluded = list(exclude)
    if excluded:
        stmt = stmt.where(Posting.id.not_in(excluded))
    stmt = stmt.order_by(Posting.published_at.desc(), Posting.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def organisation_postings(organisation: Organisation) -> list[Posting]:
    stmt = (
        _with_details(sa.select(Posting))
        .where(is_public_clause(), Posting.organisation_id == organisation.id)
        .order_by(Posting.published_at.desc())
    )
    return list(db.session.scalars(stmt))


def days_left(posting: Posting, today: date | None = None) -> int | None:
    if posting.expires_at is None:
        return None
    return (posting.expires_at.date() - (today or utcnow().date())).days


def report_posting(
    posting: Posting, reason: ReportReason, message: str, reporter_email: str | None, lang: str
) -> PostingReport:
    """Record a notice about a posting (DSA Art. 16); staff resolve it in their console."""
    report = PostingReport(
        posting=posting,
        reason=reason,
        message=message.strip(),
        reporter_email=(reporter_email or "").strip().lower() or None,
        lang=lang,
    )
    db.session.add(report)
    db.session.flush()
    return report
