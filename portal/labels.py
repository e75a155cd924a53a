"""Translated labels for the values of the domain's enums (shown in UI, filters and mails)."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from portal.models import (
    Benefit,
    CourseFormat,
    Employment,
    OrganisationKind,
    PostingKind,
    PostingStatus,
    Remote,
    ReportReason,
    SalaryPeriod,
)

_LABELLED: list[tuple[enum.Enum, object]] = [
    (PostingKind.JOB, _l("Job")),
    (PostingKind.INTERNSHIP, _l("Internship")),
    (PostingKind.THESIS, _l("Thesis")),
    (PostingKind.WORKING_STUDENT, _l("Working student")),
    (PostingKind.APPRENTICESHIP, _l("Apprenticeship / dual study")),
    (PostingKind.PHD, _l("PhD position")),
    (PostingKind.POSTDOC, _l("Postdoc position")),
    (PostingStatus.DRAFT, _l("Draft")),
    (PostingStatus.SUBMITTED, _l("Submitted")),
    (PostingStatus.PUBLISHED, _l("Published")),
    (PostingStatus.REJECTED, _l("Rejected")),
    (PostingStatus.EXPIRED, _l("Expired")),
    (PostingStatus.CLOSED, _l("Closed")),
    (PostingStatus.SUSPENDED, _l("Suspended")),
    (Employment.FULL_TIME, _l("Full-time")),
    (Employment.PART_TIME, _l("Part-time")),
    (Employment.EITHER, _l("Full- or part-time")),
    (Remote.ONSITE, _l("On site")),
    (Remote.HYBRID, _l("Hybrid")),
    (Remote.REMOTE, _l("Remote")),
    (OrganisationKind.COMPANY, _l("Company")),
    (OrganisationKind.RESEARCH_INSTITUTE, _l("Research institute")),
    (OrganisationKind.UNIVERSITY, _l("University")),
    (OrganisationKind.STARTUP, _l("Start-up")),
    (OrganisationKind.ASSOCIATION, _l("Association")),
    (Benefit.FAMILY_FRIENDLY, _l("Family-friendly")),
    (Benefit.FLEXIBLE_HOURS, _l("Flexible hours")),
    (Benefit.PART_TIME_LEADERSHIP, _l("Leadership in part-time")),
    (Benefit.RELOCATION_HELP, _l("Relocation help")),
    (Benefit.CHILDCARE, _l("Childcare")),
    (Benefit.REMOTE_WORK, _l("Remote work")),
    (Benefit.TRAINING_BUDGET, _l("Training budget")),
    (Benefit.PUBLIC_TRANSPORT, _l("Public transport ticket")),
    (Benefit.COMPANY_PENSION, _l("Company pension")),
    (Benefit.LANGUAGE_COURSES, _l("Language courses")),
    (ReportReason.SCAM, _l("Fraud or scam")),
    (ReportReason.DISCRIMINATORY, _l("Discriminatory content")),
    (ReportReason.EXPIRED, _l("No longer available")),
    (ReportReason.WRONG, _l("Wrong or misleading information")),
    (ReportReason.OTHER, _l("Other")),
    (CourseFormat.ONSITE, _l("On site")),
    (CourseFormat.ONLINE, _l("Online")),
    (CourseFormat.HYBRID, _l("Hybrid")),
    (SalaryPeriod.YEAR, _l("per year")),
    (SalaryPeriod.MONTH, _l("per month")),
    (SalaryPeriod.HOUR, _l("per hour")),
]
# Keyed by type and value: StrEnum members of different enums with the same value are equal
# (PostingStatus.EXPIRED == ReportReason.EXPIRED), yet their labels differ.
LABELS: dict[tuple[type, str], object] = {
    (type(member), member.value): text for member, text in _LABELLED
}

LANGUAGE_NAMES = {"de": _l("German"), "en": _l("English")}


def label(value: enum.Enum | str | None) -> str:
    """The label of an enum member, or of a working language code; the value itself otherwise."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(LABELS.get((type(value), value.value), value.value))
    return str(LANGUAGE_NAMES.get(value, value))


def choices(enum_cls: type[enum.Enum]) -> list[SelectChoice]:
    """The members of an enum as options of a select field, labelled in the UI language."""
    return [SelectChoice(member.value, LABELS[(enum_cls, member.value)]) for member in enum_cls]


# --- staff console: organisation and course statuses, account roles --------------------------
from portal.models import CourseStatus, OrganisationStatus, Role  # noqa: E402

_STAFF_LABELLED: list[tuple[enum.Enum, object]] = [
    (OrganisationStatus.PENDING, _l("Waiting for approval")),
    (OrganisationStatus.APPROVED, _l("Approved")),
    (OrganisationStatus.REJECTED, _l("Rejected")),
    (OrganisationStatus.SUSPENDED, _l("Suspended")),
    (CourseStatus.DRAFT, _l("Draft")),
    (CourseStatus.SUBMITTED, _l("Submitted")),
    (CourseStatus.PUBLISHED, _l("Published")),
    (CourseStatus.CANCELLED, _l("Cancelled")),
    (CourseStatus.ARCHIVED, _l("Archived")),
    (Role.EMPLOYER, _l("Employer")),
    (Role.STAFF, _l("Cluster staff")),
    (Role.ADMIN, _l("Administrator")),
]
LABELS.update({(type(member), member.value): text for member, text in _STAFF_LABELLED})
