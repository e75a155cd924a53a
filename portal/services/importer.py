"""Importing postings from a file (DESIGN §9 `flask portal import`, §10; the employer's upload).

Two formats:

* **JSON** — a list of postings in the write API's `PostingInput` shape (the read API's
  `Posting` fields; topics as `{"slug": …}`), each with an `external_id`.
* **CSV** — one row a posting and language; the columns of `COLUMNS` (required) and of
  `OPTIONAL_COLUMNS`. A posting in both languages is two rows with the same `external_id`,
  one per `lang`; their other columns must agree. Topics (and working languages) are
  separated by `;` inside their cell. The separator of the columns is `;` (what German Excel
  writes) or `,`, found from the header line. Without a `salary_period` column, amounts are
  per year; without `working_languages`, the languages of the rows are the working languages.

Files are read as UTF-8 (with or without BOM), else as Windows-1252 (older Excel). Every
posting goes through `posting_rules` (the employer form's rules) and the status machine: new
postings are created and submitted, known `external_id`s updated (`posting_sync`). Each
posting is written in a savepoint: a bad posting (all its rows) is skipped and reported with
its line numbers, good ones are imported; a dry run does all of it and rolls it back.
Messages are lazy strings: the CLI shows them in English (or German), the web page in the
visitor's language.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import LANGS, Membership, MembershipRole, Organisation, PostingStatus, User
from portal.services import posting_input, posting_sync
from portal.services.posting_rules import FieldError, validate_posting_data
from portal.services.postings import TransitionError

MAX_FILE_BYTES = 1024 * 1024
FORMATS = ("csv", "json")
COLUMNS = (
    "external_id",
    "kind",
    "lang",
    "title",
    "summary",
    "body",
    "city",
    "employment",
    "remote",
    "deadline",
    "apply_url",
    "salary_min",
    "salary_max",
    "topics",
)
OPTIONAL_COLUMNS = (
    "requirements",
    "offer",
    "postcode",
    "country",
    "start_date",
    "salary_period",
    "salary_currency",
    "pay_scale",
    "working_languages",
    "apply_email",
    "contact_name",
    "contact_email",
)
TEXT_COLUMNS = ("lang", "title", "summary", "body", "requirements", "offer")
# Text fields of the posting data that are CSV columns of each language's row.
_TEXT_FIELDS = ("title", "summary", "body", "requirements", "offer")
# Where a path of the posting data lives in a CSV row.
_CSV_COLUMN = {
    "texts": "title",
    "locations": "city",
    "locations.0.city": "city",
    "locations.0.postcode": "postcode",
    "locations.0.country": "country",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_THOUSANDS = re.compile(r"[0-9]{1,3}([.,\u00a0 ][0-9]{3})+")
_GERMAN_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


class ImportFileError(Exception):
    """The file as a whole cannot be read (not CSV/JSON, wrong encoding, no header, …)."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass
class RowError:
    """A problem of one posting: the file line(s) it comes from, the column or field, why."""

    line: int | None
    field: str | None
    message: Any


@dataclass
class Candidate:
    """One posting read from the file, before it is checked and written."""

    external_id: str | None
    lines: list[int]
    data: dict[str, Any] | None = None
    submit: bool = True
    errors: list[RowError] = field(default_factory=list)
    # Turns a path of the posting data into (line, column/field) of the file.
    locate: Any = None


@dataclass
class ItemResult:
    external_id: str | None
    lines: list[int]
    outcome: str  # created, updated, unchanged, failed
    posting_id: int | None = None
    status: PostingStatus | None = None
    pending_review: bool = False


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    items: list[ItemResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)

    @property
    def counts(self) -> dict[str, int]:
        return {name: self.count(name) for name in ("created", "updated", "unchanged", "failed")}


# --- reading the file -------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """The file's text: UTF-8 (BOM or not), else Windows-1252; binary files are refused."""
    if not raw.strip():
        raise ImportFileError(_l("The file is empty."))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(_l("The file is not a CSV or JSON text file.")) from None
    elif _CONTROL_BYTES.search(raw):  # images, archives, spreadsheets (.xlsx): no text
        raise ImportFileError(_l("The file is not a CSV or JSON text file."))
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFileError(
                    _l(
                        "The file's characters could not be read. Please save it as UTF-8 "
                        "(or Windows-1252) text."
                    )
                ) from None
    if not text.strip():
        raise ImportFileError(_l("The file is empty."))
    if _CONTROL.search(text):
        raise ImportFileError(_l("The file is not a CSV or JSON text file."))
    return text


