"""Routes of the staff console: queue, postings, organisations, reports, courses, pages, users,
statistics and the audit log (DESIGN §3). Access: `portal.staff._staff_only` (every route).

Views parse, call a service, commit once and render. A refused change (TransitionError) is
rolled back and shown as a message with its 4xx status on the page it came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.i18n import current_lang, number
from portal.models import (
    AuditEvent,
    CourseStatus,
    Organisation,
    OrganisationStatus,
    PostingReport,
    PostingStatus,
    Role,
    User,
)
from portal.security import is_safe_redirect
from portal.services import (
    charts,
    compliance,
    content,
    postings,
    staff,
    statistics,
    trainings,
)
from portal.services.markdown import render as markdown
from portal.services.postings import TransitionError
from portal.staff import bp
from portal.staff.forms import (
    ActionForm,
    AuditFilterForm,
    CourseFilterForm,
    CourseForm,
    FeatureForm,
    InviteForm,
    OrganisationFilterForm,
    OrganisationFlagsForm,
    PageForm,
    PostingFilterForm,
    PromoteForm,
    ReasonForm,
    ResolveReportForm,
    RoleForm,
    StatisticsForm,
    UserFilterForm,
    course_form_data,
)


def _me() -> User:
    return current_user._get_current_object()


def _back(default: str) -> Any:
    target = request.form.get("next")
    return redirect(target if is_safe_redirect(target) else default, 303)


def _refused(error: TransitionError, page: Callable[[int], Any]) -> Any:
    """Undo the request's changes and show why, with the error's status (409, 400, 403)."""
    db.session.rollback()
    flash(str(error.message), "error")
    return page(error.status_code)


def _page_arg() -> int:
    return max(1, min(request.args.get("page", 1, type=int) or 1, 10_000))


def _csv(text: str, name: str) -> Response:
    response = Response(text, mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- the queue ---------------------------------------------------------------------------------


@bp.get("/")
def queue():
    return render_template("staff/queue.html", queue=staff.queue(), form=ActionForm())


# --- postings ----------------------------------------------------------------------------------


@bp.get("/postings")
def posting_list():
    form = PostingFilterForm(request.args)
    valid = form.validate()
    status = None
    if valid and form.status.data:
        status = PostingStatus(form.status.data)
    page = staff.list_postings(
        status=status,
        q=(form.q.data or "") if valid else "",
        featured=bool(form.featured.data) if valid else False,
        page=_page_arg(),
    )
    return render_template("staff/postings.html", form=form, page=page), 200 if valid else 400


def _posting_or_404(posting_id: int, lock: bool = False):
    posting = staff.posting_for_update(posting_id) if lock else postings.get_posting(posting_id)
    if posting is None:
        abort(404)
    return posting


def _review(posting_id: int, status: int = 200, **forms: Any):
    posting = _posting_or_404(posting_id)
    revision = postings.pending_revision(posting)
    checked = postings.preview_copy(posting, revision.data) if revision else posting
    return render_template(
        "staff/posting.html",
        posting=posting,
        data=postings.posting_data(posting),
        revision=revision,
        diff=staff.revision_diff(revision) if revision else [],
        hints=compliance.check(checked),
        reports=staff.reports_of(posting),
        history=staff.events_about("posting", posting.id),
        can=postings.can,
        reject_form=forms.get("reject_form") or ReasonForm(),
        suspend_form=forms.get("suspend_form") or ReasonForm(prefix="suspend"),
        revision_form=forms.get("revision_form") or ReasonForm(prefix="revision"),
        feature_form=forms.get("feature_form")
        or FeatureForm(data={"until": staff.local_today() + timedelta(days=14)}),
        form=ActionForm(),
        field_labels=staff.FIELD_LABELS,
        display=staff.display_value,
    ), status


@bp.get("/postings/<id:posting_id>")
def posting_review(posting_id: int):
    return _review(posting_id)


@bp.post("/postings/<id:posting_id>/approve")
def approve_posting(posting_id: int):
    posting = _posting_or_404(posting_id, lock=True)
    if not ActionForm().validate():
        abort(400)
    try:
        staff.approve_posting(posting, _me())
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code))
    db.session.commit()
    flash(_("The posting has been published and the employer informed."), "success")
    return _back(url_for(".queue"))


@bp.post("/postings/<id:posting_id>/reject")
def reject_posting(posting_id: int):
    posting = _posting_or_404(posting_id, lock=True)
    form = ReasonForm()
    if not form.validate():
        return _review(posting_id, 400, reject_form=form)
    try:
        staff.reject_posting(posting, _me(), form.reason.data)
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code, reject_form=form))
    db.session.commit()
    flash(_("The posting has been rejected and the employer informed."), "success")
    return _back(url_for(".queue"))


@bp.post("/postings/<id:posting_id>/suspend")
def suspend_posting(posting_id: int):
    posting = _posting_or_404(posting_id, lock=True)
    form = ReasonForm(prefix="suspend")
    if not form.validate():
        return _review(posting_id, 400, suspend_form=form)
    try:
        staff.suspend_posting(posting, _me(), form.reason.data)
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code, suspend_form=form))
    db.session.commit()
    flash(_("The posting has been suspended and the employer told why."), "success")
    return redirect(url_for(".posting_review", posting_id=posting_id), 303)


@bp.post("/postings/<id:posting_id>/feature")
def feature_posting(posting_id: int):
    posting = _posting_or_404(posting_id, lock=True)
    form = FeatureForm()
    if not form.validate():
        return _review(posting_id, 400, feature_form=form)
    try:
        staff.feature_posting(posting, form.until.data, _me())
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code, feature_form=form))
    db.session.commit()
    flash(
        _("The posting is featured until %(date)s.", date=format_date(form.until.data)),
        "success",
    )
    return _back(url_for(".posting_review", posting_id=posting_id))


@bp.post("/postings/<id:posting_id>/unfeature")
def unfeature_posting(posting_id: int):
    posting = _posting_or_404(posting_id, lock=True)
    if not ActionForm().validate():
        abort(400)
    try:
        staff.unfeature_posting(posting, _me())
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code))
    db.session.commit()
    flash(_("The posting is no longer featured."), "success")
    return _back(url_for(".posting_review", posting_id=posting_id))


def _revision_or_404(revision_id: int):
    revision = staff.revision_for_update(revision_id)
    if revision is None:
        abort(404)
    return revision


@bp.post("/revisions/<id:revision_id>/approve")
def approve_revision(revision_id: int):
    revision = _revision_or_404(revision_id)
    posting_id = revision.posting_id
    if not ActionForm().validate():
        abort(400)
    try:
        postings.approve_revision(revision, _me())
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code))
    db.session.commit()
    flash(_("The changes are online now and the employer has been informed."), "success")
    return _back(url_for(".queue"))


@bp.post("/revisions/<id:revision_id>/reject")
def reject_revision(revision_id: int):
    revision = _revision_or_404(revision_id)
    posting_id = revision.posting_id
    form = ReasonForm(prefix="revision")
    if not form.validate():
        return _review(posting_id, 400, revision_form=form)
    try:
        postings.reject_revision(revision, _me(), form.reason.data)
    except TransitionError as error:
        return _refused(error, lambda code: _review(posting_id, code, revision_form=form))
    db.session.commit()
    flash(_("The changes have been turned down and the employer informed."), "success")
    return _back(url_for(".queue"))


@bp.get("/featured")
def featured():
    return render_template(
        "staff/featured.html",
        postings=staff.featured_postings(),
        courses=[c for c in trainings.staff_courses() if c.is_promoted()],
        form=ActionForm(),
    )


# --- organisations -----------------------------------------------------------------------------


@bp.get("/organisations")
def organisation_list():
    form = OrganisationFilterForm(request.args)
    valid = form.validate()
    status = OrganisationStatus(form.status.data) if valid and form.status.data else None
    items = staff.list_organisations(status, (form.q.data or "") if valid else "")
    return render_template("staff/organisations.html", form=form, items=items), (
        200 if valid else 400
    )


def _organisation_or_404(organisation_id: int, lock: bool = False) -> Organisation:
    organisation = (
        staff.organisation_for_update(organisation_id)
        if lock
        else db.session.get(Organisation, organisation_id)
    )
    if organisation is None:
        abort(404)
    return organisation


def _organisation_page(organisation_id: int, status: int = 200, **forms: Any):
    organisation = _organisation_or_404(organisation_id)
    return render_template(
        "staff/organisation.html",
        organisation=organisation,
        members=staff.organisation_members(organisation),
        postings=staff.organisation_postings(organisation),
        history=staff.events_about("organisation", organisation.id),
        can=staff.can_organisation,
        reject_form=forms.get("reject_form") or ReasonForm(prefix="reject"),
        suspend_form=forms.get("suspend_form") or ReasonForm(prefix="suspend"),
        flags_form=forms.get("flags_form")
        or OrganisationFlagsForm(
            data={"auto_publish": organisation.auto_publish, "member": organisation.member}
        ),
        form=ActionForm(),
    ), status


@bp.get("/organisations/<id:organisation_id>")
def organisation_detail(organisation_id: int):
    return _organisation_page(organisation_id)


def _organisation_change(organisation_id: int, change, form=None, form_name=None, *args):
    """Run an organisation status change; a refused one is shown on the organisation's page."""
    organisation = _organisation_or_404(organisation_id, lock=True)
    forms = {form_name: form} if form_name else {}
    try:
        change(organisation, _me(), *args)
    except TransitionError as error:
        return _refused(error, lambda code: _organisation_page(organisation_id, code, **forms))
    db.session.commit()
    return None


