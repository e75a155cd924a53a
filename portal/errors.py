"""Error pages in the visitor's language; JSON problem details under /api/."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import db


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def handle_http_error(error: HTTPException):
    if _wants_json():
        body = {"type": "about:blank", "title": error.name, "status": error.code,
                "detail": error.description}
        return body, error.code, {"Content-Type": "application/problem+json"}
    template = f"errors/{error.code}.html" if error.code in (403, 404, 410) else "errors/generic.html"
    return render_template(template, error=error), error.code


def handle_unexpected_error(error: Exception):
    db.session.rollback()
    return handle_http_error(InternalServerError())


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    if not app.config.get("TESTING") or app.config.get("TRAP_ERRORS_AS_500"):
        app.register_error_handler(Exception, handle_unexpected_error)