def detect_format(text: str, filename: str | None = None) -> str:
    """`csv` or `json`: from the file name's extension, else from the first character."""
    suffix = (filename or "").rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    if suffix in FORMATS:
        return suffix
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def read_candidates(text: str, fmt: str) -> list[Candidate]:
    if fmt == "json":
        return list(_json_candidates(text))
    return _csv_candidates(text)


# --- JSON -------------------------------------------------------------------------------------


def _json_items(text: str) -> Iterator[tuple[int, Any]]:
    """(line, item) of the top-level list, so that each posting can be named by its line."""
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    stripped = text.lstrip()
    if not stripped.startswith("["):
        try:
            decoder.decode(text)
        except ValueError as error:
            raise ImportFileError(_json_error(error)) from None
        raise ImportFileError(_l("The JSON file must contain a list of postings: [ {…}, {…} ]."))
    pos = len(text) - len(stripped) + 1
    try:
        while True:
            pos = _skip_space(text, pos)
            if text.startswith("]", pos):
                break
            item, end = decoder.raw_decode(text, pos)
            yield text.count("\n", 0, pos) + 1, item
            pos = _skip_space(text, end)
            if text.startswith(",", pos):
                pos += 1
            elif not text.startswith("]", pos):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        if text[pos + 1 :].strip():
            raise json.JSONDecodeError("Extra data", text, pos + 1)
    except (ValueError, RecursionError) as error:
        raise ImportFileError(_json_error(error)) from None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _json_error(error: Exception) -> Any:
    where = getattr(error, "lineno", None)
    if where is None:
        return _l("The file is not valid JSON.")
    return _l(
        "The file is not valid JSON (line %(line)s, column %(column)s: %(reason)s).",
        line=where,
        column=error.colno,
        reason=error.msg,
    )


def _json_candidates(text: str) -> Iterator[Candidate]:
    items = list(_json_items(text))  # the whole file is read before anything is written
    seen: dict[str, int] = {}
    for line, item in items:
        candidate = Candidate(
            external_id=None,
            lines=[line],
            locate=lambda path, line=line: (line, posting_input.input_path(path) or None),
        )
        errors = posting_input.check(item, "PostingInput")
        if isinstance(item, dict):
            candidate.external_id = _external_id(item.get("external_id"))
            candidate.submit = item.get("submit", True) is not False
        if not errors and candidate.external_id is None:
            errors = [FieldError("external_id", _l("An import needs an external_id per posting."))]
        elif not errors and candidate.external_id in seen:
            errors = [
                FieldError(
                    "external_id",
                    _l(
                        "Line %(line)s has a posting with this external_id already.",
                        line=seen[candidate.external_id],
                    ),
                )
            ]
        elif candidate.external_id is not None:
            seen[candidate.external_id] = line
        if errors:
            candidate.errors = [RowError(line, e.path or None, e.message) for e in errors]
        else:
            candidate.data = posting_input.to_data(item)
        yield candidate


def _external_id(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


# --- CSV --------------------------------------------------------------------------------------


def _delimiter(header_line: str) -> str:
    """`;` or `,`, whichever separates the header's column names."""
    counts = {sep: header_line.count(sep) for sep in (";", ",")}
    best = max(counts, key=lambda sep: counts[sep])
    if counts[best] == 0:
        raise ImportFileError(
            _l(
                "The first line must name the columns, separated by “;” or “,”: %(columns)s.",
                columns=", ".join(COLUMNS),
            )
        )
    return best


def _header(names: list[str]) -> list[str]:
    header = [name.strip().lower() for name in names]
    while header and not header[-1]:
        header.pop()  # Excel adds empty columns at the end
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise ImportFileError(
            _l("Columns are missing in the first line: %(columns)s.", columns=", ".join(missing))
        )
    known = set(COLUMNS) | set(OPTIONAL_COLUMNS)
    unknown = [name or "(empty)" for name in header if name not in known]
    if unknown:
        raise ImportFileError(
            _l(
                "Unknown columns: %(unknown)s. Possible columns: %(columns)s.",
                unknown=", ".join(unknown),
                columns=", ".join((*COLUMNS, *OPTIONAL_COLUMNS)),
            )
        )
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        raise ImportFileError(_l("Columns appear twice: %(columns)s.", columns=", ".join(doubled)))
    return header


@dataclass
class _Row:
    line: int
    values: dict[str, str]


def _rows(text: str) -> tuple[list[str], list[_Row | RowError]]:
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = _header(next(reader))
        rows: list[_Row | RowError] = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            while len(cells) > len(header) and not cells[-1].strip():
                cells.pop()
            if len(cells) > len(header):
                rows.append(
                    RowError(
                        start,
                        None,
                        _l(
                            "The row has %(cells)s cells, the first line %(columns)s columns.",
                            cells=len(cells),
                            columns=len(header),
                        ),
                    )
                )
                continue
            values = {
                name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)
            }
            rows.append(_Row(start, values))
    except csv.Error as error:
        raise ImportFileError(
            _l(
                "The CSV file could not be read (line %(line)s: %(reason)s).",
                line=reader.line_num,
                reason=str(error),
            )
        ) from None
    return header, rows


