"""The search index is deleted, damaged or cannot be written while the portal serves, and
`flask portal reindex --check` (the nightly job) finds and repairs differences (issue #8).

The database is the truth: searches keep answering (the index is rebuilt from the database,
or the list comes from the database for the moment), /healthz reports the index while it
is broken, and `reindex --check` repairs it.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from portal.models import utcnow
from portal.services import search, search_check
from tests.factories import OrganisationFactory, PostingFactory


@pytest.fixture
def index_root(app) -> Path:
    return Path(app.config["SEARCH_INDEX_DIR"])


@pytest.fixture
def commit(db):
    return db.session.commit


def posting(title: str, **kwargs):
    kwargs.setdefault("organisation", OrganisationFactory(name="Muster Optik GmbH"))
    return PostingFactory(texts={"de": title}, **kwargs)


def found(client, word: str, posting_id: int) -> bool:
    response = client.get(f"/de/jobs?q={word}")
    assert response.status_code == 200
    return f"/de/jobs/{posting_id}-" in response.get_data(as_text=True)


def current_generation(root: Path) -> Path:
    return root / os.readlink(root / "current")


def reindex_check(runner):
    return runner.invoke(args=["portal", "reindex", "--check"])


def test_index_deleted_while_serving_is_rebuilt_on_the_next_search(client, index_root, commit):
    job = posting("Laserphysikerin")
    commit()
    assert found(client, "Laserphysikerin", job.id)
    shutil.rmtree(index_root)
    assert found(client, "Laserphysikerin", job.id)
    assert client.get("/healthz").json["search"] == "ok"


def test_damaged_index_keeps_answering_and_is_rebuilt(client, index_root, commit, runner):
    job = posting("Optikdesignerin")
    commit()
    assert found(client, "Optikdesignerin", job.id)
    generation = current_generation(index_root)
    for path in generation.iterdir():
        # Replaced, not overwritten in place: Whoosh maps segment files into memory, and a
        # file truncated under a live mapping would kill the process (SIGBUS).
        if path.is_file():
            garbage = path.with_name(path.name + ".garbage")
            garbage.write_bytes(b"\x00garbage" * 64)
            os.replace(garbage, path)
    assert found(client, "Optikdesignerin", job.id)  # the open searcher still reads
    search.reset_cache()  # a freshly started worker opens the damaged files
    assert found(client, "Optikdesignerin", job.id)
    assert client.get("/healthz").json["search"] == "ok"
    assert current_generation(index_root) != generation  # rebuilt beside it
    result = reindex_check(runner)
    assert result.exit_code == 0 and "consistent" in result.output


def test_unwritable_index_location_degrades_health_and_reindex_repairs(
    client, index_root, commit, runner
):
    job = posting("Feinoptikerin")
    commit()
    shutil.rmtree(index_root, ignore_errors=True)
    search.reset_cache()
    index_root.write_text("not a directory")  # as a lost mount or a full volume would
    response = client.get("/de/jobs?q=Feinoptikerin")
    assert response.status_code == 200  # the list answers from the database, and says so
    html = response.get_data(as_text=True)
    assert f"/de/jobs/{job.id}-" in html and "Die Suche ist gerade eingeschränkt" in html
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json["status"] == "degraded"
    assert health.json["search"] in {"unavailable", "degraded"}
    assert health.json["database"] == "ok"

    index_root.unlink()  # the operator fixes the volume and runs the job
    result = reindex_check(runner)
    assert result.exit_code == 0, result.output
    assert "index problem: no index" in result.output
    assert "repaired: the index matches the database" in result.output
    assert client.get("/healthz").status_code == 200
    assert found(client, "Feinoptikerin", job.id)


def test_reindex_check_reports_differences_and_repairs_them(db, commit, runner, index_root):
    lost = posting("Laserschweisser")
    renamed = posting("Mechatroniker")
    closed = posting("Glasbläserin")
    expired = posting("Bürokraft")
    commit()
    search.rebuild()
    # Differences only a bug, a crash or a hand-made change could cause: the index loses a
    # document, and the database changes behind the outbox's back (plain driver SQL).
    ix = whoosh_index.open_dir(str(current_generation(index_root)))
    writer = ix.writer()
    writer.delete_by_term("id", f"posting:{lost.id}")
    writer.commit()
    connection = db.session.connection()
    connection.exec_driver_sql(
        "UPDATE posting_texts SET title = 'Mechatronikerin Vakuumtechnik' "
        f"WHERE posting_id = {renamed.id:d}"
    )
    connection.exec_driver_sql(f"UPDATE postings SET status = 'closed' WHERE id = {closed.id:d}")
    # Expired but not yet closed by `flask portal expire`: searches hide it; not a difference.
    yesterday = (utcnow() - timedelta(days=1)).strftime("%Y-%m-%d %H:%M:%S")
    connection.exec_driver_sql(
        f"UPDATE postings SET expires_at = '{yesterday}' WHERE id = {expired.id:d}"
    )
    db.session.expire_all()

    before = search_check.compare()
    assert before.missing["posting"] == [lost.id]
    assert before.stale["posting"] == [renamed.id]
    assert before.extra["posting"] == [closed.id]
    assert not before.consistent

    result = reindex_check(runner)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"postings missing from the index (1): {lost.id}" in lines
    assert f"postings in the index but not public (1): {closed.id}" in lines
    assert f"postings in the index with an outdated title (1): {renamed.id}" in lines
    assert "repaired: the index matches the database" in lines
    assert search_check.compare().consistent
    assert search_check.indexed_ids()["posting"] == {lost.id, renamed.id}


def test_reindex_check_applies_pending_changes_without_a_rebuild(db, commit, runner, index_root):
    job = posting("Physikerin")
    commit()
    search.rebuild()
    generation = current_generation(index_root)
    job.texts[0].title = "Physikerin Quantenoptik"
    commit()  # in the outbox, not yet in the index (no request applied it)

    result = reindex_check(runner)
    assert result.exit_code == 0, result.output
    assert "applied 1 pending changes" in result.output
    assert "consistent: the index matches the database" in result.output
    assert current_generation(index_root) == generation  # no rebuild was needed
    titles = search_check.read_index().titles[("posting", job.id)]
    assert titles == {"de": "Physikerin Quantenoptik"}


def test_reindex_check_options_exclude_each_other(runner):
    result = runner.invoke(args=["portal", "reindex", "--check", "--pending"])
    assert result.exit_code == 2 and "either --pending or --check" in result.output


def test_reindex_check_fails_when_the_rebuild_does_not_repair(db, commit, runner, monkeypatch):
    posting("Laserphysiker")
    commit()
    search.rebuild()
    db.session.connection().exec_driver_sql("UPDATE posting_texts SET title = 'Anders'")
    monkeypatch.setattr(search, "rebuild", lambda: 0)  # a rebuild that changes nothing
    result = reindex_check(runner)
    assert result.exit_code == 1
    assert result.output.count("postings in the index with an outdated title (1)") == 2
    assert "still inconsistent after the rebuild" in result.output
