"""The German catalog is complete: every marked string translated, nothing fuzzy or broken."""

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "translations" / "de" / "LC_MESSAGES" / "messages.po"


def _catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def catalog():
    return _catalog(PO)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run(
        [sys.executable, "-c", "from babel.messages.frontend import main; main()", "--quiet",
         "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-o", str(pot), "."],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return _catalog(pot)


def _translated(message) -> bool:
    if isinstance(message.string, tuple):
        return all(message.string)
    return bool(message.string)


def test_no_fuzzy_entries(catalog):
    assert [m.id for m in catalog if m.id and m.fuzzy] == []


def test_every_entry_translated(catalog):
    assert [m.id for m in catalog if m.id and not _translated(m)] == []


def test_every_marked_string_is_in_the_catalog(catalog, extracted):
    missing = [m.id for m in extracted if m.id and m.id not in catalog]
    assert missing == [], "run `make translations` and translate the new strings"


def test_placeholders_match(catalog):
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check() if errors]
    assert problems == []
