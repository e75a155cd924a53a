"""Training courses as the public sees them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from slugify import slugify
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import CourseStatus, TrainingCourse, utcnow

PUBLIC_STATUSES = (CourseStatus.PUBLISHED, CourseStatus.CANCELLED)


def _with_details(stmt: sa.Select) -> sa.Select:
    return stmt.options(
        selectinload(TrainingCourse.texts),
        selectinload(TrainingCourse.sessions),
        selectinload(TrainingCourse.organisation),
    )


def upcoming_courses(limit: int | None = None) -> list[TrainingCourse]:
    """Published courses not yet over, promoted ones first, then by start."""
    now = utcnow()
    promoted = sa.case((TrainingCourse.promoted_until > now, 0), else_=1)
    stmt = (
        _with_details(sa.select(TrainingCourse))
        .where(TrainingCourse.status.in_(PUBLIC_STATUSES), TrainingCourse.ends_at > now)
        .order_by(promoted, TrainingCourse.starts_at, TrainingCourse.id)
    )
    if limit:
        stmt = stmt.limit(limit)
    return list(db.session.scalars(stmt))


def promoted_courses(limit: int = 3) -> list[TrainingCourse]:
    now = utcnow()
    stmt = (
        _with_details(sa.select(TrainingCourse))
        .where(
            TrainingCourse.status == CourseStatus.PUBLISHED,
            TrainingCourse.ends_at > now,
            TrainingCourse.promoted_until > now,
        )
        .order_by(TrainingCourse.starts_at)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def load_courses(ids: Sequence[int]) -> list[TrainingCourse]:
    if not ids:
        return []
    rows = db.session.scalars(
        _with_details(sa.select(TrainingCourse)).where(TrainingCourse.id.in_(ids))
    )
    by_id = {c.id: c for c in rows if c.is_public()}
    return [by_id[i] for i in ids if i in by_id]


def get_public_course(course_id: int) -> TrainingCourse | None:
    course = db.session.scalar(
        _with_details(sa.select(TrainingCourse)).where(TrainingCourse.id == course_id)
    )
    return course if course is not None and course.is_public() else None


def slug_for(course: TrainingCourse, lang: str) -> str:
    return slugify(course.text(lang).title, max_length=80, word_boundary=True) or "course"
