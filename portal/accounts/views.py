"""Routes of the accounts area: sign-up, login, mailed links, settings, export, deletion.

Links in mails never change anything on GET (mail scanners open them): the page shows a
button that POSTs. Rate limits count POSTs per client address (DESIGN §7).
"""

from __future__ import annotations

import json

from flask import (
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.routing import BuildError

from portal.accounts import bp
from portal.accounts.forms import (
    ConfirmForm,
    DeleteAccountForm,
    EmailChangeForm,
    EmailForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
)
from portal.extensions import db, limiter
from portal.i18n import current_lang
from portal.models import Role, User
from portal.security import is_safe_redirect
from portal.services import accounts
from portal.services.tokens import TokenError

LOGIN_LIMIT = "10 per minute; 50 per hour"
REGISTER_LIMIT = "10 per hour; 30 per day"
MAIL_LINK_LIMIT = "5 per hour; 20 per day"  # reset and verification links: each sends a mail
SETTINGS_LIMIT = "20 per hour"  # these forms check the current password


@bp.app_template_global()
def has_endpoint(name: str) -> bool:
    """True when the app has this route: the header links to areas that may not exist yet."""
    return name in current_app.view_functions


def _me() -> User:
    return current_user._get_current_object()


def _home_for(user: User) -> str:
    if user.role == Role.EMPLOYER and has_endpoint("employer.dashboard"):
        return url_for("employer.dashboard")
    if user.is_staff and has_endpoint("staff.queue"):
        return url_for("staff.queue")
    return url_for(".settings")


def _status() -> int:
    """200 for a form shown, 400 for a form sent back with errors."""
    return 400 if request.method == "POST" else 200


def _link_problem(error: TokenError, kind: str):
    """A translated 400 page for an expired, tampered or used link, with the way to a new one."""
    return render_template("accounts/link_problem.html", reason=error.reason, kind=kind), 400


# --- sign-up and login -----------------------------------------------------------------------


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(REGISTER_LIMIT, methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(_home_for(_me()))
    form = RegisterForm()
    if form.validate_on_submit():
        joining = form.organisation_mode.data == "join"
        try:
            user = accounts.register(
                email=form.email.data,
                name=form.name.data,
                password=form.password.data,
                locale=current_lang(),
                new_organisation=None if joining else form.new_organisation(),
                join=form.joined_organisation() if joining else None,
            )
        except accounts.EmailTaken:  # registered in the meantime
            db.session.rollback()
            form.email.errors.append(_("An account with this email address already exists."))
        else:
            db.session.commit()
            login_user(user)
            flash(
                _(
                    "Welcome! We have sent a link to %(email)s: please follow it to confirm "
                    "your address.",
                    email=user.email,
                ),
                "success",
            )
            if joining:
                flash(_("The owners of the organisation have been asked to confirm you."), "info")
            else:
                flash(_("Our team will check your organisation before it is listed."), "info")
            return redirect(_home_for(user), 303)
    return render_template("accounts/register.html", form=form), _status()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(LOGIN_LIMIT, methods=["POST"])
def login():
    form = LoginForm()
    if request.method == "GET":
        if current_user.is_authenticated:
            return redirect(_home_for(_me()))
        wanted = request.args.get("next", "")
        form.next.data = wanted if len(wanted) <= 500 and is_safe_redirect(wanted) else ""
    failed = False
    if form.validate_on_submit():
        user = accounts.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            login_user(user, remember=form.remember.data)
            target = form.next.data
            return redirect(target if is_safe_redirect(target) else _home_for(user), 303)
        failed = True
    return render_template("accounts/login.html", form=form, failed=failed), _status()


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You have been logged out."), "info")
    return redirect(url_for("public.home"), 303)


# --- confirming the address ------------------------------------------------------------------


@bp.route("/verify/<token>", methods=["GET", "POST"])
def verify(token: str):
    form = ConfirmForm()
    try:
        user = accounts.user_for_verification(token)
    except TokenError as error:
        return _link_problem(error, "verify")
    if form.validate_on_submit():
        accounts.verify_email(user)
        db.session.commit()
        flash(_("Thank you: your email address is confirmed."), "success")
        logged_in = current_user.is_authenticated and current_user.id == user.id
        return redirect(_home_for(user) if logged_in else url_for(".login"), 303)
    return render_template("accounts/verify.html", form=form, email=user.email)


@bp.route("/verify", methods=["GET", "POST"])
@limiter.limit(MAIL_LINK_LIMIT, methods=["POST"])
def resend_verification():
    """A new confirmation link: for the logged-in account, or by address (same answer always)."""
    if current_user.is_authenticated:
        form = ConfirmForm()
        if current_user.email_verified_at is not None:
            flash(_("Your email address is already confirmed."), "info")
            return redirect(_home_for(_me()), 303)
        if form.validate_on_submit():
            accounts.send_verification(_me())
            flash(_("We have sent a new link to %(email)s.", email=current_user.email), "success")
            return redirect(_home_for(_me()), 303)
    else:
        form = EmailForm()
        if form.validate_on_submit():
            accounts.resend_verification(form.email.data)
            flash(
                _(
                    "If an account with an unconfirmed address %(email)s exists, we have sent "
                    "it a new link.",
                    email=form.email.data,
                ),
                "info",
            )
            return redirect(url_for(".login"), 303)
    return render_template("accounts/resend_verification.html", form=form), _status()


# --- password reset ----------------------------------------------------------------------------


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(MAIL_LINK_LIMIT, methods=["POST"])
def reset_request():
    form = EmailForm()
    if form.validate_on_submit():
        accounts.request_password_reset(form.email.data)
        # The same answer whether or not the address has an account.
        flash(
            _(
                "If an account exists for %(email)s, we have sent it a link to choose a new "
                "password. The link is valid for 2 hours.",
                email=form.email.data,
            ),
            "info",
        )
        return redirect(url_for(".login"), 303)
    return render_template("accounts/reset_request.html", form=form), _status()


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        user = accounts.user_for_reset(token)
    except TokenError as error:
        return _link_problem(error, "reset")
    form = ResetPasswordForm()
    if form.validate_on_submit():
        accounts.reset_password(user, form.password.data)
        db.session.commit()
        if current_user.is_authenticated and current_user.id != user.id:
            logout_user()
        flash(_("Your new password is set. Please log in with it."), "success")
        return redirect(url_for(".login"), 303)
    return render_template("accounts/reset_password.html", form=form), _status()


# --- settings ----------------------------------------------------------------------------------


def _settings_page(status: int = 200, **forms):
    """The settings page with its three forms; the one that was sent keeps its input."""
    user = _me()
    forms.setdefault("profile_form", ProfileForm(formdata=None, obj=user))
    forms.setdefault("password_form", PasswordChangeForm(formdata=None, user=user))
    forms.setdefault("email_form", EmailChangeForm(formdata=None, user=user))
    return render_template("accounts/settings.html", **forms), status


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    if request.method == "GET":
        return _settings_page()
    form = ProfileForm()
    if form.validate_on_submit():
        accounts.update_profile(_me(), form.name.data, form.locale.data)
        db.session.commit()
        flash(_("Your settings are saved."), "success")
        return redirect(url_for(".settings"), 303)
    return _settings_page(400, profile_form=form)


@bp.post("/settings/password")
@login_required
@limiter.limit(SETTINGS_LIMIT)
def change_password():
    form = PasswordChangeForm(user=_me())
    if form.validate_on_submit():
        accounts.change_password(_me(), form.new_password.data)
        db.session.commit()
        # The new password ends every other session; this one goes on with a new id.
        login_user(_me(), remember=request.cookies.get("remember_token") is not None)
        flash(_("Your password has been changed. You were logged out everywhere else."), "success")
        return redirect(url_for(".settings"), 303)
    return _settings_page(400, password_form=form)


@bp.post("/settings/email")
@login_required
@limiter.limit(SETTINGS_LIMIT)
def change_email():
    form = EmailChangeForm(user=_me())
    if form.validate_on_submit():
        try:
            accounts.request_email_change(_me(), form.new_email.data)
        except accounts.EmailTaken:
            form.new_email.errors.append(_("Another account already uses this email address."))
        else:
            flash(
                _(
                    "We have sent a link to %(email)s. Your address changes once you follow it.",
                    email=form.new_email.data,
                ),
                "info",
            )
            return redirect(url_for(".settings"), 303)
    return _settings_page(400, email_form=form)


@bp.route("/email/<token>", methods=["GET", "POST"])
def confirm_email(token: str):
    form = ConfirmForm()
    try:
        user, new_email = accounts.pending_email_change(token)
    except TokenError as error:
        return _link_problem(error, "email")
    if form.validate_on_submit():
        try:
            accounts.confirm_email_change(token)
        except accounts.EmailTaken:
            db.session.rollback()
            return render_template("accounts/link_problem.html", reason="taken", kind="email"), 409
        db.session.commit()
        flash(_("Your email address is now %(email)s.", email=new_email), "success")
        logged_in = current_user.is_authenticated and current_user.id == user.id
        return redirect(url_for(".settings") if logged_in else url_for(".login"), 303)
    return render_template("accounts/confirm_email.html", form=form, new_email=new_email)


# --- own data ----------------------------------------------------------------------------------


@bp.get("/export")
@login_required
def export():
    """The account's data as a JSON download (GDPR Art. 15 and 20)."""
    user = _me()
    body = json.dumps(accounts.export_data(user), ensure_ascii=False, indent=2)
    filename = f"photonik-karriere-account-{user.id}.json"
    return Response(
        body + "\n",
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def _team_link() -> str | None:
    try:
        return url_for("employer.team")
    except BuildError:
        return None


@bp.route("/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(SETTINGS_LIMIT, methods=["POST"])
def delete():
    user = _me()
    blocking = accounts.sole_owned_organisations(user)
    if blocking:
        page = render_template("accounts/delete.html", blocking=blocking, team_link=_team_link())
        return page, 409 if request.method == "POST" else 200
    form = DeleteAccountForm(user=user)
    if form.validate_on_submit():
        accounts.delete_account(user)
        db.session.commit()
        logout_user()
        flash(_("Your account has been deleted. Goodbye!"), "success")
        return redirect(url_for("public.home"), 303)
    return render_template("accounts/delete.html", form=form, blocking=[]), _status()
