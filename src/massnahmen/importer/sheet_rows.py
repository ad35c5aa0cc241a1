"""Streaming the rows of one worksheet with what openpyxl's read-only rows leave out.

openpyxl (read-only, cached values) gives a formula cell that Excel never calculated as an empty
cell, and says nothing of hidden rows; an import then loses a deadline or a note without a word.
Its sheet parser is driven here directly (openpyxl is pinned below 3.2 for this): a formula
without a cached value comes as `Uncalculated`, a hidden row is known while it is read, and the
cells are counted as they stream, so that a sheet of millions of cells stops at `MAX_CELLS`
instead of after minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_CELLS = 5_000_000  # 100,000 measures of 50 columns: more than any plan needs


@dataclass(frozen=True, slots=True)
class Uncalculated:
    """A formula cell without a saved result (the file was written by a program that does not
    calculate, or saved without recalculation)."""

    formula: str


class TooManyCells(Exception):
    """The sheet holds more cells than a plan can need."""


@dataclass
class SheetRow:
    """One row as read: its number in the sheet, its cells, and whether it is hidden."""

    number: int
    cells: tuple[Any, ...]
    hidden: bool


def sheet_rows(worksheet: Any, limit: int = MAX_CELLS) -> Iterator[SheetRow]:
    """Every row of a read-only worksheet, from row 1, missing rows as empty ones."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        hidden = False

        def parse_row(self, row: Any) -> tuple[int, list[dict[str, Any]]]:
            self.hidden = row.get("hidden") in ("1", "true")
            return super().parse_row(row)

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.get("t") != "inlineStr":
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = Uncalculated("=" + (formula.text or ""))
            return cell

    book = worksheet.parent
    seen, expected = 0, 1
    with worksheet._get_source() as source:
        parser = Parser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            seen += max(number - expected, 0)  # the empty rows before it count as one cell each
            if seen > limit:
                raise TooManyCells(f"more than {limit:,} cells")
            for missing in range(expected, number):
                yield SheetRow(missing, (), False)
            row = worksheet._get_row(cells, 1, None, values_only=False)
            seen += max(len(row), 1)
            if seen > limit:
                raise TooManyCells(f"more than {limit:,} cells")
            yield SheetRow(number, row, parser.hidden)
            expected = max(expected, number + 1)