def _csv_candidates(text: str) -> list[Candidate]:
    header, rows = _rows(text)
    groups: dict[str, list[_Row]] = {}
    candidates: list[Candidate] = []
    for row in rows:
        if isinstance(row, RowError):
            candidates.append(Candidate(None, [row.line], errors=[row]))
            continue
        external_id = row.values["external_id"]
        if not external_id:
            error = RowError(
                row.line, "external_id", _l("An import needs an external_id per posting.")
            )
            candidates.append(Candidate(None, [row.line], errors=[error]))
            continue
        if external_id not in groups:
            groups[external_id] = []
            candidates.append(Candidate(external_id, []))
        groups[external_id].append(row)
    for candidate in candidates:
        if candidate.external_id is not None:
            _fill_from_rows(candidate, groups[candidate.external_id], header)
    return candidates


def _fill_from_rows(candidate: Candidate, rows: list[_Row], header: list[str]) -> None:
    candidate.lines = [row.line for row in rows]
    by_lang: dict[str, _Row] = {}
    errors = candidate.errors
    for row in rows:
        lang = row.values["lang"].lower()
        if lang not in LANGS:
            errors.append(RowError(row.line, "lang", _l("Please give the language as de or en.")))
        elif lang in by_lang:
            errors.append(
                RowError(
                    row.line,
                    "lang",
                    _l(
                        "Line %(line)s has this external_id in this language already.",
                        line=by_lang[lang].line,
                    ),
                )
            )
        else:
            by_lang[lang] = row
    first = rows[0]
    for row in rows[1:]:
        for name in header:
            if name not in TEXT_COLUMNS and row.values[name] != first.values[name]:
                errors.append(
                    RowError(
                        row.line,
                        name,
                        _l(
                            "Rows of one posting must agree outside the texts; line %(line)s "
                            "says “%(value)s”.",
                            line=first.line,
                            value=first.values[name],
                        ),
                    )
                )
    if errors:
        return
    data, conversion_errors = _row_data(first.values, by_lang)
    lines = {lang: row.line for lang, row in by_lang.items()}
    for path, message in conversion_errors:
        errors.append(RowError(first.line, path, message))
    candidate.data = None if errors else data

    def locate(path: str) -> tuple[int, str | None]:
        parts = path.split(".")
        if parts[0] == "texts" and len(parts) > 1 and parts[1] in lines:
            return lines[parts[1]], parts[2] if len(parts) > 2 else "title"
        return first.line, _CSV_COLUMN.get(path, parts[0] or None)

    candidate.locate = locate


def _row_data(
    values: dict[str, str], by_lang: dict[str, _Row]
) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """The posting data of a group of rows; number and date cells are parsed here."""
    errors: list[tuple[str, Any]] = []

    def cell(name: str) -> str | None:
        return values.get(name) or None

    def amount(name: str) -> int | None:
        raw = cell(name)
        if raw is None:
            return None
        digits = re.sub(r"[.,\u00a0 ]", "", raw) if _THOUSANDS.fullmatch(raw) else raw
        if not digits.isdigit():
            errors.append((name, _l("Please enter a whole number, such as 52000.")))
            return None
        return int(digits)

    def day(name: str) -> str | None:
        raw = cell(name)
        german = _GERMAN_DATE.fullmatch(raw or "")
        if german:  # Excel with German settings writes 31.12.2025
            day_, month, year = german.groups()
            return f"{year}-{int(month):02d}-{int(day_):02d}"
        return raw

    def listed(name: str) -> list[str]:
        return [item.strip() for item in re.split(r"[;,]", cell(name) or "") if item.strip()]

    low, high = amount("salary_min"), amount("salary_max")
    has_pay = low is not None or high is not None
    languages = listed("working_languages") or [lang for lang in LANGS if lang in by_lang]
    data = {
        "kind": cell("kind"),
        "employment": cell("employment"),
        "remote": cell("remote"),
        "start_date": day("start_date"),
        "deadline": day("deadline"),
        "salary_min": low,
        "salary_max": high,
        "salary_currency": cell("salary_currency"),
        "salary_period": cell("salary_period") or ("year" if has_pay else None),
        "pay_scale": cell("pay_scale"),
        "working_languages": [lang.lower() for lang in languages],
        "german_level": None,
        "english_level": None,
        "visa_support": False,
        "leadership": False,
        "apply_url": cell("apply_url"),
        "apply_email": cell("apply_email"),
        "contact_name": cell("contact_name"),
        "contact_email": cell("contact_email"),
        "texts": {
            lang: {name: row.values.get(name, "") for name in _TEXT_FIELDS}
            for lang, row in by_lang.items()
        },
        "locations": [
            {"city": cell("city"), "postcode": cell("postcode"), "country": cell("country")}
        ],
        "topics": listed("topics"),
    }
    return data, errors


