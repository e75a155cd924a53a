"""Index documents: what a posting, a course or an organisation looks like to the index.

Plain functions from ORM objects to the dicts Whoosh indexes, and the loaders that fetch the
objects with what their documents need in a few queries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from datetime import time as dtime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from portal.models import (
    CourseStatus,
    Organisation,
    OrganisationStatus,
    Posting,
    PostingStatus,
    TrainingCourse,
    utcnow,
)
from portal.services.search_lexicon import fold

NO_DEADLINE = datetime(2999, 12, 31)  # sorts after every real deadline
NOT_FEATURED = datetime(1970, 1, 1)  # "featured until" of postings never featured
SNIPPET_SOURCE_CHARS = 1200  # stored per language for snippets
LOAD_CHUNK = 200


def load(session: Session, object_type: str, ids: Iterable[int]) -> dict[int, Any]:
    """Objects by id, with what their documents need loaded in a few queries."""
    ids = sorted(ids)
    found: dict[int, Any] = {}
    for start in range(0, len(ids), LOAD_CHUNK):
        chunk = ids[start : start + LOAD_CHUNK]
        if object_type == "posting":
            stmt = sa.select(Posting).options(
                selectinload(Posting.texts),
                selectinload(Posting.locations),
                selectinload(Posting.topics),
                selectinload(Posting.organisation),
            )
            model = Posting
        elif object_type == "training":
            stmt = sa.select(TrainingCourse).options(
                selectinload(TrainingCourse.texts), selectinload(TrainingCourse.organisation)
            )
            model = TrainingCourse
        else:
            stmt = sa.select(Organisation)
            model = Organisation
        for obj in session.scalars(stmt.where(model.id.in_(chunk))):
            found[obj.id] = obj
    return found


def _public(now: datetime):
    public = CourseStatus.PUBLISHED, CourseStatus.CANCELLED
    return (
        ("posting", Posting, (Posting.status == PostingStatus.PUBLISHED, Posting.expires_at > now)),
        ("training", TrainingCourse, (TrainingCourse.status.in_(public),)),
        ("organisation", Organisation, (Organisation.status == OrganisationStatus.APPROVED,)),
    )


def all_documents(session: Session) -> Iterator[dict[str, Any]]:
    yield from documents_for(session, public_ids(session))


def public_ids(session: Session) -> list[tuple[str, list[int]]]:
    """The ids of every searchable object, by type, ascending."""
    return [
        (object_type, list(session.scalars(sa.select(model.id).where(*cond).order_by(model.id))))
        for object_type, model, cond in _public(utcnow())
    ]


def documents_for(session: Session, plan: list[tuple[str, list[int]]]) -> Iterator[dict[str, Any]]:
    """The documents of these objects (those still searchable), loaded a chunk at a time."""
    now = utcnow()
    for object_type, ids in plan:
        for start in range(0, len(ids), LOAD_CHUNK):
            loaded = load(session, object_type, ids[start : start + LOAD_CHUNK])
            for object_id in sorted(loaded):
                doc = document(object_type, loaded[object_id], now)
                if doc is not None:
                    yield doc
            session.expunge_all()  # keep memory flat on big rebuilds


def document(object_type: str, obj: Any, now: datetime) -> dict[str, Any] | None:
    """The index document of a searchable object, or None when it must not be found."""
    if object_type == "posting":
        return _posting_document(obj) if obj.is_public(now) else None
    if object_type == "training":
        return _training_document(obj) if obj.is_public() and obj.texts else None
    if object_type == "organisation":
        return _organisation_document(obj) if obj.status == OrganisationStatus.APPROVED else None
    return None


def _posting_document(p: Posting) -> dict[str, Any]:
    org = p.organisation
    cities = [loc.city for loc in p.locations if loc.city]
    names = [org.name if org else "", *cities, *(loc.postcode or "" for loc in p.locations)]
    doc: dict[str, Any] = {
        "id": f"posting:{p.id}",
        "type": "posting",
        "org_id": str(p.organisation_id),
        "kind": _value(p.kind),
        "org": org.slug if org else "",
        "orgkind": _value(org.kind) if org else "",
        "remote": _value(p.remote),
        "employment": _value(p.employment),
        "topic": _keywords(t.slug for t in p.topics),
        "city": _keywords(cities),
        "lang": _keywords(p.working_languages or []),
        "leadership": bool(p.leadership),
        "visa": bool(p.visa_support),
        "published": naive(p.published_at or p.created_at),
        "deadline": naive(datetime.combine(p.deadline, dtime(), UTC))
        if p.deadline
        else NO_DEADLINE,
        "expires": naive(p.expires_at),
        "names": " ".join(filter(None, names)),
    }
    # Always set: a posting without the column's value would sort after every date.
    doc["featured_until"] = naive(p.featured_until) if p.featured_until else NOT_FEATURED
    words = [doc["names"]]
    for text in p.texts:
        lang = "en" if text.lang == "en" else "de"
        body = _plain(text.body)
        parts = [text.summary, body, _plain(text.requirements), _plain(text.offer)]
        parts += [t.name(lang) for t in p.topics]
        doc[f"title_{lang}"] = text.title
        doc[f"body_{lang}"] = "\n".join(filter(None, parts))
        doc[f"snip_{lang}"] = _snippet_source(text.summary, text.body, body)
        words += [text.title, doc[f"body_{lang}"]]
    for lang in ("de", "en"):  # topic names in both languages: a German posting tagged
        if f"body_{lang}" not in doc and p.topics:  # "fibre optics" is found in English
            doc[f"body_{lang}"] = "\n".join(t.name(lang) for t in p.topics)
    doc["words"] = "\n".join(filter(None, words))
    return _drop_none(doc)


def _training_document(c: TrainingCourse) -> dict[str, Any]:
    org = c.organisation
    names = [org.name if org else "", c.city or "", c.venue or ""]
    doc: dict[str, Any] = {
        "id": f"training:{c.id}",
        "type": "training",
        "org_id": str(c.organisation_id or ""),
        "org": org.slug if org else "",
        "orgkind": _value(org.kind) if org else "",
        "city": _keywords([c.city] if c.city else []),
        "lang": _keywords([c.language] if c.language else []),
        "starts": naive(c.starts_at),
        "published": naive(c.published_at or c.created_at),
        "names": " ".join(filter(None, names)),
    }
    words = [doc["names"]]
    for text in c.texts:
        lang = "en" if text.lang == "en" else "de"
        parts = [text.summary, _plain(text.body), text.target_group, _plain(text.funding_hints)]
        doc[f"title_{lang}"] = text.title
        doc[f"body_{lang}"] = "\n".join(filter(None, parts))
        doc[f"snip_{lang}"] = _snippet_source(text.summary, text.body)
        words += [text.title, doc[f"body_{lang}"]]
    doc["words"] = "\n".join(filter(None, words))
    return _drop_none(doc)


def _organisation_document(o: Organisation) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": f"organisation:{o.id}",
        "type": "organisation",
        "org_id": str(o.id),
        "org": o.slug,
        "orgkind": _value(o.kind),
        "city": _keywords([o.city] if o.city else []),
        "sortname": fold(o.name),
        "published": naive(o.created_at),
        "names": " ".join(filter(None, [o.name, o.city or ""])),
        "title_de": o.name,
        "title_en": o.name,
        "body_de": _plain(o.description_de),
        "body_en": _plain(o.description_en),
        "snip_de": _snippet_source("", o.description_de),
        "snip_en": _snippet_source("", o.description_en),
    }
    doc["words"] = "\n".join(filter(None, [doc["names"], doc["body_de"], doc["body_en"]]))
    return _drop_none(doc)


def _value(v: Any) -> str:
    return str(getattr(v, "value", v) or "")


def _keywords(values: Iterable[str]) -> str:
    return ",".join(v.replace(",", " ").strip() for v in values if v and v.strip())


def naive(dt: datetime | None) -> datetime | None:
    """Whoosh stores datetimes without a zone: ours are all UTC."""
    if dt is None:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _drop_none(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(
    r"(^|\s)(#{1,6}|>|[-*+]|\d+\.)\s+|(?<!\w)[*_`~]{1,3}|[*_`~]{1,3}(?!\w)", re.M
)


def _plain(markdown: str | None) -> str:
    """Markdown to plain words (links keep their text); HTML stays text, escaped on output."""
    if not markdown:
        return ""
    text = _MD_LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    return _MD_MARKS.sub(r"\1", text)


def _snippet_source(summary: str | None, body: str | None, plain: str | None = None) -> str:
    text = " ".join(
        filter(None, [(summary or "").strip(), _plain(body) if plain is None else plain])
    )
    return " ".join(text.split())[:SNIPPET_SOURCE_CHARS]
