"""The list sheets: what needs action, changes since a day, owners, budget reservations.

Each is one Excel table under a heading row; an empty list gets one row that says so, since an
Excel table needs a data row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from openpyxl.worksheet.properties import Outline

from massnahmen.render.workbook.cells import Styles, Value, deadline_value, put
from massnahmen.render.workbook.layout import (
    Column,
    add_light_fills,
    add_table,
    row_writer,
    write_head,
    write_rows,
)
from massnahmen.render.workbook.stream import defer
from massnahmen.report import describe_all, first_known_day
from massnahmen.words import Lang, label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.report import Changes, Report, Snapshot, Tally

Cell = Value | tuple[Value, str | None]
TABLE_NAMES: dict[str, dict[Lang, str]] = {
    "actions": {"de": "Handlungsbedarf", "en": "ActionNeeded"},
    "changes": {"de": "Aenderungen", "en": "Changes"},
    "owners": {"de": "Verantwortliche", "en": "Owners"},
    "reserved": {"de": "Haushaltsvorbehalt", "en": "BudgetReservation"},
}
# The word for the most urgent reason of an action item.
REASON_WORDS = {
    "overdue": "overdue",
    "blocked": "blocked",
    "due_soon": "due_soon",
    "stale": "stale",
    "milestone": "milestone",
    "funding": "funding_reason",
    "no_deadline": "no_deadline",
    "no_owner": "no_owner",
    "inactive": "owner_inactive",
}

ACTION_COLUMNS = [
    Column("id", "code", 8),
    Column("field_short", "code", 6),
    Column("measure", "text", 34),
    Column("owner", "text", 24),
    Column("effective_deadline", "date", 11),
    Column("days_late", "int", 10),
    Column("light", "center", 6.5),
    Column("reason", "text", 14),
    Column("message", "text", 44),
]
OWNER_COLUMNS = [
    Column("owner_id", "code", 8),
    Column("name", "text", 40),
    Column("kind", "text", 18),
    Column("active", "center", 7),
    Column("measures", "int", 11),
    Column("open", "int", 11),
    Column("overdue", "int", 11),
    Column("due_soon", "int", 11),
    Column("done", "int", 11),
    Column("average_progress", "percent", 11),
    Column("budget", "eur", 15),
    Column("parent", "code", 10),
    Column("with_sub_units", "int", 11),
]
RESERVED_COLUMNS = [
    Column("id", "code", 8),
    Column("field_short", "code", 6),
    Column("measure", "text", 36),
    Column("owner", "text", 26),
    Column("status", "text", 13),
    Column("effective_deadline", "date", 11),
    Column("budget", "eur", 15),
    Column("funding", "text", 28),
    Column("decision", "text", 13),
]


def write_actions(sheet: Worksheet, styles: Styles, report: Report) -> None:
    lang = styles.lang
    rows: list[list[Cell]] = [
        [
            item.measure.id,
            item.measure.field,
            item.measure.title,
            report.owner_name(item.measure.owner),
            deadline_value(item.measure.effective_deadline, lang),
            item.days_late,
            label(item.light, lang) if item.light else None,
            label(REASON_WORDS[item.kind], lang),
            describe_all(item, lang),
        ]
        for item in report.actions
    ]
    last = _write_list(sheet, styles, ACTION_COLUMNS, rows, "nothing_needed", "actions")
    add_light_fills(sheet, 7, last, lang)


def write_changes(sheet: Worksheet, styles: Styles, changes: Changes) -> None:
    lang = styles.lang
    columns = change_columns(lang)
    rows: list[list[Cell]] = []
    for change in changes.measures:
        measure = change.measure
        if change.added:
            added = [first_known_day(measure), measure.id, measure.title, label("added", lang)]
            rows.append([*added, None, *_state(change.after, lang), None])
        for step in change.updates:
            moved = step.moves_deadline
            rows.append(
                [
                    step.update.date,
                    measure.id,
                    measure.title,
                    label("update", lang),
                    label(step.before.status, lang) if step.before.status else None,
                    label(step.after.status, lang) if step.after.status else None,
                    _percent(step.before),
                    _percent(step.after),
                    deadline_value(step.before.deadline, lang) if moved else (None, None),
                    deadline_value(step.after.deadline, lang) if moved else (None, None),
                    step.update.note,
                ]
            )
    _write_list(sheet, styles, columns, rows, "no_changes", "changes")


def change_columns(lang: Lang) -> list[Column]:
    before, after = label("before", lang), label("after", lang)
    return [
        Column("date", "date", 10.5),
        Column("id", "code", 8),
        Column("measure", "text", 30),
        Column("entry", "text", 12.5),
        Column(f"{label('status', lang)} {before}", "text", 13),
        Column(f"{label('status', lang)} {after}", "text", 13),
        Column(f"{label('progress', lang)} {before}", "percent", 11),
        Column(f"{label('progress', lang)} {after}", "percent", 11),
        Column(f"{label('deadline', lang)} {before}", "date", 11),
        Column(f"{label('deadline', lang)} {after}", "date", 11),
        Column("note", "text", 44),
    ]


def write_owners(sheet: Worksheet, styles: Styles, report: Report) -> None:
    """The owners grouped by parent unit: each top-level unit, then the units beneath it as
    an outline Excel folds; the counts are the owner's own, the last column with sub-units."""
    lang = styles.lang
    own = {summary.owner.id: summary.tally for summary in report.owners if summary.owner}
    rows: list[tuple[list[Cell], int]] = []
    for unit in report.units:
        owner, tally = unit.owner, own[unit.owner.id]
        active = label("yes" if owner.active else "no", lang)
        head: list[Cell] = [owner.id, owner.name, label(owner.kind, lang), active]
        rows.append(([*head, *_tally_row(tally), owner.parent, unit.tally.measures], unit.depth))
    for summary in report.owners:
        if summary.owner is None:
            head = [None, label("no_owner_row", lang), None, None]
            rows.append(([*head, *_tally_row(summary.tally), None, None], 0))
    write_head(sheet, styles, OWNER_COLUMNS)
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=False)
    if not rows:
        rows = [([label("no_owner_row", lang), *([None] * (len(OWNER_COLUMNS) - 1))], 0)]
    writers = {
        depth: row_writer(sheet, styles, OWNER_COLUMNS, outline=min(depth, 7))
        for depth in {depth for _, depth in rows}
    }
    last = len(rows) + 1

    def produce() -> Iterator[int]:
        for row, (values, depth) in enumerate(rows, 2):
            writers[depth](row, values)
            yield row

    defer(sheet, 2, last, len(OWNER_COLUMNS), produce)
    add_table(sheet, TABLE_NAMES["owners"][lang], len(OWNER_COLUMNS), last)


