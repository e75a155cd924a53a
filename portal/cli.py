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
