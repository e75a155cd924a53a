"""The employer area (DESIGN §3, §4)."""

from flask import Blueprint

bp = Blueprint("employer", __name__)

from portal.employer import views  # noqa: E402,F401  (routes register on import)
