"""The accounts area (DESIGN §3, §4)."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from portal.accounts import views  # noqa: E402,F401  (routes register on import)
