"""Machine-readable views: Atom feeds, iCalendar, sitemap."""

from __future__ import annotations

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import gettext as _

from portal.i18n import current_lang, url_with_query
from portal.models import utcnow
from portal.public import bp, ops_bp
from portal.public.forms import posting_query_from_args
from portal.services import catalog, organisations, postings, trainings
from portal.services.calendar import course_calendar
from portal.services.search import search_postings

FEED_SIZE = 50
ATOM = "application/atom+xml; charset=utf-8"


@bp.get("/jobs.atom")
def jobs_feed():
    query = posting_query_from_args(request.args, FEED_SIZE)
    if "sort" not in request.args:
        query = query.__class__(**{**query.__dict__, "sort": "newest"})
    result = search_postings(query, ui_lang=current_lang())
    items = postings.load_postings([hit.id for hit in result.hits])
    body = render_template(
        "public/jobs_feed.xml",
        items=items,
        updated=max((p.published_at for p in items), default=utcnow()),
        self_url=request.url,
        html_url=url_with_query("public.jobs", request.args.to_dict(flat=False), _external=True),
        title=_("Photonik Karriere – postings")
        if not query.q
        else _("Photonik Karriere – postings for “%(q)s”", q=query.q),
    )
    return Response(body, mimetype=ATOM)


@bp.get("/trainings.atom")
def trainings_feed():
    courses = trainings.upcoming_courses(limit=FEED_SIZE)
    body = render_template(
        "public/trainings_feed.xml",
        courses=courses,
        updated=max((c.updated_at for c in courses), default=utcnow()),
        self_url=request.url,
        html_url=url_for("public.training_list", _external=True),
    )
    return Response(body, mimetype=ATOM)


@bp.get("/trainings/<id:course_id>.ics")
def training_ics(course_id: int):
    course = trainings.get_public_course(course_id)
    if course is None:
        abort(404)
    url = url_for(
        "public.training_detail",
        course_id=course.id,
        slug=trainings.slug_for(course, current_lang()),
        _external=True,
    )
    ics = course_calendar(course, current_lang(), url=url, host=request.host)
    return Response(
        ics,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="course-{course.id}.ics"'},
    )


@ops_bp.get("/sitemap.xml")
def sitemap():
    """Every public page in both languages, each with its twin as hreflang alternate."""
    entries: list[tuple[dict[str, str], object]] = []

    def add(endpoint: str, lastmod=None, slug_of=None, **values) -> None:
        urls = {}
        for lang in current_app.config["LANGUAGES"]:
            if slug_of is not None:
                values["slug"] = slug_of(lang)
            urls[lang] = url_for(endpoint, lang=lang, _external=True, **values)
        entries.append((urls, lastmod))

    for endpoint in (
        "public.home",
        "public.jobs",
        "public.training_list",
        "public.organisation_list",
    ):
        add(endpoint)
    for posting in postings.public_postings():
        add(
            "public.posting_detail",
            posting.updated_at,
            posting_id=posting.id,
            slug_of=lambda lang, p=posting: postings.slug_for(p, lang),
        )
    for course in trainings.upcoming_courses():
        add(
            "public.training_detail",
            course.updated_at,
            course_id=course.id,
            slug_of=lambda lang, c=course: trainings.slug_for(c, lang),
        )
    for org, _count in organisations.public_organisations():
        add("public.organisation_detail", org.updated_at, slug=org.slug)
    for slug in catalog.page_slugs():
        add("public.page", slug=slug)
    body = render_template("public/sitemap.xml", entries=entries)
    return Response(body, mimetype="application/xml")
