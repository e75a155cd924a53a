"""The rules for a posting's content — one set for the employer form, the write API and the import.

`validate_posting_data` takes posting data in the plain shape of `postings.posting_data` (as
the form's `to_data`, the API's and the import's converters produce it) and returns the
cleaned data that `postings.apply_data` writes, plus a list of `FieldError`s. Paths name the
field in that shape: `kind`, `salary_max`, `texts.de.title`, `locations.0.city`; each caller
maps them to its own names (form fields, API fields, CSV columns and lines). Messages are
lazy strings, so each caller shows them in its own language (the API in English).

The limits are constants here, so the form's `maxlength` attributes and the OpenAPI document
say the same as the check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.models import (
    LANGS,
    Employment,
    LanguageLevel,
    PostingKind,
    Remote,
    SalaryPeriod,
    Topic,
)

TEXT_FIELDS = ("title", "summary", "body", "requirements", "offer")
TITLE_MIN = 3
TEXT_MAX = {"title": 200, "summary": 300, "body": 20_000, "requirements": 10_000, "offer": 10_000}
CITY_MAX = 100
POSTCODE_MAX = 10
MAX_LOCATIONS = 5
SALARY_MAX = 10_000_000
CURRENCIES = ("EUR", "CHF", "USD", "GBP", "PLN", "CZK")
PAY_SCALE_MAX = 40
URL_MAX = 500
EMAIL_MAX = 254
CONTACT_NAME_MAX = 120
MAX_TOPICS = 40

_POSTCODE = re.compile(r"[A-Za-z0-9 -]{3,10}")
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A host with a dot and a letter TLD, as WTForms' URL(require_tld=True) asked before.
_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)
_ENUMS: dict[str, type] = {
    "kind": PostingKind,
    "employment": Employment,
    "remote": Remote,
    "salary_period": SalaryPeriod,
    "german_level": LanguageLevel,
    "english_level": LanguageLevel,
}
_DEFAULTS = {"employment": Employment.FULL_TIME.value, "remote": Remote.ONSITE.value}


@dataclass(frozen=True)
class FieldError:
    """One problem: where (a path in the posting data) and what (a lazy, translatable text)."""

    path: str
    message: Any


# Messages shared with the shape check of the API and the import (posting_input).


def choice_error(value: Any, choices: Iterable[Any]) -> Any:
    return _l(
        "“%(value)s” is not a valid choice. Choose one of: %(choices)s.",
        value=value,
        choices=", ".join(str(c) for c in choices),
    )


def at_most(limit: int) -> Any:
    return _l("Please use at most %(max)s characters.", max=limit)


def url_error() -> Any:
    return _l("Please enter an address that starts with https:// or http://.")


def email_error() -> Any:
    return _l("Please enter a valid email address, such as name@example.org.")


def date_error() -> Any:
    return _l("Please enter a date as YYYY-MM-DD.")


def number_error(low: Any, high: Any) -> Any:
    return _l("Please enter a whole number from %(min)s to %(max)s.", min=low, max=high)


def is_http_url(value: str) -> bool:
    """An absolute http(s) address with a real host name (no javascript:, ftp:, local names)."""
    try:
        url = urlsplit(value)
        host = url.hostname or ""
        url.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return False
    return (
        url.scheme.lower() in ("http", "https")
        and bool(_HOST.fullmatch(host))
        and not re.search(r"\s", value)
    )


def is_email(value: str) -> bool:
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def known_topic_slugs(slugs: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return set()
    return set(db.session.scalars(sa.select(Topic.slug).where(Topic.slug.in_(wanted))))


class _Checker:
    """Collects errors and the cleaned values while walking one posting's data."""

    def __init__(self, data: Mapping[str, Any]):
        self.data = data
        self.errors: list[FieldError] = []
        self.clean: dict[str, Any] = {}

    def fail(self, path: str, message: Any) -> None:
        self.errors.append(FieldError(path, message))

    def failed(self, path: str) -> bool:
        return any(e.path == path for e in self.errors)

    def text(self, path: str, value: Any, limit: int) -> str | None:
        """A stripped string or None when empty; wrong types and overlong values are errors."""
        if value is None:
            return None
        if not isinstance(value, str):
            self.fail(path, _l("Please enter text."))
            return None
        value = value.strip()
        if len(value) > limit:
            self.fail(path, at_most(limit))
        return value or None

    def choice(self, name: str) -> str | None:
        raw = self.text(name, self.data.get(name), 40)
        values = [m.value for m in _ENUMS[name]]
        if raw is not None and raw not in values:
            self.fail(name, choice_error(raw, values))
            return None
        return raw

    def iso_date(self, name: str) -> str | None:
        raw = self.data.get(name)
        if isinstance(raw, date):
            return raw.isoformat()
        raw = self.text(name, raw, 10)
        if raw is None:
            return None
        try:
            if not _DATE.fullmatch(raw):
                raise ValueError(raw)
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            self.fail(name, date_error())
            return None

    def amount(self, name: str) -> int | None:
        value = self.data.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= SALARY_MAX:
            self.fail(name, number_error(0, SALARY_MAX))
            return None
        return value

    def url(self, name: str) -> str | None:
        value = self.text(name, self.data.get(name), URL_MAX)
        if value is not None and not self.failed(name) and not is_http_url(value):
            self.fail(name, url_error())
        return value

    def email(self, name: str) -> str | None:
        value = self.text(name, self.data.get(name), EMAIL_MAX)
        if value is not None and not self.failed(name) and not is_email(value):
            self.fail(name, email_error())
        return value.lower() if value else None


