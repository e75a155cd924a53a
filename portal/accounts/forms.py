"""Forms of the accounts area: sign-up, login, links by mail, settings, deletion."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    ValidationError,
)

from portal.labels import choices
from portal.models import Organisation, OrganisationKind, User
from portal.services import accounts, passwords

# Each language named in itself, so that it is found whatever the page's language.
LANGUAGE_CHOICES = [SelectChoice("de", "Deutsch"), SelectChoice("en", "English")]
KIND_VALUES = [kind.value for kind in OrganisationKind]


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _one_line(value: Any) -> Any:
    """Spaces, tabs and line breaks collapse to one space: names end up in mail headers."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _required() -> DataRequired:
    return DataRequired(message=_l("Please fill in this field."))


def _max(length: int) -> Length:
    return Length(max=length, message=_l("Please use at most %(max)d characters."))


def _email_validators() -> list:
    return [
        _required(),
        _max(254),
        Email(message=_l("Please enter a valid email address, such as name@example.org.")),
    ]


def _check_password_rules(_form: FlaskForm, field: PasswordField) -> None:
    if field.data and passwords.is_common(field.data):
        raise ValidationError(
            _l(
                "This password is among the most common ones and easy to guess. "
                "Please choose another."
            )
        )


def _new_password_validators() -> list:
    return [
        _required(),
        Length(
            min=passwords.MIN_LENGTH,
            message=_l("The password needs at least %(min)d characters."),
        ),
        _max(passwords.MAX_LENGTH),
        _check_password_rules,
    ]


_PASSWORD_HINT = _l(
    "At least 10 characters and not a common password. A sentence of a few words is easy to "
    "remember and hard to guess."
)
_MISMATCH = _l("The two passwords do not match.")


