"""Public pages."""

from portal.public import bp


@bp.get("/")
def home():
    return "home"
