"""Error pages in the visitor's language; JSON problem details under /api/."""

from __future__ import annotations

import logging

from flask import Flask, g, render_template, request
from flask_babel import gettext as _
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    ServiceUnavailable,
)

from portal.extensions import db
from portal.i18n import best_accept_language

logger = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def error_title(error: HTTPException) -> str:
    titles = {
        400: _("Bad request"),
        405: _("Method not allowed"),
        413: _("Request too large"),
        429: _("Too many requests"),
        500: _("Something went wrong"),
        503: _("Temporarily unavailable"),
    }
    return titles.get(error.code, error.name)


def error_message(error: HTTPException) -> str:
    messages = {
        400: _("The request could not be understood. Please check your input."),
        405: _("This address does not accept this kind of request."),
        413: _("What you sent is too large."),
        429: _("You have sent too many requests. Please wait a moment and try again."),
        500: _("An unexpected error occurred. We have been notified; please try again later."),
        503: _("The portal is temporarily unavailable. Please try again in a few minutes."),
    }
    return messages.get(error.code, _("Please try again."))


# Werkzeug's generic descriptions address people at a browser; API clients get one short line.
_API_DETAILS = {
    404: "There is nothing at this address.",
    405: "This address does not accept this method.",
    413: "The request body is too large.",
}


def _api_detail(error: HTTPException) -> str:
    if error.description == type(error).description:
        return _API_DETAILS.get(error.code, error.description or error.name)
    return str(error.description or error.name)


def handle_http_error(error: HTTPException):
    if _wants_json():
        body = {
            "type": "about:blank",
            "title": error.name,
            "status": error.code,
            "detail": _api_detail(error),
        }
        headers = {"Content-Type": "application/problem+json"}
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)  # RFC 9110 asks it of a 405
        return body, error.code, headers
    if not g.get("lang"):
        g.lang = _lang_of_request()
    template = (
        f"errors/{error.code}.html" if error.code in (403, 404, 410) else "errors/generic.html"
    )
    return render_template(template, error=error), error.code


def handle_internal_error(error: InternalServerError):
    """Unhandled exceptions arrive here (outside tests): nothing half-done is kept."""
    db.session.rollback()
    return handle_http_error(error)


def handle_database_error(error: SQLAlchemyError):
    """The database is down or overloaded: a translated 503, and the next request retries."""
    db.session.rollback()
    logger.error("database error: %s: %s", type(error).__name__, _reason(error))
    return handle_http_error(ServiceUnavailable())


def _reason(error: SQLAlchemyError) -> str:
    """The driver's first line ("database is locked", "server closed the connection …"):
    what an operator needs, without the statement or its parameters (personal data)."""
    lines = str(getattr(error, "orig", None) or "").strip().splitlines()
    return lines[0][:200] if lines else "-"


def _lang_of_request() -> str:
    """The language of the URL even where routing failed (404, 405), else Accept-Language."""
    prefix = request.path.strip("/").split("/", 1)[0]
    return prefix if prefix in ("de", "en") else best_accept_language()


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(error_title=error_title, error_message=error_message)
    app.register_error_handler(InternalServerError, handle_internal_error)
    app.register_error_handler(HTTPException, handle_http_error)
    # Lost or refused connections only: a DataError or IntegrityError is a bug, not an outage.
    app.register_error_handler(OperationalError, handle_database_error)
    app.register_error_handler(InterfaceError, handle_database_error)
