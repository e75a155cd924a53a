"""Routes of the employer area: dashboard, organisation, team, postings (DESIGN §3).

Views parse, call a service in `portal.services`, commit once and render. Access is checked by
`employer_required` and the loaders in `portal.employer.access`.
"""

from __future__ import annotations

from typing import Any

from flask import (
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    send_from_directory,
    session,
    url_for,
)
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import BuildError

from portal.config import PROJECT_ROOT
from portal.employer import bp
from portal.employer.access import (
    SESSION_KEY,
    course_member_required,
    courses_allowed,
    current_organisation,
    employer_course_or_404,
    employer_posting_or_404,
    employer_required,
    is_owner,
    team_membership_or_404,
)
from portal.employer.forms import (
    ActionForm,
    ApiTokenForm,
    CourseProposalForm,
    DeleteOrganisationForm,
    ExtendForm,
    ImportForm,
    InviteForm,
    OrganisationForm,
    PostingForm,
    course_proposal_data,
    data_for_form,
)
from portal.extensions import db
from portal.i18n import current_lang, number
from portal.models import MembershipRole, Posting, PostingStatus, TrainingCourse
from portal.security import is_safe_redirect
from portal.services import (
    api_tokens,
    catalog,
    charts,
    compliance,
    embed,
    importer,
    organisations,
    postings,
    stats,
    trainings,
    uploads,
)
from portal.services.markdown import render as markdown
from portal.services.organisations import TeamError
from portal.services.postings import TransitionError
from portal.services.staff import local_zone
from portal.services.uploads import UploadError

# The order of the dashboard's sections: what needs doing first.
DASHBOARD_ORDER = (
    PostingStatus.REJECTED,
    PostingStatus.DRAFT,
    PostingStatus.SUBMITTED,
    PostingStatus.PUBLISHED,
    PostingStatus.EXPIRED,
    PostingStatus.SUSPENDED,
    PostingStatus.CLOSED,
)


def _back(default: str) -> Any:
    """Redirect to the form's safe `next`, else to `default`."""
    target = request.form.get("next")
    return redirect(target if is_safe_redirect(target) else default, 303)


def _account_url(endpoint: str, **values: Any) -> str | None:
    """A link into the accounts area, if that area has the page (it is built separately)."""
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return None


# --- dashboard ---------------------------------------------------------------------------------


@bp.get("/")
@employer_required
def dashboard():
    organisation = current_organisation()
    grouped = postings.postings_by_status(organisation)
    all_ids = [p.id for items in grouped.values() for p in items]
    return render_template(
        "employer/dashboard.html",
        organisation=organisation,
        sections=[(status, grouped[status]) for status in DASHBOARD_ORDER if grouped[status]],
        totals=stats.totals(all_ids),
        revisions=postings.with_pending_revision(all_ids),
        memberships=organisations.approved_memberships(current_user),
        is_owner=is_owner(),
        can=postings.can,
        days_left=postings.days_left,
        course_counts=trainings.course_counts(organisation) if courses_allowed() else None,
    )


@bp.post("/switch")
@employer_required
def switch_organisation():
    wanted = request.form.get("organisation_id", type=int)
    ids = {m.organisation_id for m in organisations.approved_memberships(current_user)}
    if wanted not in ids:
        abort(404)
    session[SESSION_KEY] = wanted
    return redirect(url_for(".dashboard"), 303)


# --- organisation profile ----------------------------------------------------------------------


@bp.route("/organisation", methods=["GET", "POST"])
@employer_required
def organisation_profile():
    organisation = current_organisation()
    form = OrganisationForm(obj=None if request.method == "POST" else organisation)
    if request.method == "GET":
        form.kind.data = organisation.kind.value
        form.employees.data = organisation.employees.value if organisation.employees else ""
        form.benefits.data = list(organisation.benefits or [])
    previews = None
    status = 200
    if request.method == "POST":
        valid = form.validate()
        if "preview" in request.form:
            previews = {
                "de": markdown(form.description_de.data),
                "en": markdown(form.description_en.data),
            }
            status = 200 if valid else 400
        elif valid:
            saved = _save_profile(organisation, form)
            if saved:
                flash(_("The profile has been saved."), "success")
                return redirect(url_for(".organisation_profile"), 303)
            status = 400
        else:
            status = 400
    return render_template(
        "employer/organisation.html",
        organisation=organisation,
        form=form,
        previews=previews,
        is_owner=is_owner(),
        embed_snippets={lang: embed.embed_snippet(organisation, lang) for lang in ("de", "en")},
        embed_origin=embed.website_origin(organisation),
    ), status


