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
import re
import stat
import warnings
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from massnahmen.diagnostics import did_you_mean
from massnahmen.errors import CannotRun
from massnahmen.importer.sheet_rows import MAX_CELLS, TooManyCells, Uncalculated, sheet_rows
from massnahmen.importer.shown import ShownDate, shows_day
from massnahmen.words import say

MAX_SOURCE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024  # a workbook that unpacks to more is a zip bomb
# What a plan can need, checked from the archive's directory and while streaming, before
# openpyxl holds anything: the shared strings are read whole into memory (540 MB of them took
# 3.9 GB and 219 s), a sheet is streamed. A plan of 100,000 measures needs a fraction of these.
MAX_PART_BYTES = 256 * 1024 * 1024  # one XML part, unpacked
MAX_STRINGS_BYTES = 64 * 1024 * 1024  # the shared strings part, unpacked
MAX_SHARED_STRINGS = 1_000_000
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
    hidden: bool = False  # a hidden (or very hidden) sheet of a workbook


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
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would hang, /dev/zero never end
            raise SourceError(say("not_regular_source", path=path))
        size = info.st_size
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
            remarks: list[str] = []
            sheets = [_worksheet(path, ws, remarks) for ws in book.worksheets]
    except SourceError:
        raise
    except Exception as exc:  # openpyxl raises anything on a damaged file
        raise SourceError(f"{path}: a damaged workbook ({_reason(exc)})") from None
    if not sheets:
        book.close()
        raise SourceError(f"{path}: the workbook has no worksheet")
    return Source(path, "xlsx", sheets, remarks, _close=book.close)


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
    for info in infos:
        limit = MAX_STRINGS_BYTES if _is_strings(info.filename) else MAX_PART_BYTES
        if info.file_size > limit:
            size, mb = f"{info.file_size:,}", limit // (1024 * 1024)
            raise SourceError(
                say("part_too_large", path=path, part=info.filename, size=size, limit=mb)
            )
    strings = next((info for info in infos if _is_strings(info.filename)), None)
    if strings is not None:
        _count_strings(path, strings)


def _is_strings(name: str) -> bool:
    return name.lower().endswith("sharedstrings.xml")


_STRING_START = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,7}:)?si[\s>/]")  # at most 13 bytes


def _count_strings(path: Path, info: zipfile.ZipInfo) -> None:
    """Counts the shared strings while unpacking them (zipfile stops at the declared size),
    before openpyxl reads them all into memory; SourceError past MAX_SHARED_STRINGS."""
    count, tail = 0, b""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(info) as part:
            while chunk := part.read(1 << 20):
                data = tail + chunk
                cut = max(len(data) - 16, 0)  # a match starting later is counted with the next
                count += sum(1 for m in _STRING_START.finditer(data) if m.start() < cut)
                tail = data[cut:]
                if count > MAX_SHARED_STRINGS:
                    break
            count += len(_STRING_START.findall(tail))
    except Exception as exc:  # a damaged part: openpyxl will say so in its words
        del exc
    if count > MAX_SHARED_STRINGS:
        raise SourceError(say("too_many_strings", path=path, limit=f"{MAX_SHARED_STRINGS:,}"))


