"""LibreOffice opens the example's workbook and prints it: what a council member's office does."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)
def test_libreoffice_prints_the_example_workbook(tmp_path: Path) -> None:
    workbook = tmp_path / "bericht.xlsx"
    assert run("export", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-o", workbook).code == 0
    assert SOFFICE is not None
    profile = (tmp_path / "profile").as_uri()  # its own profile: no clash with a running office
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    done = subprocess.run(
        [*command, "--outdir", str(tmp_path), str(workbook)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf = tmp_path / "bericht.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 6  # every sheet prints, the measures on several pages
