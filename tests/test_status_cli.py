"""`massnahmen status` through the command line: German and English, pipes, changes, exit codes."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, EXAMPLE, EXAMPLE_AS_OF, run

PLAN = DATA / "report" / "plan.toml"
AS_OF = "2024-07-01"


def test_german_report_has_header_totals_fields_and_actions() -> None:
    result = run("status", PLAN, "--as-of", AS_OF)
    assert result.code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "Teststadt digital",
        "Stadt Teststadt · Version 2.0 · beschlossen am 16.01.2024",
        "Stichtag 01.07.2024 · Bericht für Digitalausschuss am 17.09.2024",
    ]
    assert "42 %  (1 von 4 umgesetzt)" in result.stdout
    assert "Ampel: rot 1 · gelb 1 · grün 1 · ohne Frist 0   überfällig 1 · bald fällig 1" in lines
    assert any(line.startswith("VW Verwaltung        2      1       1") for line in lines)
    assert "Handlungsbedarf (2)" in lines


def test_actions_are_sorted_by_deadline_with_owner_and_reason() -> None:
    out = run("status", PLAN, "--as-of", AS_OF).stdout
    actions = out.split("Handlungsbedarf (2)")[1]
    first, second = actions.index("VW-01"), actions.index("BI-01")
    assert first < second
    assert "Fachbereich 1" in actions and "31.05.2024" in actions
    assert "seit 31 Tagen" in actions and "fällig in 9 Tagen" in actions


def test_english_labels_with_lang_en() -> None:
    out = run("status", PLAN, "--as-of", AS_OF, "--lang", "en").stdout
    assert "As of 2024-07-01 · Report for Digitalausschuss on 2024-09-17" in out
    assert "Action needed (2)" in out and "overdue by 31 days" in out
    assert "Handlungsbedarf" not in out


def test_piped_output_is_plain_and_fits_100_columns() -> None:
    out = run("status", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--meeting", "previous").stdout
    assert "\x1b[" not in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert all(line == line.rstrip() for line in out.splitlines())


def test_colour_only_when_forced_or_on_a_terminal() -> None:
    coloured = run("status", PLAN, "--as-of", AS_OF, env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout


def test_no_changes_section_unless_asked() -> None:
    assert "Änderungen seit" not in run("status", PLAN, "--as-of", AS_OF).stdout


def test_changes_since_the_previous_meeting() -> None:
    out = run("status", PLAN, "--as-of", AS_OF, "--meeting", "previous").stdout
    changes = out.split("Änderungen seit HFA am 11.06.2024\n")[1]
    assert changes.startswith("Meldungen: 2 (zu 2 Maßnahmen) · neu aufgenommen: 1")
    assert "Q1/2024 →" in changes and "– → umgesetzt" in changes
    assert "Lernplattform (neu aufgenommen)" in changes


def test_since_a_date_that_is_no_meeting() -> None:
    out = run("status", PLAN, "--as-of", AS_OF, "--since", "2024-06-25").stdout
    assert "Änderungen seit 25.06.2024" in out
    assert "Meldungen: 1 (zu 1 Maßnahmen)" in out


@pytest.mark.usefixtures("english")
def test_since_and_meeting_together_are_a_usage_error() -> None:
    result = run("status", PLAN, "--since", "2024-01-01", "--meeting", "previous")
    assert result.code == 2 and "--since or --meeting" in result.stderr


@pytest.mark.usefixtures("english")
def test_meeting_that_the_plan_does_not_list_exits_2() -> None:
    result = run("status", PLAN, "--as-of", AS_OF, "--meeting", "2024-04-01")
    assert result.code == 2
    assert "no meeting on 2024-04-01 (meetings: 2024-03-05, 2024-06-11, 2024-09-17)" in (
        result.stderr
    )


@pytest.mark.usefixtures("english")
def test_no_previous_meeting_exits_2() -> None:
    minimal = DATA / "valid" / "minimal.toml"
    result = run("status", minimal, "--as-of", "2024-03-05", "--meeting", "previous")
    assert result.code == 2 and "no meeting before 2024-03-05" in result.stderr


def test_invalid_plan_exits_1_with_the_errors() -> None:
    result = run("status", DATA / "invalid" / "e103_unknown_owner.toml", "--as-of", AS_OF)
    assert result.code == 1 and result.stdout == ""
    assert "E103" in result.stderr and "invalid plan" in result.stderr


def test_missing_plan_exits_2() -> None:
    result = run("status", DATA / "nowhere.toml")
    assert result.code == 2 and "no such file" in result.stderr


@pytest.mark.usefixtures("english")
def test_status_and_export_have_help() -> None:
    for command in ("status", "export"):
        result = run(command, "--help")
        assert result.code == 0 and "--meeting" in result.stdout and "--lang" in result.stdout
    assert "FILE.xlsx" in run("export", "-h").stdout


def test_language_is_chosen_anywhere_on_the_line_or_by_the_environment() -> None:
    german = run("status", EXAMPLE, "--as-of", "2025-03-18")
    english = run("--lang", "en", "status", EXAMPLE, "--as-of", "2025-03-18")
    after = run("status", EXAMPLE, "--as-of", "2025-03-18", "--lang=en")
    by_env = run("status", EXAMPLE, "--as-of", "2025-03-18", env={"MASSNAHMEN_LANG": "en"})
    assert "Stichtag 18.03.2025" in german.stdout
    assert english.stdout == after.stdout == by_env.stdout
    assert "As of 2025-03-18" in english.stdout


def test_an_unknown_language_is_refused_naming_the_two() -> None:
    result = run("--lang", "fr", "status", EXAMPLE)
    assert result.code == 2 and "de" in result.stderr and "en" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("columns", ["100", "140"])  # 80: the count columns alone are wider
def test_names_wrap_under_their_own_column_and_ids_stay_whole(columns: str) -> None:
    env = {"COLUMNS": columns}
    lines = run("status", EXAMPLE, "--as-of", EXAMPLE_AS_OF, env=env).stdout.splitlines()
    fields = lines[lines.index("Handlungsfelder") + 3 : lines.index("Handlungsfelder") + 20]
    at = next(n for n, line in enumerate(fields) if line.startswith("GE "))
    if not fields[at].rstrip().endswith("Soziales"):  # wrapped: the rest under the name
        assert fields[at + 1].strip() == "Soziales" and fields[at + 1].startswith("   Soz")
    assert all(len(line) <= int(columns) for line in lines)
    by = run("status", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "--by", "owner", env=env).stdout
    owners = by.splitlines()
    assert all(len(line) <= int(columns) for line in owners)
    assert any(line.startswith("  FD-SCHUL ") for line in owners)  # a sub-unit's id, uncut
