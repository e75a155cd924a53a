"""Health of the parts the portal needs: database, search index, mail (for /healthz)."""

from __future__ import annotations

import os
import smtplib
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from portal.extensions import db
from portal.services import search


def check() -> dict:
    parts = {"database": _database(), "search": search.status(), "mail": _mail()}
    status = "ok" if all(value == "ok" for value in parts.values()) else "degraded"
    return {"status": status, **parts}


def _database() -> str:
    try:
        db.session.execute(sa.select(1))
        return "ok"
    except sa.exc.SQLAlchemyError:
        db.session.rollback()
        return "unavailable"


def _mail() -> str:
    config = current_app.config
    if config["MAIL_BACKEND"] == "outbox":
        folder = Path(config["MAIL_OUTBOX_DIR"])
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return "unavailable"
        return "ok" if os.access(folder, os.W_OK) else "unavailable"
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=3) as smtp:
            smtp.noop()
        return "ok"
    except (OSError, smtplib.SMTPException):
        return "unavailable"
