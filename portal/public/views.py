"""Public pages: home, postings, trainings, organisations, content pages."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.extensions import db, limiter
from portal.i18n import current_lang
from portal.models import OrganisationKind, Page, PostingKind, ReportReason
from portal.public import bp
from portal.public.forms import POSTED_CHOICES, ReportForm, posting_query_from_args
from portal.services import organisations, postings, search, seo, stats, trainings
from portal.services.markdown import render as markdown
from portal.templating import facet_value_names

FILTER_NAMES = ("kind", "topic", "city", "org", "orgkind", "remote", "employment", "lang")


@bp.get("/")
def home():
    overview = search.posting_overview(featured=6, newest=8)
    if overview is None:  # the index cannot be read: the same from the database
        featured = postings.featured_postings()
        newest = postings.newest_postings(limit=8, exclude=[p.id for p in featured])
        counts = postings.counts_by_kind()
    else:
        featured = postings.load_postings(overview.featured)
        newest = postings.load_postings(overview.newest)
        counts = {kind: overview.counts.get(kind.value, 0) for kind in PostingKind}
    return render_template(
        "public/home.html",
        counts=counts,
        featured=featured,
        newest=newest,
        courses=trainings.promoted_courses() or trainings.upcoming_courses(limit=3),
    )


@bp.get("/jobs")
def jobs():
    query = posting_query_from_args(request.args, current_app.config["POSTINGS_PER_PAGE"])
    result = search.search_postings(query, ui_lang=current_lang())
    items = postings.load_postings([hit.id for hit in result.hits])
    hits = {hit.id: hit for hit in result.hits}
    return render_template(
        "public/jobs.html",
        query=query,
        result=result,
        items=[(p, hits[p.id]) for p in items],
        facet_labels=facet_value_names(result.facets),
        posted_choices=POSTED_CHOICES,
        filter_names=FILTER_NAMES,
    )


@bp.get("/jobs/<id:posting_id>")
@bp.get("/jobs/<id:posting_id>-<slug>")
def posting_detail(posting_id: int, slug: str | None = None):
    posting = postings.get_posting(posting_id)
    if posting is None:
        abort(404)
    lang = current_lang()
    if not posting.is_public():
        if postings.was_public(posting):
            return _gone(posting)
        abort(404)
    canonical = postings.slug_for(posting, lang)
    if slug != canonical:
        return redirect(url_for(".posting_detail", posting_id=posting.id, slug=canonical), 301)
    stats.record_view(posting)
    db.session.commit()
    url = url_for(".posting_detail", posting_id=posting.id, slug=canonical, _external=True)
    org = posting.organisation
    jsonld = seo.job_posting(
        posting,
        lang,
        url=url,
        organisation_url=url_for(".organisation_detail", slug=org.slug, _external=True),
        logo_url=url_for("ops.logo", name=org.logo, _external=True) if org.logo else None,
    )
    return render_template(
        "public/posting.html",
        posting=posting,
        text=posting.text(lang),
        jsonld=seo.as_script_json(jsonld),
        days_left=postings.days_left(posting),
        preview=False,
    )


def _gone(posting):
    similar_ids = search.similar_postings(posting.id, ui_lang=current_lang(), limit=5)
    return (
        render_template(
            "public/gone.html",
            posting=posting,
            text=posting.text(current_lang()),
            similar=postings.load_postings(similar_ids),
        ),
        410,
    )


def _public_posting_or_404(posting_id: int):
    posting = postings.get_posting(posting_id)
    if posting is None or not posting.is_public():
        abort(404)
    return posting


@bp.get("/jobs/<id:posting_id>/apply")
def apply(posting_id: int):
    posting = _public_posting_or_404(posting_id)
    stats.record_apply_click(posting)
    db.session.commit()
    if posting.apply_url:
        return redirect(posting.apply_url, 303)
    return render_template(
        "public/apply_email.html", posting=posting, text=posting.text(current_lang())
    )


@bp.route("/jobs/<id:posting_id>/report", methods=["GET", "POST"])
@limiter.limit("5 per hour; 20 per day", methods=["POST"])
def report(posting_id: int):
    posting = _public_posting_or_404(posting_id)
    form = ReportForm()
    if form.validate_on_submit():
        postings.report_posting(
            posting,
            ReportReason(form.reason.data),
            form.message.data,
            form.email.data,
            current_lang(),
        )
        db.session.commit()
        flash(_("Thank you. Our team will review your report."), "success")
        return redirect(
            url_for(
                ".posting_detail",
                posting_id=posting.id,
                slug=postings.slug_for(posting, current_lang()),
            ),
            303,
        )
    status = 400 if request.method == "POST" else 200
    return render_template(
        "public/report.html", posting=posting, form=form, text=posting.text(current_lang())
    ), status


@bp.get("/trainings")
def training_list():
    q = " ".join(request.args.get("q", "").replace("\x00", " ").split())[:200]
    if q:
        result = search.search_trainings(q, ui_lang=current_lang(), per_page=50)
        courses = trainings.load_courses([hit.id for hit in result.hits])
    else:
        courses = trainings.upcoming_courses()
    return render_template("public/trainings.html", courses=courses, q=q)


@bp.get("/trainings/<id:course_id>")
@bp.get("/trainings/<id:course_id>-<slug>")
def training_detail(course_id: int, slug: str | None = None):
    course = trainings.get_public_course(course_id)
    if course is None:
        abort(404)
    canonical = trainings.slug_for(course, current_lang())
    if slug != canonical:
        return redirect(url_for(".training_detail", course_id=course.id, slug=canonical), 301)
    return render_template("public/training.html", course=course, text=course.text(current_lang()))


@bp.get("/organisations")
def organisation_list():
    kind_value = request.args.get("kind", "")
    kind = (
        OrganisationKind(kind_value) if kind_value in OrganisationKind._value2member_map_ else None
    )
    return render_template(
        "public/organisations.html",
        organisations=organisations.public_organisations(kind),
        kind=kind,
        kinds=list(OrganisationKind),
    )


@bp.get("/organisations/<slug>")
def organisation_detail(slug: str):
    org = organisations.get_public_organisation(slug)
    if org is None:
        abort(404)
    return render_template(
        "public/organisation.html",
        organisation=org,
        description=markdown(org.description(current_lang())),
        postings=postings.organisation_postings(org),
    )


@bp.get("/p/<slug>")
def page(slug: str):
    content = db.session.scalar(db.select(Page).where(Page.slug == slug))
    if content is None:
        abort(404)
    lang = current_lang()
    return render_template(
        "public/page.html",
        page=content,
        title=content.title(lang),
        body=markdown(content.body(lang)),
    )
