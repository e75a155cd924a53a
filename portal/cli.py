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
@click.option(
    "--check",
    is_flag=True,
    help="Compare the index with the database, print the differences and rebuild only when "
    "there are any (nightly). Exit status 0 when consistent or repaired.",
)
def reindex_command(pending: bool, check: bool) -> None:
    """Rebuild the search index from the database into a fresh directory and swap it in."""
    from portal.services import search

    if pending and check:
        raise click.UsageError("use either --pending or --check")
    if check:
        _reindex_check()
    elif pending:
        click.echo(f"applied {search.apply_changes(wait=True)} pending changes")
    else:
        click.echo(f"indexed {search.rebuild()} documents")


def _reindex_check() -> None:
    """`reindex --check`: report, catch up, and rebuild only when the index is wrong."""
    from portal.services import search, search_check

    report = search_check.compare()
    if report.pending and report.problem is None:
        # Changes committed since the index last caught up are not an inconsistency.
        click.echo(f"applied {search.apply_changes(wait=True)} pending changes")
        report = search_check.compare()
    for line in report.lines():
        click.echo(line)
    if report.consistent:
        click.echo("consistent: the index matches the database")
        return
    click.echo("inconsistent: rebuilding the index from the database")
    click.echo(f"indexed {search.rebuild()} documents")
    after = search_check.compare()
    if after.consistent:
        click.echo("repaired: the index matches the database")
        return
    for line in after.lines():
        click.echo(line)
    click.echo("still inconsistent after the rebuild")
    raise SystemExit(1)


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


@portal_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--org", "org_slug", required=True, help="Slug of the organisation to import into.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    help="The file's format (default: from its extension, else from its content).",
)
@click.option("--dry-run", is_flag=True, help="Check and report; write nothing.")
@click.option(
    "--as",
    "as_email",
    help="Email address of the member to act as (default: the organisation's first owner).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "de"]),
    default="en",
    show_default=True,
    help="Language of the report.",
)
def import_command(
    file: str, org_slug: str, fmt: str | None, dry_run: bool, as_email: str | None, lang: str
) -> None:
    """Import postings from a CSV or JSON file (DESIGN §10); idempotent by external_id.

    New postings are created and submitted (moderated unless the organisation is trusted);
    postings with a known external_id are updated. Exits with 1 if any posting failed.
    """
    from pathlib import Path

    import sqlalchemy as sa
    from flask_babel import force_locale

    from portal.extensions import db
    from portal.models import Organisation
    from portal.services import importer

    org = db.session.scalar(sa.select(Organisation).where(Organisation.slug == org_slug))
    if org is None:
        raise click.ClickException(f"there is no organisation with the slug {org_slug!r}")
    actor = importer.acting_member(org, as_email)
    if actor is None:
        who = f"{as_email} is not an active member of" if as_email else "no active member in"
        raise click.ClickException(f"{who} {org_slug}; the import acts as a member (--as)")
    raw = Path(file).read_bytes()
    with force_locale(lang):
        try:
            report = importer.run_import(org, raw, actor, fmt=fmt, filename=file, dry_run=dry_run)
        except importer.ImportFileError as error:  # raised before anything is written
            raise click.ClickException(f"{file}: {error.message}") from None
        if not dry_run:  # a dry run has rolled its work back already
            db.session.commit()
        for error in report.errors:
            click.echo(importer.error_text(error), err=True)
        click.echo(importer.summary_text(report))
    if report.count("failed"):
        raise SystemExit(1)
