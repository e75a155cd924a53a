"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

from pprint import pformat

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from portal import create_app


def test_migrations_match_models(db):
    """What `flask db migrate` would generate now is empty: no model change lacks a migration.

    The session `app` fixture built the test database with the migrations (`upgrade()`).
    """
    context = MigrationContext.configure(
        db.session.connection(), opts={"compare_type": True, "render_as_batch": True}
    )

    diff = compare_metadata(context, db.metadata)

    assert not diff, "models and migrations differ; run `flask db migrate`:\n" + pformat(diff)


def test_migrations_downgrade_and_upgrade_again(tmp_path):
    """Every migration's downgrade works: base and head again, on a throwaway SQLite file."""
    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'migrations.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "UPLOAD_DIR": str(tmp_path / "uploads"),
            "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
        }
    )
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        upgrade()