class _UserForm(FlaskForm):
    """A form that checks something against the logged-in account (its current password)."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def _check_current_password(self, field: PasswordField) -> None:
        if field.data and not accounts.password_matches(self.user, field.data):
            raise ValidationError(_l("This is not your current password."))


class RegisterForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[_required(), _max(120)], filters=[_one_line])
    email = EmailField(
        _l("Email address"),
        validators=_email_validators(),
        filters=[_strip],
        description=_l("We send a link to this address to confirm it."),
    )
    password = PasswordField(
        _l("Password"), validators=_new_password_validators(), description=_PASSWORD_HINT
    )
    password_confirm = PasswordField(
        _l("Repeat the password"),
        validators=[_required(), EqualTo("password", message=_MISMATCH)],
    )
    organisation_mode = RadioField(
        _l("How would you like to sign up?"),
        choices=[
            SelectChoice("new", _l("Register a new organisation")),
            SelectChoice("join", _l("Join an organisation that is already on the portal")),
        ],
        default="new",
        validators=[InputRequired(message=_l("Please choose one of the options."))],
    )
    org_name = StringField(
        _l("Name of the organisation"), validators=[_max(160)], filters=[_one_line]
    )
    org_kind = SelectField(
        _l("Kind of organisation"),
        choices=[SelectChoice("", _l("Please choose")), *choices(OrganisationKind)],
        validate_choice=False,  # checked in validate(), with our own message
    )
    org_city = StringField(_l("City"), validators=[_max(100)], filters=[_one_line])
    join_organisation = SelectField(
        _l("Organisation"),
        validate_choice=False,
        description=_l("Its owners decide on your request; we let you know by email."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.join_organisation.choices = [SelectChoice("", _l("Please choose"))] + [
            SelectChoice(str(org.id), org.name) for org in accounts.joinable_organisations()
        ]

    def validate_email(self, field: EmailField) -> None:
        if field.data and accounts.email_taken(field.data):
            raise ValidationError(
                _l(
                    "An account with this email address already exists. Please log in, or "
                    "reset your password if you have forgotten it."
                )
            )

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        if self.organisation_mode.data == "new":
            valid = self._validate_new_organisation() and valid
        elif self.organisation_mode.data == "join":
            valid = self._validate_join() and valid
        return valid

    def _validate_new_organisation(self) -> bool:
        valid = True
        if not self.org_name.data:
            self.org_name.errors.append(_l("Please enter the name of your organisation."))
            valid = False
        elif len(self.org_name.data) < 2:
            self.org_name.errors.append(_l("Please enter the full name of your organisation."))
            valid = False
        elif accounts.organisation_name_taken(self.org_name.data):
            self.org_name.errors.append(
                _l(
                    "An organisation of this name is already on the portal. "
                    "Please ask to join it instead."
                )
            )
            valid = False
        if self.org_kind.data not in KIND_VALUES:
            self.org_kind.errors.append(_l("Please choose one of the listed kinds."))
            valid = False
        if not self.org_city.data:
            self.org_city.errors.append(_l("Please enter the city of your organisation."))
            valid = False
        return valid

    def _validate_join(self) -> bool:
        if self.joined_organisation() is None:
            self.join_organisation.errors.append(
                _l("Please choose one of the listed organisations.")
            )
            return False
        return True

    def joined_organisation(self) -> Organisation | None:
        value = self.join_organisation.data or ""
        return accounts.get_joinable_organisation(int(value)) if value.isdigit() else None

    def new_organisation(self) -> accounts.NewOrganisation:
        return accounts.NewOrganisation(
            name=self.org_name.data,
            kind=OrganisationKind(self.org_kind.data),
            city=self.org_city.data,
        )


class LoginForm(FlaskForm):
    email = EmailField(_l("Email address"), validators=[_required(), _max(254)], filters=[_strip])
    password = PasswordField(_l("Password"), validators=[_required(), _max(passwords.MAX_LENGTH)])
    remember = BooleanField(_l("Stay logged in on this device for 30 days"))
    next = HiddenField(validators=[Length(max=500)])


class EmailForm(FlaskForm):
    """Only an address: ask for a reset link or a new confirmation link."""

    email = EmailField(_l("Email address"), validators=_email_validators(), filters=[_strip])


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"), validators=_new_password_validators(), description=_PASSWORD_HINT
    )
    password_confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[_required(), EqualTo("password", message=_MISMATCH)],
    )


class ConfirmForm(FlaskForm):
    """A button only: links in mails change nothing on GET (mail scanners open them)."""


class ProfileForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[_required(), _max(120)], filters=[_one_line])
    locale = SelectField(
        _l("Language"),
        choices=LANGUAGE_CHOICES,
        validate_choice=False,
        validators=[
            AnyOf(
                [choice.value for choice in LANGUAGE_CHOICES],
                message=_l("Please choose one of the listed languages."),
            )
        ],
        description=_l("The language of the emails we send you."),
    )


class PasswordChangeForm(_UserForm):
    current_password = PasswordField(
        _l("Current password"), validators=[_required(), _max(passwords.MAX_LENGTH)]
    )
    new_password = PasswordField(
        _l("New password"), validators=_new_password_validators(), description=_PASSWORD_HINT
    )
    new_password_confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[_required(), EqualTo("new_password", message=_MISMATCH)],
    )

    def validate_current_password(self, field: PasswordField) -> None:
        self._check_current_password(field)


class EmailChangeForm(_UserForm):
    new_email = EmailField(
        _l("New email address"),
        validators=_email_validators(),
        filters=[_strip],
        description=_l("We send a link to the new address; the change applies once you follow it."),
    )
    email_password = PasswordField(
        _l("Current password"), validators=[_required(), _max(passwords.MAX_LENGTH)]
    )

    def validate_new_email(self, field: EmailField) -> None:
        if not field.data:
            return
        if accounts.normalise_email(field.data) == self.user.email:
            raise ValidationError(_l("This is already your email address."))
        if accounts.email_taken(field.data, except_user=self.user):
            raise ValidationError(_l("Another account already uses this email address."))

    def validate_email_password(self, field: PasswordField) -> None:
        self._check_current_password(field)


class DeleteAccountForm(_UserForm):
    delete_password = PasswordField(
        _l("Your password"), validators=[_required(), _max(passwords.MAX_LENGTH)]
    )

    def validate_delete_password(self, field: PasswordField) -> None:
        self._check_current_password(field)
