"""All models, importable from one place (Alembic and the app factory import this)."""

from portal.models.alerts import AlertDelivery, AlertFrequency, JobAlert
from portal.models.audit import AuditEvent
from portal.models.base import utcnow
from portal.models.content import Page
from portal.models.organisations import (
    ApiToken,
    Benefit,
    EmployeeRange,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationStatus,
)
from portal.models.postings import (
    LANGS,
    Employment,
    LanguageLevel,
    Posting,
    PostingKind,
    PostingLocation,
    PostingReport,
    PostingStatus,
    PostingText,
    Remote,
    ReportReason,
    SalaryPeriod,
    Topic,
    posting_topics,
)
from portal.models.revisions import PostingRevision, RevisionStatus
from portal.models.search import SearchChange
from portal.models.stats import DailyStat
from portal.models.trainings import (
    CourseFormat,
    CourseStatus,
    TrainingCourse,
    TrainingSession,
    TrainingText,
)
from portal.models.users import Role, User

__all__ = [
    "LANGS",
    "AlertDelivery",
    "AlertFrequency",
    "ApiToken",
    "AuditEvent",
    "Benefit",
    "CourseFormat",
    "CourseStatus",
    "DailyStat",
    "EmployeeRange",
    "Employment",
    "JobAlert",
    "LanguageLevel",
    "Membership",
    "MembershipRole",
    "Organisation",
    "OrganisationKind",
    "OrganisationStatus",
    "Page",
    "Posting",
    "PostingKind",
    "PostingLocation",
    "PostingReport",
    "PostingRevision",
    "PostingStatus",
    "PostingText",
    "Remote",
    "ReportReason",
    "RevisionStatus",
    "Role",
    "SalaryPeriod",
    "SearchChange",
    "Topic",
    "TrainingCourse",
    "TrainingSession",
    "TrainingText",
    "User",
    "posting_topics",
    "utcnow",
]
