"""Forms of the employer area: organisation profile, team, postings, course proposals.

Every field has a length limit; cross-field rules (one language complete, pay range, an
application route) live in `validate`. The posting form converts to and from the plain data
of `portal.services.postings` (`to_data`, `data_for_form`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from portal.course_form import BaseCourseForm, base_course_form_data
from portal.labels import choices
from portal.models import (
    LANGS,
    Benefit,
    EmployeeRange,
    Employment,
    LanguageLevel,
    OrganisationKind,
    PostingKind,
    Remote,
    SalaryPeriod,
    Topic,
)
from portal.services import posting_rules as rules

LOCATION_ROWS = 5
CURRENCIES = rules.CURRENCIES
FUNCTION_TOPICS = frozenset(
    {
        "software-embedded",
        "electronics",
        "mechanical-engineering",
        "production-quality",
        "sales-marketing",
        "administration",
    }
)


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _http_url(form: Any, field: Any) -> None:
    if field.data and not re.match(r"^https?://", field.data, re.IGNORECASE):
        raise ValidationError(_("Please enter an address that starts with https:// or http://."))


class MultiCheckboxField(SelectMultipleField):
    """A group of checkboxes (templates render it as a fieldset with a legend)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _blank(label: Any) -> list[SelectChoice]:
    return [SelectChoice("", label)]


def _plain(values: Any) -> list[SelectChoice]:
    """Options whose label is the value itself (CEFR levels, currencies, size ranges)."""
    return [SelectChoice(getattr(v, "value", v), getattr(v, "value", v)) for v in values]


# --- organisation ------------------------------------------------------------------------------


class OrganisationForm(FlaskForm):
    name = StringField(
        _l("Name of the organisation"),
        validators=[DataRequired(), Length(min=2, max=160)],
        filters=[_strip],
    )
    kind = SelectField(_l("Kind of organisation"), choices=choices(OrganisationKind))
    website = URLField(
        _l("Website"),
        validators=[Optional(), Length(max=300), URL(require_tld=True), _http_url],
        filters=[_strip],
        description=_l("For example https://www.example.com"),
    )
    city = StringField(_l("City"), validators=[Optional(), Length(max=100)], filters=[_strip])
    postcode = StringField(
        _l("Postcode"),
        validators=[Optional(), Length(max=10), Regexp(r"^[A-Za-z0-9 -]{3,10}$")],
        filters=[_strip],
    )
    employees = SelectField(
        _l("Number of employees"),
        choices=_blank(_l("Not stated")) + _plain(EmployeeRange),
    )
    founded_year = IntegerField(
        _l("Year founded"), validators=[Optional(), NumberRange(min=1500, max=date.today().year)]
    )
    description_de = TextAreaField(
        _l("Description in German"),
        validators=[Optional(), Length(max=10_000)],
        description=_l("Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."),
    )
    description_en = TextAreaField(
        _l("Description in English"),
        validators=[Optional(), Length(max=10_000)],
        description=_l("Markdown: **bold**, *italic*, lists with -, links as [text](https://…)."),
    )
    benefits = MultiCheckboxField(_l("What you offer"), choices=choices(Benefit))
    logo = FileField(
        _l("Logo"),
        description=_l("PNG, JPEG or WebP, at most 2 MB. It is scaled to fit 512 × 512 pixels."),
    )
    remove_logo = BooleanField(_l("Remove the current logo"))

    def profile_values(self) -> dict[str, Any]:
        return {
            "name": self.name.data,
            "kind": OrganisationKind(self.kind.data),
            "website": self.website.data or None,
            "city": self.city.data or None,
            "postcode": self.postcode.data or None,
            "employees": EmployeeRange(self.employees.data) if self.employees.data else None,
            "founded_year": self.founded_year.data,
            "description_de": (self.description_de.data or "").strip(),
            "description_en": (self.description_en.data or "").strip(),
            "benefits": [b.value for b in Benefit if b.value in (self.benefits.data or [])],
        }


