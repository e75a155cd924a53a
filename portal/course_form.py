"""The course form, shared by the staff console and the employer area (member proposals).

Both areas edit the same course data (`portal.services.trainings.course_data`), so they share
one form and its validation: a member's proposal must meet the same rules staff apply. Only
staff choose the provider (`CourseForm` in `portal.staff.forms`); a member's course is
always offered by the member's own organisation.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, Length, NumberRange, Optional, ValidationError

from portal.labels import LANGUAGE_NAMES, choices
from portal.models import LANGS, CourseFormat

SESSION_ROWS = 12  # the most dates a course may have
BLANK_SESSION_ROWS = 2  # empty rows offered for more dates
TEXT_FIELDS = ("title", "summary", "body", "target_group", "funding_hints")


def max_length(length: int) -> Length:
    return Length(max=length, message=_l("Please use at most %(max)d characters."))


def strip_text(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def http_url(form: Any, field: Any) -> None:
    if field.data and not re.match(r"^https?://", field.data, re.IGNORECASE):
        raise ValidationError(_("Please enter an address that starts with https:// or http://."))


class CourseTextForm(Form):
    title = StringField(
        _l("Title"),
        validators=[
            Optional(),
            Length(min=3, max=200, message=_l("Please use 3 to 200 characters.")),
        ],
        filters=[strip_text],
    )
    summary = TextAreaField(_l("Summary"), validators=[max_length(300)], filters=[strip_text])
    body = TextAreaField(
        _l("Description"),
        validators=[max_length(20_000)],
        description=_l("Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."),
    )
    target_group = StringField(
        _l("Target group"), validators=[max_length(300)], filters=[strip_text]
    )
    funding_hints = TextAreaField(
        _l("Funding"),
        validators=[max_length(5000)],
        description=_l("For example education vouchers or funding programmes that pay the fee."),
    )

    def has_content(self) -> bool:
        return any((f.data or "").strip() for f in self)


class _LocalDateField(DateField):
    """A date field with our own translated message: a sub-form (plain `Form`) does not get
    Flask-WTF's translations of WTForms' messages, so they would stay English."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_("Please enter a valid date.")) from error


