"""Fuzzing `import`: hostile CSV and workbooks give a plan that loads, or one line and exit 2."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from massnahmen.importer import MappingError, SourceError, import_plan
from massnahmen.load import load_plan
from tests.conftest import run
from tests.fuzzing import (
    EDGE_DATES,
    FORMULAS,
    RTL_AND_COMBINING,
    TRIED,
    assert_terminal_safe,
    fuzz_settings,
    hostile_text,
    keep_fuzzing,
    time_limit,
)

HEADERS = [
    "Nr.", "Handlungsfeld", "Maßnahme", "Beschreibung", "Verantwortlich", "Beteiligte", "Beginn",
    "Frist", "Status", "Fortschritt", "Kosten", "Förderung", "Abhängigkeiten", "Bemerkung", "",
    "=1+1", "Nr.",
]  # fmt: skip
WORDS = [
    "geplant", "in Umsetzung", "umgesetzt", "laufend", "Daueraufgabe", "Q2/2024", "2. Hj. 2025",
    "31.12.9999", "01.01.0001", "00.00.0000", "1e999", "-1", "9" * 400, "12.000,00 €", "1,5 Mio.",
    "50 %", "0,4", "ja", "x", "2024-2026", "FB1, FB2", "VW-01", "VW-" + "1" * 5000,
    "../../etc/x", "CON", "\x00",
]  # fmt: skip
cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS + FORMULAS + RTL_AND_COMBINING),
    st.sampled_from(WORDS),
    hostile_text,
    st.integers(-(2**63), 2**63),
    st.floats(),
    st.sampled_from(EDGE_DATES),
    st.booleans(),
)
STANDARD = HEADERS[:14]
tables = st.tuples(
    st.one_of(st.just(STANDARD), st.lists(st.sampled_from(HEADERS), min_size=1, max_size=10)),
    st.lists(st.lists(cells, min_size=len(STANDARD), max_size=len(STANDARD) + 2), max_size=8),
)


def _csv(header: list[str], rows: list[list[Any]], delimiter: str) -> str:
    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        return '"' + text.replace('"', '""') + '"' if delimiter in text or '"' in text else text

    return "\n".join(delimiter.join(cell(v) for v in row) for row in [header, *rows])


def assert_import_is_clean(source: Path, tmp_path: Path) -> None:
    """Through the CLI: exit 0 or 1 with a plan that loads without E001/E002, or exit 2."""
    out = tmp_path / "plan.toml"
    out.unlink(missing_ok=True)
    with time_limit():
        result = run("import", source, "-o", out, "--force")
    assert result.code in (0, 1, 2), result
    assert_terminal_safe(result.stdout + result.stderr, "import")  # cell text escaped
    if result.code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("massnahmen: ")
        return
    loaded = load_plan(out)
    assert loaded.plan is not None and not loaded.diagnostics, loaded.diagnostics


def test_hostile_csv(tmp_path: Path) -> None:
    @given(tables, st.sampled_from([";", ",", "\t", "|"]), st.sampled_from(["utf-8", "cp1252"]))
    @fuzz_settings(60)
    def batch(table: tuple[list[str], list[list[Any]]], delimiter: str, encoding: str) -> None:
        TRIED["import: CSV"] += 1
        source = tmp_path / "plan.csv"
        text = _csv(*table, delimiter)
        if zlib.crc32(text.encode()) % 10:  # a NUL makes it binary data: most inputs go without
            text = text.replace("\x00", "")
        source.write_bytes(text.encode(encoding, errors="replace"))
        assert_import_is_clean(source, tmp_path)

    keep_fuzzing(batch)


def _xlsx(header: list[str], rows: list[list[Any]]) -> bytes:
    """A workbook as openpyxl writes it; values it refuses (control characters) are left out."""
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows]:
        clean = []
        for value in row:
            if isinstance(value, int) and abs(value) >= 2**53:
                value = float(value)
            clean.append(value)
        try:
            sheet.append(clean)
        except (IllegalCharacterError, ValueError, TypeError):
            sheet.append([None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


RAW_NUMBERS = ["1e999", "-1e999", "NaN", "inf", "1e308", "-0", "99999999999999999999", "x", ""]


def _with_raw_cell(workbook: bytes, raw: str) -> bytes:
    """The workbook with its first number cell's text replaced by `raw` (what openpyxl never
    writes: 1e999, NaN, garbage)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.find('t="n"><v>')
                if start >= 0:
                    start += len('t="n"><v>')
                    end = text.find("</v>", start)
                    text = text[:start] + raw + text[end:]
                data = text.encode()
            target.writestr(info, data)
    return buffer.getvalue()


def test_hostile_workbooks(tmp_path: Path) -> None:
    @given(tables, st.sampled_from(RAW_NUMBERS), st.booleans())
    @fuzz_settings(30)
    def batch(table: tuple[list[str], list[list[Any]]], raw: str, patch: bool) -> None:
        TRIED["import: xlsx"] += 1
        source = tmp_path / "plan.xlsx"
        book = _xlsx(*table)
        source.write_bytes(_with_raw_cell(book, raw) if patch else book)
        assert_import_is_clean(source, tmp_path)

    keep_fuzzing(batch)


def test_damaged_workbooks(tmp_path: Path) -> None:
    book = _xlsx(["Nr.", "Maßnahme", "Handlungsfeld", "Status"], [["1", "x", "A", "geplant"]])

    @given(st.lists(st.tuples(st.integers(0, len(book) - 1), st.binary(min_size=1, max_size=4))))
    @fuzz_settings(60)
    def batch(edits: list[tuple[int, bytes]]) -> None:
        TRIED["import: damaged xlsx bytes"] += 1
        raw = bytearray(book)
        for at, chunk in edits:
            raw[at : at + len(chunk)] = chunk
        source = tmp_path / "plan.xlsx"
        source.write_bytes(bytes(raw))
        with time_limit():
            try:
                import_plan(source, today=dt.date(2025, 1, 1))
            except (SourceError, MappingError) as exc:
                assert "\n" not in str(exc)

    keep_fuzzing(batch)
