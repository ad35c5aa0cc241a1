"""docs/jobs.md: its job definitions run as written, in a fresh clone with plan.toml in git."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docs.generate import JOB, ROOT, Block, Clones, blocks, commit_all, run_block

from tests.conftest import EXAMPLE

JOBS = (ROOT / "docs" / "jobs.md").read_text(encoding="utf-8")
DEFINITIONS = [block for block in blocks(JOBS) if block.lang in JOB]
COMMANDS = [command for block in DEFINITIONS for command in block.commands]


def test_shows_cron_the_task_scheduler_ci_and_exit_codes() -> None:
    assert {block.lang for block in DEFINITIONS} == {"crontab", "ps1", "yaml"}
    assert {command.args[0] for command in COMMANDS} >= {"check", "remind", "diff", "export"}
    assert "--fail-on error" in JOBS and "--out-dir" in JOBS
    assert re.search(r"^\| 2 \| could not run", JOBS, re.M)
    assert "schtasks /Create" in JOBS and "Register-ScheduledTask" in JOBS


def test_cron_and_the_task_scheduler_call_the_program_by_its_path() -> None:
    """Neither knows the virtual environment; CI installs into its container's own Python."""
    program = {"crontab": ".venv/bin/", "ps1": ".venv\\Scripts\\", "yaml": ""}
    for block in DEFINITIONS:
        for line in {command.line for command in block.commands}:
            called = re.findall(r"(\S*)massnahmen ", re.sub(r"^\s*-( run:)?", "", line))
            assert set(called) == {program[block.lang]}, line


@pytest.fixture(scope="module")
def clones(tmp_path_factory: pytest.TempPathFactory) -> Clones:
    return Clones(tmp_path_factory.mktemp("jobs"))


def job_folder(clones: Clones) -> Path:
    """A fresh clone with plan.toml (the example plan) in two commits, as a job finds it."""
    folder = clones.new()
    plan = folder / "plan.toml"
    shutil.copy(EXAMPLE, plan)
    commit_all(folder, "Plan")
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    commit_all(folder, "Reviewed")
    return folder


@pytest.mark.parametrize("block", DEFINITIONS, ids=[b.lang for b in DEFINITIONS])
def test_documented_job_runs(block: Block, clones: Clones) -> None:
    folder = job_folder(clones)
    for ran in run_block(block, folder):
        assert "Traceback" not in ran.stderr
        expected = 1 if "--fail-on warning" in ran.command.line else 0  # the plan has warnings
        assert ran.code == expected, (ran.command.line, ran.stderr)
        if "--out-dir erinnerungen" in ran.command.line:
            assert sorted(folder.joinpath("erinnerungen").glob("*.json"))
        if " -o bericht.xlsx" in ran.command.line:
            assert folder.joinpath("bericht.xlsx").stat().st_size > 0
