"""Forms of the staff console. Every field has a length limit and a translated message."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from portal.course_form import (
    BaseCourseForm,
    base_course_form_data,
    max_length,
    strip_text,
)
from portal.labels import LANGUAGE_NAMES, choices, label
from portal.models import (
    LANGS,
    CourseStatus,
    OrganisationStatus,
    PostingStatus,
    Role,
)

REASON_MAX = 2000


def _required() -> DataRequired:
    return DataRequired(message=_l("Please fill in this field."))


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
        validators=[_required(), max_length(REASON_MAX)],
        filters=[strip_text],
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
        validators=[_required(), max_length(REASON_MAX)],
        filters=[strip_text],
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
    q = StringField(_l("Title, organisation or number"), validators=[Optional(), max_length(200)])
    status = SelectField(_l("Status"), validators=[Optional()])
    featured = BooleanField(_l("Only featured postings"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = _status_choices(PostingStatus, _l("All statuses"))


class OrganisationFilterForm(GetForm):
    q = StringField(_l("Name, slug or city"), validators=[Optional(), max_length(200)])
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
    q = StringField(_l("Name or email address"), validators=[Optional(), max_length(200)])
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
    start = StringField(_l("From month"), validators=[Optional(), max_length(7), MONTH])
    end = StringField(_l("To month"), validators=[Optional(), max_length(7), MONTH])


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
    actor = StringField(_l("Who (name or email)"), validators=[Optional(), max_length(200)])
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
        _l("Title in German"), validators=[_required(), max_length(200)], filters=[strip_text]
    )
    title_en = StringField(
        _l("Title in English"), validators=[_required(), max_length(200)], filters=[strip_text]
    )
    body_de = TextAreaField(
        _l("Text in German"),
        validators=[max_length(50_000)],
        description=_l(
            "Markdown: ## headings, **bold**, *italic*, lists with -, links as [text](https://…)."
        ),
    )
    body_en = TextAreaField(
        _l("Text in English"),
        validators=[max_length(50_000)],
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
            max_length(254),
            Email(message=_l("Please enter a valid email address, such as name@example.org.")),
        ],
        filters=[strip_text],
    )
    name = StringField(_l("Name"), validators=[_required(), max_length(120)], filters=[strip_text])
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


class CourseForm(BaseCourseForm):
    """Staff also choose who offers the course: the cluster itself or an approved organisation."""

    provider = SelectField(_l("Offered by"), validators=[Optional()])

    def __init__(self, *args: Any, providers: list[tuple[int, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.provider.choices = [SelectChoice("", _l("The photonics cluster"))] + [
            SelectChoice(str(org_id), name) for org_id, name in providers or []
        ]

    def to_data(self, zone: Any) -> dict[str, Any]:
        data = super().to_data(zone)
        data["organisation_id"] = int(self.provider.data) if self.provider.data else None
        return data


def course_form_data(data: dict[str, Any], zone: Any) -> dict[str, Any]:
    """Course data as the staff form's `data` (with the provider)."""
    values = base_course_form_data(data, zone)
    values["provider"] = str(data["organisation_id"]) if data.get("organisation_id") else ""
    return values
