"""Builders of hostile inputs for issue 13: cyclic plans, CSV and workbooks of any size, a
shared-strings bomb. `python -m tests.hostile_files` rewrites the reproductions in
tests/data/hostile/ (the tests build their variants of payload, position and size in place)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.conftest import DATA

HOSTILE = DATA / "hostile"
HEAD = 'format = 1\n[plan]\ntitle = "T"\nauthority = "A"\n[[fields]]\nid = "VW"\nname = "V"\n'


def cyclic_plan(n: int, extra_deps: int = 1) -> str:
    """n measures, each depending on the next and on the first (`extra_deps` of the first
    ones): every back edge of a search closes another cycle."""
    out = [HEAD]
    for i in range(n):
        deps = [f"M-{(i + 1) % n}", *(f"M-{j}" for j in range(extra_deps) if j != i)]
        listed = ", ".join(f'"{d}"' for d in dict.fromkeys(deps))
        out.append(
            f'[[measures]]\nid = "M-{i}"\ntitle = "t"\nfield = "VW"\nstatus = "planned"\n'
            f"depends_on = [{listed}]\n"
        )
    return "".join(out)


def owners_plan(n: int) -> str:
    return HEAD + "".join(f'[[owners]]\nid = "O{i}"\nname = "Owner {i}"\n' for i in range(n))


def dotted_key_plan(parts: int) -> str:
    return HEAD + "[" + ".".join(["a"] * parts) + "]\nx = 1\n"


def nested_headers_plan(depth: int) -> str:
    return HEAD + "".join("[[" + ".".join(["a"] * d) + "]]\n" for d in range(1, depth + 1))


def banded_csv(rows: int) -> str:
    """A CSV with an id column and a band row heading every nine measures ("3 | Feld 3" above
    3.1 … 3.9): the old look-ahead sliced the rest of the body at every row of it."""
    lines = ["Nr.;Handlungsfeld;Maßnahme;Frist"]
    for i in range(rows):
        band, n = divmod(i, 10)
        lines.append(f"{band};;Feld {band};" if n == 0 else f"{band}.{n};;M {i};2026-12-31")
    return "\n".join(lines) + "\n"


def unclosed_quote_csv(at: int = 2, rows: int = 6, column: int = 1) -> str:
    lines = ["Handlungsfeld;Maßnahme;Frist;Status"]
    for i in range(1, rows + 1):
        cells = ["Verwaltung", f"Maßnahme {i}", "2026-12-31", "geplant"]
        if i == at:
            cells[column] = '"' + cells[column]
        lines.append(";".join(cells))
    return "\n".join(lines) + "\n"


def strings_bomb(path: Path, strings: int, *, declared: int | None = None) -> Path:
    """A workbook whose shared strings part holds `strings` tiny strings (compresses ~1:500)."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    body = "<si><t>x</t></si>" * strings
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{strings}" uniqueCount="{strings}">{body}</sst>'
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


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
