"""Security headers, safe redirects and role checks (DESIGN §7)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urljoin, urlsplit

from flask import Flask, Response, abort, g, request
from flask_login import current_user

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {frame_ancestors}"
)


def is_safe_redirect(target: str | None) -> bool:
    """True for a path on our own host: `next` never leads elsewhere."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    base = urlsplit(request.host_url)
    url = urlsplit(urljoin(request.host_url, target))
    return url.scheme in ("http", "https") and url.netloc == base.netloc


def allow_framing_by(origin: str) -> None:
    """Let one outside origin frame this response (member career pages, DESIGN §3 embed)."""
    g.frame_ancestors = origin


def set_security_headers(response: Response) -> Response:
    from flask import current_app

    frame_ancestors = g.get("frame_ancestors", "'none'")
    response.headers["Content-Security-Policy"] = CSP.format(frame_ancestors=frame_ancestors)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    if frame_ancestors == "'none'":
        response.headers["X-Frame-Options"] = "DENY"
    if current_app.config.get("HSTS"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


def staff_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """Only cluster staff and admins; anonymous users go to login, others get 403."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            from portal.extensions import login_manager

            return login_manager.unauthorized()
        if not current_user.is_staff:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def load_user(user_id: str):
    from portal.extensions import db
    from portal.models import User

    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


def init_app(app: Flask) -> None:
    from portal.extensions import login_manager

    login_manager.user_loader(load_user)
    app.after_request(set_security_headers)
