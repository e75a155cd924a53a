"""Organisations as the public sees them."""

from __future__ import annotations

import sqlalchemy as sa

from portal.extensions import db
from portal.models import Organisation, OrganisationKind, OrganisationStatus, Posting
from portal.services.postings import is_public_clause


def public_organisations(kind: OrganisationKind | None = None) -> list[tuple[Organisation, int]]:
    """Approved organisations with their number of open postings, busiest first."""
    open_count = (
        sa.select(sa.func.count(Posting.id))
        .where(Posting.organisation_id == Organisation.id, is_public_clause())
        .correlate(Organisation)
        .scalar_subquery()
    )
    stmt = sa.select(Organisation, open_count).where(
        Organisation.status == OrganisationStatus.APPROVED
    )
    if kind is not None:
        stmt = stmt.where(Organisation.kind == kind)
    stmt = stmt.order_by(open_count.desc(), Organisation.name)
    return [(org, count) for org, count in db.session.execute(stmt)]


def get_public_organisation(slug: str) -> Organisation | None:
    return db.session.scalar(
        sa.select(Organisation).where(
            Organisation.slug == slug, Organisation.status == OrganisationStatus.APPROVED
        )
    )
