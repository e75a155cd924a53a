"""Forms of the staff console. Every field has a length limit and a translated message."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
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
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from portal.labels import LANGUAGE_NAMES, choices, label
from portal.models import (
    LANGS,
    CourseFormat,
    CourseStatus,
    OrganisationStatus,
    PostingStatus,
    Role,
)

SESSION_ROWS = 12  # the most dates a course may have
BLANK_SESSION_ROWS = 2  # empty rows offered for more dates
REASON_MAX = 2000


def _required() -> DataRequired:
    return DataRequired(message=_l("Please fill in this field."))


def _max(length: int) -> Length:
    return Length(max=length, message=_l("Please use at most %(max)d characters."))


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _http_url(form: Any, field: Any) -> None:
    if field.data and not re.match(r"^https?://", field.data, re.IGNORECASE):
        raise ValidationError(_("Please enter an address that starts with https:// or http://."))


def _date(label_text: Any, required: bool = True, **kwargs: Any) -> DateField:
    validators = [DataRequired(message=_l("Please enter a date."))] if required else [Optional()]
    return DateField(label_text, validators=validators, **kwargs)


def _status_choices(enum_cls: type, everything: Any) -> list[SelectChoice]:
    return [SelectChoice("", everything)] + [SelectChoice(m.value, label(m)) for m in enum_cls]


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class ReasonForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        validators=[_required(), _max(REASON_MAX)],
        filters=[_strip],
        description=_l("The employer reads this reason in the email and in their overview."),
    )


class FeatureForm(FlaskForm):
    until = _date(
        _l("Featured until"),
        description=_l("Including this day. Featured postings lead the home page and lists."),
    )


class PromoteForm(FlaskForm):
    until = _date(
        _l("Promoted until"),
        description=_l("Including this day. Promoted courses lead the home page and the list."),
    )


class OrganisationFlagsForm(FlaskForm):
    auto_publish = BooleanField(_l("Trusted: postings are published without moderation"))
    member = BooleanField(_l("Member of the photonics cluster"))


class ResolveReportForm(FlaskForm):
    resolution = TextAreaField(
        _l("Decision and its reasons"),
        validators=[_required(), _max(REASON_MAX)],
        filters=[_strip],
        description=_l(
            "Recorded with the report. If you suspend the posting, the employer is sent this "
            "text as the statement of reasons (Digital Services Act, Art. 17)."
        ),
    )
    suspend = BooleanField(_l("Suspend the posting (take it offline)"))
    notify_reporter = BooleanField(_l("Tell the person who reported it what was decided"))


# --- GET filters (no CSRF: they change nothing) --------------------------------------------------


class GetForm(FlaskForm):
    class Meta:
        csrf = False


class PostingFilterForm(GetForm):
    q = StringField(_l("Title, organisation or number"), validators=[Optional(), _max(200)])
    status = SelectField(_l("Status"), validators=[Optional()])
    featured = BooleanField(_l("Only featured postings"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = _status_choices(PostingStatus, _l("All statuses"))


class OrganisationFilterForm(GetForm):
    q = StringField(_l("Name, slug or city"), validators=[Optional(), _max(200)])
    status = SelectField(_l("Status"), validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = _status_choices(OrganisationStatus, _l("All statuses"))


class CourseFilterForm(GetForm):
    status = SelectField(_l("Status"), validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = _status_choices(CourseStatus, _l("All statuses"))


class UserFilterForm(GetForm):
    q = StringField(_l("Name or email address"), validators=[Optional(), _max(200)])
    role = SelectField(_l("Role"), validators=[Optional()])
    active = SelectField(
        _l("Account"),
        validators=[Optional()],
        choices=[
            SelectChoice("", _l("Active and deactivated")),
            SelectChoice("yes", _l("Active")),
            SelectChoice("no", _l("Deactivated")),
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = _status_choices(Role, _l("All roles"))


MONTH = Regexp(r"^\d{4}-\d{2}$", message=_l("Please enter a month as YYYY-MM."))


class StatisticsForm(GetForm):
    start = StringField(_l("From month"), validators=[Optional(), _max(7), MONTH])
    end = StringField(_l("To month"), validators=[Optional(), _max(7), MONTH])


class AuditFilterForm(GetForm):
    action = SelectField(_l("Action"), validators=[Optional()], validate_choice=False)
    object_type = SelectField(_l("Object"), validators=[Optional()], validate_choice=False)
    object_id = IntegerField(
        _l("Object number"),
        validators=[
            Optional(),
            NumberRange(min=1, max=2**31, message=_l("Please enter a number.")),
        ],
    )
    actor = StringField(_l("Who (name or email)"), validators=[Optional(), _max(200)])
    date_from = _date(_l("From"), required=False)
    date_to = _date(_l("To"), required=False)

    def set_choices(self, actions: list[str], types: list[str]) -> None:
        everything = [SelectChoice("", _l("All"))]
        prefixes = sorted({a.split(".")[0] + "." for a in actions if "." in a})
        self.action.choices = everything + [
            SelectChoice(value, value) for value in [*prefixes, *actions]
        ]
        self.object_type.choices = everything + [SelectChoice(t, t) for t in types]

    def validate_action(self, field: Any) -> None:
        if field.data and len(field.data) > 60:
            raise ValidationError(_("Please use at most %(max)d characters.", max=60))

    def validate_object_type(self, field: Any) -> None:
        if field.data and len(field.data) > 40:
            raise ValidationError(_("Please use at most %(max)d characters.", max=40))


# --- content pages ---------------------------------------------------------------------------


class PageForm(FlaskForm):
    title_de = StringField(
        _l("Title in German"), validators=[_required(), _max(200)], filters=[_strip]
    )
    title_en = StringField(
        _l("Title in English"), validators=[_required(), _max(200)], filters=[_strip]
    )
    body_de = TextAreaField(
        _l("Text in German"),
        validators=[_max(50_000)],
        description=_l(
            "Markdown: ## headings, **bold**, *italic*, lists with -, links as [text](https://…)."
        ),
    )
    body_en = TextAreaField(
        _l("Text in English"),
        validators=[_max(50_000)],
        description=_l(
            "Markdown: ## headings, **bold**, *italic*, lists with -, links as [text](https://…)."
        ),
    )

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name).data or "" for name in PAGE_FIELD_NAMES}


PAGE_FIELD_NAMES = ("title_de", "title_en", "body_de", "body_en")


# --- users -----------------------------------------------------------------------------------


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=choices(Role))


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        validators=[
            _required(),
            _max(254),
            Email(message=_l("Please enter a valid email address, such as name@example.org.")),
        ],
        filters=[_strip],
    )
    name = StringField(_l("Name"), validators=[_required(), _max(120)], filters=[_strip])
    role = SelectField(_l("Role"), validators=[_required()])
    locale = SelectField(
        _l("Language of the emails"),
        choices=[SelectChoice(lang, LANGUAGE_NAMES[lang]) for lang in LANGS],
    )

    def __init__(self, *args: Any, admin: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        roles = [Role.STAFF, Role.ADMIN] if admin else [Role.STAFF]
        self.role.choices = [SelectChoice(r.value, label(r)) for r in roles]


# --- courses ---------------------------------------------------------------------------------


class CourseTextForm(Form):
    title = StringField(
        _l("Title"),
        validators=[
            Optional(),
            Length(min=3, max=200, message=_l("Please use 3 to 200 characters.")),
        ],
        filters=[_strip],
    )
    summary = TextAreaField(_l("Summary"), validators=[_max(300)], filters=[_strip])
    body = TextAreaField(
        _l("Description"),
        validators=[_max(20_000)],
        description=_l("Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."),
    )
    target_group = StringField(_l("Target group"), validators=[_max(300)], filters=[_strip])
    funding_hints = TextAreaField(
        _l("Funding"),
        validators=[_max(5000)],
        description=_l("For example education vouchers or funding programmes that pay the fee."),
    )

    def has_content(self) -> bool:
        return any((f.data or "").strip() for f in self)


class SessionForm(Form):
    day = DateField(_l("Date"), validators=[Optional()])
    start = TimeField(_l("From"), validators=[Optional()])
    end = TimeField(_l("To"), validators=[Optional()])

    def is_blank(self) -> bool:
        return not (self.day.data or self.start.data or self.end.data) and not (
            self.day.raw_data and self.day.raw_data[0]
        )


class CourseForm(FlaskForm):
    provider = SelectField(_l("Offered by"), validators=[Optional()])
    format = SelectField(_l("Format"), choices=choices(CourseFormat))
    language = SelectField(
        _l("Language of the course"),
        choices=[SelectChoice(lang, LANGUAGE_NAMES[lang]) for lang in LANGS],
    )
    city = StringField(_l("City"), validators=[Optional(), _max(100)], filters=[_strip])
    venue = StringField(_l("Venue"), validators=[Optional(), _max(200)], filters=[_strip])
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
            _max(500),
            URL(require_tld=True, message=_l("Please enter a valid web address.")),
            _http_url,
        ],
        filters=[_strip],
    )
    sessions = FieldList(FormField(SessionForm), min_entries=4, max_entries=SESSION_ROWS)
    de = FormField(CourseTextForm, label=_l("German"))
    en = FormField(CourseTextForm, label=_l("English"))

    def __init__(self, *args: Any, providers: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.provider.choices = [SelectChoice("", _l("The photonics cluster"))] + [
            SelectChoice(str(org_id), name) for org_id, name in providers or []
        ]

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
            "organisation_id": int(self.provider.data) if self.provider.data else None,
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
                    for name in ("title", "summary", "body", "target_group", "funding_hints")
                }
                for lang in LANGS
            },
        }


def course_form_data(data: dict[str, Any], zone: Any) -> dict[str, Any]:
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
        "provider": str(data["organisation_id"]) if data.get("organisation_id") else "",
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
