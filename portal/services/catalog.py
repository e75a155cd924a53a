"""Names of topics and organisations for facets and filters, in the visitor's language."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from portal.extensions import db
from portal.models import Organisation, Page, Topic


def topic_names(lang: str) -> dict[str, str]:
    column = Topic.name_de if lang == "de" else Topic.name_en
    return {slug: name for slug, name in db.session.execute(sa.select(Topic.slug, column))}


def all_topics() -> list[Topic]:
    return list(db.session.scalars(sa.select(Topic).order_by(Topic.slug)))


def organisation_names(slugs: Sequence[str]) -> dict[str, str]:
    if not slugs:
        return {}
    rows = db.session.execute(
        sa.select(Organisation.slug, Organisation.name).where(Organisation.slug.in_(slugs))
    )
    return {slug: name for slug, name in rows}


def page_slugs() -> list[str]:
    return list(db.session.scalars(sa.select(Page.slug).order_by(Page.slug)))
