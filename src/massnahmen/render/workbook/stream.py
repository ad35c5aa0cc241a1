"""Sheets whose long lists are written while the file is saved, instead of kept as cells.

openpyxl keeps every cell of a worksheet as an object until the file is saved: at 100,000
measures that is 2.7 million cells and half a gigabyte. A `StreamedSheet` keeps only its heading
and other small parts as cells. Each long run of rows is *deferred*: a producer that writes its
rows one at a time (with the same `put` as every other cell) while openpyxl serialises the
sheet, and whose cells are dropped as soon as their row is in the file.

The file is byte for byte the one an ordinary worksheet gives: the rows go through openpyxl's own
row and cell writer, and the sheet's dimension (written before the rows) is checked against the
rows actually written. Tests build workbooks both ways and compare the bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook import Workbook

# Writes rows in ascending order, one at a time, and yields each row's number once it is written.
Producer = Callable[[], Iterator[int]]
Bounds = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row


@dataclass(frozen=True, slots=True)
class Deferred:
    """Rows `first`..`last` in columns 1..`width`, written by `producer` when the sheet is saved."""

    first: int
    last: int
    width: int
    producer: Producer


class StreamedSheet(Worksheet):
    """A worksheet whose deferred rows exist as cells only while they are being saved."""

    def __init__(self, parent: Workbook, title: str | None = None) -> None:
        super().__init__(parent, title)
        self.deferred: list[Deferred] = []

    def _bounds(self) -> Bounds | None:
        """The bounds of every cell, the deferred rows taken at their declared extent."""
        found = _cell_bounds(self._cells)
        for run in self.deferred:
            found = _union(found, (1, run.first, run.width, run.last))
        return found

    @property
    def max_row(self) -> int:
        found = self._bounds()
        return 1 if found is None else found[3]

    def calculate_dimension(self) -> str:
        return _dimension(self._bounds())


def new_sheet(workbook: Workbook, title: str) -> StreamedSheet:
    """A streamed sheet appended to the workbook, as `workbook.create_sheet(title)` would."""
    sheet = StreamedSheet(workbook, title)
    cast(Any, workbook)._add_sheet(sheet)
    return sheet


def defer(sheet: Worksheet, first: int, last: int, width: int, producer: Producer) -> None:
    """Rows `first`..`last` written by `producer`: when the file is saved on a streamed sheet,
    at once on any other."""
    if isinstance(sheet, StreamedSheet):
        if last >= first:
            sheet.deferred.append(Deferred(first, last, width, producer))
        return
    for _ in producer():
        pass


def save_workbook(workbook: Workbook, archive: Any) -> None:
    """openpyxl's `ExcelWriter(workbook, archive).save()`, streaming the deferred rows."""
    StreamingExcelWriter(workbook, archive).save()


class StreamingExcelWriter(ExcelWriter):
    def write_worksheet(self, ws: Any) -> None:
        # as openpyxl's own (3.1), with the streaming writer for the rows
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer: Any = StreamingSheetWriter(ws)
        writer.write()
        ws._rels = writer._rels
        cast(Any, self)._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()


class StreamingSheetWriter(WorksheetWriter):
    """Writes a sheet's rows in order: its cells, and each deferred run as it is produced."""

    def rows(self) -> Any:
        ws = self.ws
        static: list[tuple[int, list[Any]]] = super().rows()
        if not isinstance(ws, StreamedSheet) or not ws.deferred:
            return static
        return self._merged(ws, static)

    def _merged(
        self, ws: StreamedSheet, static: list[tuple[int, list[Cell]]]
    ) -> Iterator[tuple[int, list[Cell]]]:
        declared = ws.calculate_dimension()  # what write_top wrote before the rows
        found = _cell_bounds(ws._cells)
        index = 0
        for run in sorted(ws.deferred, key=lambda run: run.first):
            while index < len(static) and static[index][0] < run.first:
                yield static[index]
                index += 1
            if index < len(static) and static[index][0] <= run.last:
                raise ValueError(f"row {static[index][0]} is both a cell row and deferred")
            for row, cells in _produce(ws, run):
                if cells:  # in column order
                    found = _union(found, (cells[0].column, row, cells[-1].column, row))
                yield row, cells
        yield from static[index:]
        if _dimension(found) != declared:
            raise ValueError(f"{ws.title}: rows span {_dimension(found)}, declared {declared}")


def _produce(ws: StreamedSheet, run: Deferred) -> Iterator[tuple[int, list[Cell]]]:
    """Each row of `run` with its cells, taken out of the sheet as soon as the row is written."""
    cells: dict[tuple[int, int], Any] = ws._cells
    dimensions = ws.row_dimensions
    keep = len(cells)
    expected = run.first
    for row in run.producer():
        if row != expected or row > run.last:
            raise ValueError(f"{ws.title}: row {row} produced, row {expected} expected")
        expected += 1
        found = [cell for n in range(1, run.width + 1) if (cell := cells.pop((row, n), None))]
        if len(cells) != keep:
            raise ValueError(f"{ws.title}: row {row} has cells beyond column {run.width}")
        if found or row in dimensions:
            yield row, found  # openpyxl writes it before asking for the next row
        dimensions.pop(row, None)
    if expected != run.last + 1:
        raise ValueError(f"{ws.title}: rows {run.first}-{run.last} declared, {expected - 1} made")


def _cell_bounds(cells: dict[tuple[int, int], Any]) -> Bounds | None:
    if not cells:
        return None
    rows = {row for row, _ in cells}
    columns = {column for _, column in cells}
    return min(columns), min(rows), max(columns), max(rows)


def _union(a: Bounds | None, b: Bounds | None) -> Bounds | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _dimension(bounds: Bounds | None) -> str:
    """As openpyxl's `calculate_dimension`: `A1:R100011`, or `A1:A1` for an empty sheet."""
    if bounds is None:
        return "A1:A1"
    min_col, min_row, max_col, max_row = bounds
    return f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