def _save_profile(organisation, form: OrganisationForm) -> bool:
    """Save profile and logo; the old logo file goes only after the commit succeeded."""
    new_logo = None
    upload = form.logo.data
    if upload and getattr(upload, "filename", ""):
        try:
            new_logo = uploads.store_logo(upload.stream)
        except UploadError as error:
            form.logo.errors = [*form.logo.errors, str(error.message)]
            return False
    organisations.update_profile(organisation, form.profile_values(), current_user)
    old_logo = None
    if new_logo is not None:
        old_logo = organisations.replace_logo(organisation, new_logo, current_user)
    elif form.remove_logo.data and organisation.logo:
        old_logo = organisations.replace_logo(organisation, None, current_user)
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        uploads.delete_logo(new_logo)
        raise
    uploads.delete_logo(old_logo)
    return True


@bp.route("/organisation/delete", methods=["GET", "POST"])
@employer_required(owner=True)
def delete_organisation():
    organisation = current_organisation()
    form = DeleteOrganisationForm(expected=organisation.name)
    if form.validate_on_submit():
        name = organisation.name
        _deleted, logo = organisations.delete_organisation(organisation, current_user)
        db.session.commit()
        uploads.delete_logo(logo)
        session.pop(SESSION_KEY, None)
        flash(_("The organisation “%(name)s” has been deleted.", name=name), "success")
        return redirect(url_for("public.home"), 303)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "employer/delete_organisation.html", organisation=organisation, form=form
    ), status


# --- team --------------------------------------------------------------------------------------


def _team_page(invite_form: InviteForm | None = None, status: int = 200):
    organisation = current_organisation()
    members, requests = organisations.team(organisation)
    return render_template(
        "employer/team.html",
        organisation=organisation,
        members=members,
        requests=requests,
        form=invite_form or InviteForm(),
        is_owner=is_owner(),
        me=g.membership,
    ), status


@bp.get("/team")
@employer_required
def team():
    return _team_page()


@bp.post("/team/invite")
@employer_required(owner=True)
def invite():
    form = InviteForm()
    if not form.validate():
        return _team_page(form, 400)
    outcome = organisations.invite(
        current_organisation(), form.email.data, current_user, current_lang()
    )
    db.session.commit()
    messages = {
        "added": _("%(email)s has been added to the team and informed by email."),
        "approved": _("The request of %(email)s has been approved."),
        "member": _("%(email)s is already a member of the team."),
        "invited": _("An invitation has been sent to %(email)s."),
    }
    flash(messages[outcome] % {"email": form.email.data}, "success")
    return redirect(url_for(".team"), 303)


def _team_change(change, *args) -> Any:
    """Run a team service call; a refused change becomes a message and its 4xx status."""
    try:
        change(*args)
    except TeamError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return _team_page(status=error.status_code)
    db.session.commit()
    return None


@bp.post("/team/<id:membership_id>/remove")
@employer_required(owner=True)
def remove_member(membership_id: int):
    membership = team_membership_or_404(membership_id)
    leaving = membership.user_id == current_user.id
    name = membership.user.name
    refused = _team_change(organisations.remove_member, membership, current_user)
    if refused:
        return refused
    if leaving:
        session.pop(SESSION_KEY, None)
        flash(_("You have left the organisation."), "success")
        return redirect(url_for("public.home"), 303)
    flash(_("%(name)s has been removed from the team.", name=name), "success")
    return redirect(url_for(".team"), 303)


@bp.post("/team/leave")
@employer_required
def leave_team():
    refused = _team_change(organisations.remove_member, g.membership, current_user)
    if refused:
        return refused
    session.pop(SESSION_KEY, None)
    flash(_("You have left the organisation."), "success")
    return redirect(url_for("public.home"), 303)


