"""Query parameters of the API: one declaration drives validation and the OpenAPI document.

Each `Param` carries the JSON Schema published in /api/v1/openapi.json; `parse()` checks the
query string against exactly that schema (the small subset of keywords used here), so the
document and the behaviour cannot drift apart. Unlike the HTML list, which ignores what it does
not understand, the API answers 400 with every bad parameter listed: a client with a typo in a
filter should hear about it rather than get unfiltered results.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from werkzeug.datastructures import MultiDict

from portal.models import LANGS, Employment, OrganisationKind, PostingKind, Remote
from portal.services.queries import MAX_QUERY_LENGTH, POSTED_CHOICES
from portal.services.search import MAX_FILTER_VALUES, MAX_PER_PAGE, MAX_WINDOW, SORTS

DEFAULT_PER_PAGE = 20
MAX_PAGE = 10_000
MAX_FILTER_LENGTH = 100
MAX_ID = 2**31 - 1  # the INTEGER id columns' range; larger path ids are no route (404)
_INTEGER = re.compile(r"-?[0-9]{1,18}")
# The keywords `parse` understands; tests check that every declared schema sticks to them.
SUPPORTED_KEYWORDS = frozenset(
    {"type", "enum", "items", "minimum", "maximum", "minLength", "maxLength", "maxItems", "default"}
)


@dataclass(frozen=True)
class Param:
    name: str
    schema: dict[str, Any]
    description: str

    @property
    def is_list(self) -> bool:
        return self.schema["type"] == "array"


class InvalidParams(Exception):
    """Bad query parameters: a list of (name, reason), answered as one 400 problem."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(problems)
        self.problems = problems


def _values_of(enum_cls: Any) -> list[str]:
    return [member.value for member in enum_cls]


def _enum_list(values: Sequence[str]) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "enum": list(values)},
        "maxItems": MAX_FILTER_VALUES,
    }


def _text_list() -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "minLength": 1, "maxLength": MAX_FILTER_LENGTH},
        "maxItems": MAX_FILTER_VALUES,
    }


ORed = " Repeat the parameter for several values (they are ORed)."

PAGE = Param(
    "page",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    f"Page number, from 1. Only the first {MAX_WINDOW:,} results of a query can be paged "
    "through; a page starting beyond them is a 400 (narrow the query instead). "
    "A page past the last one is empty.",
)
PER_PAGE = Param(
    "per_page",
    {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
    f"Items per page, 1 to {MAX_PER_PAGE}; more is a 400, not silently fewer.",
)

POSTING_PARAMS: tuple[Param, ...] = (
    Param(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        "Free text, searched in both languages (German compounds and stems included). "
        "Quotes make a phrase, `-word` excludes, `prefix*` matches beginnings.",
    ),
    Param("kind", _enum_list(_values_of(PostingKind)), "Kind of posting." + ORed),
    Param("topic", _text_list(), "Topic slug (see /api/v1/topics)." + ORed),
    Param("city", _text_list(), "City of a location, as written in the postings." + ORed),
    Param("org", _text_list(), "Organisation slug (see /api/v1/organisations)." + ORed),
    Param("orgkind", _enum_list(_values_of(OrganisationKind)), "Kind of employer." + ORed),
    Param("remote", _enum_list(_values_of(Remote)), "Place of work." + ORed),
    Param("employment", _enum_list(_values_of(Employment)), "Working time." + ORed),
    Param(
        "lang",
        _enum_list(list(LANGS)),
        "Working language of the post (not the language of the texts)." + ORed,
    ),
    Param("leadership", {"type": "boolean"}, "`true`: leadership posts only."),
    Param("visa", {"type": "boolean"}, "`true`: posts with visa support only."),
    Param(
        "posted",
        {"type": "integer", "enum": list(POSTED_CHOICES)},
        "Published within this many days.",
    ),
    Param(
        "sort",
        {"type": "string", "enum": list(SORTS)},
        "Order: `relevance` (the default with `q`), `newest` (the default without), `deadline`.",
    ),
    PAGE,
    PER_PAGE,
)

ORGANISATION_PARAMS: tuple[Param, ...] = (
    Param("kind", _enum_list(_values_of(OrganisationKind)), "Kind of organisation." + ORed),
    PAGE,
    PER_PAGE,
)

PAGE_PARAMS: tuple[Param, ...] = (PAGE, PER_PAGE)
NO_PARAMS: tuple[Param, ...] = ()


def parse(args: MultiDict, params: Sequence[Param]) -> dict[str, Any]:
    """The typed values of `params` in `args` (defaults for absent ones).

    Raises InvalidParams naming every unknown, repeated or invalid parameter at once.
    """
    declared = {param.name: param for param in params}
    problems = [(name, "unknown parameter") for name in args if name not in declared]
    values: dict[str, Any] = {}
    for param in params:
        raw = args.getlist(param.name)
        if param.is_list:
            value, reason = _check_list(raw, param.schema)
        elif len(raw) > 1:
            value, reason = None, "must be given at most once"
        elif raw:
            value, reason = _check(raw[0], param.schema)
        else:
            value, reason = param.schema.get("default"), None
        if reason:
            problems.append((param.name, reason))
        values[param.name] = value
    if problems:
        raise InvalidParams(problems)
    return values


def _check_list(raw: list[str], schema: dict[str, Any]) -> tuple[list[Any], str | None]:
    if len(raw) > schema["maxItems"]:
        return [], f"must be given at most {schema['maxItems']} times"
    values = []
    for item in raw:
        value, reason = _check(item, schema["items"])
        if reason:
            return [], reason
        values.append(value)
    return values, None


def _check(raw: str, schema: dict[str, Any]) -> tuple[Any, str | None]:
    """One query value against a scalar schema: (typed value, None) or (None, reason)."""
    kind = schema["type"]
    if kind == "boolean":
        if raw in ("true", "false"):
            return raw == "true", None
        return None, "must be true or false"
    if kind == "integer":
        value = int(raw) if _INTEGER.fullmatch(raw) else None
        if "enum" in schema:
            if value in schema["enum"]:
                return value, None
            return None, _one_of(schema["enum"])
        low, high = schema.get("minimum"), schema.get("maximum")
        if (
            value is None
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            return None, f"must be an integer from {low} to {high}"
        return value, None
    if "enum" in schema:
        return (raw, None) if raw in schema["enum"] else (None, _one_of(schema["enum"]))
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(raw) < low or (high is not None and len(raw) > high):
        return None, (
            f"must be {low} to {high} characters long"
            if low
            else f"must be at most {high} characters long"
        )
    return raw, None


def _one_of(values: Sequence[Any]) -> str:
    return "must be one of: " + ", ".join(str(v) for v in values)
