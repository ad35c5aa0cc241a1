"""Streamed sheets: the workbook is byte for byte the one openpyxl's ordinary sheets give, and a
producer that does not keep to what it declared fails loudly instead of writing a wrong file."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from benchmarks.generate import generate_plan_text
from openpyxl import Workbook

from massnahmen.load import load_plan, parse_plan
from massnahmen.render.workbook import workbook_bytes
from massnahmen.render.workbook.cells import Styles, put
from massnahmen.render.workbook.package import save_steady
from massnahmen.render.workbook.stream import defer, new_sheet
from massnahmen.report import build_report, resolve_since
from massnahmen.words import Lang
from tests.conftest import DATA

AS_OF = dt.date(2024, 7, 1)


def both_ways(path: Path | None, lang: Lang, since: dt.date | None = None, text: str = "") -> None:
    loaded = load_plan(path) if path else parse_plan(text, "generated.toml")
    assert loaded.plan is not None
    plan = loaded.plan
    resolved = resolve_since(plan, AS_OF, since, default_previous=True)
    report = build_report(plan, AS_OF, resolved)
    streamed = workbook_bytes(report, lang)
    assert streamed == workbook_bytes(report, lang, streamed=False)
    book = openpyxl.load_workbook(io.BytesIO(streamed))
    assert book.worksheets[1].max_row == 1 + len(plan.fields) + len(plan.measures)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_report_plan_streamed_as_written_in_memory(lang: Lang) -> None:
    both_ways(DATA / "report" / "plan.toml", lang)
    both_ways(DATA / "report" / "plan.toml", lang, since=dt.date(2020, 1, 1))


def test_plan_without_measures_streamed_as_written_in_memory() -> None:
    both_ways(DATA / "valid" / "minimal.toml", "de")


def test_generated_plan_streamed_as_written_in_memory() -> None:
    both_ways(None, "de", text=generate_plan_text(300, seed=3))


def test_plan_with_its_own_parts_streamed_as_written_in_memory() -> None:
    both_ways(None, "en", text=generate_plan_text(300, seed=3, parts=True))


def _sheet_with(first: int, last: int, rows: list[int], width: int = 2) -> Workbook:
    book = Workbook()
    styles = Styles(book, "de")
    sheet = new_sheet(book, "Liste")
    put(sheet, styles, 1, 1, "Kopf", "head")
    put(sheet, styles, 1, 2, "Kopf", "head")

    def produce() -> Iterator[int]:
        for row in rows:
            for column in range(1, width + 1):
                put(sheet, styles, row, column, f"{row}/{column}", "text")
            yield row

    defer(sheet, first, last, 2, produce)
    return book


def _save(book: Workbook) -> bytes:
    return save_steady(book, dt.datetime(2024, 7, 1), lambda name: None)


def test_deferred_rows_are_written_and_then_dropped() -> None:
    book = _sheet_with(2, 4, [2, 3, 4])
    sheet = book.worksheets[1]
    assert sheet.max_row == 4 and sheet.calculate_dimension() == "A1:B4"
    assert len(sheet._cells) == 2  # only the heading exists before saving
    read = openpyxl.load_workbook(io.BytesIO(_save(book)))["Liste"]
    assert [[c.value for c in row] for row in read.iter_rows(min_row=2)] == [
        ["2/1", "2/2"],
        ["3/1", "3/2"],
        ["4/1", "4/2"],
    ]
    assert len(sheet._cells) == 2


@pytest.mark.parametrize(
    ("rows", "width", "problem"),
    [
        ([2, 3], 2, "declared"),  # fewer rows than declared
        ([2, 4, 3], 2, "expected"),  # out of order
        ([2, 3, 4], 3, "beyond column"),  # wider than declared
    ],
)
def test_a_producer_that_breaks_its_word_fails(rows: list[int], width: int, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        _save(_sheet_with(2, 4, rows, width))
