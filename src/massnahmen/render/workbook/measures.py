"""The sheet of all measures: one row per measure under a band row per field of action.

Measure rows are grouped (outline) under their field's band, so a reader can fold a field away;
the band rows are part of the Excel table, which keeps the grouping when the sheet is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from openpyxl.formatting.rule import DataBarRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import Outline

from massnahmen.render.workbook.cells import Styles, Value, deadline_value, put
from massnahmen.render.workbook.layout import (
    Column,
    add_light_fills,
    add_table,
    row_writer,
    write_head,
)
from massnahmen.render.workbook.stream import defer
from massnahmen.report import progress_of
from massnahmen.report.parts import milestones_reached
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.model import Measure, Plan
    from massnahmen.report import Report

COLUMNS = [
    Column("id", "code", 7.5),
    Column("field_short", "code", 5.5),
    Column("measure", "text", 23),
    Column("owner", "text", 18),
    Column("contributors", "text", 9),
    Column("priority", "center", 7),
    Column("start", "date", 10),
    Column("adopted_deadline", "date", 10),
    Column("effective_deadline", "date", 10),
    Column("deadline_moves", "int", 10),
    Column("status", "text", 13),
    Column("progress", "percent", 8.5),
    Column("light", "center", 6),
    Column("rating", "center", 8.5),
    Column("budget", "eur", 11),
    Column("funding", "text", 15),
    Column("decision", "text", 10.5),
    Column("next_milestone", "text", 16),
    Column("milestones_reached", "center", 9.5),
    Column("last_update", "date", 10),
    Column("note", "text", 25),
]
PROGRESS = next(n for n, column in enumerate(COLUMNS, 1) if column.head == "progress")
LIGHT = next(n for n, column in enumerate(COLUMNS, 1) if column.head == "light")
RATING = LIGHT + 1
# The plan's own attributes stand between the milestones and the latest update.
ATTRIBUTES_AT = next(n for n, column in enumerate(COLUMNS) if column.head == "last_update")
ATTRIBUTE_LOOKS = {"number": "int", "flag": "center", "choice": "text", "text": "text"}
TABLE_NAMES = {"de": "Massnahmen", "en": "Measures"}


def measure_columns(plan: Plan) -> list[Column]:
    """The columns of the sheet: a column per declared attribute, headed by its name and
    unit, between the milestones and the latest update."""
    own = [
        Column(
            f"{a.name} ({a.unit})" if a.unit else a.name,
            ATTRIBUTE_LOOKS[a.kind],
            12 if a.kind in ("text", "choice") else 10,
            literal=True,
        )
        for a in plan.attributes
    ]
    return [*COLUMNS[:ATTRIBUTES_AT], *own, *COLUMNS[ATTRIBUTES_AT:]]


def write_measures(
    sheet: Worksheet, styles: Styles, report: Report, tick: Callable[[int], None]
) -> None:
    """The heading, then for each field of action its band row and its measures' rows (written
    when the file is saved, on a streamed sheet)."""
    lang = styles.lang
    columns = measure_columns(report.plan)
    write_head(sheet, styles, columns)
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=False)
    put_row = row_writer(sheet, styles, columns, outline=1)

    def produce() -> Iterator[int]:
        row = 1
        for summary in report.fields:
            row += 1
            band = [summary.field.id, summary.field.id, summary.field.name]
            for n in range(1, len(columns) + 1):
                put(sheet, styles, row, n, band[n - 1] if n <= len(band) else None, "band")
            yield row
            if not summary.measures:
                continue
            for measure in summary.measures:
                row += 1
                put_row(row, measure_row(measure, report, lang))
                yield row
            tick(len(summary.measures))

    last = 1 + sum(1 + len(summary.measures) for summary in report.fields)
    defer(sheet, 2, last, len(columns), produce)
    add_table(sheet, TABLE_NAMES[lang], len(columns), last)
    _add_formats(sheet, lang, max(last, 2))


def measure_row(
    measure: Measure, report: Report, lang: Lang
) -> list[Value | tuple[Value, str | None]]:
    light = report.lights.get(measure.id)
    last = measure.last_update
    funding = measure.funding
    if funding and measure.funding_ends:
        funding += f" ({label('until', lang)} {format_date(measure.funding_ends, lang)})"
    progress = None
    if measure.status != "cancelled" or measure.progress is not None:
        progress = progress_of(measure) / 100
    rating = measure.rating
    milestone = report.state.next_milestone(measure)
    upcoming = None
    if milestone is not None:
        upcoming = milestone.title
        if milestone.due:
            upcoming += f" ({milestone.due.display(lang)})"
    own = [_attribute_cell(report, measure, a.id, lang) for a in report.plan.attributes]
    return [
        measure.id,
        measure.field,
        measure.title,
        report.owner_name(measure.owner),
        ", ".join(measure.contributors),
        label(measure.priority, lang) if measure.priority else None,
        measure.start,
        deadline_value(measure.deadline, lang),
        deadline_value(measure.effective_deadline, lang),
        measure.deadline_moves,
        label(measure.status, lang),
        progress,
        label(light, lang) if light else None,
        label(rating, lang) if rating else None,
        measure.budget_eur,
        funding,
        measure.decision,
        upcoming,
        milestones_reached(measure),
        *own,
        last.date if last else None,
        last.note if last else None,
    ]


def _attribute_cell(report: Report, measure: Measure, key: str, lang: Lang) -> Value:
    """A number stays a number (the column's heading has the unit); yes/no and texts as text."""
    value = measure.attributes.get(key)
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    return value


def _add_formats(sheet: Worksheet, lang: Lang, last_row: int) -> None:
    """Traffic-light fills and progress bars, as conditional formats so they follow the data."""
    add_light_fills(sheet, LIGHT, last_row, lang)
    add_light_fills(sheet, RATING, last_row, lang)
    progress = get_column_letter(PROGRESS)
    bars = DataBarRule(  # type: ignore[no-untyped-call]
        start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"
    )
    sheet.conditional_formatting.add(f"{progress}2:{progress}{last_row}", bars)
