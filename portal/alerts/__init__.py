"""Job alerts by email: subscribe, confirm, manage, unsubscribe (DESIGN §3)."""

from flask import Blueprint

bp = Blueprint("alerts", __name__)

from portal.alerts import views  # noqa: E402,F401  (routes register on import)
