"""`massnahmen add`: the next free id, placed after its field's last measure, checked first."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import run
from tests.editing import PLAN, write_plan

# These pin the English wording; the German one is pinned in tests/test_german.py.
pytestmark = pytest.mark.usefixtures("english")


ADD = ("--title", "Online-Formulare", "--owner", "FB1", "--deadline", "2027-06-30")


def test_add_takes_the_next_id_and_goes_after_the_fields_last_measure(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("add", plan, "--field", "VW", *ADD)
    assert result.code == 0, result.stderr
    assert result.stdout == f"{plan}: added VW-03 to field VW\n"
    new = (
        '\n[[measures]]\nid = "VW-03"\ntitle = "Online-Formulare"\nfield = "VW"\n'
        'owner = "FB1"\ndeadline = 2027-06-30\nstatus = "planned"\n'
    )
    anchor = 'depends_on = ["VW-01"]\n'
    assert plan.read_text() == PLAN.replace(anchor, anchor + new)


def test_id_keeps_the_zero_padding_of_the_field(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN.replace('"VW-01"', '"VW-001"').replace('"VW-02"', '"VW-009"'))
    assert run("add", plan, "--field", "VW", *ADD).stdout.endswith("added VW-010 to field VW\n")


def test_first_measure_of_a_field_is_01_after_the_earlier_fields(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    assert run("add", plan, "--field", "MO", *ADD).code == 0
    measures = tomllib.loads(plan.read_text())["measures"]
    assert [m["id"] for m in measures] == ["VW-01", "VW-02", "BI-01", "MO-01"]


def test_every_option_is_written_in_the_formats_order(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    options = [
        "--id",
        "BI-10",
        "--start",
        "2026-02-01",
        "--priority",
        "high",
        "--depends-on",
        "VW-01,VW-02",
        "--contributor",
        "IT",
        "--budget",
        "12000",
        "--description",
        'Mit "Anführungszeichen"',
        "--tag",
        "OZG",
        "--tag",
        "Schule",
        "--status",
        "in_progress",
    ]
    assert run("add", plan, "--field", "BI", *ADD, *options).code == 0, plan.read_text()
    assert plan.read_text().endswith(
        '[[measures]]\nid = "BI-10"\ntitle = "Online-Formulare"\nfield = "BI"\nowner = "FB1"\n'
        'contributors = ["IT"]\ndescription = "Mit \\"Anführungszeichen\\""\npriority = "high"\n'
        'start = 2026-02-01\ndeadline = 2027-06-30\nstatus = "in_progress"\n'
        'budget_eur = 12000.00\ndepends_on = ["VW-01", "VW-02"]\ntags = ["OZG", "Schule"]\n'
    )


def test_period_deadline_is_written_as_a_string(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    run("add", plan, "--field", "BI", *ADD[:-1], "2027-Q2")
    assert 'deadline = "2027-Q2"\n' in plan.read_text()


def test_unknown_deadline_form_is_refused_naming_the_forms(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("add", plan, "--field", "BI", *ADD[:-1], "irgendwann 2027")
    assert result.code == 2 and "is not a deadline" in result.stderr
    assert "2027-12-31" in result.stderr and "ongoing" in result.stderr
    assert plan.read_text() == PLAN


def test_unknown_owner_field_or_dependency_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run(
        "add",
        plan,
        "--field",
        "XX",
        "--title",
        "T",
        "--owner",
        "FB9",
        "--deadline",
        "2027",
        "--depends-on",
        "VW-99",
    )
    assert result.code == 1
    codes = [line.split()[1] for line in result.stderr.splitlines()[:-1]]
    assert codes == ["E102", "E103", "E104"]
    assert plan.read_text() == PLAN


def test_duplicate_id_is_refused(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("add", plan, "--field", "VW", "--id", "VW-01", *ADD)
    assert result.code == 1 and "E101" in result.stderr and plan.read_text() == PLAN


def test_a_dependency_cycle_is_refused(tmp_path: Path) -> None:
    # VW-01 already waits for a VW-03 that does not exist yet (E104); adding VW-03 so that it
    # depends on VW-01 closes a cycle, a new error
    plan = write_plan(
        tmp_path, PLAN.replace("progress = 40\n\n", 'progress = 40\ndepends_on = ["VW-03"]\n\n', 1)
    )
    before = plan.read_bytes()
    result = run("add", plan, "--field", "VW", *ADD, "--depends-on", "VW-01")
    assert result.code == 1 and "E105" in result.stderr and "E104" not in result.stderr
    assert plan.read_bytes() == before


def test_dry_run_shows_the_new_measure_and_writes_nothing(tmp_path: Path) -> None:
    plan = write_plan(tmp_path)
    result = run("add", plan, "--field", "BI", *ADD, "--dry-run")
    assert result.code == 0 and '+id = "BI-02"\n' in result.stdout
    assert plan.read_text() == PLAN


def test_added_measure_goes_to_the_end_of_a_file_without_newline(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN.rstrip("\n"))
    assert run("add", plan, "--field", "BI", *ADD).code == 0
    assert plan.read_text().startswith(PLAN.rstrip("\n") + '\n\n[[measures]]\nid = "BI-02"\n')


def test_measure_of_an_early_field_goes_before_the_later_fields(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path,
        PLAN.replace('id = "VW"\nname', 'id = "AA"\nname = "A"\n\n[[fields]]\nid = "VW"\nname'),
    )
    assert run("add", plan, "--field", "AA", *ADD).code == 0
    text = plan.read_text()
    assert '\n# --- Verwaltung ---\n\n[[measures]]\nid = "AA-01"\n' in text
    assert 'status = "planned"\n\n[[measures]]\nid = "VW-01"\n' in text