@bp.post("/team/<id:membership_id>/role")
@employer_required(owner=True)
def change_role(membership_id: int):
    membership = team_membership_or_404(membership_id)
    role = request.form.get("role", "")
    if role not in MembershipRole._value2member_map_:
        abort(400)
    refused = _team_change(organisations.set_role, membership, MembershipRole(role), current_user)
    if refused:
        return refused
    if role == MembershipRole.OWNER:
        flash(_("%(name)s is now an owner.", name=membership.user.name), "success")
    else:
        flash(_("%(name)s is now an editor.", name=membership.user.name), "success")
    return redirect(url_for(".team"), 303)


@bp.post("/team/<id:membership_id>/approve")
@employer_required(owner=True)
def approve_request(membership_id: int):
    membership = team_membership_or_404(membership_id)
    refused = _team_change(organisations.approve_request, membership, current_user)
    if refused:
        return refused
    flash(_("%(name)s has joined the team.", name=membership.user.name), "success")
    return redirect(url_for(".team"), 303)


@bp.post("/team/<id:membership_id>/decline")
@employer_required(owner=True)
def decline_request(membership_id: int):
    membership = team_membership_or_404(membership_id)
    name = membership.user.name
    refused = _team_change(organisations.decline_request, membership, current_user)
    if refused:
        return refused
    flash(_("The request of %(name)s has been declined.", name=name), "success")
    return redirect(url_for(".team"), 303)