@bp.post("/organisations/<id:organisation_id>/approve")
def approve_organisation(organisation_id: int):
    if not ActionForm().validate():
        abort(400)
    refused = _organisation_change(organisation_id, staff.approve_organisation)
    if refused:
        return refused
    flash(_("The organisation has been approved and its owners informed."), "success")
    return _back(url_for(".organisation_detail", organisation_id=organisation_id))


@bp.post("/organisations/<id:organisation_id>/reject")
def reject_organisation(organisation_id: int):
    form = ReasonForm(prefix="reject")
    if not form.validate():
        return _organisation_page(organisation_id, 400, reject_form=form)
    refused = _organisation_change(
        organisation_id, staff.reject_organisation, form, "reject_form", form.reason.data
    )
    if refused:
        return refused
    flash(_("The organisation has been rejected and its owners informed."), "success")
    return _back(url_for(".organisation_detail", organisation_id=organisation_id))


@bp.post("/organisations/<id:organisation_id>/suspend")
def suspend_organisation(organisation_id: int):
    form = ReasonForm(prefix="suspend")
    if not form.validate():
        return _organisation_page(organisation_id, 400, suspend_form=form)
    refused = _organisation_change(
        organisation_id, staff.suspend_organisation, form, "suspend_form", form.reason.data
    )
    if refused:
        return refused
    flash(
        _("The organisation and its published postings have been suspended; its owners know why."),
        "success",
    )
    return redirect(url_for(".organisation_detail", organisation_id=organisation_id), 303)


