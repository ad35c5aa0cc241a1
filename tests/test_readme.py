"""The README is the front door: what it documents must be true."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from massnahmen.checks import CHECKS
from massnahmen.cli import app
from massnahmen.load import parse_plan
from tests.conftest import EXAMPLE_AS_OF, REALDATA, ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")
SH_BLOCKS = re.findall(r"```sh\n(.*?)```", README, re.S)
COMMANDS = [
    part.strip()
    for block in SH_BLOCKS
    for line in block.splitlines()
    for part in line.split(" && ")
    if part.strip().startswith("massnahmen ")
]
REGISTERED = {command.name or command.callback.__name__ for command in app.registered_commands}  # type: ignore[union-attr]


def test_opens_with_the_install_and_test_commands() -> None:
    first, second = SH_BLOCKS[0].strip(), SH_BLOCKS[1].strip()
    assert "pip install -e ." in first and "massnahmen" in first and EXAMPLE_AS_OF in first
    assert second == "pip install -e '.[test]' && pytest"


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    assert SH_BLOCKS[1].strip() in (ROOT / ".ci" / "run").read_text().splitlines()


def test_check_table_lists_every_registered_code() -> None:
    rows = re.findall(r"^\| ([EW]\d{3}) \| (error|warning) \| (.*) \|$", README, re.M)
    assert rows == [(c.code, c.severity, c.summary) for c in CHECKS.values()]


def test_the_format_example_is_a_valid_plan() -> None:
    example = re.search(r"```toml\n(format = 1.*?)```", README, re.S)
    assert example is not None
    loaded = parse_plan(example.group(1), "README.md")
    assert loaded.plan is not None and loaded.diagnostics == []


def commit_all(repo: Path) -> None:
    """Commits everything in `repo` (made a git repository if it is none) for `diff --rev`."""
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=README", "-c", "user.email=readme@example.org", "commit", "-qm", "."],
    ):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the examples and a `plan.toml` (a copy of the example plan) beside
    a shared/realdata, as the README assumes."""
    repo = tmp_path / "main"
    shutil.copytree(ROOT / "examples", repo / "examples")
    shutil.copy(ROOT / "examples" / "musterdorf.toml", repo / "plan.toml")
    commit_all(repo)
    (tmp_path / "shared").mkdir()
    if REALDATA.exists():
        (tmp_path / "shared" / "realdata").symlink_to(REALDATA)
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize("command", COMMANDS)
def test_documented_command_runs(command: str, sandbox: Path) -> None:
    args = shlex.split(command.split(" > ")[0].split(" | ")[0])[1:]
    if args[0] not in REGISTERED and not args[0].startswith("-"):
        pytest.skip(f"{args[0]} is not a command yet")
    if "../shared/realdata" in command and not REALDATA.exists():
        pytest.skip("shared/realdata is not beside this checkout")
    result = run(*args)
    assert result.code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr


def test_shipped_schema_is_the_generated_one() -> None:
    shipped = (ROOT / "examples" / "plan.schema.json").read_text(encoding="utf-8")
    assert shipped == run("schema").stdout
