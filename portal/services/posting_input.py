"""Postings as the write API and the JSON import take them: schemas, shape check, conversion.

The JSON shape is the read API's `Posting` (field for field, so a posting read from
`GET /api/v1/postings/{id}` can be sent back; its server-assigned fields are `readOnly` and
ignored). `INPUT_SCHEMAS` are JSON Schemas for the OpenAPI document (`portal.api.openapi` adds
them to its components), and `check()` holds a body to exactly those schemas — the small
subset of keywords they use — with translatable messages, so the JSON import can report in
German too. What passes goes through `to_data()` into the plain posting data of
`portal.services.postings`, and from there through the same rules as the employer form
(`posting_rules.validate_posting_data`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from portal.models import LANGS, Employment, LanguageLevel, PostingKind, Remote, SalaryPeriod
from portal.services import posting_rules as rules

Schema = dict[str, Any]

EXTERNAL_ID_MAX = 100
COUNTRY_PATTERN = "^[A-Z]{2}$"
# The keywords `check` understands; a test keeps the schemas to them.
SUPPORTED_KEYWORDS = frozenset(
    {
        "$ref",
        "type",
        "enum",
        "format",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "properties",
        "required",
        "additionalProperties",
        "minProperties",
        "items",
        "minItems",
        "maxItems",
        "anyOf",
        "readOnly",
        "writeOnly",
        "default",
        "description",
    }
)
# Input field → field of the posting data, where the two differ.
_NESTED = {
    "salary_min": "salary.min",
    "salary_max": "salary.max",
    "salary_currency": "salary.currency",
    "salary_period": "salary.period",
    "contact_name": "contact.name",
    "contact_email": "contact.email",
}


# --- schemas ---------------------------------------------------------------------------------


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: Schema) -> Schema:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    out = dict(schema, type=[schema["type"], "null"])
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _obj(properties: dict[str, Schema], required: list[str], **extra: Any) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        **extra,
    }


def _enum(values: Any) -> Schema:
    return {"type": "string", "enum": [getattr(v, "value", v) for v in values]}


def _text(limit: int, **extra: Any) -> Schema:
    return {"type": "string", "maxLength": limit, **extra}


def _ignored(schema: Schema) -> Schema:
    return {**schema, "readOnly": True, "description": "Set by the portal; ignored in requests."}


_AMOUNT = {"type": "integer", "minimum": 0, "maximum": rules.SALARY_MAX}
_DATE = {"type": "string", "format": "date"}
_MARKDOWN = "Markdown."


def _content(texts: Schema, submit_default: bool) -> dict[str, Schema]:
    """The writable fields, in the order of the read schema, plus `external_id` and `submit`."""
    return {
        "external_id": {
            **_nullable({"type": "string", "minLength": 1, "maxLength": EXTERNAL_ID_MAX}),
            "description": "Your own id of the posting (e.g. from your applicant-tracking "
            "system). Unique per organisation: sending it again updates that posting.",
        },
        "submit": {
            "type": "boolean",
            "default": submit_default,
            "writeOnly": True,
            "description": "Submit a draft for publication after saving (moderated, unless "
            "your organisation publishes directly).",
        },
        "kind": _enum(PostingKind),
        "texts": texts,
        "employment": {**_enum(Employment), "default": Employment.FULL_TIME.value},
        "remote": {**_enum(Remote), "default": Remote.ONSITE.value},
        "locations": {
            "type": "array",
            "items": ref("LocationInput"),
            "minItems": 1,
            "maxItems": rules.MAX_LOCATIONS,
        },
        "topics": {"type": "array", "items": ref("TopicInput"), "maxItems": rules.MAX_TOPICS},
        "start_date": {**_nullable(_DATE), "description": "`null`: as soon as possible."},
        "deadline": _nullable(_DATE),
        "salary": _nullable(ref("SalaryInput")),
        "pay_scale": _nullable(_text(rules.PAY_SCALE_MAX)),
        "working_languages": {
            "type": "array",
            "items": _enum(LANGS),
            "maxItems": len(LANGS),
            "description": "Left out: the languages the texts are written in.",
        },
        "german_level": _nullable(_enum(LanguageLevel)),
        "english_level": _nullable(_enum(LanguageLevel)),
        "visa_support": {"type": "boolean", "default": False},
        "leadership": {"type": "boolean", "default": False},
        "apply_url": {
            **_nullable(_text(rules.URL_MAX, format="uri")),
            "description": "The page to apply on: an http(s) address.",
        },
        "apply_email": _nullable(_text(rules.EMAIL_MAX, format="email")),
        "contact": _nullable(ref("ContactInput")),
        # What the read API adds: accepted, so that a read posting can be sent back.
        "id": _ignored({"type": "integer"}),
        "organisation": _ignored(ref("OrganisationSummary")),
        "featured": _ignored({"type": "boolean"}),
        "published_at": _ignored({"type": "string", "format": "date-time"}),
        "expires_at": _ignored({"type": "string", "format": "date-time"}),
        "updated_at": _ignored({"type": "string", "format": "date-time"}),
        "urls": _ignored(ref("Urls")),
    }


def _texts_schema(text: Schema, min_properties: int) -> Schema:
    return _obj(
        {lang: text for lang in LANGS},
        [],
        minProperties=min_properties,
        description="The texts per language; at least one language with a title and a body.",
    )


def _build() -> dict[str, Schema]:
    text_props = {
        field: _text(rules.TEXT_MAX[field], description=_MARKDOWN) for field in rules.TEXT_FIELDS
    }
    text_props["title"] = _text(rules.TEXT_MAX["title"])
    text_props["summary"] = _text(rules.TEXT_MAX["summary"])
    patch_texts = _texts_schema(_nullable(ref("PostingTextInput")), 0)
    patch_texts["description"] = (
        "Languages given replace that language's texts; `null` removes a language."
    )
    patch = _content(patch_texts, submit_default=False)
    return {
        "PostingInput": _obj(
            _content(_texts_schema(ref("PostingTextInput"), 1), submit_default=True),
            ["kind", "texts", "locations"],
            description="A posting to create (or, with a known `external_id`, to update). "
            "Fields left out get their defaults.",
        ),
        "PostingPatch": _obj(
            patch,
            [],
            description="The fields to change. Each field given replaces the stored value "
            "(`null` clears it), except `texts`, which is changed per language.",
        ),
        "PostingTextInput": _obj(text_props, ["title"]),
        "LocationInput": _obj(
            {
                "city": _text(rules.CITY_MAX, minLength=1),
                "postcode": _nullable(_text(rules.POSTCODE_MAX)),
                "country": {"type": "string", "pattern": COUNTRY_PATTERN, "default": "DE"},
            },
            ["city"],
        ),
        "SalaryInput": _obj(
            {
                "min": _nullable(_AMOUNT),
                "max": _nullable(_AMOUNT),
                "currency": {**_enum(rules.CURRENCIES), "default": "EUR"},
                "period": _nullable(_enum(SalaryPeriod)),
            },
            [],
            description="Pay range (EU pay-transparency directive 2023/970, Art. 5); with an "
            "amount, `period` is needed.",
        ),
        "ContactInput": _obj(
            {
                "name": _nullable(_text(rules.CONTACT_NAME_MAX)),
                "email": _nullable(_text(rules.EMAIL_MAX, format="email")),
            },
            [],
        ),
        "TopicInput": _obj(
            {
                "slug": {"type": "string", "minLength": 1, "maxLength": 60},
                "names": _ignored(ref("Names")),
            },
            ["slug"],
            description="A topic by its slug (see /api/v1/topics).",
        ),
    }


INPUT_SCHEMAS: dict[str, Schema] = _build()
READ_ONLY_FIELDS = frozenset(
    name
    for name, schema in INPUT_SCHEMAS["PostingInput"]["properties"].items()
    if schema.get("readOnly")
)


# --- the shape check --------------------------------------------------------------------------

_TYPE_MESSAGES = {
    "string": _l("Please enter text."),
    "integer": _l("Please enter a whole number."),
    "boolean": _l("Please enter true or false."),
    "array": _l("Please give a list."),
    "object": _l("Please give an object with fields."),
    "null": _l("Please leave this empty (null)."),
}
_PATTERN_MESSAGES = {COUNTRY_PATTERN: _l("Two letters, e.g. DE.")}
# Too few items or fields: only these two lists have a minimum; say what is missing.
_TOO_FEW = {
    "texts": _l("Please write the posting in at least one language: a title and a description."),
    "locations": _l("Please enter at least one place of work."),
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_type(value: Any, kind: str) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return value is None


def _join(path: str, key: str | int) -> str:
    return f"{path}.{key}" if path else str(key)


def _resolve(schema: Schema) -> Schema:
    while "$ref" in schema:
        schema = INPUT_SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def check(instance: Any, schema_name: str) -> list[rules.FieldError]:
    """Every way `instance` departs from the input schema `schema_name` (empty: it fits)."""
    errors: list[rules.FieldError] = []
    _check(instance, INPUT_SCHEMAS[schema_name], "", errors)
    return errors


def _check(value: Any, schema: Schema, path: str, errors: list[rules.FieldError]) -> None:
    schema = _resolve(schema)
    if "anyOf" in schema:
        branches = []
        for branch in schema["anyOf"]:
            found: list[rules.FieldError] = []
            _check(value, branch, path, found)
            if not found:
                return
            branches.append(found)
        # Report the branch that is not the `null` alternative: its errors say what is wrong.
        errors.extend(branches[0])
        return
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is_type(value, kind) for kind in kinds):
            errors.append(rules.FieldError(path, _TYPE_MESSAGES[kinds[0]]))
            return
    if value is None:
        return
    fail = len(errors)
    if "enum" in schema and value not in schema["enum"]:
        allowed = [v for v in schema["enum"] if v is not None]
        errors.append(rules.FieldError(path, rules.choice_error(value, allowed)))
    if isinstance(value, str):
        _check_string(value, schema, path, errors)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and value < low) or (high is not None and value > high):
            errors.append(rules.FieldError(path, rules.number_error(low, high)))
    elif isinstance(value, list):
        _check_array(value, schema, path, errors)
    elif isinstance(value, dict) and len(errors) == fail:
        _check_object(value, schema, path, errors)


def _check_string(value: str, schema: Schema, path: str, errors: list[rules.FieldError]) -> None:
    low, high = schema.get("minLength"), schema.get("maxLength")
    if low is not None and len(value) < low:
        errors.append(rules.FieldError(path, _l("This field must not be empty.")))
    elif high is not None and len(value) > high:
        errors.append(rules.FieldError(path, rules.at_most(high)))
    pattern = schema.get("pattern")
    if pattern and not re.search(pattern, value):
        message = _PATTERN_MESSAGES.get(pattern)
        if message is None:
            message = _l("Please check the form of this value.")
        errors.append(rules.FieldError(path, message))
    fmt = schema.get("format")
    if fmt == "email" and not rules.is_email(value):
        errors.append(rules.FieldError(path, rules.email_error()))
    elif fmt == "uri" and not rules.is_http_url(value):
        errors.append(rules.FieldError(path, rules.url_error()))
    elif fmt == "date":
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            date.fromisoformat(value)
        except ValueError:
            errors.append(rules.FieldError(path, rules.date_error()))


def _too_few(path: str, low: int) -> Any:
    message = _TOO_FEW.get(path.rsplit(".", 1)[-1])
    return message if message is not None else _l("Please give at least %(min)s.", min=low)


def _check_array(value: list, schema: Schema, path: str, errors: list[rules.FieldError]) -> None:
    low, high = schema.get("minItems"), schema.get("maxItems")
    if low is not None and len(value) < low:
        errors.append(rules.FieldError(path, _too_few(path, low)))
    elif high is not None and len(value) > high:
        errors.append(rules.FieldError(path, _l("Please give at most %(max)s.", max=high)))
        return  # no need to look into each of a thousand items
    if "items" in schema:
        for index, item in enumerate(value):
            _check(item, schema["items"], _join(path, index), errors)


def _check_object(value: dict, schema: Schema, path: str, errors: list[rules.FieldError]) -> None:
    properties = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            errors.append(rules.FieldError(_join(path, name), _l("This field is required.")))
    low = schema.get("minProperties")
    if low is not None and len(value) < low:
        errors.append(rules.FieldError(path, _too_few(path, low)))
    for name, item in value.items():
        child = properties.get(name)
        if child is None:
            if schema.get("additionalProperties", True) is False:
                errors.append(rules.FieldError(_join(path, name), _l("Unknown field.")))
            continue
        if child.get("readOnly"):
            continue  # set by the portal: ignored, whatever it says
        _check(item, child, _join(path, name), errors)


# --- conversion ---------------------------------------------------------------------------------


def to_data(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A checked input document as posting data (before the posting rules run)."""
    salary = doc.get("salary") or {}
    contact = doc.get("contact") or {}
    texts = {lang: dict(values) for lang, values in (doc.get("texts") or {}).items() if values}
    languages = doc.get("working_languages")
    if languages is None:
        languages = [lang for lang in LANGS if lang in texts]
    return {
        "kind": doc.get("kind"),
        "employment": doc.get("employment"),
        "remote": doc.get("remote"),
        "start_date": doc.get("start_date"),
        "deadline": doc.get("deadline"),
        "salary_min": salary.get("min"),
        "salary_max": salary.get("max"),
        "salary_currency": salary.get("currency"),
        "salary_period": salary.get("period"),
        "pay_scale": doc.get("pay_scale"),
        "working_languages": list(languages),
        "german_level": doc.get("german_level"),
        "english_level": doc.get("english_level"),
        "visa_support": bool(doc.get("visa_support")),
        "leadership": bool(doc.get("leadership")),
        "apply_url": doc.get("apply_url"),
        "apply_email": doc.get("apply_email"),
        "contact_name": contact.get("name"),
        "contact_email": contact.get("email"),
        "texts": texts,
        "locations": [dict(loc) for loc in doc.get("locations") or []],
        "topics": [topic["slug"] for topic in doc.get("topics") or []],
    }