@bp.post("/organisations/<id:organisation_id>/reinstate")
def reinstate_organisation(organisation_id: int):
    if not ActionForm().validate():
        abort(400)
    refused = _organisation_change(organisation_id, staff.reinstate_organisation)
    if refused:
        return refused
    flash(_("The organisation may publish again; its owners have been informed."), "success")
    return redirect(url_for(".organisation_detail", organisation_id=organisation_id), 303)


@bp.post("/organisations/<id:organisation_id>/flags")
def organisation_flags(organisation_id: int):
    form = OrganisationFlagsForm()
    if not form.validate():
        return _organisation_page(organisation_id, 400, flags_form=form)
    organisation = _organisation_or_404(organisation_id, lock=True)
    try:
        changed = staff.set_organisation_flags(
            organisation, _me(), form.auto_publish.data, form.member.data
        )
    except TransitionError as error:
        return _refused(
            error, lambda code: _organisation_page(organisation_id, code, flags_form=form)
        )
    db.session.commit()
    if changed:
        flash(_("The settings of the organisation have been saved."), "success")
    else:
        flash(_("Nothing has changed."), "info")
    return redirect(url_for(".organisation_detail", organisation_id=organisation_id), 303)


# --- reports -----------------------------------------------------------------------------------

REPORT_STATES = ("open", "resolved", "all")


