"""The OpenAPI 3.1 document of the API, built from the same declarations the code uses.

Query parameters come from `portal.api.params` (which also validates them) and enum values from
the model enums, so neither can drift. The response schemas mirror `portal.services.api` field
by field with `additionalProperties: false` and every field `required` (absent values are
`null`, not missing): the tests validate real responses against this document, so a field added,
renamed or retyped on one side only fails them. Server-assigned fields are `readOnly`, so the
write API can take the same `Posting` schema for its input.
"""

from __future__ import annotations

from typing import Any

from portal.api.params import (
    MAX_ID,
    MAX_PAGE,
    NO_PARAMS,
    ORGANISATION_PARAMS,
    PAGE_PARAMS,
    POSTING_PARAMS,
    Param,
)
from portal.models import (
    LANGS,
    Benefit,
    CourseFormat,
    EmployeeRange,
    Employment,
    LanguageLevel,
    OrganisationKind,
    PostingKind,
    PostingStatus,
    Remote,
    SalaryPeriod,
)
from portal.services.posting_input import EXAMPLE_INPUT, EXAMPLE_PATCH, INPUT_SCHEMAS
from portal.services.search import FACETS, MAX_PER_PAGE, MAX_WINDOW
from portal.services.trainings import PUBLIC_STATUSES

Schema = dict[str, Any]

WRITE_MAX_BODY = 1024 * 1024  # bytes; the app-wide MAX_CONTENT_LENGTH is larger (uploads)

DESCRIPTION = f"""\
The API of Photonik Karriere, the career portal of the photonics cluster of Thuringia.
Anyone may read open postings (jobs, internships, theses, PhD and postdoc positions, …),
upcoming training courses, employers and the topic taxonomy; only public objects are ever
returned. Employers write their postings with an API token (see **Writing postings**).

* **Language.** The API speaks English (error titles and details); every posting, course,
  topic and organisation carries its texts in each language it has (`de`, `en`), and `urls`
  link its HTML pages in both UI languages. Texts are Markdown.
* **Dates** are ISO 8601: dates `YYYY-MM-DD`, date-times in UTC with `Z`.
* **Lists** are paged with `page` (from 1) and `per_page` (1–{MAX_PER_PAGE}, default 20). The
  body carries `total`; the `X-Total-Count` header too; the RFC 8288 `Link` header names the
  `first`, `prev`, `next` and `last` pages. Only the first {MAX_WINDOW:,} results of a query can
  be paged through.
* **Strict input.** Unknown parameters, unknown filter values (an enum value, a topic or
  organisation slug that does not exist), a parameter given twice, `per_page` above
  {MAX_PER_PAGE} and bad page numbers are answered `400` with every problem listed in
  `invalid_params` — the HTML list quietly ignores such input, an API should say so.
* **Errors** are problem details (RFC 9457, `application/problem+json`): `type`, `title`,
  `status`, `detail`. Unknown paths are `404`, methods a path does not document `405`.
  A posting that was public once and is no longer open (expired, closed, suspended) is `410`.
* **CORS.** Any origin may read: GET and HEAD answers carry `Access-Control-Allow-Origin: *`
  and preflights for GET are answered. No credentials; nothing for other methods (the write
  API is for servers, not browsers).
* **Rate limit.** Per client IP address (300 requests a minute by default); beyond it `429`
  with `Retry-After`.

## Writing postings

For applicant-tracking systems: `POST /api/v1/postings`, `PATCH /api/v1/postings/{{id}}` and
`POST /api/v1/postings/{{id}}/close`, each with `Authorization: Bearer <token>`. An owner of
the organisation makes tokens in the employer area ("API tokens"); a token is shown once, acts
as the member who made it, and works until revoked or until that member leaves.

* **Same rules as the form.** A posting is checked by the rules of the employer area's form
  (lengths, a complete text in at least one language, an application address, pay range,
  known topics, …) and goes through the same moderation: a new posting is created and
  submitted to the cluster team (organisations trusted by the cluster publish at once);
  edits of a published posting wait for review while the approved version stays online.
* **Idempotent.** Give your own id as `external_id`: a `POST` with an `external_id` your
  organisation used before updates that posting (`200`) instead of making another (`201`).
* **Strict input.** Bodies are JSON objects (`Content-Type: application/json`, at most
  {WRITE_MAX_BODY // 2**20} MiB). Malformed JSON is `400`, another content type `415`, a larger body
  `413`; unknown fields, wrong types and rule violations are `422` with every problem in
  `invalid_params`. A missing, malformed, unknown or revoked token is `401` with a
  `WWW-Authenticate: Bearer` challenge; another organisation's posting is `404`; a change the
  posting's status does not allow is `409`.
* The body takes the fields of `Posting` (server-set fields are read-only and ignored), so a
  posting read from this API can be sent back; topics are given by `slug`.
"""

