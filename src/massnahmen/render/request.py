"""The request workbook: sheet "Rückmeldung" with each open measure's state (locked) and the
cells the owner fills in (unlocked, with data validation), and the hidden sheet that ties it to
the plan. Prints like the committee workbook: A4 landscape, one page wide, header repeated."""

from __future__ import annotations

import io
from copy import copy
from typing import TYPE_CHECKING, Any, cast

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from massnahmen.request.asking import FIRST_ROW, AskedRow, Asking
from massnahmen.request.ticket import (
    COLUMNS,
    MEASURE_INPUTS,
    PART_INPUTS,
    TIE_SHEET,
    tie_rows,
)
from massnahmen.sanitize import inert_text
from massnahmen.words import Lang, format_date, label, say, with_unit

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

LINE_HEIGHT = 15  # points per line of the default font
WIDTHS = (10, 44, 14, 12, 13, 16, 12, 13, 14, 44, 14)
INPUT_FILL = PatternFill("solid", fgColor="FFF8D5")  # a pale yellow: where to write
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
STATUSES = ("planned", "in_progress", "done", "on_hold", "cancelled")
RATINGS = ("green", "yellow", "red")
OPEN = Protection(locked=False)
WRAP = Alignment(wrap_text=True, vertical="top")


def sheet_name(lang: Lang) -> str:
    return say("request.sheet", lang)