@bp.get("/reports")
def report_list():
    state = request.args.get("state", "open")
    if state not in REPORT_STATES:
        state = "open"
    return render_template(
        "staff/reports.html", reports=staff.list_reports(state), state=state, states=REPORT_STATES
    )


def _report_page(report_id: int, status: int = 200, form: ResolveReportForm | None = None):
    report = db.session.get(PostingReport, report_id)
    if report is None:
        abort(404)
    if form is None:
        form = ResolveReportForm(data={"notify_reporter": bool(report.reporter_email)})
    return render_template(
        "staff/report.html",
        report=report,
        posting=report.posting,
        others=[r for r in staff.reports_of(report.posting) if r.id != report.id],
        history=staff.events_about("postingreport", report.id),
        form=form,
    ), status


@bp.get("/reports/<id:report_id>")
def report_detail(report_id: int):
    return _report_page(report_id)


@bp.post("/reports/<id:report_id>/resolve")
def resolve_report(report_id: int):
    report = staff.report_for_update(report_id)
    if report is None:
        abort(404)
    form = ResolveReportForm()
    if not form.validate():
        return _report_page(report_id, 400, form)
    try:
        staff.resolve_report(
            report,
            _me(),
            form.resolution.data,
            suspend=form.suspend.data,
            notify_reporter=form.notify_reporter.data,
        )
    except TransitionError as error:
        return _refused(error, lambda code: _report_page(report_id, code, form))
    db.session.commit()
    flash(_("The report has been resolved."), "success")
    return redirect(url_for(".report_list"), 303)


# --- training courses ------------------------------------------------------------------------


@bp.get("/courses")
def course_list():
    form = CourseFilterForm(request.args)
    valid = form.validate()
    status = CourseStatus(form.status.data) if valid and form.status.data else None
    return render_template(
        "staff/courses.html",
        form=form,
        courses=trainings.staff_courses(status),
    ), (200 if valid else 400)


def _course_form(**kwargs: Any) -> CourseForm:
    return CourseForm(providers=trainings.provider_choices(), **kwargs)


def _course_or_404(course_id: int, lock: bool = False):
    course = trainings.course_for_update(course_id) if lock else trainings.get_course(course_id)
    if course is None:
        abort(404)
    return course


def _course_page(course, form: CourseForm, status: int = 200, promote_form=None):
    return render_template(
        "staff/course_form.html",
        course=course,
        form=form,
        can=trainings.can_course,
        promote_form=promote_form
        or PromoteForm(data={"until": staff.local_today() + timedelta(days=14)}),
        return_form=ReasonForm(prefix="return"),
        action_form=ActionForm(),
        history=staff.events_about("trainingcourse", course.id) if course else [],
    ), status


@bp.route("/courses/new", methods=["GET", "POST"])
def new_course():
    if request.method == "GET":
        form = _course_form(data=course_form_data({}, staff.local_zone()))
        return _course_page(None, form)
    form = _course_form()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _course_page(None, form, 400)
    try:
        course = trainings.create_course(form.to_data(staff.local_zone()), _me())
    except TransitionError as error:
        return _refused(error, lambda code: _course_page(None, form, code))
    db.session.commit()
    flash(_("The course has been saved as a draft."), "success")
    return redirect(url_for(".edit_course", course_id=course.id), 303)


@bp.route("/courses/<id:course_id>", methods=["GET", "POST"])
def edit_course(course_id: int):
    course = _course_or_404(course_id, lock=request.method == "POST")
    if request.method == "GET":
        data = course_form_data(trainings.course_data(course), staff.local_zone())
        return _course_page(course, _course_form(data=data))
    form = _course_form()
    if not form.validate():
        flash(_("Please correct the marked fields."), "error")
        return _course_page(course, form, 400)
    try:
        trainings.update_course(course, form.to_data(staff.local_zone()), _me())
    except TransitionError as error:
        return _refused(error, lambda code: _course_page(_course_or_404(course_id), form, code))
    db.session.commit()
    flash(_("The course has been saved."), "success")
    return redirect(url_for(".edit_course", course_id=course.id), 303)


