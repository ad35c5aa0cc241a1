"""`status --portfolio` and `export --portfolio` on a folder of three plans (one invalid)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.conftest import DATA, run

PORTFOLIO = DATA / "portfolio"
AS_OF = "2025-03-18"


def test_status_portfolio_compares_plans_and_fields_by_name() -> None:
    result = run("status", "--portfolio", PORTFOLIO, "--as-of", AS_OF, "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0] == "Measure plans compared – As of 2025-03-18"
    assert lines[3].split() == ["Gemeinde", "Adorf", "4", "3", "1", "1", "1", "0", "2", "50", "%"]
    assert lines[4].split()[:4] == ["Stadt", "Bedorf", "5", "3"]
    assert lines[5].startswith("cedorf.toml") and "invalid plan: 2 errors" in lines[5]
    bildung = lines.index("Bildung")
    assert lines[bildung + 1].split()[:3] == ["Gemeinde", "Adorf", "2"]
    assert lines[bildung + 2].split()[:3] == ["Stadt", "Bedorf", "1"]


@pytest.mark.usefixtures("english")
def test_status_portfolio_names_the_errors_of_the_invalid_plan_and_exits_1() -> None:
    result = run("status", "--portfolio", PORTFOLIO, "--as-of", AS_OF)
    assert result.code == 1
    assert 'cedorf.toml:21:1: E103 measure V-01: unknown owner "FB1"' in result.stderr


def test_status_of_several_plans_shows_each_in_turn() -> None:
    plans = [PORTFOLIO / "adorf.toml", PORTFOLIO / "bedorf.toml"]
    result = run("status", *plans, "--as-of", AS_OF)
    assert result.code == 0
    assert "Gemeinde Adorf" in result.stdout and "Stadt Bedorf" in result.stdout


def test_export_portfolio_writes_plans_fields_and_progress_side_by_side(tmp_path: Path) -> None:
    out = tmp_path / "county.xlsx"
    result = run("export", "--portfolio", PORTFOLIO, "-o", out, "--as-of", AS_OF)
    assert result.code == 1 and "2 von 3 Plänen verglichen" in result.stderr
    book = openpyxl.load_workbook(out)
    plans = [row[:3] for row in book.worksheets[0].iter_rows(min_row=3, values_only=True)]
    assert [p[0] for p in plans] == ["Gemeinde Adorf", "Stadt Bedorf", "cedorf.toml"]
    matrix = list(book.worksheets[2].iter_rows(min_row=2, values_only=True))
    assert matrix == [
        ("Handlungsfeld", "Gemeinde Adorf", "Stadt Bedorf"),
        ("Verwaltung", 80, 85),
        ("Bildung", 20, 30),
        ("Wirtschaft", None, 20),
    ]


def test_export_of_several_plans_needs_portfolio(tmp_path: Path) -> None:
    result = run("export", PORTFOLIO, "-o", tmp_path / "x.xlsx", "--as-of", AS_OF)
    assert result.code == 2 and "--portfolio" in result.stderr
