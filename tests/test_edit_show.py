"""`massnahmen show`: one measure with both deadlines, its light, dependencies and history."""

from __future__ import annotations

import string
from pathlib import Path
from typing import get_args

import pytest

from massnahmen.cli.options import priority_of, status_of
from massnahmen.model import STATUSES
from massnahmen.words import CATALOGUE
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run
from tests.editing import write_plan


def test_show_prints_keys_deadlines_dependencies_and_history() -> None:
    result = run("show", EXAMPLE, "VW-02", "--as-of", EXAMPLE_AS_OF)
    assert result.code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "VW-02 · Einführung der E-Akte in der Kernverwaltung"
    for line in (
        "Status                 in Umsetzung · 55 %",
        "Ampel                  grün",
        "Frist (aktuell)        Q4/2025",
        "Frist (beschlossen)    31.12.2024",
        "Fristverschiebungen    2",
        "Haushaltsmittel        240.000,00 €",
        "Hängt ab von",
        "Voraussetzung für",
        "  VW-03    geplant         Zentraler digitaler Posteingang mit Scanstelle",
        "  20.01.2025  in Umsetzung · 45 % · Frist → Q4/2025",
    ):
        assert line in lines, line
    assert lines.index("Verlauf") > lines.index("Voraussetzung für")


def test_show_in_english_with_the_reason_for_a_red_light() -> None:
    result = run("show", EXAMPLE, "GE-01", "--as-of", EXAMPLE_AS_OF, "--lang", "en")
    assert "Traffic light          red – overdue by 77 days" in result.stdout.splitlines()
    assert "Deadline (current)     2024-12-31" in result.stdout
    assert "Deadline (adopted)     2024-12-31" in result.stdout


def test_closed_measure_has_no_light() -> None:
    result = run("show", EXAMPLE, "VW-01", "--as-of", EXAMPLE_AS_OF)
    assert result.code == 0 and "Ampel" not in result.stdout


def test_the_light_follows_the_as_of_date() -> None:
    before = run("show", EXAMPLE, "GE-01", "--as-of", "2024-06-01").stdout
    assert "Ampel                  grün" in before.splitlines()


def test_measure_without_updates_says_so(tmp_path: Path) -> None:
    result = run("show", write_plan(tmp_path), "BI-01", "--as-of", "2026-01-15")
    assert result.stdout.endswith("Verlauf\n  noch keine Meldung\n")


@pytest.mark.usefixtures("english")
def test_unknown_measure_exits_2_with_a_hint() -> None:
    result = run("show", EXAMPLE, "VW-2")
    assert result.code == 2 and 'no measure VW-2 (did you mean "VW-02"?)' in result.stderr


def test_invalid_plan_exits_1(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text("format = 1\n")
    result = run("show", plan, "VW-01")
    assert result.code == 1 and 'missing key "plan"' in result.stderr


def test_output_fits_100_columns() -> None:
    for measure_id in ("VW-02", "GE-01", "UM-02"):
        stdout = run("show", EXAMPLE, measure_id, "--as-of", EXAMPLE_AS_OF).stdout
        assert max(len(line) for line in stdout.splitlines()) <= 100


def test_every_word_has_both_languages_with_the_same_placeholders() -> None:
    for key, (german, english) in CATALOGUE.items():
        assert german.strip() and english.strip(), key
        assert _placeholders(german) == _placeholders(english), key


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_status_and_priority_of_the_model_is_a_word_of_the_options() -> None:
    from massnahmen.model import Priority

    for status in STATUSES:
        assert status_of(status) == status and status_of(status.replace("_", " ")) == status
    for priority in get_args(Priority):
        assert priority_of(priority) == priority


@pytest.mark.usefixtures("english")
def test_every_edit_command_has_help() -> None:
    for command in ("init", "add", "update", "show"):
        result = run(command, "--help")
        assert result.code == 0 and "Usage: massnahmen " + command in result.stdout


def test_control_and_bidi_characters_in_the_plan_are_shown_escaped(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    run("update", plan, "BI-01", "--note", "Angebot \u202eesrever", "--date", "2026-01-15")
    result = run("show", plan, "BI-01", "--as-of", "2026-01-15")
    assert "Angebot \\u202eesrever" in result.stdout and "\u202e" not in result.stdout