def _course_change(course_id: int, change, *args) -> Any:
    course = _course_or_404(course_id, lock=True)
    try:
        change(course, _me(), *args)
    except TransitionError as error:

        def page(code: int) -> Any:
            fresh = _course_or_404(course_id)
            data = course_form_data(trainings.course_data(fresh), staff.local_zone())
            return _course_page(fresh, _course_form(data=data), code)

        return _refused(error, page)
    db.session.commit()
    return None


COURSE_MESSAGES = {
    "publish": lambda: _("The course has been published."),
    "cancel": lambda: _("The course has been cancelled. It stays listed, marked as cancelled."),
    "archive": lambda: _("The course has been archived."),
}


@bp.post("/courses/<id:course_id>/<any(publish, cancel, archive):action>")
def course_action(course_id: int, action: str):
    if not ActionForm().validate():
        abort(400)
    change = {
        "publish": trainings.publish_course,
        "cancel": trainings.cancel_course,
        "archive": trainings.archive_course,
    }[action]
    refused = _course_change(course_id, change)
    if refused:
        return refused
    flash(COURSE_MESSAGES[action](), "success")
    return _back(url_for(".edit_course", course_id=course_id))


@bp.post("/courses/<id:course_id>/return")
def return_course(course_id: int):
    form = ReasonForm(prefix="return")
    if not form.validate():
        flash(_("Please give a reason."), "error")
        course = _course_or_404(course_id)
        data = course_form_data(trainings.course_data(course), staff.local_zone())
        return _course_page(course, _course_form(data=data), 400)
    refused = _course_change(course_id, trainings.return_course, form.reason.data)
    if refused:
        return refused
    flash(_("The course has been sent back to its provider."), "success")
    return _back(url_for(".edit_course", course_id=course_id))


@bp.post("/courses/<id:course_id>/promote")
def promote_course(course_id: int):
    form = PromoteForm()
    if not form.validate():
        course = _course_or_404(course_id)
        data = course_form_data(trainings.course_data(course), staff.local_zone())
        return _course_page(course, _course_form(data=data), 400, promote_form=form)
    refused = _course_change(course_id, trainings.promote_course, staff.end_of_day(form.until.data))
    if refused:
        return refused
    flash(_("The course is promoted until %(date)s.", date=format_date(form.until.data)), "success")
    return _back(url_for(".edit_course", course_id=course_id))


@bp.post("/courses/<id:course_id>/unpromote")
def unpromote_course(course_id: int):
    if not ActionForm().validate():
        abort(400)
    refused = _course_change(course_id, trainings.unpromote_course)
    if refused:
        return refused
    flash(_("The course is no longer promoted."), "success")
    return _back(url_for(".edit_course", course_id=course_id))


# --- content pages -----------------------------------------------------------------------------


@bp.get("/pages")
def page_list():
    return render_template("staff/pages.html", pages=content.editable_pages())


@bp.route("/pages/<slug>", methods=["GET", "POST"])
def edit_page(slug: str):
    page = content.get_page(slug)
    if page is None:
        abort(404)
    form = PageForm(obj=page if request.method == "GET" else None)
    previews = None
    status = 200
    if request.method == "POST":
        valid = form.validate()
        if "preview" in request.form:
            previews = {"de": markdown(form.body_de.data), "en": markdown(form.body_en.data)}
            status = 200 if valid else 400
        elif valid:
            changed = content.update_page(page, form.values(), _me())
            db.session.commit()
            if changed:
                flash(_("The page has been saved."), "success")
            else:
                flash(_("Nothing has changed."), "info")
            return redirect(url_for(".edit_page", slug=slug), 303)
        else:
            flash(_("Please correct the marked fields."), "error")
            status = 400
    return render_template(
        "staff/page_form.html",
        page=page,
        form=form,
        previews=previews,
        history=staff.events_about("page", page.id, limit=20),
    ), status


# --- users -------------------------------------------------------------------------------------


