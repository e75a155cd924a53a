"""Posting search straight from the database, for when the search index cannot be read.

DESIGN §5 asks that search keeps answering when the index is lost or broken: while it is
rebuilt, /jobs lists public postings from the database, newest first. Each word of the
search box must occur in a title, summary or description (case-insensitive substring,
no stemming, no compound parts, no relevance); the filters work as usual except the
working language (a JSON list, not portable to query across databases). Facet counts are
left out: the page says that search is limited for the moment.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from portal.extensions import db
from portal.models import (
    Employment,
    Organisation,
    OrganisationKind,
    Posting,
    PostingKind,
    PostingLocation,
    PostingText,
    Remote,
    Topic,
    utcnow,
)
from portal.services.postings import is_public_clause
from portal.services.search_query import parse_query

MAX_WORDS = 8


def _members(enum_cls: type[enum.Enum], values: Iterable[str]) -> list[enum.Enum]:
    """The enum members named by `values` (unknown values are ignored, as on the index)."""
    known = {member.value: member for member in enum_cls}
    return [known[v] for v in values if v in known]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _word_clause(word: str) -> sa.ColumnElement[bool]:
    pattern = _like(word)
    return sa.exists().where(
        PostingText.posting_id == Posting.id,
        sa.or_(
            PostingText.title.ilike(pattern, escape="\\"),
            PostingText.summary.ilike(pattern, escape="\\"),
            PostingText.body.ilike(pattern, escape="\\"),
        ),
    )


def posting_ids(query: Any, page: int, per_page: int) -> tuple[list[int], int]:
    """(ids of the page, total) of the public postings matching `query` (a PostingQuery)."""
    conditions: list[sa.ColumnElement[bool]] = [is_public_clause()]
    parsed = parse_query(query.q or "")
    for clause in parsed.clauses[:MAX_WORDS]:
        condition = _word_clause(clause.text)
        conditions.append(sa.not_(condition) if clause.negative else condition)
    if query.kind:
        conditions.append(Posting.kind.in_(_members(PostingKind, query.kind)))
    if query.remote:
        conditions.append(Posting.remote.in_(_members(Remote, query.remote)))
    if query.employment:
        conditions.append(Posting.employment.in_(_members(Employment, query.employment)))
    if query.org or query.orgkind:
        org = sa.select(Organisation.id)
        if query.org:
            org = org.where(Organisation.slug.in_(query.org))
        if query.orgkind:
            org = org.where(Organisation.kind.in_(_members(OrganisationKind, query.orgkind)))
        conditions.append(Posting.organisation_id.in_(org))
    if query.city:
        conditions.append(
            sa.exists().where(
                PostingLocation.posting_id == Posting.id, PostingLocation.city.in_(query.city)
            )
        )
    if query.topic:
        conditions.append(Posting.topics.any(Topic.slug.in_(query.topic)))
    if query.leadership:
        conditions.append(Posting.leadership.is_(True))
    if query.visa:
        conditions.append(Posting.visa_support.is_(True))
    if query.posted:
        try:
            days = min(max(int(query.posted), 1), 36500)
        except (TypeError, ValueError):
            days = None
        if days:
            conditions.append(Posting.published_at >= utcnow() - timedelta(days=days))
    where = sa.and_(*conditions)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(Posting).where(where)) or 0
    order = (
        (Posting.deadline.is_(None), Posting.deadline, Posting.published_at.desc())
        if query.sort == "deadline"
        else (Posting.published_at.desc(), Posting.id.desc())
    )
    ids = list(
        db.session.scalars(
            sa.select(Posting.id)
            .where(where)
            .order_by(*order)
            .offset((page - 1) * per_page)
            .limit(per_page)
        )
    )
    return ids, total
