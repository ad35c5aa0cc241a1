"""`massnahmen update`: the history grows, current values change in place, the rest stays."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from tests.conftest import run
from tests.editing import PLAN, UPDATE_VW01, after_update_of_vw01, write_plan

# These pin the English wording; the German one is pinned in tests/test_german.py.
pytestmark = pytest.mark.usefixtures("english")


def test_update_changes_only_the_progress_line_and_appends_the_update(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, *UPDATE_VW01)
    assert result.code == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == after_update_of_vw01()
    assert result.stdout == (f"{plan}: updated VW-01: progress 60, update of 2026-01-15 recorded\n")


def test_date_defaults_to_today(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("update", plan, "VW-02", "--note", "Angebot liegt vor.").code == 0
    updates = tomllib.loads(plan.read_text())["measures"][1]["updates"]
    assert updates == [{"date": dt.date.today(), "note": "Angebot liegt vor."}]


def test_done_implies_progress_100(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("update", plan, "VW-01", "--status", "done", "--date", "2026-01-15").code == 0
    measure = tomllib.loads(plan.read_text())["measures"][0]
    assert (measure["status"], measure["progress"]) == ("done", 100)
    assert measure["updates"][-1] == {
        "date": dt.date(2026, 1, 15),
        "status": "done",
        "progress": 100,
    }


def test_progress_on_a_planned_measure_starts_it(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("update", plan, "VW-02", "--progress", "10", "--date", "2026-01-15").code == 0
    measure = tomllib.loads(plan.read_text())["measures"][1]
    assert (measure["status"], measure["progress"]) == ("in_progress", 10)
    assert 'status = "in_progress"\nprogress = 10\ndepends_on' in plan.read_text()


def test_deadline_move_goes_into_the_update_and_keeps_the_adopted_one(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    args = ("--deadline", "2027-Q2", "--note", "Lieferverzug", "--date", "2026-01-15")
    assert run("update", plan, "VW-01", *args).code == 0
    measure = tomllib.loads(plan.read_text())["measures"][0]
    assert measure["deadline"] == dt.date(2026, 12, 31)
    assert measure["updates"][-1]["deadline"] == "2027-Q2"
    assert "deadline = 2026-12-31   # beschlossen im Rat\n" in plan.read_text()


def test_deadline_move_without_note_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, "VW-01", "--deadline", "2027-06-30")
    assert result.code == 1
    assert "moving the deadline needs a reason" in result.stderr and "--note" in result.stderr
    assert plan.read_text() == PLAN


def test_plain_keys_change_in_place_without_an_update(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, "VW-02", "--owner", "FB1", "--title", "Digitaler Posteingang")
    assert result.code == 0, result.stderr
    expected = PLAN.replace(
        'title = "Posteingang"\nfield = "VW"\nowner = "IT"',
        'title = "Digitaler Posteingang"\nfield = "VW"\nowner = "FB1"',
    )
    assert plan.read_text() == expected


def test_a_missing_key_is_added_where_the_format_puts_it(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("update", plan, "BI-01", "--priority", "high").code == 0
    assert 'owner = "IT"\npriority = "high"\ndeadline = "2026-Q4"' in plan.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("VW-01", "--owner", "FB9"), 'E103 measure VW-01: unknown owner "FB9"'),
        (("VW-01", "--progress", "50", "--date", "2024-01-01"), "E108 measure VW-01"),
        (("VW-01", "--status", "done", "--progress", "80"), "E107 measure VW-01"),
    ],
)
def test_edit_that_breaks_the_plan_is_refused(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, *args)
    assert result.code == 1 and message in result.stderr
    assert result.stderr.endswith("the edit would make the plan invalid; nothing was written\n")
    assert plan.read_text() == PLAN


def test_refused_findings_name_no_line_of_the_unwritten_text(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, "VW-01", "--owner", "FB9")
    assert result.stderr.splitlines()[0].startswith(f"{plan}: E103 ")


def test_unknown_measure_exits_2_with_a_hint(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, "VW-1", "--note", "x")
    assert result.code == 2
    assert result.stderr == f'massnahmen: {plan}: no measure VW-1 (did you mean "VW-01"?)\n'


def test_nothing_to_update_is_a_usage_error(tmp_path: Path) -> None:
    result = run("update", write_plan(tmp_path), "VW-01", "--date", "2026-01-15")
    assert result.code == 2 and "nothing to update" in result.stderr


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    result = run("update", write_plan(tmp_path), "VW-01", "--note", "x", "--date", "31.13.2026")
    assert result.code == 2 and "not a date" in result.stderr and "31.12.2027" in result.stderr


def test_progress_beyond_100_is_a_usage_error_naming_the_range(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, "VW-01", "--progress", "120")
    assert result.code == 2 and "between 0 and 100" in result.stderr
    assert plan.read_text() == PLAN


def test_missing_plan_exits_2(tmp_path: Path) -> None:
    result = run("update", tmp_path / "nope.toml", "VW-01", "--note", "x")
    assert (
        result.code == 2
        and result.stderr == f"massnahmen: {tmp_path / 'nope.toml'}: no such file\n"
    )


def test_invalid_plan_is_not_edited(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN.replace("format = 1", "format = 2"))
    result = run("update", plan, "VW-01", "--note", "x")
    assert result.code == 1 and "fix the errors above first" in result.stderr


def test_existing_errors_do_not_block_an_edit_that_adds_none(tmp_path: Path) -> None:
    broken = PLAN.replace('depends_on = ["VW-01"]', 'depends_on = ["VW-09"]')
    plan = write_plan(tmp_path, broken)
    assert run("update", plan, "BI-01", "--note", "Ausschreibung läuft.").code == 0


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("update", plan, *UPDATE_VW01, "--dry-run")
    assert result.code == 0 and plan.read_text() == PLAN
    assert "-progress = 40\n+progress = 60\n" in result.stdout
    assert "+[[measures.updates]]\n+date = 2026-01-15\n" in result.stdout
    assert result.stdout.startswith(f"--- {plan}\n+++ {plan}\n")
    assert "dry run, nothing written" in result.stderr


def test_new_warnings_about_the_measure_are_shown(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run(
        "update",
        plan,
        "VW-01",
        "--deadline",
        "2026-01-31",
        "--note",
        "vorgezogen",
        "--date",
        "2026-01-15",
    )
    assert result.code == 0
    assert "W201 measure VW-01: overdue by" in result.stderr  # the new deadline has passed


def test_warnings_after_an_edit_are_those_check_gives_for_the_written_file(
    example_copy: Path,
) -> None:
    result = run("update", example_copy, "GE-01", "--progress", "85", "--date", "2025-03-18")
    assert result.code == 0 and "W201 measure GE-01" in result.stderr
    checked = run("check", example_copy).stderr.splitlines()
    assert result.stderr.splitlines() == [line for line in checked if "measure GE-01:" in line]


@pytest.mark.parametrize(
    ("as_of", "warned"),
    # moved before its last two milestones (W211); by July late, stale, and still rated yellow
    [("2025-03-18", ["W211", "W211"]), ("2025-07-15", ["W211", "W211", "W213", "W203", "W201"])],
)
def test_as_of_is_the_day_the_edited_plan_is_checked_for(
    example_copy: Path, as_of: str, warned: list[str]
) -> None:
    move = ("--deadline", "2025-06-30", "--note", "verschoben", "--date", "2025-03-10")
    result = run("update", example_copy, "VW-02", *move, "--as-of", as_of)
    assert result.code == 0
    assert [line.split()[1] for line in result.stderr.splitlines()] == warned
    assert all(" measure VW-02: " in line for line in result.stderr.splitlines())


def test_as_of_must_be_a_date(example_copy: Path) -> None:
    before = example_copy.read_bytes()
    result = run("update", example_copy, "VW-02", "--note", "x", "--as-of", "gestern")
    assert result.code == 2 and '"gestern" is not a date' in result.stderr
    assert example_copy.read_bytes() == before
