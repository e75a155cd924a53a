"""Writing postings from outside the form: the write API and the import (DESIGN §3, §10).

Both hand in posting data already cleaned by `posting_rules.validate_posting_data` and go
through the status machine of `portal.services.postings` like the form does: a new posting is
created as a draft and (by default) submitted — moderated, or published at once for trusted
organisations; a change of a published posting of an untrusted organisation waits as a
pending revision. `external_id` (the employer's own id, unique per organisation) makes a
write idempotent: sending the same posting again updates it, or leaves it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from portal.extensions import db
from portal.models import Organisation, Posting, PostingStatus, User
from portal.services import audit, postings
from portal.services.posting_rules import validate_posting_data

Outcome = Literal["created", "updated", "unchanged"]


@dataclass
class WriteResult:
    posting: Posting
    outcome: Outcome
    # An edit of a published posting waits for moderation (the old version stays online).
    pending_review: bool = False


def by_external_id(organisation: Organisation, external_id: str) -> Posting | None:
    return db.session.scalar(
        sa.select(Posting).where(
            Posting.organisation_id == organisation.id, Posting.external_id == external_id
        )
    )


def latest_data(posting: Posting) -> dict[str, Any]:
    """The newest content: a pending revision's if one waits, else the posting's own."""
    revision = postings.pending_revision(posting)
    return dict(revision.data) if revision is not None else postings.posting_data(posting)


def _same_content(posting: Posting, clean: dict[str, Any]) -> bool:
    # Both sides through the same cleaning, so formatting differences do not count.
    current, _errors = validate_posting_data(latest_data(posting))
    return current == clean


def put_posting(
    organisation: Organisation,
    clean: dict[str, Any],
    actor: User,
    external_id: str | None = None,
    submit: bool = True,
) -> WriteResult:
    """Create a posting, or update the one with this `external_id`; then submit a draft.

    Raises `postings.TransitionError` when the status machine refuses (the caller rolls back).
    """
    posting = by_external_id(organisation, external_id) if external_id else None
    if posting is not None:
        return update_posting(posting, clean, actor, submit=submit)
    posting = postings.create_posting(organisation, clean, actor)
    posting.external_id = external_id
    db.session.flush()
    if submit:
        postings.submit(posting, actor)
    return WriteResult(posting, "created")


def update_posting(
    posting: Posting, clean: dict[str, Any], actor: User, submit: bool = False
) -> WriteResult:
    """Change the content through `postings.save_edit`; unchanged content is left alone.

    With `submit`, a draft (also one that was rejected and is now revised) is submitted.
    """
    outcome: Outcome = "unchanged"
    pending = False
    if not _same_content(posting, clean):
        saved = postings.save_edit(posting, clean, actor)
        outcome = "updated"
        pending = saved == "revision"
    if submit and posting.status == PostingStatus.DRAFT:
        postings.submit(posting, actor)
        outcome = "updated"
    if not pending:
        pending = postings.pending_revision(posting) is not None
    return WriteResult(posting, outcome, pending)


def set_external_id(posting: Posting, external_id: str | None, actor: User) -> bool:
    """Link a posting to the employer's own id; False when another posting has it already."""
    if external_id == posting.external_id:
        return True
    if external_id is not None:
        other = by_external_id(posting.organisation, external_id)
        if other is not None and other.id != posting.id:
            return False
    audit.record(
        actor,
        "posting.external_id",
        posting,
        before=posting.external_id,
        after=external_id,
    )
    posting.external_id = external_id
    db.session.flush()
    return True
