"""What every sheet shares: a heading row, an Excel table with filters, column widths, and a page
set up to print on A4 landscape, one page wide, with the plan in the header and page numbers in
the footer."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from massnahmen.render.workbook.cells import LOOKS, SIZE, Styles, Value, clean_text, put
from massnahmen.render.workbook.fit import LINE_HEIGHT, count_lines, row_height
from massnahmen.render.workbook.stream import defer
from massnahmen.report import meeting_text, since_text
from massnahmen.words import Lang, format_date, label

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from massnahmen.report import Report

# Where long words of headings may break.
BREAKS = {
    "(beschlossen)": "(beschlos-\nsen)",
    "Beteiligte": "Betei-\nligte",
    "Einschätzung": "Einschät-\nzung",
    "Meilenstein": "Meilen-\nstein",
    "Meilensteine": "Meilen-\nsteine",
    "Untereinheiten": "Unterein-\nheiten",
    "Übergeordnet": "Überge-\nordnet",
    "Fortschritt": "Fort-\nschritt",
    "Fristverschiebungen": "Frist-\nverschie-\nbungen",
    "Handlungsfeld": "Handlungs-\nfeld",
    "Haushaltsmittel": "Haushalts-\nmittel",
    "Haushaltsvorbehalt": "Haushalts-\nvorbehalt",
    "Maßnahmen": "Maß-\nnahmen",
    "Priorität": "Prio-\nrität",
    "Verantwortlich": "Verant-\nwortlich",
    "überfällig": "über-\nfällig",
    "umgesetzt": "umge-\nsetzt",
    "zurückgestellt": "zurück-\ngestellt",
    "Contributors": "Contri-\nbutors",
    "Progress": "Pro-\ngress",
}


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a list sheet: its heading (a label key, or a text of the plan where
    `literal`), its look and its width."""

    head: str
    kind: str
    width: float
    literal: bool = False


def write_head(sheet: Worksheet, styles: Styles, columns: Sequence[Column], row: int = 1) -> None:
    """The heading row: long German words are hyphenated where the column is narrow."""
    lines = 1
    for n, column in enumerate(columns, 1):
        text = column.head if column.literal else label(column.head, styles.lang)
        text = heading(text, column.width)
        put(sheet, styles, row, n, text, "head")
        sheet.column_dimensions[get_column_letter(n)].width = column.width
        lines = max(lines, count_lines(text, column.width, bold=True))
    sheet.row_dimensions[row].height = row_height(lines)


def heading(text: str, width: float) -> str:
    """`Fristverschiebungen` as `Frist-⏎verschie-⏎bungen` where it would not fit in one line."""
    words = [
        BREAKS.get(word, word) if count_lines(word, width, bold=True) > 1 else word
        for word in text.split(" ")
    ]
    return " ".join(words).replace(" \n", "\n")


Row = Sequence[Value | tuple[Value, str | None]]


def write_rows(
    sheet: Worksheet,
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[Row],
    first: int = 2,
    *,
    bold: bool = False,
    outline: int = 0,
) -> int:
    """Writes rows under the heading (see `row_writer`), on a streamed sheet when it is saved.
    Returns the number of the last row."""
    last = first + len(rows) - 1
    put_row = row_writer(sheet, styles, columns, bold=bold, outline=outline)

    def produce() -> Iterator[int]:
        for row, values in enumerate(rows, first):
            put_row(row, values)
            yield row

    defer(sheet, first, last, len(columns), produce)
    return last


def row_writer(
    sheet: Worksheet,
    styles: Styles,
    columns: Sequence[Column],
    *,
    bold: bool = False,
    outline: int = 0,
) -> Callable[[int, Row], None]:
    """Writes one row of values, each with its own number format where it comes as a pair. A row
    with wrapped text gets the height it needs; `outline` groups the rows at that level."""
    wrapped = [LOOKS[column.kind].wrap for column in columns]

    def put_row(row: int, values: Row) -> None:
        lines = 1
        for n, (column, value) in enumerate(zip(columns, values, strict=True), 1):
            if isinstance(value, tuple):
                put(sheet, styles, row, n, value[0], column.kind, value[1], bold)
                continue
            put(sheet, styles, row, n, value, column.kind, None, bold)
            if wrapped[n - 1] and isinstance(value, str):
                lines = max(lines, count_lines(value, column.width))
        if lines > 1 or outline:
            height = row_height(lines) if lines > 1 else None
            sheet.row_dimensions[row] = RowDimension(sheet, row, ht=height, outlineLevel=outline)

    return put_row


