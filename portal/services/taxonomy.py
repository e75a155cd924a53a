"""The photonics taxonomy: topics that postings and courses are filed under (DESIGN §2).

Topic names are data in both languages; the slugs are stable and appear in URLs (`?topic=`),
in the API and in job-alert filters, so never rename a slug — change the names instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from portal.extensions import db
from portal.models import Topic


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name_de: str
    name_en: str


TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec("laser-technology", "Lasertechnik", "Laser technology"),
    TopicSpec("optical-design", "Optikdesign & Simulation", "Optical design & simulation"),
    TopicSpec(
        "precision-optics", "Präzisionsoptik & Fertigung", "Precision optics & manufacturing"
    ),
    TopicSpec(
        "optical-coatings",
        "Optische Beschichtungen & Dünnschichten",
        "Optical coatings & thin films",
    ),
    TopicSpec("micro-nano-optics", "Mikro- und Nanooptik", "Micro- and nano-optics"),
    TopicSpec("fibre-optics", "Faseroptik", "Fibre optics"),
    TopicSpec("optoelectronics-sensors", "Optoelektronik & Sensorik", "Optoelectronics & sensors"),
    TopicSpec("imaging", "Bildgebung & Bildverarbeitung", "Imaging & image processing"),
    TopicSpec("optical-metrology", "Optische Messtechnik", "Optical metrology"),
    TopicSpec("biophotonics", "Biophotonik & Medizinische Optik", "Biophotonics & medical optics"),
    TopicSpec("quantum-technologies", "Quantentechnologien", "Quantum technologies"),
    TopicSpec("light-sources", "Lichtquellen & LED", "Light sources & LED"),
    TopicSpec("space-optics", "Weltraum- & Astronomieoptik", "Space & astronomy optics"),
    TopicSpec(
        "integrated-photonics",
        "Photonische integrierte Schaltungen",
        "Photonic integrated circuits",
    ),
    TopicSpec("software-embedded", "Software & Embedded", "Software & embedded"),
    TopicSpec("electronics", "Elektronik", "Electronics"),
    TopicSpec("mechanical-engineering", "Maschinenbau", "Mechanical engineering"),
    TopicSpec("production-quality", "Produktion & Qualität", "Production & quality"),
    TopicSpec("sales-marketing", "Vertrieb & Marketing", "Sales & marketing"),
    TopicSpec("administration", "Verwaltung", "Administration"),
)

TOPIC_SLUGS: frozenset[str] = frozenset(spec.slug for spec in TOPICS)


def ensure_topics() -> int:
    """Insert missing topics and refresh the names of existing ones, matched by slug.

    Idempotent; flushes but does not commit. Returns the number of taxonomy topics.
    """
    existing = {
        topic.slug: topic
        for topic in db.session.scalars(sa.select(Topic).where(Topic.slug.in_(TOPIC_SLUGS)))
    }
    for spec in TOPICS:
        topic = existing.get(spec.slug)
        if topic is None:
            db.session.add(Topic(slug=spec.slug, name_de=spec.name_de, name_en=spec.name_en))
        else:
            if topic.name_de != spec.name_de:
                topic.name_de = spec.name_de
            if topic.name_en != spec.name_en:
                topic.name_en = spec.name_en
    db.session.flush()
    return len(TOPICS)


def topics_by_slug() -> dict[str, Topic]:
    """The taxonomy topics keyed by slug (call `ensure_topics()` first)."""
    return {
        topic.slug: topic
        for topic in db.session.scalars(sa.select(Topic).where(Topic.slug.in_(TOPIC_SLUGS)))
    }
