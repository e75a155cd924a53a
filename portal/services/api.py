"""The API's view of the public objects: plain JSON-ready dicts (DESIGN §3, /api/v1).

Every function here takes an object the caller has already checked to be public and returns
exactly what the OpenAPI document (`portal/api/openapi.py`) describes; the tests validate real
responses against that document. Dates are ISO 8601 (UTC date-times with `Z`), texts come in
every language the object has, and `urls` link the HTML pages in both UI languages.

The field names are the ones the write API and the JSON import (DESIGN §10) will accept, so a
posting read here can be sent back; server-assigned fields are marked `readOnly` in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from flask import url_for

from portal.extensions import db
from portal.i18n import url_with_query
from portal.models import (
    LANGS,
    Benefit,
    Organisation,
    OrganisationStatus,
    Posting,
    Topic,
    TrainingCourse,
    posting_topics,
)
from portal.services import postings, trainings
from portal.services.postings import is_public_clause

JSON = dict[str, Any]


def iso_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _urls(url_of: Callable[[str], str]) -> dict[str, str]:
    return {lang: url_of(lang) for lang in LANGS}


def _decimal(value: Decimal) -> str:
    return f"{value:.2f}"


# --- visibility beyond the object's own status --------------------------------------------------


def is_listed(organisation: Organisation | None) -> bool:
    """A provider the public may see: only approved organisations (None is the cluster itself)."""
    return organisation is None or organisation.status == OrganisationStatus.APPROVED


def public_postings_only(items: Sequence[Posting]) -> list[Posting]:
    """Postings whose employer is approved too (a suspended employer's postings stay hidden)."""
    return [p for p in items if p.is_public() and is_listed(p.organisation)]


def public_courses_only(items: Sequence[TrainingCourse]) -> list[TrainingCourse]:
    return [c for c in items if c.is_public() and is_listed(c.organisation)]


# --- counts -------------------------------------------------------------------------------------


def open_posting_count(organisation: Organisation) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Posting.id)).where(
            Posting.organisation_id == organisation.id, is_public_clause()
        )
    )


def topics_with_counts() -> list[tuple[Topic, int]]:
    """Every topic with its number of open postings, by slug."""
    counts = dict(
        db.session.execute(
            sa.select(posting_topics.c.topic_id, sa.func.count())
            .join(Posting, Posting.id == posting_topics.c.posting_id)
            .where(is_public_clause())
            .group_by(posting_topics.c.topic_id)
        ).all()
    )
    topics = db.session.scalars(sa.select(Topic).order_by(Topic.slug))
    return [(topic, counts.get(topic.id, 0)) for topic in topics]


def known_topic_slugs(slugs: Sequence[str]) -> set[str]:
    if not slugs:
        return set()
    return set(db.session.scalars(sa.select(Topic.slug).where(Topic.slug.in_(slugs))))


def known_organisation_slugs(slugs: Sequence[str]) -> set[str]:
    """The given slugs that name approved organisations (others are not to be revealed)."""
    if not slugs:
        return set()
    return set(
        db.session.scalars(
            sa.select(Organisation.slug).where(
                Organisation.slug.in_(slugs), Organisation.status == OrganisationStatus.APPROVED
            )
        )
    )


# --- serializers ----------------------------------------------------------------------------------


def topic_ref(topic: Topic) -> JSON:
    return {"slug": topic.slug, "names": {"de": topic.name_de, "en": topic.name_en}}


def topic_json(topic: Topic, open_postings: int) -> JSON:
    return {
        **topic_ref(topic),
        "parent": topic.parent.slug if topic.parent is not None else None,
        "open_postings": open_postings,
    }


def organisation_summary(org: Organisation) -> JSON:
    return {
        "slug": org.slug,
        "name": org.name,
        "kind": org.kind.value,
        "member": org.member,
        "urls": _urls(
            lambda lang: url_for(
                "public.organisation_detail", lang=lang, slug=org.slug, _external=True
            )
        ),
    }


def organisation_json(org: Organisation, open_postings: int) -> JSON:
    descriptions = {"de": org.description_de, "en": org.description_en}
    return {
        **organisation_summary(org),
        "city": org.city,
        "postcode": org.postcode,
        "website": org.website,
        "employees": org.employees.value if org.employees else None,
        "founded_year": org.founded_year,
        "logo_url": url_for("ops.logo", name=org.logo, _external=True) if org.logo else None,
        "descriptions": {lang: text for lang, text in descriptions.items() if text},
        # Only the benefits the document names; an unknown stored value is no public fact.
        "benefits": [b for b in org.benefits or [] if b in Benefit._value2member_map_],
        "open_postings": open_postings,
        "postings_url": url_with_query("api.posting_list", {"org": [org.slug]}, _external=True),
    }


