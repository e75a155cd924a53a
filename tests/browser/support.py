"""Helpers for the browser tests: skipping sensibly and the axe-core accessibility check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")  # WCAG 2.1 AA (BITV 2.0)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine; fail in CI, where a skipped browser suite would pass unseen."""
    if IN_CI:
        pytest.fail(f"{reason} (CI is set, so this is an error rather than a skip)", pytrace=False)
    pytest.skip(reason)


@cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        unavailable(f"{AXE_JS.relative_to(PROJECT_ROOT)} is missing: run `npm ci` (or `make test`)")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Any, tags: Sequence[str] = WCAG_TAGS) -> list[dict[str, Any]]:
    """Run axe-core on the page's current document; return its violations of the given rules.

    axe is evaluated through the DevTools protocol (`page.evaluate`), which the page's
    Content-Security-Policy does not govern. `page.add_script_tag()` would insert an inline
    <script>, which our CSP blocks (and reports as a console error).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_source())
        if not page.evaluate("() => typeof window.axe === 'object'"):
            pytest.fail("axe-core could not be loaded into the page", pytrace=False)
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return results.violations;
        }""",
        list(tags),
    )


def format_violations(violations: Iterable[dict[str, Any]], max_nodes: int = 5) -> str:
    """The violations as readable lines for an assertion message."""
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}] {violation['help']} "
            f"({len(nodes)} element{'s' if len(nodes) != 1 else ''}) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:max_nodes]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "axe found accessibility violations:\n" + "\n".join(lines)
