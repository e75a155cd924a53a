"""`flask portal …` commands (DESIGN §9)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

portal_cli = AppGroup("portal", help="Photonik Karriere maintenance commands.")


@portal_cli.command("seed-demo")
def seed_demo_command() -> None:
    """Load the clearly marked demo data (idempotent)."""
    from portal.services import demo

    counts = demo.seed_demo()
    for name, count in counts.items():
        click.echo(f"{name}: {count}")


@portal_cli.command("reindex")
@click.option("--pending", is_flag=True, help="Only apply the outbox of pending changes.")
def reindex_command(pending: bool) -> None:
    """Rebuild the search index from the database into a fresh directory and swap it in."""
    from portal.services import search

    if pending:
        click.echo(f"applied {search.apply_changes(wait=True)} pending changes")
    else:
        click.echo(f"indexed {search.rebuild()} documents")


def init_app(app: Flask) -> None:
    app.cli.add_command(portal_cli)


@portal_cli.command("send-alerts")
@click.option("--frequency", type=click.Choice(["daily", "weekly"]), required=True)
def send_alerts_command(frequency: str) -> None:
    """Mail each due job alert its new matches; ask again after a year; delete stale alerts."""
    from portal.models import AlertFrequency
    from portal.services import alerts

    report = alerts.send_due(AlertFrequency(frequency))
    click.echo(
        f"mailed {report.mailed} alerts ({report.postings} postings), "
        f"asked {report.reconfirm_requests} to confirm again, deleted {report.deleted}, "
        f"failed {report.failed}"
    )
    if report.failed:
        raise SystemExit(1)


@portal_cli.command("create-user")
@click.argument("email")
@click.option(
    "--role", type=click.Choice(["employer", "staff", "admin"]), default="staff", show_default=True
)
@click.option("--name", help="Display name (default: the part of EMAIL before the @).")
@click.option("--password", help="The password; asked for with hidden input when left out.")
def create_user_command(email: str, role: str, name: str | None, password: str | None) -> None:
    """Create a confirmed account, e.g. for cluster staff."""
    from email_validator import EmailNotValidError, validate_email

    from portal.extensions import db
    from portal.models import Role
    from portal.services import accounts, passwords

    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        raise click.BadParameter(str(exc), param_hint="EMAIL") from None
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < passwords.MIN_LENGTH or len(password) > passwords.MAX_LENGTH:
        raise click.BadParameter(
            f"use {passwords.MIN_LENGTH} to {passwords.MAX_LENGTH} characters",
            param_hint="password",
        )
    if passwords.is_common(password):
        raise click.BadParameter("this password is too common", param_hint="password")
    try:
        user = accounts.create_user(email, Role(role), name or email.split("@")[0], password)
    except accounts.EmailTaken:
        raise click.ClickException(f"an account with the address {email} exists already") from None
    db.session.commit()
    click.echo(f"created {user.role.value} account {user.email} (id {user.id})")


@portal_cli.command("expire")
def expire_command() -> None:
    """Expire overdue postings and warn owners a week before expiry (cron; idempotent)."""
    from flask import current_app

    from portal.extensions import db
    from portal.services import postings

    expired = postings.expire_overdue()
    db.session.commit()
    due = postings.due_for_expiry_warning()
    if due and not current_app.config.get("SERVER_NAME"):
        raise click.ClickException(
            f"expired {len(expired)} postings; SERVER_NAME is not set, so the {len(due)} "
            "expiry warnings (they need absolute links) were not sent."
        )
    mails = 0
    for posting in due:
        mails += postings.warn_expiry(posting)
        db.session.commit()  # each warning is marked as sent right after it went out
    click.echo(f"expired {len(expired)} postings, warned about {len(due)} ({mails} mails)")


@portal_cli.command("stats")
@click.option("--month", required=True, help="The month as YYYY-MM.")
@click.option("--lang", type=click.Choice(["de", "en"]), default="en", show_default=True)
@click.option("--csv", "as_csv", is_flag=True, help="Every table as CSV instead of text.")
def stats_command(month: str, lang: str, as_csv: bool) -> None:
    """The portal's figures for one month (the staff statistics page, on the command line)."""
    from flask import current_app
    from flask_babel import force_locale

    from portal.services import statistics

    if statistics.parse_month(month) is None:
        raise click.BadParameter("use the form YYYY-MM, e.g. 2026-10", param_hint="--month")
    with current_app.test_request_context(), force_locale(lang):
        report = statistics.report(statistics.period_for(month, month), lang)
        for table in report.tables.values():
            if as_csv:
                click.echo(f"# {table.title}")
                click.echo(statistics.to_csv(table, lang).lstrip("\ufeff"))
            else:
                click.echo(_text_table(table, lang))


def _text_table(table, lang: str) -> str:
    from portal.services import statistics

    header = [str(column.label) for column in table.columns]
    rows = [
        [
            statistics.csv_cell(value, column.kind, lang)
            for value, column in zip(row, table.columns, strict=True)
        ]
        for row in table.rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    lines = [str(table.title), "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines) + "\n"
