"""The summary sheet: the plan's header, totals by status and traffic light, a table per field of
action and a stacked bar chart of the fields by status (a real Excel chart on that table)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.worksheet.pagebreak import Break

from massnahmen.render.workbook.cells import Styles, Value, put
from massnahmen.render.workbook.layout import Column, write_head, write_rows
from massnahmen.report import LIGHTS, REPORT_STATUSES, Report, Tally, meeting_text, since_text
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

FIELD_COLUMNS = [
    Column("field", "text", 40),
    Column("measures", "int", 11),
    *(Column(status, "int", 11) for status in REPORT_STATUSES),
    Column("overdue", "int", 11),
    *(Column(light, "int", 11) for light in LIGHTS),
    Column("average_progress", "percent", 11),
    Column("budget", "eur", 15),
]
# The chart's status colours: blues and violet, none of them red, yellow, green or the light
# grey of "ohne Frist", so that in the workbook a colour means one thing (the traffic light).
STATUS_COLOURS = {
    "done": "1F4E79",
    "in_progress": "5B9BD5",
    "planned": "BDD7EE",
    "on_hold": "8064A2",
    "cancelled": "262626",
}
LIGHT_FILLS = {"red": "FFC7CE", "yellow": "FFEB9C", "green": "C6EFCE", "none": "D9D9D9"}


def write_summary(sheet: Worksheet, styles: Styles, report: Report) -> None:
    lang = styles.lang
    head = report.plan.plan
    put(sheet, styles, 1, 1, head.title, "title")
    sheet.row_dimensions[1].height = 24
    row = _facts(sheet, styles, report, lang, 3)
    row = _status_totals(sheet, styles, report.totals, lang, row + 1)
    row = _light_totals(sheet, styles, report.totals, lang, row + 1)
    first_field = row + 2
    row = _field_table(sheet, styles, report, lang, row + 1)
    _chart(sheet, lang, first_field, row - 2, len(report.fields), row + 1)


def _facts(sheet: Worksheet, styles: Styles, report: Report, lang: Lang, row: int) -> int:
    head = report.plan.plan
    state = label(head.state, lang)
    adopted = [format_date(head.adopted_on, lang), head.adopted_by or ""]
    if any(adopted):
        state += f" ({', '.join(part for part in adopted if part)})"
    facts: list[tuple[str, Value]] = [
        ("authority", head.authority),
        ("plan", head.title),
        ("version", head.version),
        ("state", state),
        ("as_of", report.as_of),
    ]
    if report.meeting:
        facts.append(("report_for", meeting_text(report.meeting, lang)))
    if report.changes:
        changes = report.changes
        facts.append(("changes_since", since_text(changes.since, lang)))
        summary = label("changes_summary", lang).format(
            updates=changes.updates,
            measures=changes.updated,
            added=changes.added,
            done=changes.completed,
            moves=changes.moves,
        )
        facts.append(("changes", summary))
    if report.unanswered:
        facts.append(("request_unanswered", ", ".join(report.unanswered)))
    for key, value in facts:
        put(sheet, styles, row, 1, label(key, lang), "label")
        put(sheet, styles, row, 2, value, "plain_date" if key == "as_of" else "plain")
        row += 1
    return row


def _status_totals(sheet: Worksheet, styles: Styles, totals: Tally, lang: Lang, row: int) -> int:
    columns = [
        Column("status", "text", 40),
        Column("count", "int", 11),
        Column("share", "percent", 11),
    ]
    write_head(sheet, styles, columns, row)
    rows: list[list[Value]] = [
        [label(s, lang), totals.by_status[s], _share(totals.by_status[s], totals.measures)]
        for s in REPORT_STATUSES
    ]
    last = write_rows(sheet, styles, columns, rows, row + 1)
    total: list[Value] = [label("total", lang), totals.measures, 1.0 if totals.measures else None]
    return write_rows(sheet, styles, columns, [total], last + 1, bold=True) + 1


def _light_totals(sheet: Worksheet, styles: Styles, totals: Tally, lang: Lang, row: int) -> int:
    columns = [Column("light", "text", 40), Column("count", "int", 11)]
    write_head(sheet, styles, columns, row)
    rows: list[list[Value]] = [[label(light, lang), totals.by_light[light]] for light in LIGHTS]
    rows += [[label("overdue", lang), totals.overdue], [label("due_soon", lang), totals.due_soon]]
    last = write_rows(sheet, styles, columns, rows, row + 1)
    for n, light in enumerate(LIGHTS, row + 1):
        put(sheet, styles, n, 1, label(light, lang), "text", fill=LIGHT_FILLS[light])
    return _legend(sheet, styles, lang, last + 1)


def _legend(sheet: Worksheet, styles: Styles, lang: Lang, row: int) -> int:
    """What each light means, once for the whole workbook (the other sheets use the same words)."""
    put(sheet, styles, row, 1, label("legend", lang), "label")
    for n, light in enumerate(LIGHTS, row + 1):
        put(sheet, styles, n, 1, f"{label(light, lang)}: {label(f'legend_{light}', lang)}", "plain")
    return row + len(LIGHTS) + 1


def _field_table(sheet: Worksheet, styles: Styles, report: Report, lang: Lang, row: int) -> int:
    write_head(sheet, styles, FIELD_COLUMNS, row)
    rows = [_field_row(f"{s.field.id} {s.field.name}", s.tally) for s in report.fields]
    last = write_rows(sheet, styles, FIELD_COLUMNS, rows, row + 1)
    total = [_field_row(label("total", lang), report.totals)]
    return write_rows(sheet, styles, FIELD_COLUMNS, total, last + 1, bold=True) + 1


def _field_row(name: str, tally: Tally) -> list[Value]:
    average = tally.average_progress
    return [
        name,
        tally.measures,
        *(tally.by_status[s] for s in REPORT_STATUSES),
        tally.overdue,
        *(tally.by_light[light] for light in LIGHTS),
        None if average is None else average / 100,
        tally.budget,
    ]


def _chart(sheet: Worksheet, lang: Lang, first: int, last: int, fields: int, row: int) -> None:
    """Stacked horizontal bars, one per field of action, one colour per status."""
    if fields == 0:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = label("chart_title", lang)
    columns = len(REPORT_STATUSES)
    data = Reference(sheet, min_col=3, max_col=2 + columns, min_row=first - 1, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    for series, status in zip(chart.series, REPORT_STATUSES, strict=True):
        series.tx = SeriesLabel(v=label(status, lang))  # the word, not the hyphenated heading
        colour = STATUS_COLOURS[status]
        series.graphicalProperties = GraphicalProperties(solidFill=colour)
        series.graphicalProperties.line.solidFill = colour
    chart.x_axis.scaling.orientation = "maxMin"  # the first field on top, as in the table
    chart.y_axis.crosses = "max"  # and the scale below the bars
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.legend.position = "b"
    chart.width = 30
    chart.height = min(max(8.0, 1.0 * fields + 4), 15.0)  # cm; at most one printed page
    sheet.add_chart(chart, f"A{row}")
    sheet.row_breaks.append(Break(id=row - 1))  # the chart prints whole, on a page of its own


def _share(count: int, total: int) -> float | None:
    return count / total if total else None