class DeleteOrganisationForm(FlaskForm):
    confirm_name = StringField(
        _l("Name of the organisation"),
        validators=[DataRequired(), Length(max=160)],
        filters=[_strip],
        description=_l("Type the name of the organisation to confirm."),
    )

    def __init__(self, *args: Any, expected: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected

    def validate_confirm_name(self, field: Any) -> None:
        if field.data != self.expected:
            raise ValidationError(_("The name does not match. Nothing was deleted."))


# --- team --------------------------------------------------------------------------------------


class InviteForm(FlaskForm):
    email = EmailField(
        _l("Email address"),
        validators=[DataRequired(), Length(max=254), Email()],
        filters=[_strip],
        description=_l("Colleagues with an account join at once; others get a link to register."),
    )


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class ExtendForm(FlaskForm):
    days = IntegerField(validators=[InputRequired(), NumberRange(min=30, max=60)])

    def validate_days(self, field: Any) -> None:
        if field.data not in (30, 60):
            raise ValidationError(_("Postings can be extended by 30 or 60 days."))


# --- postings ----------------------------------------------------------------------------------


class TextForm(Form):
    """One language's texts; the rules (lengths, completeness) live in `posting_rules`."""

    title = StringField(
        _l("Title"), filters=[_strip], render_kw={"maxlength": rules.TEXT_MAX["title"]}
    )
    summary = TextAreaField(
        _l("Summary"),
        filters=[_strip],
        description=_l(
            "Two or three sentences for lists and search results (max. 300 characters)."
        ),
        render_kw={"maxlength": rules.TEXT_MAX["summary"]},
    )
    body = TextAreaField(
        _l("Description"),
        description=_l("The post and its tasks. Markdown: **bold**, *italic*, lists with -."),
        render_kw={"maxlength": rules.TEXT_MAX["body"]},
    )
    requirements = TextAreaField(
        _l("What you bring"), render_kw={"maxlength": rules.TEXT_MAX["requirements"]}
    )
    offer = TextAreaField(_l("What we offer"), render_kw={"maxlength": rules.TEXT_MAX["offer"]})

    def has_content(self) -> bool:
        return any((f.data or "").strip() for f in self)

    def values(self) -> dict[str, str]:
        return {f.short_name: (f.data or "").strip() for f in self}


class LocationForm(Form):
    city = StringField(_l("City"), filters=[_strip], render_kw={"maxlength": rules.CITY_MAX})
    postcode = StringField(
        _l("Postcode"), filters=[_strip], render_kw={"maxlength": rules.POSTCODE_MAX}
    )
    country = StringField(
        _l("Country code"),
        default="DE",
        filters=[lambda v: v.strip().upper() if isinstance(v, str) else v],
        render_kw={"maxlength": 2},
    )


class PostingForm(FlaskForm):
    """The posting editor. WTForms parses and renders; the content rules are the ones of
    `portal.services.posting_rules`, which the write API and the import apply too."""

    kind = SelectField(_l("Type of posting"), choices=choices(PostingKind))
    employment = SelectField(_l("Working time"), choices=choices(Employment))
    remote = SelectField(_l("Place of work"), choices=choices(Remote))
    locations = FieldList(
        FormField(LocationForm), min_entries=LOCATION_ROWS, max_entries=LOCATION_ROWS
    )
    start_date = DateField(
        _l("Start date"),
        validators=[Optional()],
        description=_l("Leave empty for “as soon as possible”."),
    )
    deadline = DateField(_l("Application deadline"), validators=[Optional()])
    salary_min = IntegerField(_l("Pay from"), validators=[Optional()])
    salary_max = IntegerField(_l("Pay up to"), validators=[Optional()])
    salary_currency = SelectField(_l("Currency"), choices=_plain(CURRENCIES))
    salary_period = SelectField(
        _l("Pay per"),
        choices=[*_blank(_l("Not stated")), *choices(SalaryPeriod)],
    )
    pay_scale = StringField(
        _l("Pay scale"),
        filters=[_strip],
        description=_l("A collective pay grade, for example “TV-L E13”."),
        render_kw={"maxlength": rules.PAY_SCALE_MAX},
    )
    working_languages = MultiCheckboxField(
        _l("Working languages"),
        choices=[SelectChoice("de", _l("German")), SelectChoice("en", _l("English"))],
    )
    german_level = SelectField(
        _l("German skills needed"),
        choices=_blank(_l("None")) + _plain(LanguageLevel),
    )
    english_level = SelectField(
        _l("English skills needed"),
        choices=_blank(_l("None")) + _plain(LanguageLevel),
    )
    visa_support = BooleanField(_l("We support with visa and relocation"))
    leadership = BooleanField(_l("This is a leadership position"))
    apply_url = URLField(
        _l("Application web page"), filters=[_strip], render_kw={"maxlength": rules.URL_MAX}
    )
    apply_email = EmailField(
        _l("Application email address"),
        filters=[_strip],
        render_kw={"maxlength": rules.EMAIL_MAX},
    )
    contact_name = StringField(
        _l("Contact person"), filters=[_strip], render_kw={"maxlength": rules.CONTACT_NAME_MAX}
    )
    contact_email = EmailField(
        _l("Contact email address"), filters=[_strip], render_kw={"maxlength": rules.EMAIL_MAX}
    )
    topics = MultiCheckboxField(_l("Topics"), choices=[])
    de = FormField(TextForm, label=_l("German"))
    en = FormField(TextForm, label=_l("English"))

    def __init__(self, *args: Any, topics: list[Topic] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.topic_list = topics or []
        self.topics.choices = [SelectChoice(t.slug, t.slug) for t in self.topic_list]
        self.clean_data: dict[str, Any] | None = None

    def validate(self, extra_validators: Any = None) -> bool:
        """WTForms parses (numbers, dates, choices); `posting_rules` judges the content.

        A field that could not be parsed keeps its parse error; the shared rules add theirs
        to every other field. `clean_data` is what the services write.
        """
        valid = super().validate(extra_validators)
        clean, errors = rules.validate_posting_data(self.to_data())
        for error in errors:
            field = self._field_for(error.path)
            if not field.errors:
                field.errors = [*field.errors, str(error.message)]
        self.clean_data = clean if valid and not errors else None
        return valid and not errors

    def _field_for(self, path: str) -> Any:
        """The form field an error path of `posting_rules` points to."""
        parts = path.split(".")
        if parts[0] == "texts":
            lang = parts[1] if len(parts) > 1 and parts[1] in LANGS else "de"
            field = parts[2] if len(parts) > 2 else "title"
            return getattr(getattr(self, lang).form, field, getattr(self, lang).form.title)
        if parts[0] == "locations":
            index = int(parts[1]) if len(parts) > 1 else 0
            row = self.locations[min(index, LOCATION_ROWS - 1)].form
            return getattr(row, parts[2] if len(parts) > 2 else "city")
        return getattr(self, parts[0], self.kind)

    def topic_groups(self) -> list[tuple[Any, list[tuple[Topic, bool]]]]:
        """Topics for the checkboxes, grouped: photonics fields, then functions."""
        chosen = set(self.topics.data or [])
        fields = [t for t in self.topic_list if t.slug not in FUNCTION_TOPICS]
        functions = [t for t in self.topic_list if t.slug in FUNCTION_TOPICS]
        groups = [(_l("Photonics fields"), fields), (_l("Functions"), functions)]
        return [
            (name, [(t, t.slug in chosen) for t in topics]) for name, topics in groups if topics
        ]

    def to_data(self) -> dict[str, Any]:
        """The form as raw posting data (see portal.services.postings.posting_data).

        Not yet checked: `validate()` runs the shared rules on it and keeps `clean_data`.
        """

        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "kind": self.kind.data,
            "employment": self.employment.data,
            "remote": self.remote.data,
            "start_date": iso(self.start_date.data),
            "deadline": iso(self.deadline.data),
            "salary_min": self.salary_min.data,
            "salary_max": self.salary_max.data,
            "salary_currency": self.salary_currency.data,
            "salary_period": self.salary_period.data or None,
            "pay_scale": self.pay_scale.data or None,
            "working_languages": [c for c in LANGS if c in (self.working_languages.data or [])],
            "german_level": self.german_level.data or None,
            "english_level": self.english_level.data or None,
            "visa_support": bool(self.visa_support.data),
            "leadership": bool(self.leadership.data),
            "apply_url": self.apply_url.data or None,
            "apply_email": (self.apply_email.data or "").lower() or None,
            "contact_name": self.contact_name.data or None,
            "contact_email": (self.contact_email.data or "").lower() or None,
            # Every language with any content, every row: the rules report incomplete ones
            # (a path's row index is the form's row index).
            "texts": {
                lang: getattr(self, lang).form.values()
                for lang in LANGS
                if getattr(self, lang).form.has_content()
            },
            "locations": [
                {
                    "city": row.form.city.data,
                    "postcode": row.form.postcode.data or None,
                    "country": row.form.country.data or "DE",
                }
                for row in self.locations
            ],
            "topics": [slug for slug in (self.topics.data or []) if slug],
        }


def data_for_form(data: dict[str, Any]) -> dict[str, Any]:
    """Posting data shaped as the form's `data=` argument (dates as dates, rows padded)."""
    values = {key: value for key, value in data.items() if key not in ("texts", "locations")}
    for name in ("start_date", "deadline"):
        raw = data.get(name)
        values[name] = date.fromisoformat(raw) if raw else None
    for name in ("salary_period", "german_level", "english_level"):
        values[name] = data.get(name) or ""
    rows = list(data.get("locations") or [])[:LOCATION_ROWS]
    rows += [{"city": "", "postcode": "", "country": "DE"}] * (LOCATION_ROWS - len(rows))
    values["locations"] = rows
    for lang in LANGS:
        values[lang] = (data.get("texts") or {}).get(lang) or {}
    return values


# --- API tokens and import -----------------------------------------------------------------------


class ApiTokenForm(FlaskForm):
    name = StringField(
        _l("Name of the token"),
        validators=[DataRequired(), Length(max=80)],
        filters=[_strip],
        description=_l("Where it is used, for example “Applicant-tracking system”."),
    )


class ImportForm(FlaskForm):
    file = FileField(
        _l("File"),
        description=_l("CSV (columns separated by ; or ,) or JSON, at most 1 MB."),
    )
    format = SelectField(
        _l("Format"),
        choices=[
            SelectChoice("", _l("Recognise from the file")),
            SelectChoice("csv", "CSV"),
            SelectChoice("json", "JSON"),
        ],
    )
    dry_run = BooleanField(_l("Only check the file, import nothing"))

    def validate_file(self, field: Any) -> None:
        if not (field.data and getattr(field.data, "filename", "")):
            raise ValidationError(_("Please choose a file."))


class CourseProposalForm(BaseCourseForm):
    """A member organisation's course: the staff form without the staff-only provider choice.

    The provider is always the member's own organisation (set by the service), and promotion
    stays with the cluster team.
    """


def course_proposal_data(data: dict[str, Any], zone: Any) -> dict[str, Any]:
    """A course's data as the proposal form's `data`."""
    return base_course_form_data(data, zone)
