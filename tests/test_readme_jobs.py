"""The README's scheduled-jobs examples run as written, in a git repository holding plan.toml."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from massnahmen.cli import app
from tests.conftest import EXAMPLE, ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("<!-- section: scheduled-jobs -->")[1].split("<!-- section:")[0]
BLOCKS = re.findall(r"```(?:sh|yaml)\n(.*?)```", SECTION, re.S)
# `massnahmen ...` where a command starts (line, `&&`, `;`, `|`, a YAML `- ` or `run:`), up to
# the end of that shell command.
_COMMAND = re.compile(r"(?:^|&&|;|\||-|run:)\s*(massnahmen\s[^\n;&|>]*)")
COMMANDS = [
    found.group(1).strip()
    for block in BLOCKS
    for line in block.splitlines()
    for found in _COMMAND.finditer(re.sub(r"(^|\s)#.*$", "", line))
]
REGISTERED = {c.name or c.callback.__name__ for c in app.registered_commands}  # type: ignore[union-attr]


def test_section_shows_cron_ci_and_exit_codes() -> None:
    assert "## Im Alltag / In scheduled jobs" in SECTION
    assert {shlex.split(c)[1] for c in COMMANDS} >= {"check", "remind", "diff", "export"}
    assert "--fail-on error" in SECTION and "--out-dir" in SECTION
    assert re.search(r"^\| 2 \| could not run", SECTION, re.M)


def git(folder: Path, *args: str) -> None:
    identity = ["-c", "user.name=Job", "-c", "user.email=job@example.org"]
    subprocess.run(["git", *identity, *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def job_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """plan.toml (the example plan) in a git repository with two commits, as in CI."""
    plan = tmp_path / "plan.toml"
    shutil.copy(EXAMPLE, plan)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plan.toml")
    git(tmp_path, "commit", "-qm", "Plan")
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# reviewed\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Reviewed")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_job_command_runs(command: str, job_folder: Path) -> None:
    args = shlex.split(command)[1:]
    if args[0] not in REGISTERED:
        pytest.skip(f"{args[0]} is not a command yet")
    result = run(*args)
    assert "Traceback" not in result.stderr
    expected = 1 if "--fail-on warning" in command else 0  # the example plan has warnings
    assert result.code == expected, result.stderr
    if "--out-dir erinnerungen" in command:
        assert sorted(job_folder.joinpath("erinnerungen").glob("*.json"))
    if " -o bericht.xlsx" in command:
        assert job_folder.joinpath("bericht.xlsx").stat().st_size > 0