@bp.get("/users")
def user_list():
    form = UserFilterForm(request.args)
    valid = form.validate()
    role = Role(form.role.data) if valid and form.role.data else None
    active = {"yes": True, "no": False}.get(form.active.data or "") if valid else None
    page = staff.find_users((form.q.data or "") if valid else "", role, active, _page_arg())
    return render_template("staff/users.html", form=form, page=page), 200 if valid else 400


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _user_page(user_id: int, status: int = 200, role_form: RoleForm | None = None):
    user = _user_or_404(user_id)
    return render_template(
        "staff/user.html",
        user=user,
        memberships=staff.user_memberships(user),
        history=staff.events_about("user", user.id),
        actions=staff.events_by(user, limit=30),
        role_form=role_form or RoleForm(data={"role": user.role.value}),
        form=ActionForm(),
        is_admin=current_user.role == Role.ADMIN,
    ), status


@bp.get("/users/<id:user_id>")
def user_detail(user_id: int):
    return _user_page(user_id)


USER_ACTIONS = {
    "deactivate": (staff.deactivate_user, lambda: _("The account has been deactivated.")),
    "reactivate": (staff.reactivate_user, lambda: _("The account is active again.")),
    "verification": (
        staff.resend_verification,
        lambda: _("A new confirmation link has been sent."),
    ),
    "invitation": (
        staff.send_invitation,
        lambda: _("A new link to choose a password has been sent."),
    ),
}


@bp.post("/users/<id:user_id>/<any(deactivate, reactivate, verification, invitation):action>")
def user_action(user_id: int, action: str):
    user = _user_or_404(user_id)
    if not ActionForm().validate():
        abort(400)
    change, message = USER_ACTIONS[action]
    try:
        change(user, _me())
    except TransitionError as error:
        return _refused(error, lambda code: _user_page(user_id, code))
    db.session.commit()
    flash(message(), "success")
    return redirect(url_for(".user_detail", user_id=user_id), 303)


@bp.post("/users/<id:user_id>/role")
def change_role(user_id: int):
    user = _user_or_404(user_id)
    form = RoleForm()
    if not form.validate():
        return _user_page(user_id, 400, form)
    try:
        staff.change_role(user, Role(form.role.data), _me())
    except TransitionError as error:
        return _refused(error, lambda code: _user_page(user_id, code, form))
    db.session.commit()
    flash(_("The role has been changed."), "success")
    return redirect(url_for(".user_detail", user_id=user_id), 303)


@bp.route("/users/invite", methods=["GET", "POST"])
def invite_user():
    form = InviteForm(admin=current_user.role == Role.ADMIN)
    if request.method == "GET":
        form.locale.data = current_lang()
        return render_template("staff/invite.html", form=form)
    if not form.validate():
        return render_template("staff/invite.html", form=form), 400
    try:
        user = staff.invite_user(
            form.email.data, form.name.data, Role(form.role.data), form.locale.data, _me()
        )
    except TransitionError as error:
        db.session.rollback()
        form.email.errors = [*form.email.errors, str(error.message)]
        return render_template("staff/invite.html", form=form), error.status_code
    db.session.commit()
    flash(
        _("The account has been created and %(email)s invited by email.", email=user.email),
        "success",
    )
    return redirect(url_for(".user_detail", user_id=user.id), 303)


# --- statistics --------------------------------------------------------------------------------


def _period(form: StatisticsForm, valid: bool) -> statistics.Period:
    if not valid:
        return statistics.period_for(None, None)
    return statistics.period_for(form.start.data, form.end.data)


def _month_label(month) -> str:
    return format_date(month, "MMM y")


def _charts(report: statistics.Report) -> dict[str, Any]:
    months = [_month_label(m) for m in report.period.months]
    first, last = months[0], months[-1]
    traffic = charts.line_chart(
        months,
        [
            charts.Line(_("Views"), statistics.series(report.monthly, "views"), "views"),
            charts.Line(
                _("Apply clicks"), statistics.series(report.monthly, "apply_clicks"), "clicks"
            ),
        ],
        title=_("Views and apply clicks per month"),
        desc=_(
            "From %(start)s to %(end)s: %(views)s views and %(clicks)s apply clicks.",
            start=first,
            end=last,
            views=number(report.summary.views),
            clicks=number(report.summary.apply_clicks),
        ),
        chart_id="chart-traffic",
        number=number,
    )
    growth = charts.line_chart(
        months,
        [
            charts.Line(
                _("Postings published"), statistics.series(report.monthly, "published"), "published"
            ),
            charts.Line(
                _("Alert subscriptions"), statistics.series(report.monthly, "alerts"), "alerts"
            ),
        ],
        title=_("Postings published and alert subscriptions per month"),
        desc=_(
            "From %(start)s to %(end)s: %(published)s postings published and %(alerts)s job "
            "alerts subscribed.",
            start=first,
            end=last,
            published=number(report.summary.published),
            alerts=number(report.summary.alerts),
        ),
        chart_id="chart-growth",
        number=number,
    )
    return {"traffic": traffic, "growth": growth}


