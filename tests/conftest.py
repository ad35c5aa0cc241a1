"""Shared test helpers: one CLI runner with stdout and stderr apart, paths to the examples."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from massnahmen.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "musterdorf.toml"
EXAMPLE_AS_OF = "2025-03-18"
DATA = Path(__file__).resolve().parent / "data"
# Real measure plans that nobody on this project wrote, with their source and licence.
REALDATA = ROOT / "examples" / "realdata"


@dataclass(frozen=True)
class Result:
    code: int
    stdout: str
    stderr: str


def run(
    *args: str | Path,
    env: dict[str, str] | None = None,
    input: str | None = None,
    cwd: Path | None = None,
) -> Result:
    """Runs `massnahmen ARGS` in-process (in the folder `cwd` if given); stdout and stderr
    apart, no colour."""
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})
    with runner.isolation(input=input) as (stdout, stderr, _), _inside(cwd):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        out, err = stdout.getvalue(), stderr.getvalue()
    return Result(code, out.decode(), err.decode())


@contextlib.contextmanager
def _inside(folder: Path | None) -> Iterator[None]:
    if folder is None:
        yield
        return
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A private copy of the example plan that a test may edit."""
    copy = tmp_path / "plan.toml"
    copy.write_bytes(EXAMPLE.read_bytes())
    return copy


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After a fuzz run, the number of inputs tried per target."""
    from tests.fuzzing import FUZZ_SECONDS, TRIED

    if TRIED and FUZZ_SECONDS:
        terminalreporter.section("inputs tried per fuzz target")
        for target, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{count:>9,}  {target}")


@pytest.fixture(autouse=True)
def _german_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in the default language, whatever the developer's shell says."""
    monkeypatch.delenv("MASSNAHMEN_LANG", raising=False)


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tool speaks English in this test, as with MASSNAHMEN_LANG=en."""
    monkeypatch.setenv("MASSNAHMEN_LANG", "en")
