"""The staff console of the cluster team (DESIGN §3 `/staff/…`)."""

from flask import Blueprint, abort
from flask_login import current_user

bp = Blueprint("staff", __name__)


@bp.before_request
def _staff_only():
    """Every route of the console, whatever its method: staff and admins only.

    Anonymous visitors (and deactivated accounts) go to the login page (with `next`),
    everybody else gets 403. Checked here once, so no route can forget it.
    """
    if not current_user.is_authenticated or not current_user.is_active:
        # A deactivated account's old session is not enough (Flask-Login keeps loading it).
        from flask_login import logout_user

        from portal.extensions import login_manager

        logout_user()
        return login_manager.unauthorized()
    if not current_user.is_staff:
        abort(403)
    return None


from portal.staff import views  # noqa: E402,F401  (routes register on import)