def from_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """Posting data as an input document (the base a PATCH is applied to)."""
    has_pay = data.get("salary_min") is not None or data.get("salary_max") is not None
    has_contact = data.get("contact_name") or data.get("contact_email")
    return {
        "kind": data.get("kind"),
        "texts": {lang: dict(values) for lang, values in (data.get("texts") or {}).items()},
        "employment": data.get("employment"),
        "remote": data.get("remote"),
        "locations": [dict(loc) for loc in data.get("locations") or []],
        "topics": [{"slug": slug} for slug in data.get("topics") or []],
        "start_date": data.get("start_date"),
        "deadline": data.get("deadline"),
        "salary": {
            "min": data.get("salary_min"),
            "max": data.get("salary_max"),
            "currency": data.get("salary_currency") or "EUR",
            "period": data.get("salary_period"),
        }
        if has_pay
        else None,
        "pay_scale": data.get("pay_scale"),
        "working_languages": list(data.get("working_languages") or []),
        "german_level": data.get("german_level"),
        "english_level": data.get("english_level"),
        "visa_support": bool(data.get("visa_support")),
        "leadership": bool(data.get("leadership")),
        "apply_url": data.get("apply_url"),
        "apply_email": data.get("apply_email"),
        "contact": {"name": data.get("contact_name"), "email": data.get("contact_email")}
        if has_contact
        else None,
    }


