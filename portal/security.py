"""Security headers, safe redirects and role checks (DESIGN §7)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, g, request
from flask_login import current_user

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors {frame_ancestors}"
)


def is_safe_redirect(target: str | None) -> bool:
    """True for a path on our own host: `next` never leads elsewhere."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return False
    if target.lstrip(" ").startswith("//"):  # browsers read "//host", "///host" as a host
        return False
    url = urlsplit(target)
    if not url.scheme and not url.netloc:
        return True  # a path on this host
    # Judge the target as written: urljoin would turn "http:///evil.example" into a path on
    # our host, while browsers take evil.example for the host.
    return url.scheme in ("http", "https") and url.netloc == urlsplit(request.host_url).netloc


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


def session_id(user) -> str:
    """What a session and a remember-me cookie hold for `user`: the id and a key derived
    from the password hash (keyed with SECRET_KEY), so a changed or reset password ends
    every other session of the account (Flask-Login's "alternative tokens")."""
    secret = current_app.config["SECRET_KEY"].encode()
    key = hmac.new(secret, (user.password_hash or "").encode(), hashlib.sha256).hexdigest()
    return f"{user.id}.{key[:20]}"


def load_user(user_id: str):
    from portal.extensions import db
    from portal.models import User

    number = user_id.partition(".")[0]
    if not number.isdigit() or len(number) > 10:
        return None
    user = db.session.get(User, int(number))
    # A deactivated account loses its open sessions and remember-me cookies at once.
    if user is None or not user.active:
        return None
    return user if hmac.compare_digest(session_id(user), user_id) else None


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from portal.config import ConfigError
    from portal.extensions import login_manager
    from portal.services.passwords import PROFILES

    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.localize_callback = str  # flash the message in the language of the request
    if app.config.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY") not in PROFILES:
        raise ConfigError(f"PASSWORD_HASH_PROFILE must be one of {sorted(PROFILES)}.")
    app.after_request(set_security_headers)
