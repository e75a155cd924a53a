"""Who may enter the employer area, and loading its objects with the access check in one place.

`employer_required` resolves the current organisation (the one chosen in the session, else the
first approved membership) into `g.organisation` and `g.membership`. Objects of other
organisations answer 404, never 403: their ids reveal nothing. A member lacking the role for
an action gets 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort, g, render_template, session
from flask_login import current_user

from portal.models import Membership, MembershipRole, Organisation, Posting, TrainingCourse
from portal.services import organisations, postings, trainings

SESSION_KEY = "employer_org"


def _resolve() -> Membership | None:
    membership = organisations.current_membership(current_user, session.get(SESSION_KEY))
    if membership is not None:
        g.membership = membership
        g.organisation = membership.organisation
    return membership


def employer_required(
    view: Callable[..., Any] | None = None, *, owner: bool = False
) -> Callable[..., Any]:
    """Logged-in members of an organisation only; `owner=True` also asks for the owner role.

    Anonymous visitors go to the login page (with a `next` back here); people without an
    approved membership get a page that explains why (403).
    """

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                from portal.extensions import login_manager

                return login_manager.unauthorized()
            membership = _resolve()
            if membership is None:
                return (
                    render_template(
                        "employer/no_organisation.html",
                        pending=organisations.pending_memberships(current_user),
                    ),
                    403,
                )
            if owner and membership.role != MembershipRole.OWNER:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate


def current_organisation() -> Organisation:
    return g.organisation


def is_owner() -> bool:
    membership = g.get("membership")
    return membership is not None and membership.role == MembershipRole.OWNER


def employer_posting_or_404(posting_id: int) -> Posting:
    """The current organisation's posting; 404 for every other id."""
    posting = postings.organisation_posting(current_organisation(), posting_id)
    if posting is None:
        abort(404)
    return posting


def team_membership_or_404(membership_id: int) -> Membership:
    """A membership or join request of the current organisation; 404 for any other."""
    membership = organisations.organisation_membership(current_organisation(), membership_id)
    if membership is None:
        abort(404)
    return membership


def courses_allowed() -> bool:
    """Whether the current organisation may propose courses (approved and a cluster member)."""
    return trainings.may_propose_courses(g.get("organisation"))


def course_member_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """The write routes of course proposals: employers of an approved member organisation.

    Others get the page that explains who may propose courses, with 403 (never a 500).
    """

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not courses_allowed():
            return (
                render_template("employer/courses_closed.html", organisation=g.organisation),
                403,
            )
        return view(*args, **kwargs)

    return employer_required(wrapped)


def employer_course_or_404(course_id: int, lock: bool = False) -> TrainingCourse:
    """The current organisation's course; 404 for every other id (also the cluster's own)."""
    course = trainings.organisation_course(current_organisation(), course_id, lock=lock)
    if course is None:
        abort(404)
    return course
