"""Forms of the job-alert pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, Length

from portal.models import AlertFrequency

FREQUENCY_CHOICES = [
    SelectChoice(AlertFrequency.DAILY.value, _l("Daily")),
    SelectChoice(AlertFrequency.WEEKLY.value, _l("Weekly")),
]
LANGUAGE_CHOICES = [SelectChoice("de", _l("German")), SelectChoice("en", _l("English"))]


class AlertSettingsForm(FlaskForm):
    q = StringField(
        _l("Search terms"),
        validators=[Length(max=200)],
        description=_l("Leave empty to hear of every new posting that fits the filters."),
    )
    frequency = RadioField(
        _l("How often?"),
        choices=FREQUENCY_CHOICES,
        default=AlertFrequency.WEEKLY.value,
        validators=[DataRequired()],
    )
    language = RadioField(
        _l("Language of the emails"), choices=LANGUAGE_CHOICES, validators=[DataRequired()]
    )


class SubscribeForm(AlertSettingsForm):
    email = EmailField(
        _l("Your email address"), validators=[DataRequired(), Email(), Length(max=254)]
    )
    consent = BooleanField(
        validators=[DataRequired(message=_l("Please agree so that we may send you emails."))]
    )


class ConfirmForm(FlaskForm):
    """A button and its CSRF token."""
