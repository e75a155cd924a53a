"""Small charts as server-rendered SVG: no chart script, nothing from another host.

The SVG carries a <title> and a <desc> (role="img"); pages show the same numbers in a data
table beside it, so the chart is never the only way to read them. Colours come from CSS
classes (portal.css), with presentation attributes as a fallback; no inline style (CSP).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56
GRID_LINES = 4


@dataclass(frozen=True)
class Line:
    name: str  # legend text, translated
    values: Sequence[int]
    css: str  # class suffix: chart__line--<css>


def nice_ceiling(value: int) -> int:
    """The next 'round' top of the scale at or above value: 4, 8, 20, 40, 80, 200, …

    Each is divisible by the four grid steps, so the axis labels are whole, round numbers.
    """
    step = 1
    while True:
        for factor in (2, 4, 8):
            if step * factor >= max(value, 4):
                return step * factor
        step *= 10


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value: float, top_value: int) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top_value)


def line_chart(
    labels: Sequence[str],
    lines: Sequence[Line],
    *,
    title: str,
    desc: str,
    chart_id: str = "chart",
    number: Callable[[int], str] = str,
) -> Markup:
    """An accessible line chart of daily values; `labels` name the x positions (days)."""
    count = len(labels)
    top_value = nice_ceiling(max((max(line.values, default=0) for line in lines), default=0))
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for step in range(GRID_LINES + 1):
        value = top_value * step // GRID_LINES
        y = _y(value, top_value)
        parts.append(
            f'<line class="chart__grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" '
            f'y2="{y:.1f}" stroke="#d5dbea" stroke-width="1"/>'
        )
        parts.append(
            f'<text class="chart__label" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="12" fill="#4b5573">{escape(number(value))}</text>'
        )
    if count:
        for index in sorted({0, count // 2, count - 1}):
            # The outer labels align with the chart's edges, so none is cut off.
            anchor = "middle"
            if count > 1 and index == 0:
                anchor = "start"
            elif count > 1 and index == count - 1:
                anchor = "end"
            x, y = _x(index, count), HEIGHT - BOTTOM + 18
            parts.append(
                f'<text class="chart__label" x="{x:.1f}" y="{y}" text-anchor="{anchor}" '
                f'font-size="12" fill="#4b5573">{escape(labels[index])}</text>'
            )
    for line in lines:
        points = " ".join(
            f"{_x(i, count):.1f},{_y(v, top_value):.1f}" for i, v in enumerate(line.values)
        )
        if count > 1:
            parts.append(
                f'<polyline class="chart__line chart__line--{line.css}" points="{points}" '
                f'fill="none" stroke="#283593" stroke-width="2"/>'
            )
        else:
            for i, v in enumerate(line.values):
                parts.append(
                    f'<circle class="chart__dot chart__line--{line.css}" cx="{_x(i, count):.1f}" '
                    f'cy="{_y(v, top_value):.1f}" r="4" fill="#283593"/>'
                )
    legend_y = HEIGHT - 12
    x = LEFT
    for line in lines:
        parts.append(
            f'<line class="chart__line chart__line--{line.css}" x1="{x}" y1="{legend_y - 4}" '
            f'x2="{x + 24}" y2="{legend_y - 4}" stroke="#283593" stroke-width="3"/>'
        )
        parts.append(
            f'<text class="chart__legend" x="{x + 30}" y="{legend_y}" font-size="13" '
            f'fill="#172041">{escape(line.name)}</text>'
        )
        x += 40 + 9 * len(line.name)
    parts.append("</svg>")
    return Markup("".join(parts))