def posting_content_json(posting: Posting) -> JSON:
    """The fields an employer writes (the write API takes the same names)."""
    salary = None
    if posting.salary_min or posting.salary_max:
        salary = {
            "min": posting.salary_min,
            "max": posting.salary_max,
            "currency": posting.salary_currency,
            "period": posting.salary_period.value if posting.salary_period else None,
        }
    contact = None
    if posting.contact_name or posting.contact_email:
        contact = {"name": posting.contact_name, "email": posting.contact_email}
    return {
        "kind": posting.kind.value,
        "texts": {
            text.lang: {
                "title": text.title,
                "summary": text.summary,
                "body": text.body,
                "requirements": text.requirements,
                "offer": text.offer,
            }
            for text in posting.texts
        },
        "employment": posting.employment.value,
        "remote": posting.remote.value,
        "locations": [
            {"city": loc.city, "postcode": loc.postcode, "country": loc.country}
            for loc in posting.locations
        ],
        "topics": [topic_ref(topic) for topic in posting.topics],
        "start_date": iso_date(posting.start_date),
        "deadline": iso_date(posting.deadline),
        "salary": salary,
        "pay_scale": posting.pay_scale,
        "working_languages": list(posting.working_languages or []),
        "german_level": posting.german_level.value if posting.german_level else None,
        "english_level": posting.english_level.value if posting.english_level else None,
        "visa_support": posting.visa_support,
        "leadership": posting.leadership,
        "apply_url": posting.apply_url,
        "apply_email": posting.apply_email,
        "contact": contact,
    }


def _posting_urls(posting: Posting) -> dict[str, str]:
    return _urls(
        lambda lang: url_for(
            "public.posting_detail",
            lang=lang,
            posting_id=posting.id,
            slug=postings.slug_for(posting, lang),
            _external=True,
        )
    )


def posting_json(posting: Posting) -> JSON:
    return {
        "id": posting.id,
        "organisation": organisation_summary(posting.organisation),
        **posting_content_json(posting),
        "featured": posting.is_featured(),
        "published_at": iso_datetime(posting.published_at),
        "expires_at": iso_datetime(posting.expires_at),
        "updated_at": iso_datetime(posting.updated_at),
        "urls": _posting_urls(posting),
    }


def employer_posting_json(posting: Posting) -> JSON:
    """A posting as its organisation sees it through the write API: any status, its own id.

    The content is the newest version: a pending revision's, if an edit waits for review.
    """
    revision = postings.pending_revision(posting)
    shown = postings.preview_copy(posting, revision.data) if revision else posting
    return {
        "id": posting.id,
        "external_id": posting.external_id,
        "status": posting.status.value,
        "pending_review": revision is not None,
        **posting_content_json(shown),
        "published_at": iso_datetime(posting.published_at),
        "expires_at": iso_datetime(posting.expires_at),
        "updated_at": iso_datetime(posting.updated_at),
        "urls": _posting_urls(shown),
    }


def course_json(course: TrainingCourse) -> JSON:
    return {
        "id": course.id,
        "status": course.status.value,
        "format": course.format.value,
        "organisation": organisation_summary(course.organisation) if course.organisation else None,
        "texts": {
            text.lang: {
                "title": text.title,
                "summary": text.summary,
                "body": text.body,
                "target_group": text.target_group,
                "funding_hints": text.funding_hints,
            }
            for text in course.texts
        },
        "language": course.language,
        "city": course.city,
        "venue": course.venue,
        "starts_at": iso_datetime(course.starts_at),
        "ends_at": iso_datetime(course.ends_at),
        "sessions": [
            {"starts_at": iso_datetime(s.starts_at), "ends_at": iso_datetime(s.ends_at)}
            for s in course.sessions
        ],
        "fee": None
        if course.is_free
        else {"amount": _decimal(course.fee_amount), "currency": course.fee_currency},
        "registration_url": course.registration_url,
        "capacity": course.capacity,
        "promoted": course.is_promoted(),
        "published_at": iso_datetime(course.published_at),
        "updated_at": iso_datetime(course.updated_at),
        "urls": _urls(
            lambda lang: url_for(
                "public.training_detail",
                lang=lang,
                course_id=course.id,
                slug=trainings.slug_for(course, lang),
                _external=True,
            )
        ),
    }
