"""Writing form data into ORM objects without touching what did not change (so an unchanged
row is not rewritten, and audit diffs and the search outbox see only real changes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def assign(obj: object, values: dict[str, Any]) -> None:
    """Set the attributes whose values differ."""
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)


def sync_texts(rows: list, wanted: dict[str, dict[str, Any]], make: Callable[..., Any]) -> None:
    """Make a relationship list of per-language texts (`.lang`) say `wanted` {lang: values}:
    rows of wanted languages are updated in place, missing ones made with
    `make(lang=…, **values)`, the others removed."""
    by_lang = {row.lang: row for row in rows}
    for lang, values in wanted.items():
        if lang in by_lang:
            assign(by_lang[lang], values)
        else:
            rows.append(make(lang=lang, **values))
    for lang, row in by_lang.items():
        if lang not in wanted:
            rows.remove(row)
