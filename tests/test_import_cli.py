"""`flask portal import FILE --org SLUG [--format] [--dry-run] [--as] [--lang]` and the examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import Organisation, Posting, PostingStatus

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
HEADER = (
    "external_id;kind;lang;title;summary;body;city;employment;remote;deadline;apply_url;"
    "salary_min;salary_max;topics"
)
GOOD = "A-1;job;de;Laseringenieur*in;;Sie bauen Laser.;Jena;;;;https://example.org/a1;;;"
BAD = "B-2;job;de;Ohne Text;;;Jena;;;;https://example.org/b2;;;"


def _file(tmp_path: Path, *rows: str, name: str = "stellen.csv") -> str:
    path = tmp_path / name
    path.write_text("\n".join((HEADER, *rows)) + "\n", encoding="utf-8")
    return str(path)


def _postings(organisation) -> list[Posting]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(Posting).where(Posting.organisation_id == organisation.id))
    )


def test_import_reports_and_exits_1_on_failures(runner, tmp_path, organisation, owner):
    path = _file(tmp_path, GOOD, BAD)
    result = runner.invoke(args=["portal", "import", path, "--org", organisation.slug])
    assert result.exit_code == 1
    assert "line 3 (body): Please describe the post." in result.output
    assert "created 1, updated 0, unchanged 0, failed 1" in result.output
    [posting] = _postings(organisation)
    assert posting.status == PostingStatus.SUBMITTED and posting.created_by_id == owner.id

    again = runner.invoke(
        args=["portal", "import", _file(tmp_path, GOOD), "--org", organisation.slug]
    )
    assert again.exit_code == 0
    assert "created 0, updated 0, unchanged 1, failed 0" in again.output


def test_dry_run_and_german_report(runner, tmp_path, organisation, owner):
    path = _file(tmp_path, GOOD, BAD)
    result = runner.invoke(
        args=["portal", "import", path, "--org", organisation.slug, "--dry-run", "--lang", "de"]
    )
    assert "Zeile 3 (body): Bitte beschreiben Sie die Stelle." in result.output
    assert "Probelauf (nichts wurde gespeichert): angelegt 1" in result.output
    assert _postings(organisation) == []


def test_acting_as_a_named_member(runner, tmp_path, organisation, owner, editor):
    path = _file(tmp_path, GOOD)
    result = runner.invoke(
        args=["portal", "import", path, "--org", organisation.slug, "--as", editor.email]
    )
    assert result.exit_code == 0, result.output
    assert _postings(organisation)[0].created_by_id == editor.id
    result = runner.invoke(
        args=["portal", "import", path, "--org", organisation.slug, "--as", "x@example.org"]
    )
    assert result.exit_code == 1 and "not an active member" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--org", "no-such-org"], "no organisation with the slug 'no-such-org'"),
        (["--org", "{org}", "--format", "json"], "not valid JSON"),
        (["--org", "{org}", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_refusals(runner, tmp_path, organisation, owner, args, message):
    path = _file(tmp_path, GOOD)
    args = [arg.format(org=organisation.slug) for arg in args]
    result = runner.invoke(args=["portal", "import", path, *args])
    assert result.exit_code != 0
    assert message in result.output
    assert _postings(organisation) == []


def test_an_organisation_without_members_cannot_import(runner, tmp_path, organisation):
    result = runner.invoke(
        args=["portal", "import", _file(tmp_path, GOOD), "--org", organisation.slug]
    )
    assert result.exit_code == 1 and "no active member" in result.output


def test_garbage_is_one_clear_error(runner, tmp_path, organisation, owner):
    path = tmp_path / "export.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    result = runner.invoke(args=["portal", "import", str(path), "--org", organisation.slug])
    assert result.exit_code == 1
    assert "not a CSV or JSON text file" in result.output
    assert result.output.count("\n") == 1


@pytest.mark.parametrize("name", ["import-example.csv", "import-example.json"])
def test_the_example_files_import_cleanly_into_the_demo_organisation(runner, name):
    from portal.services import demo

    demo.seed_demo()
    org = db.session.scalar(
        sa.select(Organisation).where(Organisation.slug == "lichtwerk-optik-demo")
    )
    before = len(_postings(org))
    path = str(EXAMPLES / name)
    result = runner.invoke(args=["portal", "import", path, "--org", org.slug])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "created 2, updated 0, unchanged 0, failed 0"
    imported = [p for p in _postings(org) if (p.external_id or "").startswith("LW-")]
    assert len(_postings(org)) == before + 2 and len(imported) == 2
    assert all(p.status == PostingStatus.PUBLISHED for p in imported)  # a trusted demo org
    again = runner.invoke(args=["portal", "import", path, "--org", org.slug])
    assert again.output.strip() == "created 0, updated 0, unchanged 2, failed 0"
    if name.endswith(".csv"):
        bilingual = next(p for p in imported if p.external_id == "LW-2026-017")
        assert bilingual.langs == ["de", "en"]
        assert [t.slug for t in bilingual.topics] == ["laser-technology", "optical-design"]


def test_the_example_csv_uses_semicolons_and_two_rows_for_two_languages():
    text = (EXAMPLES / "import-example.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    assert text.count("\nLW-2026-017;") == 2


def test_topics_of_the_examples_exist_in_the_taxonomy():
    import json

    from portal.services.taxonomy import TOPIC_SLUGS

    items = json.loads((EXAMPLES / "import-example.json").read_text(encoding="utf-8"))
    slugs = {topic["slug"] for item in items for topic in item.get("topics", [])}
    assert slugs <= TOPIC_SLUGS
