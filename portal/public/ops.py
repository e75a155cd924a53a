"""Language-neutral routes: the root redirect, sitemap, robots.txt, health."""

from __future__ import annotations

from flask import Response, jsonify, redirect, url_for

from portal.i18n import best_accept_language
from portal.public import ops_bp
from portal.services import health


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
