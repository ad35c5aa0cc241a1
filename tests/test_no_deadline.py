"""Issue 14, item 2: an open measure without a deadline has no light ("ohne Frist", grey), never
green, and is counted apart in status, list, JSON and the workbook."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import DATA, run

AS_OF = ("--as-of", "2024-07-01")
# Measures of the report plan: red 1 · yellow 1 · green 1; this one has no deadline at all.
NO_DEADLINE = """
[[measures]]
id = "VW-09"
title = "Digitale Poststelle"
field = "VW"
owner = "FB2"
status = "in_progress"
progress = 10
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text((DATA / "report" / "plan.toml").read_text() + NO_DEADLINE, encoding="utf-8")
    return path


def test_status_counts_it_apart_not_green(plan: Path) -> None:
    lines = run("status", plan, *AS_OF).stdout.splitlines()
    assert "Ampel: rot 1 · gelb 1 · grün 1 · ohne Frist 1   überfällig 1 · bald fällig 1" in lines


def test_status_in_english(plan: Path, english: None) -> None:
    assert "green 1 · no deadline 1" in run("status", plan, *AS_OF).stdout


def test_list_by_light_finds_it_in_german_and_english(plan: Path) -> None:
    for words in ("ohne Frist", "no deadline"):
        listed = json.loads(run("list", plan, *AS_OF, "--light", words, "-f", "json").stdout)
        assert [(m["id"], m["light"]) for m in listed["measures"]] == [("VW-09", "none")]
    green = json.loads(run("list", plan, *AS_OF, "--light", "grün", "-f", "json").stdout)
    assert "VW-09" not in [m["id"] for m in green["measures"]]


def test_workbook_cell_and_totals_say_ohne_frist(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "bericht.xlsx"
    assert run("export", plan, *AS_OF, "-o", target).code == 0
    book = openpyxl.load_workbook(target)
    rows = [[c for c in row] for row in book["Maßnahmen"].iter_rows(values_only=True)]
    heads = rows[0]
    (row,) = [r for r in rows if r[0] == "VW-09"]
    assert row[heads.index("Ampel")] == "ohne Frist"
    summary = [r for r in book["Übersicht"].iter_rows(values_only=True) if r[0] == "ohne Frist"]
    assert summary and summary[0][1] == 1