def validate_posting_data(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """The cleaned posting data and every problem found (an empty list: the data is valid).

    The cleaned data has exactly the keys of `postings.posting_data`, with defaults filled in
    (full-time, on site, EUR), texts only for the languages written in, places without empty
    rows, topics sorted. Nothing is written; topic slugs are looked up in the database.
    """
    if not isinstance(data, Mapping):
        return {}, [FieldError("", _l("Please send the posting as an object with fields."))]
    check = _Checker(data)
    clean = check.clean
    for name in _ENUMS:
        clean[name] = check.choice(name)
    if clean["kind"] is None and not check.failed("kind"):
        check.fail("kind", _l("Please choose the type of posting."))
    for name, default in _DEFAULTS.items():
        clean[name] = clean[name] or default
    clean["start_date"] = check.iso_date("start_date")
    clean["deadline"] = check.iso_date("deadline")
    _salary(check)
    clean["pay_scale"] = check.text("pay_scale", data.get("pay_scale"), PAY_SCALE_MAX)
    clean["working_languages"] = _working_languages(check)
    clean["visa_support"] = bool(data.get("visa_support"))
    clean["leadership"] = bool(data.get("leadership"))
    clean["apply_url"] = check.url("apply_url")
    clean["apply_email"] = check.email("apply_email")
    if not (clean["apply_url"] or clean["apply_email"]) and not (
        check.failed("apply_url") or check.failed("apply_email")
    ):
        check.fail(
            "apply_url", _l("Please give a web page or an email address where people can apply.")
        )
    clean["contact_name"] = check.text("contact_name", data.get("contact_name"), CONTACT_NAME_MAX)
    clean["contact_email"] = check.email("contact_email")
    clean["texts"] = _texts(check)
    clean["locations"] = _locations(check)
    clean["topics"] = _topics(check)
    return clean, check.errors


def _salary(check: _Checker) -> None:
    clean = check.clean
    low, high = check.amount("salary_min"), check.amount("salary_max")
    clean["salary_min"], clean["salary_max"] = low, high
    if low is not None and high is not None and low > high:
        check.fail("salary_max", _l("The upper end of the pay range is below the lower end."))
    currency = check.text("salary_currency", check.data.get("salary_currency"), 3) or "EUR"
    if currency not in CURRENCIES and not check.failed("salary_currency"):
        check.fail("salary_currency", choice_error(currency, CURRENCIES))
    clean["salary_currency"] = currency
    has_pay = low is not None or high is not None
    if has_pay and not clean["salary_period"] and not check.failed("salary_period"):
        check.fail("salary_period", _l("Please say whether the pay is per year, month or hour."))


def _working_languages(check: _Checker) -> list[str]:
    raw = check.data.get("working_languages") or []
    if not isinstance(raw, list | tuple) or not all(isinstance(v, str) for v in raw):
        check.fail("working_languages", _l("Please choose the working languages from the list."))
        return []
    unknown = [v for v in raw if v not in LANGS]
    if unknown:
        check.fail("working_languages", choice_error(unknown[0], LANGS))
    chosen = [lang for lang in LANGS if lang in raw]
    if not chosen and not unknown:
        check.fail("working_languages", _l("Please choose at least one working language."))
    return chosen


def _texts(check: _Checker) -> dict[str, dict[str, str]]:
    raw = check.data.get("texts") or {}
    if not isinstance(raw, Mapping):
        check.fail("texts", _l("Please write the texts per language (de, en)."))
        return {}
    texts: dict[str, dict[str, str]] = {}
    had_error = False
    for lang, values in raw.items():
        path = f"texts.{lang}"
        if lang not in LANGS:
            check.fail(path, choice_error(lang, LANGS))
            had_error = True
            continue
        if values is None:
            continue
        if not isinstance(values, Mapping):
            check.fail(path, _l("Please write the texts per language (de, en)."))
            had_error = True
            continue
        cleaned = {
            field: check.text(f"{path}.{field}", values.get(field), TEXT_MAX[field]) or ""
            for field in TEXT_FIELDS
        }
        unknown = sorted(set(values) - set(TEXT_FIELDS))
        for field in unknown:
            check.fail(f"{path}.{field}", _l("Unknown field."))
        if not any(cleaned.values()):
            continue
        if not cleaned["title"]:
            check.fail(f"{path}.title", _l("Please enter a title."))
        elif len(cleaned["title"]) < TITLE_MIN:
            check.fail(
                f"{path}.title",
                _l(
                    "Please use %(min)s to %(max)s characters.",
                    min=TITLE_MIN,
                    max=TEXT_MAX["title"],
                ),
            )
        if not cleaned["body"]:
            check.fail(f"{path}.body", _l("Please describe the post."))
        had_error = had_error or any(e.path.startswith(path) for e in check.errors)
        texts[lang] = cleaned
    complete = [t for t in texts.values() if t["title"] and t["body"]]
    if not complete and not had_error:
        check.fail(
            "texts",
            _l("Please write the posting in at least one language: a title and a description."),
        )
    return {lang: texts[lang] for lang in LANGS if lang in texts}


def _locations(check: _Checker) -> list[dict[str, Any]]:
    raw = check.data.get("locations") or []
    if not isinstance(raw, list | tuple) or not all(isinstance(r, Mapping) for r in raw):
        check.fail("locations", _l("Please enter at least one place of work."))
        return []
    if not any(isinstance(r.get("city"), str) and r["city"].strip() for r in raw):
        check.fail("locations", _l("Please enter at least one place of work."))
    rows: list[dict[str, Any]] = []
    for index, row in enumerate(raw):
        path = f"locations.{index}"
        city = check.text(f"{path}.city", row.get("city"), CITY_MAX)
        postcode = check.text(f"{path}.postcode", row.get("postcode"), POSTCODE_MAX)
        country = check.text(f"{path}.country", row.get("country"), CITY_MAX)
        if not (city or postcode):
            continue
        if postcode and not check.failed(f"{path}.postcode") and not _POSTCODE.fullmatch(postcode):
            check.fail(
                f"{path}.postcode",
                _l("Please enter a postcode of 3 to 10 letters, digits, spaces or hyphens."),
            )
        if country and not _COUNTRY.fullmatch(country) and not check.failed(f"{path}.country"):
            check.fail(f"{path}.country", _l("Two letters, e.g. DE."))
        if not city and not check.failed(f"{path}.city"):
            check.fail(f"{path}.city", _l("Please enter the city of this postcode."))
        rows.append({"city": city, "postcode": postcode, "country": (country or "DE").upper()})
    if len(rows) > MAX_LOCATIONS:
        check.fail(
            "locations", _l("Please enter at most %(max)s places of work.", max=MAX_LOCATIONS)
        )
    return rows


def _topics(check: _Checker) -> list[str]:
    raw = check.data.get("topics") or []
    if not isinstance(raw, list | tuple) or not all(isinstance(s, str) for s in raw):
        check.fail("topics", _l("Please choose the topics from the list."))
        return []
    wanted = sorted({s.strip() for s in raw if s.strip()})
    if len(wanted) > MAX_TOPICS:
        check.fail("topics", _l("Please choose at most %(max)s topics.", max=MAX_TOPICS))
        return []
    unknown = sorted(set(wanted) - known_topic_slugs(wanted))
    if unknown:
        check.fail(
            "topics",
            _l("Unknown topic: %(slugs)s.", slugs=", ".join(unknown)),
        )
    return [slug for slug in wanted if slug not in unknown]
