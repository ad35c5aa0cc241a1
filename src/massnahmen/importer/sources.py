"""Reading the rows of an untrusted spreadsheet (.xlsx or .csv) safely.

Anything wrong with the file itself (too large, broken, encrypted, not a spreadsheet) raises
`SourceError` with one line for the person; nothing a file contains makes this module raise
anything else. openpyxl is imported here only, and parses XML through defusedxml.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import importlib
import io
import itertools
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from massnahmen.diagnostics import did_you_mean
from massnahmen.errors import CannotRun
from massnahmen.importer.shown import ShownDate, shows_day

MAX_SOURCE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # a workbook that unpacks to more is a zip bomb
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
_DELIMITERS = ";,\t|"
Row = tuple[object, ...]


class SourceError(CannotRun):
    """The spreadsheet cannot be read; the message is one line for the person."""


@dataclass
class Sheet:
    """One table of the source: its name, its rows (a fresh pass on each call) and their count
    where the file says it."""

    name: str
    read_rows: Callable[[], Iterator[Row]]
    size_hint: int | None = None


@dataclass
class Source:
    """An opened spreadsheet: its sheets in file order, and remarks on how it was read."""

    path: Path
    kind: str  # "xlsx" or "csv"
    sheets: list[Sheet]
    remarks: list[str] = field(default_factory=list)
    _close: Callable[[], None] | None = None

    def sheet(self, name: str) -> Sheet:
        """The sheet called `name` (case and spaces aside); SourceError naming the others."""
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        wanted = name.strip().casefold()
        for sheet in self.sheets:
            if sheet.name.strip().casefold() == wanted:
                return sheet
        names = [s.name for s in self.sheets]
        hint = did_you_mean(name, names) or f" (it has {', '.join(map(repr, names))})"
        raise SourceError(f'{self.path}: no sheet "{name}"{hint}')

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> Source:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def open_source(path: Path) -> Source:
    """Opens an .xlsx workbook or a CSV file by what it contains, not by its name."""
    head = _read_head(path)
    if head.startswith(_OLE):
        raise SourceError(
            f"{path}: an encrypted (password-protected) workbook or an old .xls file; "
            "save it from Excel as .xlsx without a password, or as CSV"
        )
    if head.startswith(_ZIP):
        return _open_workbook(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise SourceError(f"{path}: not an Excel workbook (the file is not a zip archive)")
    if suffix not in _TEXT_SUFFIXES:
        raise SourceError(f"{path}: not a spreadsheet; give an .xlsx workbook or a .csv file")
    return _open_csv(path)


def _read_head(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise SourceError(f"{path}: is a folder, not a spreadsheet")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            mb = MAX_SOURCE_BYTES / (1024 * 1024)
            limit = f"{mb:g} MB" if mb >= 1 else f"{MAX_SOURCE_BYTES:,} bytes"
            raise SourceError(f"{path}: {size:,} bytes is more than the {limit} this reads")
        if size == 0:
            raise SourceError(f"{path}: the file is empty")
        with path.open("rb") as handle:
            return handle.read(8)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from None


# --- xlsx ----------------------------------------------------------------------------------------


def _open_workbook(path: Path) -> Source:
    _check_archive(path)
    try:
        # loaded here only: it costs start-up time that every other command saves
        openpyxl = importlib.import_module("openpyxl")
        with _quiet_openpyxl():
            book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
            sheets = [_worksheet(path, ws) for ws in book.worksheets]
    except SourceError:
        raise
    except Exception as exc:  # openpyxl raises anything on a damaged file
        raise SourceError(f"{path}: a damaged workbook ({_reason(exc)})") from None
    if not sheets:
        book.close()
        raise SourceError(f"{path}: the workbook has no worksheet")
    return Source(path, "xlsx", sheets, _close=book.close)


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except Exception as exc:  # zipfile raises anything on a damaged archive (NotImplementedError…)
        raise SourceError(
            f"{path}: a damaged zip archive, not a readable workbook ({_reason(exc)})"
        ) from None
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and "content.xml" in names:
            raise SourceError(f"{path}: an OpenDocument file; save it as .xlsx or CSV")
        raise SourceError(f"{path}: a zip archive, but not an Excel workbook")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise SourceError(f"{path}: the workbook unpacks to more than 1 GB; refused")


def _worksheet(path: Path, worksheet: Any) -> Sheet:
    size = worksheet.max_row
    worksheet.reset_dimensions()  # some writers state too small a size; read every row

    def read_rows() -> Iterator[Row]:
        try:
            rows = worksheet.iter_rows(min_row=1)
            while True:
                with _quiet_openpyxl():  # only while openpyxl reads, not while the caller works
                    chunk = list(itertools.islice(rows, 256))
                if not chunk:
                    return
                for cells in chunk:
                    values = tuple(cell.value for cell in cells)
                    yield _shown(cells, values) if dt.datetime in map(type, values) else values
        except Exception as exc:  # a damaged sheet shows only while it is read
            raise SourceError(
                f'{path}: sheet "{worksheet.title}" is damaged ({_reason(exc)})'
            ) from None

    return Sheet(str(worksheet.title), read_rows, size)


@contextlib.contextmanager
def _quiet_openpyxl() -> Iterator[None]:
    """openpyxl warns of what it does not keep of a workbook (the extensions Excel and
    LibreOffice write for conditional formats and data validation): nothing an import reads."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        yield


def _shown(cells: tuple[Any, ...], values: Row) -> Row:
    """The row with each date cell whose format shows a period (`"Q3/"YYYY`) as a `ShownDate`."""
    return tuple(
        ShownDate.of(value, cell.number_format)
        if type(value) is dt.datetime and not _shows_day(cell.number_format)
        else value
        for cell, value in zip(cells, values, strict=True)
    )


@functools.lru_cache(maxsize=256)
def _shows_day(number_format: str) -> bool:
    return shows_day(number_format)


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- csv -----------------------------------------------------------------------------------------


def _open_csv(path: Path) -> Source:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:65536]:
        raise SourceError(f"{path}: binary data, not a CSV file")
    remarks = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        remarks.append("not UTF-8: read as Windows-1252 (the encoding of Excel's CSV)")
    if not text.strip():
        raise SourceError(f"{path}: the file has no rows")
    delimiter = _delimiter(text)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_SOURCE_BYTES))
    try:
        rows = [
            tuple(cell if cell.strip() else None for cell in row)
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise SourceError(f"{path}: not a readable CSV file ({exc})") from None
    sheet = Sheet(path.stem, lambda: iter(rows), len(rows))
    return Source(path, "csv", [sheet], remarks)


def _delimiter(text: str) -> str:
    """The separator that splits the first lines into the most equally wide rows."""
    sample = text[:65536].splitlines()[:50]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        with contextlib.suppress(csv.Error):
            widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if row]
            wide = [w for w in widths if w > 1]
            if not wide:
                continue
            common = max(set(wide), key=wide.count)
            score = (wide.count(common), common)
            if score > best_score:
                best, best_score = delimiter, score
    return best
