"""An indicator's path as an inline SVG chart: the straight line from baseline to target (the
path W212 measures against) and the measured values. Written by hand: a few dozen elements do
not need a charting library, and the page stays free of scripts.

The chart is an image with a title and a description that says every value in words; the page
shows the same values in a table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from massnahmen.words import Lang, format_date, label, say

if TYPE_CHECKING:
    from massnahmen.publish import PublicIndicator

WIDTH, HEIGHT = 600, 260
LEFT, RIGHT, TOP, BOTTOM = 70, 580, 20, 215  # the plot area inside the view box
PATH_COLOUR, VALUE_COLOUR, AXIS_COLOUR = "#5f5f5f", "#1e5aa8", "#1b1b1b"


def indicator_chart(
    indicator: PublicIndicator, chart_id: str, lang: Lang, number: Callable[[float], str]
) -> Markup:
    """The SVG of one indicator; `chart_id` makes the ids of its title and description unique."""
    days = [indicator.baseline_date, indicator.target_date, *(d for d, _ in indicator.values)]
    amounts = [indicator.baseline, indicator.target, *(v for _, v in indicator.values)]
    first, last = min(days), max(days)
    low, high = min(amounts), max(amounts)
    if high == low:
        low, high = low - 1, high + 1
    span_days = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        return LEFT + (RIGHT - LEFT) * (day - first).days / span_days

    def y(value: float) -> float:
        return BOTTOM - (BOTTOM - TOP) * (value - low) / (high - low)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(indicator.name)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_description(indicator, lang, number))}</desc>',
        _line(LEFT, BOTTOM, RIGHT, BOTTOM, AXIS_COLOUR),
        _line(LEFT, TOP, LEFT, BOTTOM, AXIS_COLOUR),
    ]
    for value in sorted({low, high}):
        parts.append(_text(LEFT - 8, y(value) + 4, number(value), "end"))
    parts.append(_text(LEFT, BOTTOM + 20, format_date(first, lang), "start"))
    if last != first:  # the view box ends at the plot's right edge: the label ends there too
        parts.append(_text(RIGHT, BOTTOM + 20, format_date(last, lang), "end"))
    start = (x(indicator.baseline_date), y(indicator.baseline))
    end = (x(indicator.target_date), y(indicator.target))
    parts.append(
        f'<line x1="{start[0]:.1f}" y1="{start[1]:.1f}" x2="{end[0]:.1f}" y2="{end[1]:.1f}" '
        f'stroke="{PATH_COLOUR}" stroke-width="2" stroke-dasharray="6 4"/>'
    )
    parts.append(_text(end[0] - 4, end[1] - 8, label("site_target", lang), "end"))
    points = [(x(d), y(v)) for d, v in indicator.values]
    if points:
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in [start, *points])
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{VALUE_COLOUR}" stroke-width="3"/>'
        )
        parts.extend(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5" fill="{VALUE_COLOUR}"/>'
            for px, py in points
        )
    parts.append(_legend(lang))
    parts.append("</svg>")
    return Markup("".join(parts))


def _description(indicator: PublicIndicator, lang: Lang, number: Callable[[float], str]) -> str:
    values = "; ".join(f"{format_date(d, lang)}: {number(v)}" for d, v in indicator.values)
    return say(
        "site_chart_desc",
        lang,
        baseline=number(indicator.baseline),
        baseline_date=format_date(indicator.baseline_date, lang),
        target=number(indicator.target),
        target_date=format_date(indicator.target_date, lang),
        values=values or label("site_chart_none", lang),
    )


def _legend(lang: Lang) -> str:
    y = HEIGHT - 8
    return (
        _line(LEFT, y - 4, LEFT + 30, y - 4, PATH_COLOUR, ' stroke-dasharray="6 4"')
        + _text(LEFT + 36, y, label("site_path", lang), "start")
        + _line(LEFT + 200, y - 4, LEFT + 230, y - 4, VALUE_COLOUR, ' stroke-width="3"')
        + _text(LEFT + 236, y, label("site_measured", lang), "start")
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, extra: str = "") -> str:
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}"{extra}/>'
    )


def _text(x: float, y: float, text: str, anchor: str) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
