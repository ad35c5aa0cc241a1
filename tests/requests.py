"""Helpers of the status request tests: a request of the example plan, answers typed with
openpyxl as an owner types them, a re-save by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import EXAMPLE_AS_OF, run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# FB1's workbook of the example as of EXAMPLE_AS_OF: row 6 VW-02, 7 and 8 its milestones,
# 9 VW-03, 10 VW-06, 11 BU-05.


def requested(plan: Path, folder: Path, *args: str) -> Path:
    """The example's request of FB1 in `folder`."""
    done = run("request", plan, "--out-dir", folder, "--as-of", EXAMPLE_AS_OF, *args)
    assert done.code == 0, done.stderr
    return folder / "FB1.xlsx"


def answer(path: Path, cells: dict[str, object]) -> Path:
    """Types `cells` (F6: "umgesetzt") into the answer sheet and saves."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for where, value in cells.items():
        sheet[where] = value
    book.save(path)
    return path


def collect(plan: Path, *files: Path | str) -> object:
    return run("collect", plan, *files, "--as-of", EXAMPLE_AS_OF)


def resaved(path: Path, folder: Path) -> Path:
    """`path` opened and saved again as .xlsx by LibreOffice, into `folder`."""
    assert SOFFICE is not None
    folder.mkdir(exist_ok=True)
    profile = (folder / "profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx"]
    done = subprocess.run(
        [*command, "--outdir", str(folder), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = folder / path.name
    assert done.returncode == 0 and out.exists(), done.stderr
    return out
