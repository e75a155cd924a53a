"""The embeddable list of one organisation's open postings (`/embed/<lang>/organisations/<slug>`).

A page of its own (no site layout) that the organisation's verified website may frame;
every other page of the portal keeps `frame-ancestors 'none'`.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from portal.security import allow_framing_by
from portal.services import embed, organisations, postings

bp = Blueprint("embed", __name__)


@bp.get("/organisations/<slug>")
def organisation(slug: str):
    org = organisations.get_public_organisation(slug)
    if org is None:
        abort(404)
    origin = embed.website_origin(org)
    if origin:
        allow_framing_by(origin)
    return render_template(
        "public/embed.html", organisation=org, postings=postings.organisation_postings(org)
    )