def add_table(sheet: Worksheet, name: str, width: int, last_row: int, head_row: int = 1) -> str:
    """Makes the rows an Excel table with filters (at least one data row, as Excel requires) and
    freezes the heading. Returns the table's range.

    The columns are named here from the heading cells, as openpyxl would when saving; openpyxl
    would find them by making a cell object for every position of the table (and on a streamed
    sheet find none)."""
    last_row = max(last_row, head_row + 1)
    ref = f"A{head_row}:{get_column_letter(width)}{last_row}"
    heads = cast(Any, sheet)._cells
    columns = [TableColumn(id=n, name=str(heads[(head_row, n)].value)) for n in range(1, width + 1)]
    table = Table(displayName=name, ref=ref, tableColumns=columns, autoFilter=AutoFilter(ref=ref))
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = f"B{head_row + 1}"
    return ref


def setup_page(sheet: Worksheet, report: Report, lang: Lang, title_rows: str = "1:1") -> None:
    """A4 landscape, one page wide, heading rows repeated, plan and as-of date in the header."""
    sheet.sheet_format.defaultRowHeight = LINE_HEIGHT
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins = PageMargins(
        left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3
    )
    sheet.print_title_rows = title_rows
    head = report.plan.plan
    # Every printed page says what it is (the sheet), for which day, meeting and period.
    as_of = f"{label('as_of', lang)} {format_date(report.as_of, lang)}"
    if report.meeting:
        as_of += f" · {meeting_text(report.meeting, lang)}"
    if report.changes:
        as_of += f" · {label('page_since', lang)} {since_text(report.changes.since, lang)}"
    header, footer = sheet.oddHeader, sheet.oddFooter
    assert header is not None and footer is not None
    for part, text in (
        (header.left, header_text(head.authority, 60)),
        (header.center, header_text(f"{head.title} – {sheet.title}", 60)),
        (header.right, header_text(as_of, 80)),
    ):
        part.text = text
        part.size = SIZE - 1
    footer.left.text = "&A"  # the sheet's name
    footer.right.text = label("page_of", lang)
    footer.left.size = footer.right.size = SIZE - 2


def header_text(text: str, limit: int) -> str:
    """`text` for a page header: `&` starts a code there (&P is the page number), so a literal
    one is written `&&`; at most `limit` characters with the doubling, since Excel allows 255
    for the whole header, its codes included."""
    text = clean_text(text)
    escaped = text.replace("&", "&&")
    while len(escaped) > limit:
        text = text[: min(len(text), limit) - 1]
        escaped = text.replace("&", "&&") + "…"
    return escaped


# Fills of the traffic-light cells (background, text), as Excel's own "good/neutral/bad".
LIGHT_COLOURS = {
    "red": ("FFC7CE", "9C0006"),
    "yellow": ("FFEB9C", "9C5700"),
    "green": ("C6EFCE", "006100"),
    "none": ("D9D9D9", "404040"),  # grey: ohne Frist, no light
}


def add_light_fills(sheet: Worksheet, column: int, last_row: int, lang: Lang) -> None:
    """Colours a traffic-light column by its words, as conditional formats that follow the data."""
    letter = get_column_letter(column)
    cells = f"{letter}2:{letter}{max(last_row, 2)}"
    for key, (background, text) in LIGHT_COLOURS.items():
        rule = CellIsRule(  # type: ignore[no-untyped-call]
            operator="equal",
            formula=[f'"{label(key, lang)}"'],
            fill=PatternFill("solid", start_color=background, end_color=background),
            font=Font(color=text, bold=True),
        )
        sheet.conditional_formatting.add(cells, rule)
