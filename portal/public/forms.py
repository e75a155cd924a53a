"""Forms and query parsing of the public pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from portal.labels import choices
from portal.models import ReportReason
from portal.services.queries import POSTED_CHOICES, posting_query_from_args

__all__ = ["POSTED_CHOICES", "ReportForm", "posting_query_from_args"]


class ReportForm(FlaskForm):
    reason = SelectField(
        _l("What is wrong with this posting?"),
        choices=choices(ReportReason),
        validators=[DataRequired()],
    )
    message = TextAreaField(
        _l("Details"),
        validators=[DataRequired(), Length(min=10, max=2000)],
        description=_l("Please describe the problem (10 to 2,000 characters)."),
    )
    email = EmailField(
        _l("Your email address (optional)"),
        validators=[Optional(), Email(), Length(max=254)],
        description=_l("Only if you would like to hear what we decided."),
    )