# --- writing --------------------------------------------------------------------------------------


def run_import(
    organisation: Organisation,
    raw: bytes,
    actor: User,
    fmt: str | None = None,
    filename: str | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Import a file's postings into `organisation` as `actor`; nothing is committed here.

    Raises ImportFileError when the file as a whole cannot be read (then nothing is written).
    Each posting is written in its own savepoint; a dry run rolls everything back.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise ImportFileError(
            _l("The file is larger than %(size)s MB.", size=MAX_FILE_BYTES // 2**20)
        )
    text = decode(raw)
    fmt = fmt or detect_format(text, filename)
    candidates = read_candidates(text, fmt)
    if not candidates:
        raise ImportFileError(_l("The file contains no postings."))
    report = ImportReport(format=fmt, dry_run=dry_run)
    outer = db.session.begin_nested()
    try:
        for candidate in candidates:
            _import_one(organisation, candidate, actor, report)
    finally:
        if dry_run:
            outer.rollback()
        else:
            outer.commit()
    report.errors.sort(key=lambda e: e.line or 0)
    return report


def _import_one(
    organisation: Organisation, candidate: Candidate, actor: User, report: ImportReport
) -> None:
    result = ItemResult(candidate.external_id, candidate.lines, "failed")
    report.items.append(result)
    if candidate.errors or candidate.data is None:
        report.errors.extend(candidate.errors)
        return
    clean, errors = validate_posting_data(candidate.data)
    if errors:
        for error in errors:
            line, name = candidate.locate(error.path)
            report.errors.append(RowError(line, name, error.message))
        return
    try:
        with db.session.begin_nested():
            written = posting_sync.put_posting(
                organisation, clean, actor, candidate.external_id, submit=candidate.submit
            )
    except TransitionError as error:
        report.errors.append(RowError(candidate.lines[0], None, error.message))
        return
    except IntegrityError:  # another import or API call wrote this external_id just now
        report.errors.append(
            RowError(candidate.lines[0], "external_id", _l("Please try this posting again."))
        )
        return
    result.outcome = written.outcome
    # A dry run's new postings are rolled back: their ids mean nothing.
    result.posting_id = (
        None if report.dry_run and written.outcome == "created" else written.posting.id
    )
    result.status = written.posting.status
    result.pending_review = written.pending_review


# --- who imports, and the report as text ---------------------------------------------------------


def acting_member(organisation: Organisation, email: str | None = None) -> User | None:
    """The member an import from the command line acts as: `email`'s, else the first owner."""
    stmt = (
        sa.select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organisation_id == organisation.id,
            Membership.approved.is_(True),
            User.active.is_(True),
        )
        .order_by(Membership.role != MembershipRole.OWNER, Membership.id)
    )
    if email:
        stmt = stmt.where(User.email == email.strip().lower())
    return db.session.scalars(stmt).first()


def error_text(error: RowError) -> str:
    """One problem as a line of text, in the current locale."""
    if error.line is None:
        return str(error.message)
    if error.field:
        return _(
            "line %(line)s (%(field)s): %(message)s",
            line=error.line,
            field=error.field,
            message=error.message,
        )
    return _("line %(line)s: %(message)s", line=error.line, message=error.message)


def summary_text(report: ImportReport) -> str:
    counts = report.counts
    text = _(
        "created %(created)s, updated %(updated)s, unchanged %(unchanged)s, failed %(failed)s",
        **counts,
    )
    if report.dry_run:
        return _("Dry run (nothing was written): %(counts)s", counts=text)
    return text
