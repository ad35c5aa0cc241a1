"""A table of a related-tables workbook: the sheet the mapping names, its header row (found
by the columns the mapping asks for) and the rows below it."""

from __future__ import annotations

from dataclasses import dataclass

from massnahmen.diagnostics import did_you_mean
from massnahmen.importer.cells import text_of
from massnahmen.importer.flat import column_letter
from massnahmen.importer.headers import HEADER_SCAN_ROWS, normalize
from massnahmen.importer.mapping import MappingError, TableMap
from massnahmen.importer.measures import Cell
from massnahmen.importer.sources import Row, Sheet, Source, SourceError


@dataclass
class Table:
    """A sheet's rows below its header, with the header's column positions."""

    sheet: Sheet
    prefix: str
    header_number: int
    positions: dict[str, int]  # normalized header → 0-based column
    headers: dict[str, str]  # normalized header → as written
    rows: list[Row]

    def column(self, name: str, where: str) -> int:
        key = normalize(name)
        if key not in self.positions:
            hint = did_you_mean(name, list(self.headers.values()))
            raise MappingError(f'{where}: no column "{name}" in sheet "{self.sheet.name}"{hint}')
        return self.positions[key]

    def cell(self, row_number: int, row: Row, index: int, header: str) -> Cell:
        value = row[index] if index < len(row) else None
        return Cell(f"{self.prefix}{column_letter(index)}", row_number, header, value)


def read_table(source: Source, table: TableMap, names: list[str], where: str) -> Table:
    """The table `table` names, its header the first row holding all of `names` (or row 1)."""
    if table.sheet is None:
        if len(source.sheets) != 1:
            raise MappingError(f"{where}: name the sheet (sheet = ...)")
        sheet = source.sheets[0]
    else:
        try:
            sheet = source.sheet(table.sheet)
        except SourceError as exc:
            raise MappingError(f"{where}: {exc}") from None
    rows = list(sheet.read_rows())
    wanted = {normalize(n) for n in names}
    number = table.header_row
    if number is None:
        for n, row in enumerate(rows[:HEADER_SCAN_ROWS], start=1):
            if wanted <= {normalize(text_of(v)) for v in row}:
                number = n
                break
        else:
            number = 1
    header_cells = rows[number - 1] if number <= len(rows) else ()
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, value in enumerate(header_cells):
        text = text_of(value)
        if text and normalize(text) not in positions:
            positions[normalize(text)] = index
            headers[normalize(text)] = text
    prefix = f"{sheet.name}!" if source.kind == "xlsx" else ""
    return Table(sheet, prefix, number, positions, headers, rows[number:])
