"""Routes of the employer write API: postings by API token (DESIGN §3, `POST/PATCH`).

Each route authenticates the bearer token, reads a bounded JSON body, checks it against the
input schema of the OpenAPI document (`posting_input.check`) and then against the rules of
the employer form (`posting_rules`), and hands the cleaned data to `posting_sync`, which goes
through the status machine. Every refusal is a problem (RFC 9457) in English. No CORS: the
write API is for servers (`portal.api.add_cors_headers` answers only GET and HEAD).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import jsonify, request, url_for
from flask.wrappers import Response
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from portal.api import bp
from portal.api.openapi import WRITE_MAX_BODY
from portal.api.problems import problem
from portal.extensions import csrf, db
from portal.models import ApiToken, Posting, User
from portal.services import api, api_tokens, posting_input, posting_sync, postings
from portal.services.posting_rules import FieldError, validate_posting_data
from portal.services.postings import TransitionError

REALM = "Photonik Karriere API"
JSON_TYPES = frozenset({"application/json", "application/merge-patch+json"})
MAX_PROBLEMS = 100  # a body of 100,000 unknown fields gets a short answer, not a long one


def in_english(view: Callable[..., Response]) -> Callable[..., Response]:
    """The API speaks English: messages of the shared rules and status labels included."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Response:
        with force_locale("en"):
            return view(*args, **kwargs)

    return wrapped


class ApiProblem(Exception):
    """A refusal answered as a problem; raised anywhere in a write route."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None, **ext):
        super().__init__(detail)
        self.status, self.detail, self.headers, self.extensions = status, detail, headers, ext


@bp.errorhandler(ApiProblem)
def api_problem(error: ApiProblem) -> Response:
    db.session.rollback()
    return problem(error.status, error.detail, headers=error.headers, **error.extensions)


# --- steps every write takes ----------------------------------------------------------------------


def _authenticate() -> tuple[ApiToken, User]:
    """The request's token and the member it acts as, else a 401 with a Bearer challenge.

    The token's `last_used_at` is committed at once, so it records the attempt even when
    the request is then refused for its content.
    """
    try:
        token, actor = api_tokens.authenticate(request.headers.get("Authorization"))
    except api_tokens.TokenError as error:
        challenge = f'Bearer realm="{REALM}"'
        if error.error:
            challenge += f', error="{error.error}", error_description="{error.detail}"'
        raise ApiProblem(401, error.detail, headers={"WWW-Authenticate": challenge}) from None
    db.session.commit()
    return token, actor


def _json_body() -> Any:
    """The request body as JSON: at most WRITE_MAX_BODY bytes, `application/json`.

    The limit is checked here, before the body is read: the app-wide MAX_CONTENT_LENGTH
    (larger, for logo uploads) would otherwise answer first. A body without a length
    (chunked) is capped by `request.max_content_length` while it is read.
    """
    if (request.content_length or 0) > WRITE_MAX_BODY:
        raise ApiProblem(413, f"The body is larger than {WRITE_MAX_BODY // 2**20} MiB.")
    if request.mimetype not in JSON_TYPES:
        raise ApiProblem(
            415,
            "Send the posting as JSON with 'Content-Type: application/json'.",
            headers={"Accept-Patch": "application/json"} if request.method == "PATCH" else None,
        )
    request.max_content_length = WRITE_MAX_BODY
    raw = request.get_data(cache=False)
    if not raw.strip():
        raise ApiProblem(400, "The body is empty; send the posting as a JSON object.")
    try:
        return json.loads(raw, parse_constant=_no_constants)
    except (ValueError, RecursionError) as error:
        raise ApiProblem(400, f"The body is not valid JSON: {error}") from None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _invalid(errors: list[FieldError], name=lambda path: path) -> ApiProblem:
    """A 422 naming the problems (the first MAX_PROBLEMS); data paths are renamed by `name`."""
    params = [
        {"name": name(e.path) or "(body)", "reason": str(e.message)} for e in errors[:MAX_PROBLEMS]
    ]
    names = ", ".join(dict.fromkeys(p["name"] for p in params))
    return ApiProblem(422, f"The posting is not valid: {names}.", invalid_params=params)


def _checked(doc: Any, schema: str) -> dict[str, Any]:
    errors = posting_input.check(doc, schema)
    if errors:
        raise _invalid(errors)
    return doc


def _clean(doc: dict[str, Any]) -> dict[str, Any]:
    clean, errors = validate_posting_data(posting_input.to_data(doc))
    if errors:
        raise _invalid(errors, posting_input.input_path)
    return clean


def _external_id(doc: dict[str, Any]) -> str | None:
    value = doc.get("external_id")
    return (value.strip() or None) if isinstance(value, str) else None


def _refused(error: TransitionError) -> ApiProblem:
    # The form's 400 (incomplete posting) is a 422 here: the request was well-formed.
    status = 422 if error.status_code == 400 else error.status_code
    return ApiProblem(status, str(error.message))


def _own_posting(token: ApiToken, posting_id: int) -> Posting:
    posting = postings.organisation_posting(token.organisation, posting_id)
    if posting is None:
        raise ApiProblem(404, "Your organisation has no posting with this id.")
    return posting


def _answer(posting: Posting, status: int = 200) -> Response:
    db.session.commit()
    response = jsonify(api.employer_posting_json(posting))
    response.status_code = status
    if status == 201:
        response.headers["Location"] = url_for(
            "api.posting_detail", posting_id=posting.id, _external=True
        )
    return response


# --- routes ---------------------------------------------------------------------------------------


@bp.post("/postings")
@csrf.exempt  # a bearer token, no cookie: nothing a foreign page could forge
@in_english
def create_posting() -> Response:
    token, actor = _authenticate()
    doc = _checked(_json_body(), "PostingInput")
    clean = _clean(doc)
    try:
        result = posting_sync.put_posting(
            token.organisation,
            clean,
            actor,
            external_id=_external_id(doc),
            submit=doc.get("submit", True),
        )
    except TransitionError as error:
        raise _refused(error) from None
    except IntegrityError:
        raise ApiProblem(
            409, "Another request wrote a posting with this external_id at the same time."
        ) from None
    return _answer(result.posting, 201 if result.outcome == "created" else 200)


@in_english
def update_posting(posting_id: int) -> Response:
    """PATCH /postings/<id> (routed by `views.posting_detail`, which shares the URL)."""
    token, actor = _authenticate()
    posting = _own_posting(token, posting_id)
    patch = _checked(_json_body(), "PostingPatch")
    base = posting_input.from_data(posting_sync.latest_data(posting))
    clean = _clean(posting_input.merge_patch(base, patch))
    if "external_id" in patch and not posting_sync.set_external_id(
        posting, _external_id(patch), actor
    ):
        raise ApiProblem(409, "Another posting of your organisation has this external_id.")
    try:
        posting_sync.update_posting(posting, clean, actor, submit=patch.get("submit", False))
    except TransitionError as error:
        raise _refused(error) from None
    return _answer(posting)


@bp.post("/postings/<id:posting_id>/close")
@csrf.exempt
@in_english
def close_posting(posting_id: int) -> Response:
    token, actor = _authenticate()
    posting = _own_posting(token, posting_id)
    try:
        postings.close(posting, actor)
    except TransitionError as error:
        raise _refused(error) from None
    return _answer(posting)
