"""Every input a fuzzer ever crashed on (tests/data/fuzz/) is replayed on every run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.test_fuzz_cli import COMMANDS, run_command
from tests.test_fuzz_import import assert_import_is_clean

PLANS = sorted((DATA / "fuzz" / "plans").glob("*.toml"))
SOURCES = sorted(p for p in (DATA / "fuzz" / "sources").iterdir() if p.suffix != ".md")


@pytest.mark.parametrize("day", ["0001-01-01", "2025-03-18", "9999-12-31"])
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_plan_that_once_crashed(plan: Path, command: str, day: str, tmp_path: Path) -> None:
    run_command(command, plan, tmp_path, day)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_source_that_once_crashed(source: Path, tmp_path: Path) -> None:
    assert_import_is_clean(source, tmp_path)