def merge_patch(base: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with a checked PATCH document applied: fields replace, `texts` per language."""
    merged = dict(base)
    for name, value in patch.items():
        if name in READ_ONLY_FIELDS or name in ("external_id", "submit"):
            continue
        if name == "texts":
            texts = dict(merged.get("texts") or {})
            for lang, values in value.items():
                if values is None:
                    texts.pop(lang, None)
                else:
                    texts[lang] = values
            merged["texts"] = texts
        else:
            merged[name] = value
    return merged


def input_path(path: str) -> str:
    """The input document's name for a path of the posting data (`salary_max` → `salary.max`)."""
    head, _, rest = path.partition(".")
    head = _NESTED.get(head, head)
    return f"{head}.{rest}" if rest else head


# An example for the OpenAPI document (Schemathesis sends it too, so it must stay valid).
EXAMPLE_INPUT: dict[str, Any] = {
    "external_id": "ATS-4711",
    "kind": "job",
    "texts": {
        "de": {
            "title": "Entwicklungsingenieur*in Optik (m/w/d)",
            "summary": "Sie entwickeln Optiken für Lasersysteme.",
            "body": "Sie entwerfen **Optiken** für Hochleistungslaser.\n\n- Simulation\n- Tests",
        },
        "en": {
            "title": "Optical development engineer",
            "summary": "You develop optics for laser systems.",
            "body": "You design **optics** for high-power lasers.\n\n- Simulation\n- Tests",
        },
    },
    "employment": "full_time",
    "remote": "hybrid",
    "locations": [{"city": "Jena", "postcode": "07745", "country": "DE"}],
    "topics": [{"slug": "laser-technology"}],
    "deadline": "2027-03-31",
    "salary": {"min": 52000, "max": 64000, "currency": "EUR", "period": "year"},
    "working_languages": ["de", "en"],
    "german_level": "B2",
    "english_level": "C1",
    "apply_url": "https://example.org/jobs/4711",
    "contact": {"name": "Dr. Ada Licht", "email": "ada@example.org"},
}
EXAMPLE_PATCH: dict[str, Any] = {"deadline": "2027-04-30", "submit": True}