class _LocalTimeField(TimeField):
    """A time field with a translated message (WTForms' German catalog lacks this one)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(_("Please enter a valid time, for example 09:30.")) from error


class SessionForm(Form):
    day = _LocalDateField(_l("Date"), validators=[Optional()])
    start = _LocalTimeField(_l("From"), validators=[Optional()])
    end = _LocalTimeField(_l("To"), validators=[Optional()])

    def is_blank(self) -> bool:
        return not (self.day.data or self.start.data or self.end.data) and not (
            self.day.raw_data and self.day.raw_data[0]
        )


class BaseCourseForm(FlaskForm):
    """Everything about a course but its provider; `to_data` leaves `organisation_id` out."""

    format = SelectField(_l("Format"), choices=choices(CourseFormat))
    language = SelectField(
        _l("Language of the course"),
        choices=[SelectChoice(lang, LANGUAGE_NAMES[lang]) for lang in LANGS],
    )
    city = StringField(_l("City"), validators=[Optional(), max_length(100)], filters=[strip_text])
    venue = StringField(_l("Venue"), validators=[Optional(), max_length(200)], filters=[strip_text])
    fee_amount = DecimalField(
        _l("Fee"),
        places=2,
        validators=[
            Optional(),
            NumberRange(
                min=0, max=100_000, message=_l("Please enter an amount from 0 to 100,000.")
            ),
        ],
        description=_l("Leave empty (or 0) for a free course."),
    )
    fee_currency = SelectField(
        _l("Currency"), choices=[SelectChoice(c, c) for c in ("EUR", "CHF", "USD", "GBP")]
    )
    capacity = IntegerField(
        _l("Places"),
        validators=[
            Optional(),
            NumberRange(min=1, max=10_000, message=_l("Please enter a number from 1 to 10,000.")),
        ],
    )
    registration_url = URLField(
        _l("Registration web page"),
        validators=[
            Optional(),
            max_length(500),
            URL(require_tld=True, message=_l("Please enter a valid web address.")),
            http_url,
        ],
        filters=[strip_text],
    )
    sessions = FieldList(FormField(SessionForm), min_entries=4, max_entries=SESSION_ROWS)
    de = FormField(CourseTextForm, label=_l("German"))
    en = FormField(CourseTextForm, label=_l("English"))

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        return self._validate_texts() & self._validate_sessions() & self._validate_place() & valid

    def _validate_texts(self) -> bool:
        ok, complete = True, 0
        for lang in LANGS:
            text = getattr(self, lang).form
            if not text.has_content():
                continue
            if not (text.title.data or "").strip():
                text.title.errors = [*text.title.errors, _("Please enter a title.")]
                ok = False
            else:
                complete += 1
        if not complete and ok:
            self.de.form.title.errors = [
                *self.de.form.title.errors,
                _("Please give the course a title in at least one language."),
            ]
            ok = False
        return ok

    def _validate_sessions(self) -> bool:
        ok, found = True, 0
        for row in self.sessions:
            form = row.form
            if form.day.errors or form.start.errors or form.end.errors:
                ok = False
                continue
            if form.is_blank():
                continue
            if not form.day.data:
                form.day.errors = [*form.day.errors, _("Please enter a date.")]
                ok = False
            if not form.start.data or not form.end.data:
                form.start.errors = [*form.start.errors, _("Please enter the start and end time.")]
                ok = False
            elif form.end.data <= form.start.data:
                form.end.errors = [*form.end.errors, _("The end must be after the start.")]
                ok = False
            found += 1
        if not found and ok:
            first = self.sessions[0].form
            first.day.errors = [*first.day.errors, _("Please enter at least one date.")]
            ok = False
        return ok

    def _validate_place(self) -> bool:
        if self.format.data in ("onsite", "hybrid") and not (self.city.data or "").strip():
            self.city.errors = [*self.city.errors, _("Please enter the city of the course.")]
            return False
        return True

    def to_data(self, zone: Any) -> dict[str, Any]:
        """The form as plain course data (see portal.services.trainings.course_data)."""
        sessions = []
        for row in self.sessions:
            form = row.form
            if form.is_blank():
                continue
            start = datetime.combine(form.day.data, form.start.data, zone)
            end = datetime.combine(form.day.data, form.end.data, zone)
            sessions.append((start, end))
        fee: Decimal | None = self.fee_amount.data
        return {
            "format": self.format.data,
            "language": self.language.data,
            "city": self.city.data or None,
            "venue": self.venue.data or None,
            "fee_amount": fee if fee else None,
            "fee_currency": self.fee_currency.data or "EUR",
            "capacity": self.capacity.data,
            "registration_url": self.registration_url.data or None,
            "sessions": sessions,
            "texts": {
                lang: {
                    name: (getattr(self, lang).form[name].data or "").strip()
                    for name in TEXT_FIELDS
                }
                for lang in LANGS
            },
        }


def base_course_form_data(data: dict[str, Any], zone: Any) -> dict[str, Any]:
    """Course data as the form's `data` (sessions as local dates and times)."""
    rows = []
    for start, end in data.get("sessions") or []:
        local_start, local_end = start.astimezone(zone), end.astimezone(zone)
        rows.append(
            {"day": local_start.date(), "start": local_start.time(), "end": local_end.time()}
        )
    blank = max(BLANK_SESSION_ROWS, 4 - len(rows))
    rows += [{"day": None, "start": None, "end": None}] * blank
    texts = data.get("texts") or {}
    return {
        "format": data.get("format") or "onsite",
        "language": data.get("language") or "de",
        "city": data.get("city") or "",
        "venue": data.get("venue") or "",
        "fee_amount": data.get("fee_amount"),
        "fee_currency": data.get("fee_currency") or "EUR",
        "capacity": data.get("capacity"),
        "registration_url": data.get("registration_url") or "",
        "sessions": rows[:SESSION_ROWS],
        **{lang: texts.get(lang) or {} for lang in LANGS},
    }