@bp.route("/team/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str):
    """The link in an invitation mail. Anyone may open it; accepting needs the invited login."""
    try:
        organisation, email = organisations.read_invite(token)
    except TeamError as error:
        return render_template("employer/invite.html", error=error.message), error.status_code
    if not current_user.is_authenticated:
        here = url_for(".accept_invite", token=token)
        return render_template(
            "employer/invite.html",
            organisation=organisation,
            email=email,
            login_url=_account_url("accounts.login", next=here),
            register_url=_account_url("accounts.register", next=here, email=email),
        )
    if request.method == "POST":
        try:
            membership = organisations.accept_invite(token, current_user)
        except TeamError as error:
            db.session.rollback()
            return render_template(
                "employer/invite.html", organisation=organisation, error=error.message
            ), error.status_code
        db.session.commit()
        session[SESSION_KEY] = membership.organisation_id
        flash(_("Welcome to the team of %(name)s.", name=organisation.name), "success")
        return redirect(url_for(".dashboard"), 303)
    mismatch = current_user.email != email
    return render_template(
        "employer/invite.html", organisation=organisation, email=email, mismatch=mismatch
    ), (403 if mismatch else 200)


# --- postings ----------------------------------------------------------------------------------


def _posting_form(**kwargs: Any) -> PostingForm:
    return PostingForm(topics=catalog.all_topics(), **kwargs)


def _render_form(form: PostingForm, posting: Posting | None, status: int, hints=None):
    return render_template(
        "employer/posting_form.html",
        form=form,
        posting=posting,
        organisation=current_organisation(),
        hints=hints,
        revision=postings.pending_revision(posting) if posting is not None else None,
        trusted=postings.is_trusted(current_organisation()),
    ), status


@bp.route("/postings/new", methods=["GET", "POST"])
@employer_required
def new_posting():
    if request.method == "GET":
        form = _posting_form(
            data=data_for_form(
                {"working_languages": [current_lang()], "salary_currency": "EUR", "texts": {}}
            )
        )
        return _render_form(form, None, 200)
    form = _posting_form()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _render_form(form, None, 400)
    posting = postings.create_posting(current_organisation(), form.clean_data, current_user)
    db.session.commit()
    flash(_("The draft has been saved."), "success")
    if "preview" in request.form:
        return redirect(url_for(".preview_posting", posting_id=posting.id), 303)
    return redirect(url_for(".edit_posting", posting_id=posting.id), 303)


@bp.route("/postings/<id:posting_id>/edit", methods=["GET", "POST"])
@employer_required
def edit_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    if not postings.can(posting, "edit"):
        flash(str(postings.not_allowed(posting, "edit").message), "error")
        return _posting_page(posting, 409)
    if request.method == "GET":
        revision = postings.pending_revision(posting)
        data = revision.data if revision is not None else postings.posting_data(posting)
        form = _posting_form(data=data_for_form(data))
        return _render_form(
            form, posting, 200, hints=compliance.check(postings.preview_copy(posting, data))
        )
    form = _posting_form()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _render_form(form, posting, 400, hints=None)
    try:
        outcome = postings.save_edit(posting, form.clean_data, current_user)
    except TransitionError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return _render_form(form, posting, error.status_code)
    db.session.commit()
    messages = {
        "saved": _("Your changes have been saved."),
        "live": _("Your changes have been saved and are online now."),
        "revision": _(
            "Your changes have been saved. The cluster team reviews them; until then the "
            "posting stays online as it was."
        ),
    }
    flash(messages[outcome], "success")
    if "preview" in request.form:
        return redirect(url_for(".preview_posting", posting_id=posting.id), 303)
    return redirect(url_for(".edit_posting", posting_id=posting.id), 303)


@bp.get("/postings/<id:posting_id>/preview")
@employer_required
def preview_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    revision = postings.pending_revision(posting)
    shown = postings.preview_copy(posting, revision.data) if revision else posting
    response = current_app.make_response(
        render_template(
            "employer/preview.html",
            posting=shown,
            real=posting,
            text=shown.text(current_lang()),
            jsonld=None,
            days_left=postings.days_left(posting),
            preview=True,
            hints=compliance.check(shown),
            revision=revision,
            can=postings.can,
        )
    )
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _chart(posting: Posting):
    series = stats.daily_series(posting)
    labels = [format_date(day.day, "short") for day in series]
    total_views = sum(day.views for day in series)
    total_clicks = sum(day.apply_clicks for day in series)
    svg = charts.line_chart(
        labels,
        [
            charts.Line(_("Views"), [day.views for day in series], "views"),
            charts.Line(_("Apply clicks"), [day.apply_clicks for day in series], "clicks"),
        ],
        title=_("Views and apply clicks per day"),
        desc=_(
            "From %(start)s to %(end)s: %(views)s views and %(clicks)s apply clicks in total.",
            start=labels[0] if labels else "",
            end=labels[-1] if labels else "",
            views=number(total_views),
            clicks=number(total_clicks),
        ),
        chart_id=f"chart-{posting.id}",
        number=number,
    )
    return svg, series


def _posting_page(posting: Posting, status: int = 200):
    svg, series = _chart(posting)
    return render_template(
        "employer/posting.html",
        posting=posting,
        text=posting.text(current_lang()),
        totals=stats.totals([posting.id])[posting.id],
        chart=svg,
        series=series,
        hints=compliance.check(posting),
        revision=postings.pending_revision(posting),
        days_left=postings.days_left(posting),
        can=postings.can,
        organisation=current_organisation(),
    ), status


@bp.get("/postings/<id:posting_id>")
@employer_required
def posting_stats(posting_id: int):
    return _posting_page(employer_posting_or_404(posting_id))


def _transition(posting: Posting, change, *args) -> Any:
    """Run a status change; a forbidden one becomes a message on the posting page (4xx)."""
    try:
        change(posting, current_user, *args)
    except TransitionError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return _posting_page(employer_posting_or_404(posting.id), error.status_code)
    db.session.commit()
    return None


@bp.post("/postings/<id:posting_id>/submit")
@employer_required
def submit_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    refused = _transition(posting, postings.submit)
    if refused:
        return refused
    if posting.status == PostingStatus.PUBLISHED:
        flash(_("The posting is online now."), "success")
    else:
        flash(
            _("The posting has been submitted. The cluster team will review it shortly."),
            "success",
        )
    return _back(url_for(".posting_stats", posting_id=posting.id))


@bp.post("/postings/<id:posting_id>/extend")
@employer_required
def extend_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    form = ExtendForm()
    if not form.validate():
        flash(_("Postings can be extended by 30 or 60 days."), "error")
        return _posting_page(posting, 400)
    refused = _transition(posting, postings.extend, form.days.data)
    if refused:
        return refused
    flash(
        _("The posting is online until %(date)s.", date=format_date(posting.expires_at)),
        "success",
    )
    return _back(url_for(".posting_stats", posting_id=posting.id))


@bp.post("/postings/<id:posting_id>/close")
@employer_required
def close_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    refused = _transition(posting, postings.close)
    if refused:
        return refused
    flash(_("The posting has been closed and is no longer online."), "success")
    return _back(url_for(".posting_stats", posting_id=posting.id))


@bp.post("/postings/<id:posting_id>/duplicate")
@employer_required
def duplicate_posting(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    copy = postings.duplicate(posting, current_user)
    db.session.commit()
    flash(
        _("A copy has been created as a draft. Check it and submit it when it is ready."), "success"
    )
    return redirect(url_for(".edit_posting", posting_id=copy.id), 303)


@bp.post("/postings/<id:posting_id>/revision/withdraw")
@employer_required
def withdraw_revision(posting_id: int):
    posting = employer_posting_or_404(posting_id)
    revision = postings.pending_revision(posting)
    if revision is None:
        abort(404)
    postings.withdraw_revision(revision, current_user)
    db.session.commit()
    flash(_("Your pending changes have been discarded."), "success")
    return _back(url_for(".posting_stats", posting_id=posting.id))


# --- API tokens ----------------------------------------------------------------------------------


def _tokens_page(form: ApiTokenForm | None = None, new_token: str | None = None, status=200):
    organisation = current_organisation()
    tokens = api_tokens.organisation_tokens(organisation)
    response = make_response(
        render_template(
            "employer/api_tokens.html",
            organisation=organisation,
            tokens=tokens,
            creators=api_tokens.creators(tokens),
            form=form or ApiTokenForm(formdata=None),
            new_token=new_token,
        ),
        status,
    )
    # The page with a new token is its only showing: no cache may keep a copy.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/api-tokens")
@employer_required(owner=True)
def api_token_list():
    return _tokens_page()


@bp.post("/api-tokens")
@employer_required(owner=True)
def create_api_token():
    form = ApiTokenForm()
    if not form.validate():
        return _tokens_page(form, status=400)
    _token, value = api_tokens.create_token(current_organisation(), form.name.data, current_user)
    db.session.commit()
    return _tokens_page(new_token=value)


@bp.post("/api-tokens/<id:token_id>/revoke")
@employer_required(owner=True)
def revoke_api_token(token_id: int):
    token = api_tokens.organisation_token(current_organisation(), token_id)
    if token is None:
        abort(404)
    api_tokens.revoke_token(token, current_user)
    db.session.commit()
    flash(
        _(
            "The token “%(name)s” has been revoked. Requests with it are refused from now on.",
            name=token.name,
        ),
        "success",
    )
    return redirect(url_for(".api_token_list"), 303)


# --- import --------------------------------------------------------------------------------------

EXAMPLES_DIR = PROJECT_ROOT / "docs" / "examples"


@bp.route("/import", methods=["GET", "POST"])
@employer_required
def import_postings():
    form = ImportForm()
    report = None
    status = 200
    if request.method == "POST":
        report, status = _run_import(form)
    return render_template(
        "employer/import.html",
        organisation=current_organisation(),
        form=form,
        report=report,
        columns=importer.COLUMNS,
        optional_columns=importer.OPTIONAL_COLUMNS,
        max_mb=importer.MAX_FILE_BYTES // 2**20,
    ), status


def _run_import(form: ImportForm) -> tuple[importer.ImportReport | None, int]:
    if not form.validate():
        return None, 400
    upload = form.file.data
    raw = upload.stream.read(importer.MAX_FILE_BYTES + 1)
    try:
        report = importer.run_import(
            current_organisation(),
            raw,
            current_user,
            fmt=form.format.data or None,
            filename=upload.filename,
            dry_run=form.dry_run.data,
        )
    except importer.ImportFileError as error:  # raised before anything is written
        form.file.errors = [*form.file.errors, str(error.message)]
        return None, 400
    if not report.dry_run:  # a dry run has rolled its work back already
        db.session.commit()
    return report, 200


@bp.get("/import/example.<any(csv, json):fmt>")
@employer_required
def import_example(fmt: str):
    return send_from_directory(EXAMPLES_DIR, f"import-example.{fmt}", as_attachment=True)


# --- course proposals (member organisations only) ----------------------------------------------
#
# DESIGN §2: member organisations propose courses, staff moderate them. Members write and
# change drafts, submit them and may withdraw a submitted one; once public, a course is the
# cluster team's to change. The rules live in `portal.services.trainings`.


@bp.get("/courses")
@employer_required
def course_list():
    organisation = current_organisation()
    if not courses_allowed():
        # Not an error: the page says who may propose courses and why this one may not (yet).
        return render_template("employer/courses_closed.html", organisation=organisation)
    courses = trainings.organisation_courses(organisation)
    return render_template(
        "employer/courses.html",
        organisation=organisation,
        courses=courses,
        reasons={c.id: trainings.return_reason(c) for c in courses},
        can=trainings.can_course,
        editable=trainings.member_can_edit,
    )


def _course_page(
    course: TrainingCourse | None, form: CourseProposalForm | None, status: int = 200
) -> Any:
    """The form of a draft, or a read-only view of a course under review or public."""
    editable = course is None or trainings.member_can_edit(course)
    if editable and form is None:
        data = course_proposal_data(trainings.course_data(course), local_zone())
        form = CourseProposalForm(data=data)
    return render_template(
        "employer/course_form.html",
        organisation=current_organisation(),
        course=course,
        form=form if editable else None,
        editable=editable,
        reason=trainings.return_reason(course) if course is not None else None,
        can=trainings.can_course,
    ), status


def _save_course(course: TrainingCourse | None, form: CourseProposalForm) -> Any:
    """Create or update the draft; with "submit_review" in the form, submit it right after.

    The draft is committed before submitting, so a refused submission (a course that is
    already over) never loses what the member typed.
    """
    data = form.to_data(local_zone())
    try:
        if course is None:
            course = trainings.propose_course(current_organisation(), data, current_user)
        else:
            trainings.update_proposal(course, data, current_user)
    except TransitionError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        fresh = employer_course_or_404(course.id) if course is not None else None
        if fresh is not None and not trainings.member_can_edit(fresh):
            return _course_page(fresh, None, error.status_code)
        return _course_page(fresh, form, error.status_code)
    db.session.commit()
    if "submit_review" not in request.form:
        flash(_("The course has been saved as a draft."), "success")
        return redirect(url_for(".edit_course", course_id=course.id), 303)
    return _course_change(
        course, trainings.submit_course, COURSE_SUBMITTED, url_for(".course_list")
    )


@bp.route("/courses/new", methods=["GET", "POST"])
@course_member_required
def new_course():
    if request.method == "GET":
        form = CourseProposalForm(
            data=course_proposal_data({"language": current_lang()}, local_zone())
        )
        return _course_page(None, form)
    form = CourseProposalForm()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _course_page(None, form, 400)
    return _save_course(None, form)


@bp.route("/courses/<id:course_id>/edit", methods=["GET", "POST"])
@course_member_required
def edit_course(course_id: int):
    course = employer_course_or_404(course_id, lock=request.method == "POST")
    if request.method == "GET":
        return _course_page(course, None)
    if not trainings.member_can_edit(course):
        flash(str(trainings.not_editable_message(course)), "error")
        return _course_page(course, None, 409)
    form = CourseProposalForm()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _course_page(course, form, 400)
    return _save_course(course, form)


COURSE_SUBMITTED = _l("The course has been submitted. The cluster team will review it shortly.")


def _course_change(course: TrainingCourse, change, done: Any, back: str) -> Any:
    """Run a member's status change on their course; a refused one becomes a message on
    the course's page (4xx), a done one a flash on the page `back` leads to."""
    try:
        change(course, current_user)
    except TransitionError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return _course_page(employer_course_or_404(course.id), None, error.status_code)
    db.session.commit()
    flash(str(done), "success")
    return _back(back)


def _course_move(course_id: int, change, done: Any, back: str) -> Any:
    """A status change posted from a button (CSRF-checked), on the locked course."""
    if not ActionForm().validate():
        abort(400)
    return _course_change(employer_course_or_404(course_id, lock=True), change, done, back)


@bp.post("/courses/<id:course_id>/submit")
@course_member_required
def submit_course(course_id: int):
    return _course_move(
        course_id,
        trainings.submit_course,
        COURSE_SUBMITTED,
        url_for(".course_list"),
    )


@bp.post("/courses/<id:course_id>/withdraw")
@course_member_required
def withdraw_course(course_id: int):
    return _course_move(
        course_id,
        trainings.withdraw_course,
        _("The course has been withdrawn. It is a draft again that you can change."),
        url_for(".edit_course", course_id=course_id),
    )
