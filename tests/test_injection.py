"""Plan text that looks like a formula never becomes one: in the workbook, the portfolio workbook
and the CSV of `list`, as openpyxl reads them and as LibreOffice opens them."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from openpyxl import load_workbook

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(1;1)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://example.invalid";"klick")',
    "=cmd|' /C calc'!A0",
    "=1+1 & &P &N &A",  # & codes, had they reached a page header unescaped
]
TEXT_KEYS = {"title", "authority", "version", "adopted_by", "committee", "note", "name", "goal"}
TEXT_KEYS |= {"description", "funding", "decision", "indicator", "notes"}
# An e-mail address must be one (E002): these are, and a spreadsheet would read them as formulas.
EMAILS = itertools.cycle(["=1+1@musterdorf.de", "+1@musterdorf.de", "-1@musterdorf.de"])
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="soffice missing; .ci/run installs it")


def hostile_plan(folder: Path) -> Path:
    """The example with every text, tag included, replaced by a formula in turn."""
    cycle = itertools.cycle(FORMULAS)

    def walk(value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and (key in TEXT_KEYS or key == "tags"):
            return next(cycle)
        if key == "email":
            return next(EMAILS)
        return value

    data = walk(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")), "")
    plan = folder / "plan.toml"
    plan.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert run("check", plan, "--as-of", EXAMPLE_AS_OF).code == 0
    return plan


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The workbook, the portfolio workbook and the CSV of a plan full of formulas."""
    folder = tmp_path_factory.mktemp("injection")
    plan = hostile_plan(folder)
    other = folder / "other.toml"  # another title: plan titles head the portfolio's columns
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    data["plan"]["title"] = "=SUM(1;1)\x01"  # a control character XML cannot hold, too
    other.write_text(tomli_w.dumps(data), encoding="utf-8")
    files = {
        "workbook": folder / "bericht.xlsx",
        "portfolio": folder / "vergleich.xlsx",
        "csv": folder / "liste.csv",
    }
    day = ["--as-of", EXAMPLE_AS_OF]
    assert run("export", plan, *day, "--since", "2023-01-01", "-o", files["workbook"]).code == 0
    assert run("export", plan, other, "--portfolio", *day, "-o", files["portfolio"]).code == 0
    listed = run("list", plan, *day, "-f", "csv")
    assert listed.code == 0
    files["csv"].write_text(listed.stdout, encoding="utf-8")
    return files


@pytest.mark.parametrize("name", ["workbook", "portfolio"])
def test_no_cell_of_the_workbook_is_a_formula(outputs: dict[str, Path], name: str) -> None:
    book = load_workbook(outputs[name])
    risky = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(tuple("=+-@\t\r")):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate, cell.value)
                    risky += 1
    assert risky > (50 if name == "workbook" else 10)  # the plan's texts are there, as text


def test_page_headers_show_ampersands_literally(outputs: dict[str, Path]) -> None:
    book = load_workbook(outputs["workbook"])
    for sheet in book.worksheets:
        header = sheet.oddHeader
        texts = [header.left.text or "", header.center.text or "", header.right.text or ""]
        for text in texts:  # each & is doubled: none starts a code such as &P (page number)
            assert re.fullmatch(r"(?:[^&]|&&)*", text), text


def test_document_properties_are_plain_text(outputs: dict[str, Path]) -> None:
    with zipfile.ZipFile(outputs["workbook"]) as archive:
        core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>=1+1</dc:title>" in core or "<dc:title>" in core
    book = load_workbook(outputs["workbook"])
    assert book.properties.title in FORMULAS
    assert book.properties.creator in FORMULAS


def test_csv_cells_start_with_an_apostrophe(outputs: dict[str, Path]) -> None:
    text = outputs["csv"].read_text(encoding="utf-8-sig")
    import csv

    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell == "'=1+1" for cell in cells)
    assert not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [c for c in cells if c.startswith("-") and not re.fullmatch(r"-[\d.,]+", c)]


def _as_ods(files: list[Path], folder: Path, infilter: str | None = None) -> list[str]:
    """Each file opened by LibreOffice and saved as ODS: the content.xml of each."""
    assert SOFFICE is not None
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless"]
    if infilter:
        command.append(f"--infilter={infilter}")
    command += ["--convert-to", "ods", "--outdir", str(folder), *map(str, files)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    contents = []
    for file in files:
        with zipfile.ZipFile(folder / (file.stem + ".ods")) as archive:
            contents.append(archive.read("content.xml").decode())
    return contents


def _strings(content: str) -> list[str]:
    return re.findall(r"<text:p>([^<]*)</text:p>", content)


@needs_soffice
def test_libreoffice_evaluates_no_cell_of_the_workbooks(
    outputs: dict[str, Path], tmp_path: Path
) -> None:
    for content in _as_ods([outputs["workbook"], outputs["portfolio"]], tmp_path):
        assert "table:formula" not in content  # LibreOffice saw no formula to keep
        assert "<text:a " not in content  # and no link: HYPERLINK stayed text
    workbook = _as_ods([outputs["workbook"]], tmp_path / "again")[0]
    assert "=1+1" in _strings(workbook)  # the text itself, not its value 2
    assert "=HYPERLINK(&quot;http://example.invalid&quot;;&quot;klick&quot;)" in _strings(workbook)


@needs_soffice
def test_libreoffice_evaluates_no_cell_of_the_csv(outputs: dict[str, Path], tmp_path: Path) -> None:
    # Opened as German Excel users open it: `;`, UTF-8, and formulas evaluated where found.
    content = _as_ods([outputs["csv"]], tmp_path, infilter="CSV:59,34,76,1")[0]
    assert "table:formula" not in content
    assert "&apos;=1+1" in _strings(content)


@needs_soffice
def test_the_check_itself_would_see_a_formula(tmp_path: Path) -> None:
    """The same CSV without the apostrophes does evaluate: the test above can fail."""
    raw = tmp_path / "raw.csv"
    raw.write_text("a;b\n=1+1;x\n", encoding="utf-8")
    content = _as_ods([raw], tmp_path, infilter="CSV:59,34,76,1")[0]
    assert "table:formula" in content


def test_page_headers_stay_within_excels_limit(tmp_path: Path) -> None:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["plan"]["title"] = "&" * 300 + "\x01"
    data["plan"]["authority"] = "&P" * 100
    plan, workbook = tmp_path / "plan.toml", tmp_path / "bericht.xlsx"
    plan.write_text(tomli_w.dumps(data), encoding="utf-8")
    assert run("export", plan, "--as-of", EXAMPLE_AS_OF, "-o", workbook).code == 0
    for sheet in load_workbook(workbook).worksheets:
        header = sheet.oddHeader
        text = "".join(p.text or "" for p in (header.left, header.center, header.right))
        assert len(text) <= 200 and "\x01" not in text
        assert re.fullmatch(r"(?:[^&]|&&)*", text)
