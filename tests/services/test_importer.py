"""The posting import (DESIGN §10): CSV and JSON, encodings, row reports, savepoints, dry runs."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from portal.extensions import db
from portal.models import AuditEvent, MembershipRole, Posting, PostingStatus
from portal.services import importer
from portal.services.importer import ImportFileError, run_import
from tests.factories import MembershipFactory, OrganisationFactory, PostingFactory, TopicFactory

S = PostingStatus
HEADER = (
    "external_id;kind;lang;title;summary;body;city;employment;remote;deadline;apply_url;"
    "salary_min;salary_max;topics"
)
DE_ROW = (
    "A-1;job;de;Laseringenieur*in;Kurz;Sie bauen Laser.;Jena;full_time;hybrid;2027-03-31;"
    'https://example.org/a1;52000;64000;"laser-technology;optical-design"'
)
EN_ROW = (
    "A-1;job;en;Laser engineer;Short;You build lasers.;Jena;full_time;hybrid;2027-03-31;"
    'https://example.org/a1;52000;64000;"laser-technology;optical-design"'
)
B_ROW = (
    "B-2;internship;en;Optics intern;;Six months in the lab.;Erfurt;;;;https://example.org/b2;;;"
)


@pytest.fixture(autouse=True)
def topics():
    TopicFactory(slug="laser-technology", name_de="Lasertechnik", name_en="Laser technology")
    TopicFactory(slug="optical-design", name_de="Optikdesign", name_en="Optical design")


@pytest.fixture
def actor(organisation, owner):
    return owner


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join((header, *rows)) + "\n").encode(encoding)


def _postings(organisation) -> list[Posting]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Posting)
            .where(Posting.organisation_id == organisation.id)
            .order_by(Posting.id)
        )
    )


def _errors(report, lang: str = "en") -> list[tuple[int | None, str | None, str]]:
    with force_locale(lang):
        return [(e.line, e.field, str(e.message)) for e in report.errors]


# --- good files -------------------------------------------------------------------------------


def test_a_bilingual_posting_is_two_rows(organisation, actor):
    report = run_import(organisation, csv_bytes(DE_ROW, EN_ROW, B_ROW), actor)
    assert report.format == "csv"
    assert report.counts == {"created": 2, "updated": 0, "unchanged": 0, "failed": 0}
    assert report.errors == []
    first, second = _postings(organisation)
    assert first.external_id == "A-1" and first.langs == ["de", "en"]
    assert first.text("en").title == "Laser engineer" and first.text("de").summary == "Kurz"
    assert [t.slug for t in first.topics] == ["laser-technology", "optical-design"]
    assert (first.salary_min, first.salary_max, first.salary_period.value) == (52000, 64000, "year")
    assert first.working_languages == ["de", "en"] and first.remote.value == "hybrid"
    assert first.deadline.isoformat() == "2027-03-31"
    assert first.status == S.SUBMITTED and first.created_by_id == actor.id
    assert second.employment.value == "full_time" and second.remote.value == "onsite"
    assert second.cities == ["Erfurt"] and second.working_languages == ["en"]
    assert [item.lines for item in report.items] == [[2, 3], [4]]


def test_comma_separated_csv(organisation, actor):
    rows = [
        "A-1,job,de,Laseringenieur*in,,Sie bauen Laser.,Jena,,,,https://example.org/a1,,,",
        'A-2,job,de,"Optiker*in, Jena",,"Text, mit Komma",Jena,,,,https://example.org/a2,,,'
        '"laser-technology;optical-design"',
    ]
    report = run_import(organisation, csv_bytes(*rows, header=HEADER.replace(";", ",")), actor)
    assert report.counts["created"] == 2, _errors(report)
    second = _postings(organisation)[1]
    assert second.text("de").title == "Optiker*in, Jena" and len(second.topics) == 2


def test_windows_1252_from_german_excel(organisation, actor):
    row = (
        "Ü-1;job;de;Fachkraft für Präzisionsoptik;;Größe, Maße, Qualität – alles prüfen.;"
        "Gößnitz;;;31.12.2027;https://example.org/ue;52.000;64.000;"
    )
    raw = csv_bytes(row, encoding="cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    report = run_import(organisation, raw, actor)
    assert report.counts["created"] == 1, _errors(report)
    [posting] = _postings(organisation)
    assert posting.external_id == "Ü-1" and posting.cities == ["Gößnitz"]
    assert posting.text("de").body == "Größe, Maße, Qualität – alles prüfen."
    assert posting.deadline.isoformat() == "2027-12-31"  # 31.12.2027, as Excel writes it
    assert (posting.salary_min, posting.salary_max) == (52000, 64000)  # German thousands


def test_utf8_with_bom_and_windows_line_ends(organisation, actor):
    raw = "\ufeff".encode() + "\r\n".join((HEADER, DE_ROW, EN_ROW)).encode() + b"\r\n"
    report = run_import(organisation, raw, actor)
    assert report.counts["created"] == 1, _errors(report)
    assert _postings(organisation)[0].external_id == "A-1"


def test_multi_line_cells_keep_line_numbers_right(organisation, actor):
    multi = (
        'M-1;job;de;Mehrzeilig;;"Absatz eins.\n\n- Punkt\n- Punkt";Jena;;;;https://example.org/m;;;'
    )
    bad = "M-2;job;de;;;Text;Jena;;;;https://example.org/m2;;;"
    report = run_import(organisation, csv_bytes(multi, bad), actor)
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0, "failed": 1}
    assert _errors(report) == [(6, "title", "Please enter a title.")]
    assert _postings(organisation)[0].text("de").body == "Absatz eins.\n\n- Punkt\n- Punkt"


def test_optional_columns(organisation, actor):
    header = HEADER + ";postcode;salary_period;working_languages;apply_email;requirements"
    row = (
        "O-1;working_student;de;Werkstudent*in;;Text;Jena;part_time;remote;;;16;18;;"
        "07745;hour;de;JOBS@Example.org;- Studium"
    )
    report = run_import(organisation, csv_bytes(row, header=header), actor)
    assert report.counts["created"] == 1, _errors(report)
    [posting] = _postings(organisation)
    assert posting.salary_period.value == "hour" and posting.apply_email == "jobs@example.org"
    assert (
        posting.locations[0].postcode == "07745" and posting.text("de").requirements == "- Studium"
    )


def test_json_list(organisation, actor):
    items = [
        {
            "external_id": "J-1",
            "kind": "phd",
            "texts": {"en": {"title": "PhD in quantum optics", "body": "Research."}},
            "locations": [{"city": "Jena"}],
            "topics": [{"slug": "optical-design"}],
            "apply_email": "phd@example.org",
        },
        {
            "external_id": "J-2",
            "kind": "job",
            "texts": {"de": {"title": "Entwurf", "body": "Text"}},
            "locations": [{"city": "Jena"}],
            "apply_url": "https://example.org/j2",
            "submit": False,
        },
    ]
    text = json.dumps(items, indent=2)
    second_line = [i for i, line in enumerate(text.splitlines(), 1) if line == "  {"][1]
    report = run_import(organisation, text.encode(), actor)
    assert report.format == "json" and report.counts["created"] == 2, _errors(report)
    first, second = _postings(organisation)
    assert first.kind.value == "phd" and first.status == S.SUBMITTED
    assert second.status == S.DRAFT  # "submit": false, as in the API
    assert [item.lines for item in report.items] == [[2], [second_line]]


def test_trusted_organisation_publishes_at_once(organisation, actor):
    organisation.auto_publish = True
    run_import(organisation, csv_bytes(DE_ROW), actor)
    assert _postings(organisation)[0].status == S.PUBLISHED


# --- idempotence ---------------------------------------------------------------------------------


def test_reimport_updates_instead_of_duplicating(organisation, actor):
    run_import(organisation, csv_bytes(DE_ROW, EN_ROW, B_ROW), actor)
    again = run_import(organisation, csv_bytes(DE_ROW, EN_ROW, B_ROW), actor)
    assert again.counts == {"created": 0, "updated": 0, "unchanged": 2, "failed": 0}
    changed = run_import(
        organisation, csv_bytes(DE_ROW.replace("Kurz", "Neu"), EN_ROW, B_ROW), actor
    )
    assert changed.counts == {"created": 0, "updated": 1, "unchanged": 1, "failed": 0}
    assert len(_postings(organisation)) == 2
    assert _postings(organisation)[0].text("de").summary == "Neu"


def test_reimport_of_a_published_posting_waits_for_review(organisation, actor):
    PostingFactory(
        organisation=organisation,
        external_id="A-1",
        texts={"de": {"title": "Alt", "body": "Alt"}},
    )
    report = run_import(organisation, csv_bytes(DE_ROW), actor)
    assert report.counts["updated"] == 1 and report.items[0].pending_review
    [posting] = _postings(organisation)
    assert posting.text("de").title == "Alt" and posting.status == S.PUBLISHED


def test_a_closed_posting_is_reported_and_others_still_imported(organisation, actor):
    PostingFactory(
        organisation=organisation,
        external_id="A-1",
        status=S.CLOSED,
        texts={"de": {"title": "Alt", "body": "Alt"}},
    )
    report = run_import(organisation, csv_bytes(DE_ROW, EN_ROW, B_ROW), actor)
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0, "failed": 1}
    [(line, field, message)] = _errors(report)
    assert line == 2 and field is None and "not possible" in message
    closed, created = _postings(organisation)
    assert closed.text("de").title == "Alt" and created.external_id == "B-2"


# --- bad rows ----------------------------------------------------------------------------------------


def test_mixed_file_imports_the_good_rows_and_reports_the_bad(organisation, actor):
    rows = [
        DE_ROW,  # 2
        "C-3;job;de;Ohne Text;;;Jena;;;;https://example.org/c3;;;",  # 3
        "D-4;astronaut;de;Titel;;Text;Jena;;;;https://example.org/d4;;;",  # 4
        "E-5;job;de;Titel;;Text;Jena;;;;https://example.org/e5;70000;50000;",  # 5
        "F-6;job;de;Titel;;Text;Jena;;;;;;;",  # 6
        "G-7;job;fr;Titre;;Texte;Jena;;;;https://example.org/g7;;;",  # 7
        "H-8;job;de;Titel;;Text;Jena;;;2027-02-30;https://example.org/h8;viel;;moon",  # 8
        ";job;de;Ohne Kennung;;Text;Jena;;;;https://example.org;;;",  # 9
        "I-9;job;de;Titel;;Text;Jena;;;;https://example.org/i9;;;;extra",  # 10
        B_ROW,  # 11
    ]
    report = run_import(organisation, csv_bytes(*rows), actor)
    assert report.counts == {"created": 2, "updated": 0, "unchanged": 0, "failed": 8}
    errors = _errors(report)
    assert (3, "body", "Please describe the post.") in errors
    assert any(e[:2] == (4, "kind") and "is not a valid choice" in e[2] for e in errors)
    assert (5, "salary_max", "The upper end of the pay range is below the lower end.") in errors
    assert any(e[:2] == (6, "apply_url") and "where people can apply" in e[2] for e in errors)
    assert (7, "lang", "Please give the language as de or en.") in errors
    assert (8, "salary_min", "Please enter a whole number, such as 52000.") in errors
    assert (9, "external_id", "An import needs an external_id per posting.") in errors
    assert any(e[0] == 10 and "cells" in e[2] for e in errors)
    assert [line for line, _f, _m in errors] == sorted(line for line, _f, _m in errors)
    assert [p.external_id for p in _postings(organisation)] == ["A-1", "B-2"]


def test_row_reports_in_german(organisation, actor):
    rows = [
        "C-3;job;de;Ohne Text;;;Jena;;;;https://example.org/c3;;;",
        "E-5;job;de;Titel;;Text;Jena;;;;https://example.org/e5;70000;50000;",
    ]
    report = run_import(organisation, csv_bytes(*rows), actor)
    german = _errors(report, "de")
    assert (2, "body", "Bitte beschreiben Sie die Stelle.") in german
    assert any(e[0] == 3 and "unteren" in e[2] for e in german)
    with force_locale("de"):
        assert importer.error_text(report.errors[0]).startswith("Zeile 2 (body): ")
        assert importer.summary_text(report).startswith("angelegt 0")


def test_rows_of_one_posting_that_disagree_fail_together(organisation, actor):
    en_elsewhere = EN_ROW.replace(";Jena;", ";Erfurt;")
    report = run_import(organisation, csv_bytes(DE_ROW, B_ROW, en_elsewhere), actor)
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0, "failed": 1}
    [(line, field, message)] = _errors(report)
    assert (line, field) == (4, "city") and "line 2" in message and "Jena" in message
    assert report.items[0].lines == [2, 4]
    assert [p.external_id for p in _postings(organisation)] == ["B-2"]  # nothing of A-1


def test_a_language_twice_fails_the_posting(organisation, actor):
    report = run_import(organisation, csv_bytes(DE_ROW, DE_ROW), actor)
    assert report.counts["failed"] == 1
    assert _errors(report) == [(3, "lang", "Line 2 has this external_id in this language already.")]
    assert _postings(organisation) == []


def test_one_bad_language_row_fails_its_posting(organisation, actor):
    bad_en = EN_ROW.replace("Laser engineer", "")
    report = run_import(organisation, csv_bytes(DE_ROW, bad_en), actor)
    assert _errors(report) == [(3, "title", "Please enter a title.")]
    assert _postings(organisation) == []  # the German row is not written alone


def test_json_items_are_reported_by_line_and_field(organisation, actor):
    text = """[
  {"external_id": "J-1", "kind": "job", "texts": {"de": {"title": "Gut", "body": "Text"}},
   "locations": [{"city": "Jena"}], "apply_url": "https://example.org/1"},
  {"external_id": "J-2", "kind": "job", "texts": {"de": {"title": "Ohne Ort", "body": "x"}},
   "locations": [], "apply_url": "https://example.org/2", "colour": "red"},
  {"kind": "job", "texts": {"de": {"title": "Ohne Kennung", "body": "x"}},
   "locations": [{"city": "Jena"}], "apply_url": "https://example.org/3"},
  {"external_id": "J-4", "kind": "job", "texts": {"de": {"title": "Gehalt", "body": "x"}},
   "locations": [{"city": "Jena"}], "apply_url": "https://example.org/4",
   "salary": {"min": 9, "max": 1, "period": "year"}},
  "not a posting",
  {"external_id": "J-1", "kind": "job", "texts": {"de": {"title": "Doppelt", "body": "x"}},
   "locations": [{"city": "Jena"}], "apply_url": "https://example.org/1"}
]"""
    report = run_import(organisation, text.encode(), actor)
    assert report.counts == {"created": 1, "updated": 0, "unchanged": 0, "failed": 5}
    errors = _errors(report)
    assert (4, "locations", "Please enter at least one place of work.") in errors
    assert (4, "colour", "Unknown field.") in errors
    assert (6, "external_id", "An import needs an external_id per posting.") in errors
    assert (8, "salary.max", "The upper end of the pay range is below the lower end.") in errors
    assert (11, None, "Please give an object with fields.") in errors
    assert (12, "external_id", "Line 2 has a posting with this external_id already.") in errors


# --- files that cannot be read at all ---------------------------------------------------------------


BROKEN = [
    (b"", "The file is empty."),
    (b"  \n\n ", "The file is empty."),
    (b"\xef\xbb\xbf", "The file is empty."),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", "not a CSV or JSON text file"),
    (bytes(range(256)) * 4, "not a CSV or JSON text file"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "not a CSV or JSON text file"),
    (b"external_id;title\x81\x8d", "could not be read"),
    (b"just some words\nwithout any separator", "separated by"),
    (b"external_id;kind;lang;title\nA;job;de;x\n", "missing in the first line: summary, body"),
    ((HEADER + ";colour\n").encode(), "Unknown columns: colour"),
    ((HEADER + ";title\n").encode(), "appear twice: title"),
    ((HEADER + "\n\n;;;;\n").encode(), "contains no postings"),
    (b'{"external_id": "A"}', "must contain a list of postings"),
    (b'[{"external_id": "A"},', "not valid JSON (line 1"),
    (b'[{"a": 1}] trailing', "not valid JSON"),
    (b"[" * 50_000, "not valid JSON"),
    (b"[]", "contains no postings"),
    (b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
]


@pytest.mark.parametrize(("raw", "message"), BROKEN)
def test_an_unreadable_file_is_one_clear_error(organisation, actor, raw, message):
    with pytest.raises(ImportFileError) as caught:
        run_import(organisation, raw, actor)
    with force_locale("en"):
        assert message in str(caught.value.message)
    assert _postings(organisation) == []


def test_file_errors_in_german(organisation, actor):
    with pytest.raises(ImportFileError) as caught:
        run_import(organisation, b"external_id;kind\n", actor)
    with force_locale("de"):
        assert "In der ersten Zeile fehlen Spalten: lang" in str(caught.value.message)


def test_format_from_name_option_or_content(organisation, actor):
    csv_raw = csv_bytes(DE_ROW)
    assert run_import(organisation, csv_raw, actor, filename="x.CSV").format == "csv"
    with pytest.raises(ImportFileError) as caught:
        run_import(organisation, csv_raw, actor, fmt="json")
    with force_locale("en"):
        assert "JSON" in str(caught.value.message)


# --- dry run ----------------------------------------------------------------------------------------


def test_a_dry_run_reports_and_writes_nothing(organisation, actor):
    events = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent))
    report = run_import(organisation, csv_bytes(DE_ROW, EN_ROW, B_ROW), actor, dry_run=True)
    assert report.dry_run
    assert report.counts == {"created": 2, "updated": 0, "unchanged": 0, "failed": 0}
    assert all(item.posting_id is None for item in report.items)
    db.session.commit()
    assert _postings(organisation) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) == events
    with force_locale("en"):
        assert importer.summary_text(report).startswith("Dry run (nothing was written)")


def test_a_dry_run_of_a_reimport_says_updated(organisation, actor):
    run_import(organisation, csv_bytes(DE_ROW), actor)
    report = run_import(organisation, csv_bytes(DE_ROW.replace("Kurz", "Neu")), actor, dry_run=True)
    assert report.counts["updated"] == 1
    assert _postings(organisation)[0].text("de").summary == "Kurz"


# --- who imports from the command line -----------------------------------------------------------


def test_acting_member_is_the_first_owner_or_the_one_named(organisation, owner, editor):
    assert importer.acting_member(organisation) == owner
    assert importer.acting_member(organisation, editor.email.upper()) == editor
    assert importer.acting_member(organisation, "nobody@example.org") is None
    assert importer.acting_member(OrganisationFactory()) is None
    second_owner = MembershipFactory(organisation=organisation, role=MembershipRole.OWNER).user
    assert importer.acting_member(organisation) == owner != second_owner