def request_bytes(asking: Asking, lang: Lang) -> bytes:
    """The owner's workbook as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_name(lang)
    _title(sheet, asking, lang)
    cells: dict[str, list[str]] = {}
    styles = Styles(lang)
    for n, row in enumerate(asking.rows):
        _row(sheet, FIRST_ROW + n, row, lang, cells, styles)
    _validations(sheet, lang, cells)
    _page(sheet, asking, lang)
    tie = book.create_sheet(TIE_SHEET)
    for tied in tie_rows(asking.ticket):
        tie.append([inert_text(c) if isinstance(c, str) else c for c in tied])
    tie.sheet_state = "hidden"
    tie.protection.sheet = True
    book.properties.title = say("request.title", lang, plan=asking.plan.plan.title)
    book.properties.subject = f"massnahmen-request {asking.ticket.request_id}"
    book.properties.creator = asking.plan.plan.authority
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _title(sheet: Worksheet, asking: Asking, lang: Lang) -> None:
    owner, ticket = asking.owner, asking.ticket
    sheet["A1"] = inert_text(say("request.title", lang, plan=asking.plan.plan.title))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = inert_text(
        say(
            "request.subtitle",
            lang,
            owner=owner.name,
            id=owner.id,
            reply_by=format_date(ticket.reply_by, lang),
            as_of=format_date(ticket.asked_on, lang),
        )
    )
    sheet["A2"].font = Font(bold=True)
    sheet["A3"] = say("request.hint", lang)
    sheet["A4"] = say("request.hint_parts", lang)
    for number, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(FIRST_ROW - 1, number, say(f"request.col.{name}", lang))
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEAD_FILL, WRAP
    for number, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[chr(ord("A") + number - 1)].width = width
    sheet.freeze_panes = f"C{FIRST_ROW}"


def _validations(sheet: Worksheet, lang: Lang, cells: dict[str, list[str]]) -> None:
    """The rules of the input cells, each given its cells at once (adding them one by one
    compares each with all before it)."""
    words = ",".join(label(s, lang) for s in STATUSES)
    colours = ",".join(label(c, lang) for c in RATINGS)
    found = {
        "status_new": DataValidation(type="list", formula1=f'"{words}"', allow_blank=True),
        "progress_new": DataValidation(
            type="whole", operator="between", formula1="0", formula2="100", allow_blank=True
        ),
        # a warning only: a period ("Q3 2027", "laufend") is a deadline too
        "deadline_new": DataValidation(
            type="date", operator="greaterThan", formula1="36526", errorStyle="warning"
        ),
        "rating_new": DataValidation(type="list", formula1=f'"{colours}"', allow_blank=True),
        "milestone": DataValidation(type="date", operator="greaterThan", formula1="36526"),
        "indicator": DataValidation(
            type="decimal", operator="between", formula1="-1E+15", formula2="1E+15"
        ),
    }
    for key, validation in found.items():
        if not cells.get(key):
            continue
        validation.sqref = MultiCellRange(" ".join(cells[key]))
        validation.error = say("request.invalid_input", lang)
        validation.errorTitle = say("request.invalid_title", lang)
        validation.showErrorMessage = True
        sheet.add_data_validation(validation)


def _row(
    sheet: Worksheet,
    number: int,
    row: AskedRow,
    lang: Lang,
    checks: dict[str, list[str]],
    styles: Styles,
) -> None:
    measure = row.measure
    values: list[str | int | float]
    inputs: tuple[str, ...]
    if row.kind == "measure":
        deadline = measure.effective_deadline
        values = [
            measure.id,
            inert_text(measure.title),
            label(measure.status, lang),
            measure.progress if measure.progress is not None else "",
            deadline.display(lang) if deadline else "",
        ]
        inputs = MEASURE_INPUTS
    elif row.kind == "milestone":
        milestone = next(m for m in measure.milestones if m.title == row.item)
        due = milestone.due.display(lang) if milestone.due else ""
        title = say("request.milestone", lang, title=milestone.title)
        values = [measure.id, inert_text(title), label("open", lang), "", due]
        inputs = PART_INPUTS
    else:
        indicator = next(i for i in measure.indicators if i.id == row.item)
        latest = indicator.latest
        shown = with_unit(latest.value, indicator.unit, lang) if latest else ""
        name = indicator.name or indicator.id
        title = say("request.indicator", lang, name=name, id=indicator.id)
        values = [measure.id, inert_text(title), shown, "", ""]
        inputs = PART_INPUTS
    for column, value in enumerate(values, start=1):
        styles.like(sheet.cell(number, column, value), "shown")
    # LibreOffice does not grow a row for wrapped text it did not lay out itself: a long title
    # would run into the next row when printed. About 1.1 characters per unit of width.
    lines = -(-len(str(values[1])) // int(WIDTHS[1] * 1.1))
    if lines > 1:
        sheet.row_dimensions[number].height = LINE_HEIGHT * lines
    for name in inputs:
        cell = sheet.cell(number, COLUMNS.index(name) + 1)
        dated = name in ("deadline_new", "reached") and row.kind != "indicator"
        styles.like(cell, "input_date" if dated else "input")
        key = row.kind if name == "reached" else name
        checks.setdefault(key, []).append(cell.coordinate)


class Styles:
    """Each style made once and copied to the cells that have it: setting a cell's alignment,
    fill and protection one by one hashes them anew each time (three quarters of the time)."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.made: dict[str, StyleArray] = {}

    def like(self, cell: Cell | MergedCell, kind: str) -> None:
        made = self.made.get(kind)
        if made is not None:
            cast(Any, cell)._style = copy(made)
            return
        cell.alignment = WRAP
        if kind.startswith("input"):
            cell.protection, cell.fill = OPEN, INPUT_FILL
        if kind == "input_date":
            cell.number_format = "DD.MM.YYYY" if self.lang == "de" else "YYYY-MM-DD"
        self.made[kind] = copy(cast(Any, cell)._style)


def _page(sheet: Worksheet, asking: Asking, lang: Lang) -> None:
    sheet.protection.sheet = True  # against slips, not as security: no password
    sheet.protection.formatRows = False  # rows may grow for a long answer
    sheet.protection.formatColumns = False
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{FIRST_ROW - 1}:{FIRST_ROW - 1}"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    header.left.text = asking.plan.plan.authority.replace("&", "&&")[:60]
    header.right.text = asking.owner.id.replace("&", "&&")[:40]
    footer.left.text = "&A"
    footer.right.text = label("page_of", lang)