def _worksheet(path: Path, worksheet: Any, remarks: list[str]) -> Sheet:
    size = worksheet.max_row
    worksheet.reset_dimensions()  # some writers state too small a size; read every row
    title = str(worksheet.title)

    def read_rows() -> Iterator[Row]:
        hidden: list[int] = []
        uncalculated: list[str] = []
        try:
            rows = sheet_rows(worksheet)
            while True:
                with _quiet_openpyxl():  # only while openpyxl reads, not while the caller works
                    chunk = list(itertools.islice(rows, 256))
                if not chunk:
                    break
                for row in chunk:
                    if row.hidden:
                        hidden.append(row.number)
                    values = tuple(_value(cell, uncalculated) for cell in row.cells)
                    yield _shown(row.cells, values) if dt.datetime in map(type, values) else values
        except TooManyCells:
            limit = f"{MAX_CELLS:,}"
            raise SourceError(
                say("too_many_cells_sheet", path=path, sheet=title, limit=limit)
            ) from None
        except Exception as exc:  # a damaged sheet shows only while it is read
            raise SourceError(f'{path}: sheet "{title}" is damaged ({_reason(exc)})') from None
        _remark(remarks, _hidden_rows(title, hidden))
        for note in uncalculated:
            _remark(remarks, note)

    def _value(cell: Any, uncalculated: list[str]) -> object:
        value = cell.value
        if isinstance(value, Uncalculated):
            shown = value.formula if len(value.formula) <= 40 else value.formula[:37] + "..."
            where = f"{title}!{cell.coordinate}"
            uncalculated.append(say("uncalculated", cell=where, formula=shown))
            return None
        return value

    hidden = getattr(worksheet, "sheet_state", "visible") != "visible"
    return Sheet(title, read_rows, size, hidden)


def _remark(remarks: list[str], remark: str | None) -> None:
    if remark and remark not in remarks:  # the rows are read more than once
        remarks.append(remark)


def _hidden_rows(title: str, numbers: list[int]) -> str | None:
    """`Maßnahmen: rows 5–9, 12 are hidden in the workbook; imported all the same`."""
    if not numbers:
        return None
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    shown = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in spans[:20])
    shown += say("hidden_rows_more", count=len(spans) - 20) if len(spans) > 20 else ""
    rows = say("hidden_row_one" if len(numbers) == 1 else "hidden_row_many", rows=shown)
    return say("hidden_rows", sheet=title, rows=rows)


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
        rows = _csv_rows(text, delimiter, remarks)
    except csv.Error as exc:
        raise SourceError(f"{path}: not a readable CSV file ({exc})") from None
    except TooManyCells:
        raise SourceError(say("too_many_cells_csv", path=path, limit=f"{MAX_CELLS:,}")) from None
    sheet = Sheet(path.stem, lambda: iter(rows), len(rows))
    return Source(path, "csv", [sheet], remarks)


_MAX_UNCLOSED = 100  # quotes that never close, each re-read from its line; then give up


def _csv_rows(text: str, delimiter: str, remarks: list[str]) -> list[Row]:
    """The rows of a CSV text, cells counted as they come (TooManyCells past MAX_CELLS).

    A field that opens a quote and never closes it would swallow every following row into one
    value: that quote is named in `remarks` (line and column) and read as a plain character,
    and reading goes on with the next line."""
    lines = text.splitlines(keepends=True)
    rows: list[Row] = []
    seen, start = 0, 0  # the first physical line (0-based) not yet read
    for _ in range(_MAX_UNCLOSED + 1):
        reader = csv.reader(io.StringIO("".join(lines[start:]), newline=""), delimiter=delimiter)
        read_to = 0  # physical lines of this pass read by complete rows
        unclosed: tuple[int, int] | None = None
        for row in reader:
            seen += max(len(row), 1)
            if seen > MAX_CELLS:
                raise TooManyCells
            end = start + reader.line_num
            if end >= len(lines) and _swallowed(lines, start + read_to):
                unclosed = (start + read_to, len(row) - 1)
                break
            rows.append(tuple(cell if cell.strip() else None for cell in row))
            read_to = reader.line_num
        if unclosed is None:
            return rows
        line, column = unclosed
        rest = f"{len(lines) - line - 1:,}"
        remarks.append(say("unclosed_quote", line=line + 1, column=_letter(column), rest=rest))
        plain = csv.reader([lines[line]], delimiter=delimiter, quoting=csv.QUOTE_NONE)
        rows.extend(tuple(c if c.strip() else None for c in row) for row in plain)
        start = line + 1
    raise csv.Error(say("too_many_unclosed", limit=_MAX_UNCLOSED))


def _swallowed(lines: list[str], first: int) -> bool:
    """Whether the last row, which began on line `first`, ended inside a quote."""
    return "".join(lines[first:]).count('"') % 2 == 1


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
