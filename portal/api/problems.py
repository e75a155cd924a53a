"""Problem details (RFC 9457) for the API's own error answers.

`portal.errors` answers the same shape for errors raised outside the views (unknown routes,
wrong methods, rate limiting, server errors); the `Problem` schema of the OpenAPI document
covers both, and the tests hold both to it.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask.wrappers import Response
from werkzeug.http import HTTP_STATUS_CODES

PROBLEM_JSON = "application/problem+json"


def problem(
    status: int, detail: str, headers: dict[str, str] | None = None, **extensions: Any
) -> Response:
    """A problem response: `type` stays `about:blank`, so `title` is the status phrase."""
    response = jsonify(
        {
            "type": "about:blank",
            "title": HTTP_STATUS_CODES.get(status, "Error"),
            "status": status,
            "detail": detail,
            **extensions,
        }
    )
    response.status_code = status
    response.content_type = PROBLEM_JSON
    response.headers.update(headers or {})
    return response
