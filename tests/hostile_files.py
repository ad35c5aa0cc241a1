"""Builders of hostile inputs for issue 13: cyclic plans, CSV and workbooks of any size, a
shared-strings bomb (the plan and bomb builders are the benchmark's: benchmarks/hostile.py).
`python -m tests.hostile_files` rewrites the reproductions in tests/data/hostile/ (the tests
build their variants of payload, position and size in place)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.hostile import (
    banded_csv,
    cyclic_plan,
    dotted_key_plan,
    nested_headers_plan,
    owners_plan,
    strings_bomb,
)

from tests.conftest import DATA

__all__ = [
    "HOSTILE",
    "banded_csv",
    "cyclic_plan",
    "dotted_key_plan",
    "hidden_and_uncalculated",
    "nested_headers_plan",
    "owners_plan",
    "strings_bomb",
    "unclosed_quote_csv",
]

HOSTILE = DATA / "hostile"


def unclosed_quote_csv(at: int = 2, rows: int = 6, column: int = 1) -> str:
    lines = ["Handlungsfeld;Maßnahme;Frist;Status"]
    for i in range(1, rows + 1):
        cells = ["Verwaltung", f"Maßnahme {i}", "2026-12-31", "geplant"]
        if i == at:
            cells[column] = '"' + cells[column]
        lines.append(";".join(cells))
    return "\n".join(lines) + "\n"


def hidden_and_uncalculated(path: Path, *, hidden_sheet_first: bool = True) -> Path:
    """A workbook with a hidden "Maßnahmen" sheet before the visible one, hidden rows and
    formula cells without a saved result (openpyxl stores none) in the deadline and notes."""
    from openpyxl import Workbook

    book = Workbook()
    old = book.active
    assert old is not None
    old.title = "Maßnahmen"
    old.append(["Handlungsfeld", "Maßnahme", "Frist"])
    old.append(["Alt", "Veraltete Maßnahme", "2020-12-31"])
    old.sheet_state = "hidden"
    ws = book.create_sheet("Maßnahmenplan")
    ws.append(["Handlungsfeld", "Maßnahme", "Frist", "Bemerkung"])
    ws.append(["Verwaltung", "E-Akte", "=DATE(2026,12,31)", "läuft"])
    ws.append(["Verwaltung", "Portal", "2026-06-30", "=A2&B2"])
    ws.append(["Bildung", "WLAN", "2026-06-30", "versteckt"])
    ws.append(["Bildung", "Tablets", "2027", "versteckt auch"])
    ws.row_dimensions[4].hidden = True
    ws.row_dimensions[5].hidden = True
    if not hidden_sheet_first:
        book.move_sheet(ws, offset=-1)
    book.save(path)
    return path


def main() -> None:
    HOSTILE.mkdir(exist_ok=True)
    (HOSTILE / "unclosed_quote.csv").write_text(unclosed_quote_csv(), encoding="utf-8")
    strings_bomb(HOSTILE / "shared_strings_bomb.xlsx", 1_100_000)
    hidden_and_uncalculated(HOSTILE / "hidden_and_uncalculated.xlsx")


if __name__ == "__main__":
    main()
