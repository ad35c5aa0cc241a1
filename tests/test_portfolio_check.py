"""`massnahmen check` on several plans: each on its own, file names kept, the worst exit code."""

from __future__ import annotations

import datetime as dt
import json
from functools import partial
from pathlib import Path

import pytest

from massnahmen.run.parallel import map_plans
from massnahmen.run.plans import Reading, read_plan
from tests.conftest import DATA, run

PORTFOLIO = DATA / "portfolio"
AS_OF = "2025-03-18"
PLANS = [PORTFOLIO / name for name in ("adorf.toml", "bedorf.toml", "cedorf.toml")]


@pytest.mark.usefixtures("english")
def test_folder_checks_each_plan_with_its_own_file_names() -> None:
    result = run("check", PORTFOLIO, "--as-of", AS_OF)
    assert result.code == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{PLANS[0]}:42:1: W201 measure VW-02: overdue by 46 days (deadline 2025-01-31)",
        f"{PLANS[0]}: valid, 0 errors, 1 warning (as of {AS_OF})",
        f"{PLANS[1]}:68:1: W201 measure BIL-01: overdue by 77 days (deadline 2024-12-31)",
        f"{PLANS[1]}: valid, 0 errors, 1 warning (as of {AS_OF})",
        f'{PLANS[2]}:21:1: E103 measure V-01: unknown owner "FB1"',
        f'{PLANS[2]}:28:1: E102 measure V-02: unknown field "VW" (did you mean "V"?)',
        f"{PLANS[2]}: invalid, 2 errors, 0 warnings (as of {AS_OF})",
        f"3 plans: 2 valid, 1 invalid; 2 errors, 2 warnings (as of {AS_OF})",
    ]


@pytest.mark.usefixtures("english")
def test_owners_and_fields_of_one_plan_do_not_count_in_another() -> None:
    # cedorf names owner FB1 and field VW, which only adorf defines
    result = run("check", PLANS[0], PLANS[2], "--as-of", AS_OF, "--select", "E")
    assert 'E103 measure V-01: unknown owner "FB1"' in result.stderr
    assert 'E102 measure V-02: unknown field "VW"' in result.stderr


def test_json_for_several_plans_wraps_the_single_plan_objects() -> None:
    result = run("check", PORTFOLIO, "--as-of", AS_OF, "-f", "json")
    document = json.loads(result.stdout)
    assert list(document) == ["as_of", "valid", "counts", "plans"]
    assert document["valid"] is False and document["counts"] == {"error": 2, "warning": 2}
    single = json.loads(run("check", PLANS[1], "--as-of", AS_OF, "-f", "json").stdout)
    assert document["plans"][1] == single
    assert [p["plan"] for p in document["plans"]] == [str(p) for p in PLANS]


def test_exit_code_is_the_worst_of_the_plans(tmp_path: Path) -> None:
    assert run("check", PLANS[0], PLANS[1], "--as-of", AS_OF).code == 0
    assert run("check", PLANS[0], PLANS[2], "--as-of", AS_OF).code == 1
    assert run("check", *PLANS[:2], "--as-of", AS_OF, "--fail-on", "warning").code == 1
    missing = run("check", PLANS[2], tmp_path / "nope.toml", "--as-of", AS_OF)
    assert missing.code == 2
    assert f"massnahmen: {tmp_path / 'nope.toml'}: no such file" in missing.stderr


def test_unreadable_plan_is_named_in_json(tmp_path: Path) -> None:
    result = run("check", PLANS[0], tmp_path / "nope.toml", "--as-of", AS_OF, "-f", "json")
    last = json.loads(result.stdout)["plans"][-1]
    assert last == {"plan": str(tmp_path / "nope.toml"), "failure": f"{last['plan']}: no such file"}
    assert result.code == 2


def test_folder_leaves_out_hidden_files_tool_configuration_and_subfolders(tmp_path: Path) -> None:
    for name in ("b.toml", "a.toml", ".taplo.toml", "pyproject.toml", "notes.txt", "sub/c.toml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(PLANS[0].read_bytes())
    result = run("check", tmp_path, tmp_path / "a.toml", "--as-of", AS_OF, "-f", "json")
    plans = [p["plan"] for p in json.loads(result.stdout)["plans"]]
    assert plans == [str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]


def test_worker_processes_give_the_same_findings_as_one_process() -> None:
    check = partial(read_plan, reading=Reading(dt.date.fromisoformat(AS_OF), "checked"))
    assert list(map_plans(check, PLANS, jobs=2)) == list(map_plans(check, PLANS, jobs=1))
