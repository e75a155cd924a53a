"""Backup and restore exactly as docs/operations.md §7 documents them (PostgreSQL only).

The demo data are loaded into a scratch database, dumped with `pg_dump --format=custom`,
restored into another empty scratch database with the documented `pg_restore` options, the
schema is brought up to date and the index rebuilt — then both databases must hold the same
rows in every table, the same sequence positions (a restore that forgets them fails on the
next insert), and give the same search results.

Runs when TEST_DATABASE_URL points to PostgreSQL and pg_dump/pg_restore are on PATH; the
test role needs CREATEDB (.ci/run grants it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from portal.extensions import db
from portal.services import demo, search
from portal.services.search import PostingQuery
from tests.ops.support import (
    ScratchDatabases,
    app_for,
    libpq_env,
    need_programs,
    postgres_url,
    run,
)

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")

pytestmark = pytest.mark.slow


def documented(program: str) -> list[str]:
    """The options docs/operations.md §7 gives `program` (pg_dump or pg_restore)."""
    section = DOCS[DOCS.index("## 7. Backup and restore") : DOCS.index("## 8.")]
    line = next(line for line in section.splitlines() if f"{program} --" in line)
    command = line[line.index(program) :].split('"')[0].split()
    return [word for word in command[1:] if word.startswith("--")]


def fingerprint(app) -> dict[str, object]:
    """Rows of every table (as a hash of their text), sequence positions, one search."""
    with app.app_context():
        found: dict[str, object] = {}
        with db.engine.connect() as conn:
            tables = conn.scalars(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).all()
            for table in sorted(tables):
                found[table] = conn.execute(
                    sa.text(
                        f"SELECT count(*), md5(coalesce(string_agg(t::text, chr(10) "
                        f"ORDER BY t::text), '')) FROM \"{table}\" t"
                    )
                ).one()
            for name, value in conn.execute(
                sa.text("SELECT sequencename, last_value FROM pg_sequences")
            ):
                found[f"sequence {name}"] = value
        result = search.search_postings(PostingQuery(q="Laser", per_page=100), "de")
        found["search Laser"] = (result.total, sorted(hit.id for hit in result.hits))
        db.engine.dispose()
    return found


def test_documented_pg_dump_and_pg_restore_give_the_same_portal(tmp_path):
    url = postgres_url()
    need_programs("pg_dump", "pg_restore")
    assert documented("pg_dump") == [
        "--format=custom",
        "--file=/var/backups/photonik/db-$stamp.dump",
    ]
    assert documented("pg_restore") == ["--clean", "--if-exists", "--no-owner", "--role=photonik"]
    scratch = ScratchDatabases(url)
    try:
        source_url = scratch.create("backup")
        target_url = scratch.create("restore")
        source = app_for(tmp_path / "source", source_url.render_as_string(hide_password=False))
        with source.app_context():
            upgrade()
            demo.seed_demo()
            search.rebuild()
            db.engine.dispose()

        dump = tmp_path / "db.dump"
        env = libpq_env(url)
        run(["pg_dump", "--format=custom", f"--file={dump}", source_url.database], env=env)
        restore = [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            f"--role={url.username}",
            "-d",
            target_url.database,
            str(dump),
        ]
        run(restore, env=env)

        target = app_for(tmp_path / "target", target_url.render_as_string(hide_password=False))
        with target.app_context():
            upgrade()  # "if the code is newer": nothing to do here, and it must not fail
            search.rebuild()
            db.engine.dispose()

        before, after = fingerprint(source), fingerprint(target)
        assert before["postings"][0] > 50 and before["search Laser"][0] > 0
        assert sorted(before) == sorted(after)
        differences = {key for key in before if before[key] != after[key]}
        assert not differences
        assert any(re.match(r"sequence postings_id_seq", key) for key in before)
    finally:
        scratch.close()
