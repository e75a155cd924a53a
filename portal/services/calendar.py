"""iCalendar (.ics) export of training courses, one event per session."""

from __future__ import annotations

from icalendar import Calendar, Event

from portal.models import CourseStatus, TrainingCourse, utcnow


def course_calendar(course: TrainingCourse, lang: str, *, url: str, host: str) -> bytes:
    text = course.text(lang)
    calendar = Calendar()
    calendar.add("prodid", "-//Photonik Karriere//Training courses//DE")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    sessions = course.sessions or []
    spans = [(s.starts_at, s.ends_at) for s in sessions] or [(course.starts_at, course.ends_at)]
    for number, (starts_at, ends_at) in enumerate(spans, start=1):
        event = Event()
        event.add("uid", f"course-{course.id}-{number}@{host}")
        event.add("dtstamp", utcnow())
        event.add("dtstart", starts_at)
        event.add("dtend", ends_at)
        summary = text.title if len(spans) == 1 else f"{text.title} ({number}/{len(spans)})"
        event.add("summary", summary)
        event.add("description", f"{text.summary}\n\n{url}".strip())
        event.add("url", url)
        if course.city or course.venue:
            event.add("location", ", ".join(filter(None, [course.venue, course.city])))
        if course.status == CourseStatus.CANCELLED:
            event.add("status", "CANCELLED")
        calendar.add_component(event)
    return calendar.to_ical()
