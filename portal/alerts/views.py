"""Routes of the job-alert area."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from portal.alerts import bp
from portal.alerts.forms import AlertSettingsForm, ConfirmForm, SubscribeForm
from portal.extensions import csrf, db, limiter
from portal.i18n import current_lang
from portal.models import AlertFrequency
from portal.services import alerts


def consent_text() -> str:
    """What the subscriber agrees to, stored word for word as proof of consent."""
    return _(
        "I would like to receive emails with new postings matching this search. I can "
        "unsubscribe at any time with the link in every email. My email address is used for "
        "nothing else and is deleted when I unsubscribe."
    )


def _filters_from_request() -> dict[str, list[str]]:
    return alerts.filters_from_args(request.values)


@bp.route("/new", methods=["GET", "POST"])
@limiter.limit("5 per hour; 20 per day", methods=["POST"])
def new():
    form = SubscribeForm(language=current_lang(), q=request.values.get("q", "")[:200])
    filters = _filters_from_request()
    if form.validate_on_submit():
        alerts.subscribe(
            form.email.data,
            form.language.data,
            form.q.data.strip(),
            filters,
            AlertFrequency(form.frequency.data),
            consent_text(),
        )
        db.session.commit()
        return render_template("alerts/pending.html", email=form.email.data)
    query = alerts.posting_query(alerts.args_from_filters(form.q.data or "", filters))
    status = 400 if request.method == "POST" else 200
    return render_template(
        "alerts/new.html", form=form, filters=filters, query=query, consent=consent_text()
    ), status


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm(token: str):
    """GET shows a button; only the POST confirms, so mail scanners cannot opt anyone in."""
    alert = alerts.get_by_token(token)
    if alert is None:
        return render_template("alerts/invalid.html"), 404
    if request.method == "POST":
        if not ConfirmForm().validate_on_submit():
            abort(400)
        alerts.confirm(alert)
        db.session.commit()
        flash(_("Your job alert is active."), "success")
        return redirect(url_for(".manage", token=alert.token), 303)
    return render_template(
        "alerts/confirm.html", alert=alert, query=alerts.describe(alert), form=ConfirmForm()
    )


@bp.route("/<token>", methods=["GET", "POST"])
def manage(token: str):
    alert = alerts.get_by_token(token)
    if alert is None:
        return render_template("alerts/invalid.html"), 404
    if alert.confirmed_at is None:
        return redirect(url_for(".confirm", token=token), 303)
    form = AlertSettingsForm(q=alert.query, frequency=alert.frequency.value, language=alert.lang)
    if form.validate_on_submit():
        kept = {
            name: values for name, values in alert.filters.items() if f"keep-{name}" in request.form
        }
        alerts.update(
            alert,
            q=form.q.data.strip(),
            filters=kept,
            frequency=AlertFrequency(form.frequency.data),
            lang=form.language.data,
        )
        if alert.reconfirm_requested_at is not None:
            alerts.confirm(alert)  # saving the settings answers the yearly question
        db.session.commit()
        flash(_("Your job alert has been saved."), "success")
        return redirect(url_for(".manage", token=token), 303)
    status = 400 if request.method == "POST" else 200
    search_args = alerts.args_from_filters(alert.query, alert.filters).to_dict(flat=False)
    return render_template(
        "alerts/manage.html",
        alert=alert,
        form=form,
        search_args=search_args,
        query=alerts.describe(alert),
    ), status


@bp.route("/<token>/unsubscribe", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: mail clients post "List-Unsubscribe=One-Click" without a form token
def unsubscribe(token: str):
    """One-click unsubscribe by POST; a GET (a person following the link) asks first."""
    if request.method == "GET":
        if alerts.get_by_token(token) is None:
            return render_template("alerts/invalid.html"), 404
        return render_template("alerts/unsubscribe.html", token=token)
    alert = alerts.get_by_token(token)
    if alert is not None:
        alerts.unsubscribe(alert)
        db.session.commit()
    return render_template("alerts/unsubscribed.html")
