"""Cells without surprises: text is never a formula, deadlines are dates, styles are shared.

Every cell of a column gets the same style, built once per workbook and copied (a style is an
array of nine integers in openpyxl); creating style objects per cell would cost more than writing
the cell.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from massnahmen.sanitize import looks_like_formula
from massnahmen.words import Lang, label

if TYPE_CHECKING:
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.deadline import Deadline

FONT = "Arial"  # on every office PC, and metric-compatible Liberation Sans elsewhere
SIZE = 10
MAX_TEXT = 32_767  # Excel's limit for one cell
DATE_FORMATS: dict[Lang, str] = {"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
EUR_FORMAT = '#,##0 "€"'  # whole euros: a committee overview; the cell keeps the cents
PERCENT_FORMAT = "0 %"

HEAD_FILL = "1F4E78"
BAND_FILL = "DDEBF7"
GRID = Side(style="thin", color="BFBFBF")

Value = str | int | float | dt.date | None


@dataclass(frozen=True, slots=True)
class Look:
    """How the cells of one kind look."""

    number_format: str = "General"
    horizontal: str | None = None
    wrap: bool = False
    bold: bool = False
    size: int = SIZE
    colour: str | None = None
    fill: str | None = None
    border: bool = True


LOOKS: dict[str, Look] = {
    "text": Look(wrap=True),
    "code": Look(),
    "center": Look(horizontal="center"),
    "int": Look(horizontal="right"),
    "date": Look(horizontal="right"),
    "percent": Look(number_format=PERCENT_FORMAT),
    "eur": Look(number_format=EUR_FORMAT),
    "head": Look(wrap=True, bold=True, colour="FFFFFF", fill=HEAD_FILL),
    "band": Look(bold=True, fill=BAND_FILL),
    "title": Look(bold=True, size=14, border=False),
    "label": Look(bold=True, border=False),
    "plain": Look(border=False),
    "plain_date": Look(horizontal="left", border=False),
}


class Styles:
    """The style arrays of one workbook, made on first use and shared by every cell of a kind.

    Cells share the array itself, so a cell's style must never be changed in place (openpyxl's
    `cell.font = …` would restyle all its siblings): ask for another kind, `bold` or `fill` here.
    `boxed` styles draw a grid around each cell, for the small tables of the summary; the long
    lists print the sheet's grid lines instead, and leave empty cells out of the file.
    """

    def __init__(self, workbook: Workbook, lang: Lang, *, boxed: bool = False) -> None:
        self._sheet = workbook.worksheets[0]
        self.lang = lang
        self.boxed = boxed
        self._made: dict[tuple[str, str | None, bool, bool, str | None], StyleArray] = {}

    def get(
        self,
        kind: str,
        number_format: str | None = None,
        quoted: bool = False,
        bold: bool = False,
        fill: str | None = None,
    ) -> StyleArray:
        key = (kind, number_format, quoted, bold, fill)
        found = self._made.get(key)
        if found is None:
            look = LOOKS[kind]
            if bold or fill:
                look = replace(look, bold=bold or look.bold, fill=fill or look.fill)
            found = self._made[key] = self._make(look, number_format, quoted)
        return found

    def _make(self, look: Look, number_format: str | None, quoted: bool) -> StyleArray:
        cell = Cell(self._sheet, row=1, column=1)  # never placed: it only carries the style
        cell.font = Font(name=FONT, size=look.size, bold=look.bold, color=look.colour)
        cell.alignment = Alignment(horizontal=look.horizontal, vertical="top", wrap_text=look.wrap)
        cell.number_format = number_format or look.number_format
        if look.fill:
            cell.fill = PatternFill("solid", start_color=look.fill, end_color=look.fill)
        if look.border and self.boxed:
            cell.border = Border(left=GRID, right=GRID, top=GRID, bottom=GRID)
        style: StyleArray = copy(cast(Any, cell)._style)
        if quoted:
            style.quotePrefix = 1  # Excel keeps the cell text even when someone edits it
        return style

    def date_format(self) -> str:
        return DATE_FORMATS[self.lang]


def clean_text(text: str) -> str:
    """Text a cell can hold: no XML-illegal control characters, at most Excel's maximum."""
    if not text.isprintable():  # the rare text with a line break or a control character
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def put(
    sheet: Worksheet,
    styles: Styles,
    row: int,
    column: int,
    value: Value,
    kind: str,
    number_format: str | None = None,
    bold: bool = False,
    fill: str | None = None,
) -> None:
    """Writes one cell: text stays text (never a formula), dates and numbers stay numbers.

    The cell is made directly, without openpyxl's setters: they would turn text that starts
    with `=` into a formula, and look the style up again for each of a sheet's many cells.
    """
    if value is None and not (fill or styles.boxed or LOOKS[kind].fill):
        return  # nothing to show and nothing to draw: no cell, as openpyxl does for blanks
    cell: Any = _new_cell(Cell)
    cell.parent = sheet
    cell.row = row
    cell.column = column
    cell._hyperlink = cell._comment = None
    if isinstance(value, str):
        value = clean_text(value)
        cell._style = styles.get(kind, number_format, looks_like_formula(value), bold, fill)
        cell.data_type = "s"
    else:
        if number_format is None and isinstance(value, dt.date):
            number_format = styles.date_format()
        cell._style = styles.get(kind, number_format, False, bold, fill)
        cell.data_type = "n" if not isinstance(value, dt.date) else "d"
    cell._value = value
    cast(Any, sheet)._cells[(row, column)] = cell


_new_cell = object.__new__


def deadline_value(deadline: Deadline | None, lang: Lang) -> tuple[Value, str | None]:
    """A deadline as a date cell shown the way it was written ("Q2/2024" is 30.06.2024 with the
    format `"Q2/"YYYY`), so that it sorts and filters as a date; "ongoing" is text."""
    if deadline is None:
        return None, None
    if deadline.kind == "horizon":  # the day it stands for, shown with its name
        if deadline.stands_for is None:
            return str(deadline.raw), None
        day, shown = deadline_value(deadline.stands_for, lang)
        name = str(deadline.raw).strip().replace('"', "")
        return day, f'"{name} ("{shown}")"'
    if deadline.due is None:
        return label("ongoing", lang), None
    due = deadline.due
    match deadline.kind:
        case "year":
            return due, "YYYY"
        case "half":
            half = 1 if due.month <= 6 else 2
            return due, f'"{half}. Hj. "YYYY' if lang == "de" else f'"H{half}/"YYYY'
        case "quarter":
            return due, f'"Q{(due.month - 1) // 3 + 1}/"YYYY'
        case "month":
            return due, "MM/YYYY"
        case _:
            return due, DATE_FORMATS[lang]