def _tally_row(tally: Tally) -> list[Cell]:
    average = tally.average_progress
    return [
        tally.measures,
        tally.open,
        tally.overdue,
        tally.due_soon,
        tally.by_status["done"],
        None if average is None else average / 100,
        tally.budget,
    ]


def write_reserved(sheet: Worksheet, styles: Styles, report: Report) -> None:
    lang = styles.lang
    rows: list[list[Cell]] = [
        [
            m.id,
            m.field,
            m.title,
            report.owner_name(m.owner),
            label(m.status, lang),
            deadline_value(m.effective_deadline, lang),
            m.budget_eur,
            m.funding,
            m.decision,
        ]
        for m in report.reserved
    ]
    last = _write_list(sheet, styles, RESERVED_COLUMNS, rows, "no_reserved", "reserved")
    if rows:
        total = sum(m.budget_eur or 0.0 for m in report.reserved)
        put(sheet, styles, last + 1, 3, label("total", lang), "label")
        put(sheet, styles, last + 1, 7, total, "eur")


def _write_list(
    sheet: Worksheet,
    styles: Styles,
    columns: Sequence[Column],
    rows: list[list[Cell]],
    empty: str,
    table: str,
) -> int:
    write_head(sheet, styles, columns)
    if not rows:
        rows = [[label(empty, styles.lang), *([None] * (len(columns) - 1))]]
    last = write_rows(sheet, styles, columns, rows)
    add_table(sheet, TABLE_NAMES[table][styles.lang], len(columns), last)
    return last


def _state(snapshot: Snapshot, lang: Lang) -> list[Cell]:
    """Status, progress and deadline of a new measure, in the 'after' columns of the changes."""
    status = label(snapshot.status, lang) if snapshot.status else None
    return [status, None, _percent(snapshot), None, deadline_value(snapshot.deadline, lang)]


def _percent(snapshot: Snapshot) -> float | None:
    return None if snapshot.progress is None else snapshot.progress / 100
