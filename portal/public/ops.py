"""Language-neutral routes: the root redirect, sitemap, robots.txt, health, uploaded logos."""

from __future__ import annotations

from flask import Response, abort, jsonify, redirect, send_from_directory, url_for

from portal.i18n import best_accept_language
from portal.public import ops_bp
from portal.services import health, uploads


@ops_bp.get("/")
def root():
    return redirect(url_for("public.home", lang=best_accept_language()), code=302)


@ops_bp.get("/healthz")
def healthz():
    report = health.check()
    return jsonify(report), 200 if report["status"] == "ok" else 503


@ops_bp.get("/robots.txt")
def robots():
    lines = [
        "User-agent: *",
        "Disallow: /de/employer/",
        "Disallow: /en/employer/",
        "Disallow: /de/staff/",
        "Disallow: /en/staff/",
        "Disallow: /de/account/",
        "Disallow: /en/account/",
        "Disallow: /de/alerts/",
        "Disallow: /en/alerts/",
        f"Sitemap: {url_for('ops.sitemap', _external=True)}",
    ]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@ops_bp.get("/media/logos/<name>")
def logo(name: str):
    """An uploaded logo. Names are random and never reused, so browsers may cache for a year.

    Only names of the form the upload service creates are served (no path traversal), with
    the type taken from our own extension and `nosniff` (set on every response).
    """
    if not uploads.LOGO_NAME.match(name):
        abort(404)
    response = send_from_directory(uploads.logo_dir(), name, max_age=31_536_000)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
