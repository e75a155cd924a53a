"""The API under /api/v1 (DESIGN §3): JSON, CORS for GET, rate-limited per IP.

Reading is public (`views`); employers write their postings with an API token (`write`).

The API speaks English (error titles and details are for programs and their developers); the
texts of postings, courses and topics come in both languages. Its contract is the OpenAPI 3.1
document at /api/v1/openapi.json.
"""

from flask import Blueprint, current_app, request
from flask.wrappers import Response

from portal.extensions import limiter

bp = Blueprint("api", __name__)

DEFAULT_RATE_LIMIT = "300 per minute"
READ_METHODS = frozenset({"GET", "HEAD"})
EXPOSED_HEADERS = (
    "Link, X-Total-Count, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
)


def rate_limit() -> str:
    """Per client IP; `API_RATE_LIMIT` overrides the default (a Flask-Limiter string)."""
    return current_app.config.get("API_RATE_LIMIT", DEFAULT_RATE_LIMIT)


limiter.limit(rate_limit)(bp)


@bp.after_app_request
def add_cors_headers(response: Response) -> Response:
    """Any origin may read (GET, HEAD and their preflight); nothing else is shared.

    Registered app-wide so that /api/ answers produced outside the blueprint (unknown
    routes, rate limiting) carry the headers too and a browser client can read the problem.
    No credentials: the read API has no cookies or tokens to share.
    """
    if not request.path.startswith("/api/"):
        return response
    if request.method in READ_METHODS:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    elif (
        request.method == "OPTIONS"
        and request.headers.get("Access-Control-Request-Method") in READ_METHODS
        and response.status_code < 400
    ):
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD"
        response.headers["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


from portal.api import views, write  # noqa: E402,F401  (routes register on import)
