"""The German officer's working day, end to end through the command line (issue 14): the words
an officer writes go in, German comes out, and the plan is found without being named."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, Result, run

# Words of a programmer's English that the officer must never read in the day's output.
ENGLISH = re.compile(
    r"\b(added|updated|recorded|measure|owner|field|deadline|invalid|error|warning|Usage|"
    r"Options|in_progress|done|planned|Missing|required)\b"
)


def _day(folder: Path) -> list[str]:
    """init, add-field, add-owner, add, update, status, export, remind: what each printed."""
    steps = [
        ("init", "kreisplan.toml", "--authority", "Landkreis Beispiel"),
        ("add-field", "--id", "VW", "--name", "Verwaltung digital"),
        ("add-owner", "--id", "FB1", "--name", "Zentrale Dienste", "--email", "fb1@kreis.de"),
        (
            "add",
            "--field",
            "VW",
            "--title",
            "E-Akte",
            "--owner",
            "FB1",
            "--deadline",
            "31.12.2027",
            "--budget",
            "45.000",
            "--priority",
            "hoch",
            "--as-of",
            "01.12.2026",
        ),
        (
            "update",
            "VW-01",
            "--status",
            "erledigt",
            "--date",
            "02.12.2026",
            "--as-of",
            "02.12.2026",
        ),
        ("status", "--as-of", "03.12.2026"),
        ("export", "--output", "bericht.xlsx", "--as-of", "03.12.2026"),
        ("remind", "--as-of", "03.12.2026"),
    ]
    printed = []
    for step in steps:
        result = run(*step, cwd=folder)
        assert result.code == 0, (step, result.stderr)
        printed.append(result.stdout + result.stderr)
    return printed


def test_a_german_officers_day_works_end_to_end_in_german(tmp_path: Path) -> None:
    printed = _day(tmp_path)
    steps = ("init", "add-field", "add-owner", "add", "update", "status", "export", "remind")
    for step, text in zip(steps, printed, strict=True):
        assert not ENGLISH.search(text), (step, text)
    assert "Handlungsfeld VW angelegt" in printed[1]
    assert "VW-01 im Handlungsfeld VW angelegt" in printed[3]
    assert "Status umgesetzt, Fortschritt 100 %, Sachstand vom 02.12.2026" in printed[4]
    plan = (tmp_path / "kreisplan.toml").read_text()
    assert "deadline = 2027-12-31" in plan and "budget_eur = 45000.00" in plan
    assert 'priority = "high"' in plan and 'status = "done"' in plan
    assert "Stichtag 03.12.2026" in printed[5]
    workbook = openpyxl.load_workbook(tmp_path / "bericht.xlsx")
    assert "Maßnahmen" in workbook.sheetnames


def test_the_same_day_in_english(tmp_path: Path, english: None) -> None:
    printed = _day(tmp_path)
    assert "added field of action VW" in printed[1]
    assert "updated VW-01: status done, progress 100, update of 2026-12-02 recorded" in printed[4]


NEW = ("--field", "VW", "--title", "Neu", "--owner", "IT")


def add_new(plan: Path, *options: str) -> Result:
    """`add` of a measure VW "Neu" of IT to the plan, with these options."""
    return run("add", plan, *NEW, *options)


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("45.000", "45000.00"),
        ("45.000,50 €", "45000.50"),
        ("1.234.567", "1234567.00"),
        ("12.000,00", "12000.00"),
    ],
)
def test_german_amounts_are_read_as_german(example_copy: Path, written: str, stored: str) -> None:
    added = add_new(
        example_copy, "--deadline", "Ende 2027", "--budget", written, "--as-of", EXAMPLE_AS_OF
    )
    assert added.code == 0, added.stderr
    assert f"budget_eur = {stored}" in example_copy.read_text()


@pytest.mark.parametrize("ambiguous", ["1.5", "1,500"])
def test_an_ambiguous_amount_is_refused_with_its_two_readings(
    example_copy: Path, ambiguous: str
) -> None:
    result = add_new(example_copy, "--deadline", "2027", "--budget", ambiguous)
    assert result.code == 2 and "mehrdeutig" in result.stderr
    assert example_copy.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--deadline", "Ende 2028", 'deadline = "2028"'),
        ("--deadline", "3. Quartal 2027", 'deadline = "2027-Q3"'),
        ("--deadline", "2. Hj. 2027", 'deadline = "2027-H2"'),
        ("--deadline", "laufend", 'deadline = "ongoing"'),
        ("--status", "in Umsetzung", 'status = "in_progress"'),
        ("--priority", "niedrig", 'priority = "low"'),
    ],
)
def test_the_officers_words_are_options(
    example_copy: Path, option: str, value: str, expected: str
) -> None:
    given = {"--deadline": "2027", "--status": "geplant", "--priority": "mittel", option: value}
    result = add_new(
        example_copy, *(x for pair in given.items() for x in pair), "--as-of", EXAMPLE_AS_OF
    )
    assert result.code == 0, result.stderr
    assert expected in example_copy.read_text()


def test_a_refused_word_proposes_what_would_have_been_understood() -> None:
    result = run("status", EXAMPLE, "--as-of", "31.13.2025")
    assert result.code == 2 and "„31.13.2025“ ist kein Datum" in result.stderr
    assert "31.12.2027" in result.stderr
    assert run("list", EXAMPLE, "--light", "rot", "--as-of", "18.03.2025").code == 0
    lila = run("list", EXAMPLE, "--light", "lila")
    assert lila.code == 2 and "grün, gelb, rot oder ohne Frist" in lila.stderr


def test_the_plan_is_found_in_its_folder_or_by_the_environment(tmp_path: Path) -> None:
    (tmp_path / "kreisplan.toml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "berlin.mapping.toml").write_text("")  # an import's mapping is not a plan
    found = run("status", "--as-of", EXAMPLE_AS_OF, cwd=tmp_path)
    assert found.code == 0 and "Musterdorf" in found.stdout
    assert run(
        "update", "VW-01", "--progress", "50", "--as-of", EXAMPLE_AS_OF, cwd=tmp_path
    ).code in (0, 1)
    assert run("status", "kreisplan", "--as-of", EXAMPLE_AS_OF, cwd=tmp_path).code == 0
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    none = run("status", cwd=elsewhere)
    assert none.code == 2 and "MASSNAHMEN_PLAN" in none.stderr
    named = run(
        "status",
        "--as-of",
        EXAMPLE_AS_OF,
        cwd=elsewhere,
        env={"MASSNAHMEN_PLAN": str(tmp_path / "kreisplan.toml")},
    )
    assert named.code == 0 and "Musterdorf" in named.stdout
    (elsewhere / "a.toml").write_bytes(EXAMPLE.read_bytes())
    (elsewhere / "b.toml").write_bytes(EXAMPLE.read_bytes())
    two = run("show", "VW-01", cwd=elsewhere)
    assert two.code == 2 and "a.toml, b.toml" in two.stderr


def test_add_missing_several_options_names_them_all_and_unknown_field_names_add_field(
    tmp_path: Path,
) -> None:
    assert run("init", tmp_path / "plan.toml").code == 0
    missing = run("add", "--title", "x", cwd=tmp_path)
    assert missing.code == 2 and "es fehlt --field, --owner, --deadline" in missing.stderr
    unknown = run(
        "add", "--field", "VW", "--title", "x", "--owner", "FB1", "--deadline", "2027", cwd=tmp_path
    )
    assert unknown.code == 1 and "massnahmen add-field --id VW" in unknown.stderr


def test_the_libraries_usage_errors_are_german_too() -> None:
    result = run("status", "--bogus")
    assert result.code == 2
    assert result.stderr.startswith("Aufruf: massnahmen status")
    assert "Fehler: unbekannte Option --bogus" in result.stderr
    english = run("status", "--bogus", "--lang", "en")
    assert "Error: no such option: --bogus" in english.stderr