CREATE_DESCRIPTION = """\
Creates a posting of the token's organisation and, unless `submit` is `false`, submits it:
it is `submitted` (the cluster team reviews it) or, for organisations the cluster trusts,
`published` at once. With an `external_id` your organisation used before, the posting with
that id is updated instead (as with PATCH, but every field given or defaulted) and the answer
is `200`.
"""

PATCH_DESCRIPTION = """\
Changes the fields given (JSON merge-patch style): each replaces the stored value, `null`
clears it; in `texts` each language given replaces that language's texts and `null` removes
the language. The result must follow the same rules as a new posting. A draft, submitted or
rejected posting changes at once (a rejected one becomes a draft again); a published one of an
organisation that is not trusted keeps its approved version online and the change waits for
review (`pending_review`). With `"submit": true` a draft is submitted afterwards. Closed and
suspended postings cannot be changed (`409`).
"""


# --- schema helpers -----------------------------------------------------------------------------


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    out = dict(schema, type=[schema["type"], "null"])
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def obj(properties: dict[str, Schema], required: list[str] | None = None, **extra: Any) -> Schema:
    """A closed object; every property required unless told otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


def read_only(schema: Schema) -> Schema:
    return {**schema, "readOnly": True}


def enum(values: Any) -> Schema:
    return {"type": "string", "enum": [getattr(v, "value", v) for v in values]}


def per_lang(schema: Schema, description: str, min_properties: int = 1) -> Schema:
    """{"de": …, "en": …} with only the languages the object has."""
    return obj(
        {lang: schema for lang in LANGS},
        required=[],
        minProperties=min_properties,
        description=description,
    )


STRING = {"type": "string"}
COUNT = {"type": "integer", "minimum": 0}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
URI = {"type": "string", "format": "uri"}
EMAIL = {"type": "string", "format": "email"}


def _schemas() -> dict[str, Schema]:
    page_props = {
        "total": {**COUNT, "description": "Number of results of the query."},
        "page": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
    }
    summary_props = {
        "slug": STRING,
        "name": STRING,
        "kind": enum(OrganisationKind),
        "member": {"type": "boolean", "description": "A member of the cluster."},
        "urls": ref("Urls"),
    }
    # The fields an employer writes, shared by the public and the employer's view.
    posting_content: dict[str, Schema] = {
        "kind": enum(PostingKind),
        "texts": per_lang(ref("PostingText"), "The texts, per language written in."),
        "employment": enum(Employment),
        "remote": enum(Remote),
        "locations": {"type": "array", "items": ref("Location"), "minItems": 1},
        "topics": {"type": "array", "items": ref("TopicRef")},
        "start_date": {
            **nullable(DATE),
            "description": "`null`: as soon as possible.",
        },
        "deadline": nullable(DATE),
        "salary": nullable(ref("Salary")),
        "pay_scale": {
            **nullable(STRING),
            "description": 'A collective pay grade such as "TV-L E13".',
        },
        "working_languages": {"type": "array", "items": enum(LANGS)},
        "german_level": nullable(enum(LanguageLevel)),
        "english_level": nullable(enum(LanguageLevel)),
        "visa_support": {"type": "boolean"},
        "leadership": {"type": "boolean"},
        "apply_url": nullable(URI),
        "apply_email": nullable(EMAIL),
        "contact": nullable(ref("Contact")),
    }
    return {
        **INPUT_SCHEMAS,
        "Problem": obj(
            {
                "type": {"type": "string", "format": "uri-reference"},
                "title": STRING,
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "detail": STRING,
                "invalid_params": {"type": "array", "items": ref("InvalidParam")},
            },
            required=["type", "title", "status", "detail"],
            description="Problem details (RFC 9457).",
        ),
        "InvalidParam": obj({"name": STRING, "reason": STRING}),
        "Urls": obj(
            {lang: URI for lang in LANGS},
            description="The object's HTML page in each UI language.",
        ),
        "Names": obj({lang: STRING for lang in LANGS}),
        "TopicRef": obj({"slug": STRING, "names": ref("Names")}),
        "Topic": obj(
            {
                "slug": STRING,
                "names": ref("Names"),
                "parent": nullable(STRING),
                "open_postings": COUNT,
            }
        ),
        "TopicList": obj({"items": {"type": "array", "items": ref("Topic")}, "total": COUNT}),
        "OrganisationSummary": obj(summary_props),
        "Organisation": obj(
            {
                **summary_props,
                "city": nullable(STRING),
                "postcode": nullable(STRING),
                "website": nullable(STRING),
                "employees": nullable(enum(EmployeeRange)),
                "founded_year": nullable({"type": "integer"}),
                "logo_url": nullable(URI),
                "descriptions": per_lang(
                    STRING, "Markdown, in the languages it is written in (maybe none).", 0
                ),
                "benefits": {"type": "array", "items": enum(Benefit)},
                "open_postings": COUNT,
                "postings_url": {**URI, "description": "Its open postings in this API."},
            }
        ),
        "OrganisationList": obj(
            {"items": {"type": "array", "items": ref("Organisation")}, **page_props}
        ),
        "PostingText": obj(
            {
                "title": {"type": "string", "minLength": 1, "maxLength": 200},
                "summary": {"type": "string", "maxLength": 300},
                "body": {**STRING, "description": "Markdown."},
                "requirements": {**STRING, "description": "Markdown."},
                "offer": {**STRING, "description": "Markdown."},
            }
        ),
        "Location": obj(
            {
                "city": STRING,
                "postcode": nullable(STRING),
                "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
            }
        ),
        "Salary": obj(
            {
                "min": nullable({"type": "integer"}),
                "max": nullable({"type": "integer"}),
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
                "period": nullable(enum(SalaryPeriod)),
            },
            description="Pay range (EU pay-transparency directive 2023/970, Art. 5).",
        ),
        "Contact": obj({"name": nullable(STRING), "email": nullable(EMAIL)}),
        "Posting": obj(
            {
                "id": read_only({"type": "integer", "minimum": 1}),
                "organisation": read_only(ref("OrganisationSummary")),
                **posting_content,
                "featured": read_only({"type": "boolean"}),
                "published_at": read_only(DATETIME),
                "expires_at": read_only(DATETIME),
                "updated_at": read_only(DATETIME),
                "urls": read_only(ref("Urls")),
            }
        ),
        "EmployerPosting": obj(
            {
                "id": read_only({"type": "integer", "minimum": 1}),
                "external_id": {
                    **nullable(STRING),
                    "description": "Your own id of the posting, if you gave one.",
                },
                "status": read_only(enum(PostingStatus)),
                "pending_review": read_only(
                    {
                        "type": "boolean",
                        "description": "An edit of the published posting waits for the "
                        "cluster team; the content shown is that edit, the public sees the "
                        "approved version until then.",
                    }
                ),
                **posting_content,
                "published_at": read_only(nullable(DATETIME)),
                "expires_at": read_only(nullable(DATETIME)),
                "updated_at": read_only(DATETIME),
                "urls": read_only(
                    {
                        **ref("Urls"),
                        "description": "The public pages (they answer once it is published).",
                    }
                ),
            },
            description="A posting of your organisation, in any status, as the write API answers.",
        ),
        "FacetValue": obj({"value": STRING, "count": COUNT}),
        "Facets": obj(
            {name: {"type": "array", "items": ref("FacetValue")} for name in FACETS},
            required=[],
            description="Counts per filter value; each ignores its own filter's selection.",
        ),
        "PostingList": obj(
            {
                "items": {"type": "array", "items": ref("Posting")},
                **page_props,
                "facets": ref("Facets"),
                "relaxed": {
                    "type": "boolean",
                    "description": "No posting has all the words of `q`; these have some.",
                },
                "suggestion": {**nullable(STRING), "description": "Did you mean …?"},
            }
        ),
        "CourseText": obj(
            {
                "title": {"type": "string", "minLength": 1, "maxLength": 200},
                "summary": {"type": "string", "maxLength": 300},
                "body": {**STRING, "description": "Markdown."},
                "target_group": STRING,
                "funding_hints": {**STRING, "description": "Markdown."},
            }
        ),
        "Session": obj({"starts_at": DATETIME, "ends_at": DATETIME}),
        "Fee": obj(
            {
                "amount": {"type": "string", "pattern": r"^[0-9]+\.[0-9]{2}$"},
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
            },
            description="The fee as a decimal string; `null` in the course means free.",
        ),
        "Course": obj(
            {
                "id": read_only({"type": "integer", "minimum": 1}),
                "status": read_only(enum(PUBLIC_STATUSES)),
                "format": enum(CourseFormat),
                "organisation": {
                    **nullable(ref("OrganisationSummary")),
                    "description": "The provider; `null`: the cluster itself.",
                },
                "texts": per_lang(ref("CourseText"), "The texts, per language written in."),
                "language": enum(LANGS),
                "city": nullable(STRING),
                "venue": nullable(STRING),
                "starts_at": DATETIME,
                "ends_at": DATETIME,
                "sessions": {"type": "array", "items": ref("Session")},
                "fee": nullable(ref("Fee")),
                "registration_url": nullable(URI),
                "capacity": nullable({"type": "integer"}),
                "promoted": read_only({"type": "boolean"}),
                "published_at": read_only(nullable(DATETIME)),
                "updated_at": read_only(DATETIME),
                "urls": read_only(ref("Urls")),
            }
        ),
        "CourseList": obj({"items": {"type": "array", "items": ref("Course")}, **page_props}),
    }


# --- parameters, responses, paths ------------------------------------------------------------


def _parameter(param: Param) -> Schema:
    out = {
        "name": param.name,
        "in": "query",
        "required": False,
        "description": param.description,
        "schema": param.schema,
    }
    if param.is_list:
        out.update(style="form", explode=True)
    return out


def _problem(description: str, headers: dict[str, Schema] | None = None) -> Schema:
    response = {
        "description": description,
        "content": {"application/problem+json": {"schema": ref("Problem")}},
    }
    if headers:
        response["headers"] = headers
    return response


_CORS = {"Access-Control-Allow-Origin": {"$ref": "#/components/headers/AccessControlAllowOrigin"}}
_RESPONSES = {
    "BadRequest": _problem("Invalid query parameters, listed in `invalid_params`."),
    "NotFound": _problem("No such public object."),
    "Gone": _problem("The posting was public once and is no longer open."),
    "TooManyRequests": _problem(
        "Rate limit exceeded.",
        {"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}},
    ),
    "ServiceUnavailable": _problem("Search is temporarily unavailable; retry later."),
    "MalformedBody": _problem("The body is empty or not JSON."),
    "Unauthorized": _problem(
        "No API token, a malformed `Authorization` header, or a token that is unknown, "
        "revoked, or whose creator has left the organisation.",
        {"WWW-Authenticate": {"$ref": "#/components/headers/WWWAuthenticate"}},
    ),
    "Forbidden": _problem(
        "The organisation may not publish (rejected or suspended), or the token's creator "
        "has not confirmed their email address."
    ),
    "NotYours": _problem("Your organisation has no posting with this id."),
    "Conflict": _problem(
        "The status of the posting does not allow this (e.g. closing a draft, editing a "
        "closed posting), or the `external_id` belongs to another posting."
    ),
    "PayloadTooLarge": _problem(f"The body is larger than {WRITE_MAX_BODY // 2**20} MiB."),
    "UnsupportedMediaType": _problem("The body is not sent as `application/json`."),
    "UnprocessableContent": _problem(
        "The posting does not follow the schema or the portal's rules; every problem is "
        "listed in `invalid_params` (`name` is the field's path, e.g. `texts.de.title`, "
        "`locations.0.city`, `salary.max`)."
    ),
}


def _ok(schema_name: str, description: str, paged: bool = False) -> Schema:
    headers: dict[str, Schema] = dict(_CORS)
    if paged:
        headers["Link"] = {"$ref": "#/components/headers/Link"}
        headers["X-Total-Count"] = {"$ref": "#/components/headers/XTotalCount"}
    return {
        "description": description,
        "headers": headers,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


def _operation(
    operation_id: str,
    summary: str,
    params: tuple[Param, ...] | list[Schema],
    ok: Schema,
    errors: tuple[int, ...] = (),
    tag: str = "",
) -> Schema:
    responses = {"200": ok, "400": {"$ref": "#/components/responses/BadRequest"}}
    names = {404: "NotFound", 410: "Gone", 503: "ServiceUnavailable"}
    for status in errors:
        responses[str(status)] = {"$ref": f"#/components/responses/{names[status]}"}
    responses["429"] = {"$ref": "#/components/responses/TooManyRequests"}
    parameters = [
        p if isinstance(p, dict) else {"$ref": f"#/components/parameters/{_param_key(p)}"}
        for p in params
    ]
    op = {"operationId": operation_id, "summary": summary, "responses": responses}
    if tag:
        op["tags"] = [tag]
    if parameters:
        op["parameters"] = parameters
    return {"get": op}


def _param_key(param: Param) -> str:
    """Component name: shared paging parameters once, the others per list they belong to."""
    if param.name in ("page", "per_page"):
        return param.name
    prefix = "organisation" if param in ORGANISATION_PARAMS else "posting"
    return f"{prefix}_{param.name}"


def _write_operation(
    operation_id: str,
    summary: str,
    description: str,
    responses: dict[str, Any],
    body: str | None = None,
    parameters: list[Schema] | None = None,
) -> Schema:
    """An operation of the write API: bearer token, JSON body, problems for every refusal."""
    names = {
        400: "MalformedBody",
        401: "Unauthorized",
        403: "Forbidden",
        404: "NotYours",
        409: "Conflict",
        413: "PayloadTooLarge",
        415: "UnsupportedMediaType",
        422: "UnprocessableContent",
        429: "TooManyRequests",
    }
    statuses = (
        (401, 403, 404, 409, 429) if body is None else (400, 401, 403, 409, 413, 415, 422, 429)
    )
    if parameters and body is not None:
        statuses = (*statuses, 404)
    op: Schema = {
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "tags": ["postings"],
        "security": [{"apiToken": []}],
        "responses": {
            **responses,
            **{
                str(status): {"$ref": f"#/components/responses/{names[status]}"}
                for status in sorted(statuses)
            },
        },
    }
    if parameters:
        op["parameters"] = parameters
    if body is not None:
        example = EXAMPLE_INPUT if body == "PostingInput" else EXAMPLE_PATCH
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": ref(body), "example": example}},
        }
    return op


def _written(description: str, created: bool = False) -> Schema:
    response: Schema = {
        "description": description,
        "content": {"application/json": {"schema": ref("EmployerPosting")}},
    }
    if created:
        response["headers"] = {
            "Location": {
                "description": "The posting's address in this API (for PATCH and close).",
                "required": True,
                "schema": {"type": "string", "format": "uri"},
            }
        }
    return response


def _path_param(name: str, schema: Schema, description: str) -> Schema:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema,
    }


def document(server_url: str = "") -> dict[str, Any]:
    """The whole OpenAPI document; `server_url` is this deployment's root URL."""
    all_params = {
        _param_key(p): _parameter(p) for p in (*POSTING_PARAMS, *ORGANISATION_PARAMS, *PAGE_PARAMS)
    }
    posting_id = _path_param(
        "id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, "The posting's id."
    )
    course_id = _path_param(
        "id", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, "The course's id."
    )
    slug = _path_param(
        "slug",
        {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "maxLength": 80},
        "The organisation's slug.",
    )
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "Photonik Karriere API",
            "version": "1.0.0",
            "description": DESCRIPTION,
        },
        "tags": [
            {"name": "postings"},
            {"name": "trainings"},
            {"name": "organisations"},
            {"name": "topics"},
            {"name": "meta"},
        ],
        "paths": {
            "/api/v1/postings": {
                **_operation(
                    "listPostings",
                    "Open postings: search, filters, facets",
                    POSTING_PARAMS,
                    _ok("PostingList", "A page of open postings.", paged=True),
                    errors=(503,),
                    tag="postings",
                ),
                "post": _write_operation(
                    "createPosting",
                    "Create a posting (or update the one with this external_id)",
                    CREATE_DESCRIPTION,
                    {
                        "201": _written("Created (and submitted, unless `submit` is false).", True),
                        "200": _written(
                            "A posting of your organisation had this `external_id`: it was "
                            "updated (or was the same already)."
                        ),
                    },
                    body="PostingInput",
                ),
            },
            "/api/v1/postings/{id}": {
                **_operation(
                    "getPosting",
                    "One open posting",
                    [posting_id],
                    _ok("Posting", "The posting."),
                    errors=(404, 410),
                    tag="postings",
                ),
                "patch": _write_operation(
                    "updatePosting",
                    "Change a posting of your organisation",
                    PATCH_DESCRIPTION,
                    {"200": _written("The posting after the change.")},
                    body="PostingPatch",
                    parameters=[posting_id],
                ),
            },
            "/api/v1/postings/{id}/close": {
                "post": _write_operation(
                    "closePosting",
                    "Take a published posting of your organisation offline for good",
                    "The position is filled: a published posting becomes `closed` (its public "
                    "page answers 410). Other statuses answer 409.",
                    {"200": _written("The closed posting.")},
                    parameters=[posting_id],
                )
            },
            "/api/v1/trainings": _operation(
                "listTrainings",
                "Upcoming courses, promoted ones first, then by start",
                PAGE_PARAMS,
                _ok("CourseList", "A page of courses.", paged=True),
                tag="trainings",
            ),
            "/api/v1/trainings/{id}": _operation(
                "getTraining",
                "One public course",
                [course_id],
                _ok("Course", "The course."),
                errors=(404,),
                tag="trainings",
            ),
            "/api/v1/organisations": _operation(
                "listOrganisations",
                "Approved employers with their number of open postings, busiest first",
                ORGANISATION_PARAMS,
                _ok("OrganisationList", "A page of organisations.", paged=True),
                tag="organisations",
            ),
            "/api/v1/organisations/{slug}": _operation(
                "getOrganisation",
                "One approved employer",
                [slug],
                _ok("Organisation", "The organisation."),
                errors=(404,),
                tag="organisations",
            ),
            "/api/v1/topics": _operation(
                "listTopics",
                "The topic taxonomy with open posting counts",
                NO_PARAMS,
                _ok("TopicList", "Every topic."),
                tag="topics",
            ),
            "/api/v1/openapi.json": {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "This document",
                    "tags": ["meta"],
                    "responses": {
                        "200": {
                            "description": "The OpenAPI document.",
                            "headers": dict(_CORS),
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "400": {"$ref": "#/components/responses/BadRequest"},
                        "429": {"$ref": "#/components/responses/TooManyRequests"},
                    },
                }
            },
        },
        "components": {
            "schemas": _schemas(),
            "parameters": all_params,
            "responses": _RESPONSES,
            "securitySchemes": {
                "apiToken": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A token of your organisation, made by an owner in the "
                    "employer area (API tokens); it starts with `pk_`.",
                }
            },
            "headers": {
                "WWWAuthenticate": {
                    "description": "RFC 6750 challenge, e.g. "
                    '`Bearer realm="api", error="invalid_token"`.',
                    "required": True,
                    "schema": {"type": "string"},
                },
                "AccessControlAllowOrigin": {
                    "description": "CORS: any origin may read.",
                    "required": True,
                    "schema": {"type": "string", "const": "*"},
                },
                "Link": {
                    "description": 'RFC 8288 links with rel "first", "prev", "next", "last".',
                    "required": True,
                    "schema": {"type": "string"},
                },
                "XTotalCount": {
                    "description": "Number of results of the query.",
                    "required": True,
                    "schema": {"type": "integer", "minimum": 0},
                },
            },
        },
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