def _csv_name(prefix: str, table: str, period: statistics.Period) -> str:
    return f"{prefix}-{table}-{period.slug}.csv"


@bp.get("/statistics")
def statistics_page():
    form = StatisticsForm(request.args)
    valid = form.validate()
    period = _period(form, valid)
    report = statistics.report(period, current_lang())
    if request.args.get("format") == "csv":
        table = report.tables.get(request.args.get("table", "monthly"))
        if table is None:
            abort(404)
        return _csv(
            statistics.to_csv(table, current_lang()),
            _csv_name("photonik-statistics", table.key, period),
        )
    return render_template(
        "staff/statistics.html",
        form=form,
        report=report,
        charts=_charts(report),
        month_label=_month_label,
        org_link=lambda org_id: url_for(".member_statistics", organisation_id=org_id),
    ), (200 if valid else 400)


@bp.get("/statistics/organisations/<id:organisation_id>")
def member_statistics(organisation_id: int):
    organisation = _organisation_or_404(organisation_id)
    form = StatisticsForm(request.args)
    valid = form.validate()
    period = _period(form, valid)
    report = statistics.member_report(organisation, period, current_lang())
    if request.args.get("format") == "csv":
        table = report.tables.get(request.args.get("table", "months"))
        if table is None:
            abort(404)
        return _csv(
            statistics.to_csv(table, current_lang()),
            _csv_name(f"photonik-{organisation.slug}", table.key, period),
        )
    return render_template(
        "staff/member_statistics.html",
        form=form,
        report=report,
        organisation=organisation,
        month_label=_month_label,
        posting_link=lambda posting_id: url_for(".posting_review", posting_id=posting_id),
    ), (200 if valid else 400)


# --- the audit log -----------------------------------------------------------------------------


def _audit_filter(form: AuditFilterForm, valid: bool) -> staff.AuditFilter:
    if not valid:
        return staff.AuditFilter()
    return staff.AuditFilter(
        action=form.action.data or "",
        object_type=form.object_type.data or "",
        object_id=form.object_id.data,
        actor=form.actor.data or "",
        date_from=form.date_from.data,
        date_to=form.date_to.data,
    )


def _audit_row(event: AuditEvent) -> list[str]:
    return [
        event.at.isoformat(timespec="seconds"),
        event.actor.email if event.actor else "",
        event.action,
        event.object_type,
        "" if event.object_id is None else str(event.object_id),
        _json(event.details.get("before")),
        _json(event.details.get("after")),
        _json({k: v for k, v in event.details.items() if k not in ("before", "after")}),
    ]


def _json(value: Any) -> str:
    if value is None or value == {}:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@bp.get("/audit")
def audit_log():
    form = AuditFilterForm(request.args)
    actions, types = staff.audit_choices()
    form.set_choices(actions, types)
    valid = form.validate()
    filters = _audit_filter(form, valid)
    if request.args.get("format") == "csv":
        header = [
            _("When (UTC)"),
            _("Who"),
            _("Action"),
            _("Object"),
            _("Object number"),
            _("Before"),
            _("After"),
            _("Details"),
        ]
        rows = (_audit_row(event) for event in staff.audit_export(filters))
        return _csv(
            statistics.csv_rows(header, rows, current_lang()),
            f"photonik-audit-{staff.local_today().isoformat()}.csv",
        )
    return render_template(
        "staff/audit.html",
        form=form,
        page=staff.audit_events(filters, _page_arg()),
    ), (200 if valid else 400)
