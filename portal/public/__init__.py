"""The public portal: home, postings, trainings, organisations, pages, feeds; and operations."""

from flask import Blueprint

bp = Blueprint("public", __name__)
ops_bp = Blueprint("ops", __name__)

from portal.public import feeds, ops, views  # noqa: E402,F401  (routes register on import)
