"""Fixtures of the staff console tests: postings in the queue, mails, staff clients."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import AuditEvent, PostingStatus, utcnow
from portal.services.mail import outbox_messages
from tests.factories import PostingFactory


def mails(to: str | None = None) -> list[EmailMessage]:
    """The messages sent in this test, optionally to one address."""
    return [m for m in outbox_messages() if to is None or m["To"] == to]


def text_of(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def lang_of(message: EmailMessage) -> str | None:
    return message["Content-Language"] or message.get_body(("plain",))["Content-Language"]


def events(action: str | None = None, object_id: int | None = None) -> list[AuditEvent]:
    stmt = sa.select(AuditEvent).order_by(AuditEvent.id)
    if action:
        stmt = stmt.where(AuditEvent.action == action)
    if object_id is not None:
        stmt = stmt.where(AuditEvent.object_id == object_id)
    return list(db.session.scalars(stmt))


@pytest.fixture
def submitted(organisation, owner):
    """A posting of `organisation` waiting in the queue, written by its (German) owner."""
    from datetime import timedelta

    owner.locale = "de"
    return PostingFactory(
        organisation=organisation,
        status=PostingStatus.SUBMITTED,
        published_at=None,
        expires_at=None,
        submitted_at=utcnow() - timedelta(hours=5),
        created_by_id=owner.id,
        texts={
            "de": {"title": "Optikingenieur*in", "body": "Wir bauen Linsen."},
            "en": {"title": "Optical engineer", "body": "We build lenses."},
        },
    )


@pytest.fixture
def published(organisation, owner):
    """A public posting of `organisation`."""
    return PostingFactory(
        organisation=organisation,
        created_by_id=owner.id,
        texts={"de": {"title": "Laserphysiker*in", "body": "Wir bauen Laser."}},
    )


@pytest.fixture
def as_staff(client_for, staff):
    return client_for(staff)


@pytest.fixture
def as_admin(client_for, admin):
    return client_for(admin)
