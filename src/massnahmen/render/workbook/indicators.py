"""The indicator sheets: "Kennzahlen", one row per indicator (baseline, latest, target, where
the path stands, on path or not) with a chart of each indicator's values and path, and
"Messwerte", every measured value beside the path's value on its day, which the charts draw.

Written only for a plan with indicators. The charts are capped: a committee reads a dozen, and
a chart of each of thousands would cost more than the rest of the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from massnahmen.render.workbook.cells import Styles, Value
from massnahmen.render.workbook.layout import (
    LIGHT_COLOURS,
    Column,
    add_table,
    write_head,
    write_rows,
)
from massnahmen.report.indicators import path_value
from massnahmen.report.parts import path_shares, path_state
from massnahmen.words import Lang, label, say

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.model import Indicator, Measure
    from massnahmen.report import Report

MAX_CHARTS = 12
INDICATOR_COLUMNS = [
    Column("id", "code", 8),
    Column("measure", "text", 26),
    Column("indicator_name", "text", 24),
    Column("indicator_unit", "code", 8),
    Column("baseline", "int", 10),
    Column("baseline_date", "date", 10.5),
    Column("latest_value", "int", 10),
    Column("measured_on", "date", 10.5),
    Column("target", "int", 10),
    Column("target_date", "date", 10.5),
    Column("path_expects", "int", 10),
    Column("path_reached", "percent", 11),
    Column("path_state", "center", 11),
]
VALUE_COLUMNS = [
    Column("id", "code", 8),
    Column("indicator_name", "text", 30),
    Column("date", "date", 10.5),
    Column("value", "int", 11),
    Column("path", "int", 11),
    Column("indicator_unit", "code", 8),
]
STATE = next(n for n, c in enumerate(INDICATOR_COLUMNS, 1) if c.head == "path_state")
TABLE_NAMES: dict[str, dict[Lang, str]] = {
    "indicators": {"de": "Kennzahlen", "en": "Indicators"},
    "values": {"de": "Messwerte", "en": "MeasuredValues"},
}
STATE_COLOURS = {"on_path": LIGHT_COLOURS["green"], "behind_path": LIGHT_COLOURS["red"]}


@dataclass(frozen=True, slots=True)
class Run:
    """The rows of one indicator's values on the values sheet, for its chart."""

    title: str
    first: int
    last: int


def indicators_of(report: Report) -> list[tuple[Measure, Indicator]]:
    """Every indicator with its measure, in the order of the measures sheet."""
    return [(m, i) for s in report.fields for m in s.measures for i in m.indicators]


def write_indicators(
    sheet: Worksheet, values_sheet: Worksheet, styles: Styles, report: Report
) -> None:
    """The indicator table, the values table, and a chart per indicator (up to MAX_CHARTS)."""
    lang = styles.lang
    found = indicators_of(report)
    rows: list[list[Value]] = []
    for measure, indicator in found:
        path = report.state.indicator_path(indicator)
        latest = path.latest
        reached, _ = path_shares(indicator, path)
        rows.append(
            [
                measure.id,
                measure.title,
                indicator.name or indicator.id,
                indicator.unit,
                indicator.baseline,
                indicator.baseline_date,
                latest.value if latest else None,
                latest.date if latest else None,
                indicator.target,
                indicator.target_date,
                None if path.expected is None else round(path.expected, 2),
                reached,
                label(path_state(path), lang),
            ]
        )
    write_head(sheet, styles, INDICATOR_COLUMNS)
    last = write_rows(sheet, styles, INDICATOR_COLUMNS, rows)
    add_table(sheet, TABLE_NAMES["indicators"][lang], len(INDICATOR_COLUMNS), last)
    _add_state_fills(sheet, last, lang)
    runs = _write_values(values_sheet, styles, found)
    _charts(sheet, values_sheet, runs[:MAX_CHARTS], lang, last + 2)


def _write_values(
    sheet: Worksheet, styles: Styles, found: list[tuple[Measure, Indicator]]
) -> list[Run]:
    """Each indicator's values in date order beside the path's value on that day."""
    write_head(sheet, styles, VALUE_COLUMNS)
    runs: list[Run] = []
    rows: list[list[Value]] = []
    for measure, indicator in found:
        if not indicator.values:
            continue
        runs.append(
            Run(
                f"{measure.id} · {indicator.id}",
                len(rows) + 2,
                len(rows) + len(indicator.values) + 1,
            )
        )
        name = indicator.name or indicator.id
        for value in sorted(indicator.values, key=lambda v: v.date):
            expected = path_value(indicator, value.date)
            path = None if expected is None else round(expected, 2)
            rows.append([measure.id, name, value.date, value.value, path, indicator.unit])
    if not rows:
        rows = [[label("not_measured", styles.lang), *([None] * (len(VALUE_COLUMNS) - 1))]]
    last = write_rows(sheet, styles, VALUE_COLUMNS, rows)
    add_table(sheet, TABLE_NAMES["values"][styles.lang], len(VALUE_COLUMNS), last)
    return runs


def _charts(sheet: Worksheet, values: Worksheet, runs: list[Run], lang: Lang, row: int) -> None:
    """Two charts a row under the table: each indicator's values and its path."""
    if not runs:
        return
    sheet.row_breaks.append(Break(id=row - 1))  # the charts print on pages of their own
    for n, run in enumerate(runs):
        chart = LineChart()
        chart.title = say("indicator_chart", lang, id=run.title)
        data = Reference(values, min_col=4, max_col=5, min_row=run.first, max_row=run.last)
        chart.add_data(data, titles_from_data=False)
        for series, key in zip(chart.series, ("value", "path"), strict=True):
            series.tx = SeriesLabel(v=label(key, lang))
        chart.series[1].graphicalProperties.line.dashStyle = "dash"
        chart.set_categories(Reference(values, min_col=3, min_row=run.first, max_row=run.last))
        chart.x_axis.number_format = "MM/YYYY"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        if chart.legend is not None:
            chart.legend.position = "b"
        chart.width, chart.height = 15, 7.5
        column = "A" if n % 2 == 0 else get_column_letter(8)
        sheet.add_chart(chart, f"{column}{row + (n // 2) * 16}")


def _add_state_fills(sheet: Worksheet, last_row: int, lang: Lang) -> None:
    letter = get_column_letter(STATE)
    cells = f"{letter}2:{letter}{max(last_row, 2)}"
    for key, (background, text) in STATE_COLOURS.items():
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal",
            formula=[f'"{label(key, lang)}"'],
            fill=PatternFill("solid", start_color=background, end_color=background),
            font=Font(color=text, bold=True),
        )
        sheet.conditional_formatting.add(cells, rule)
