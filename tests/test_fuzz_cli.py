"""Fuzzing every command through the CLI runner: a traceback fails the test (the runner does not
catch exceptions), and so does a hang, an exit code outside 0–2, or an exit 2 that is not one
line."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from massnahmen.checks import check_plan
from massnahmen.load import load_plan
from tests.conftest import EXAMPLE, Result, run
from tests.fuzzing import (
    TRIED,
    Styler,
    assert_terminal_safe,
    fuzz_settings,
    hostile_plans,
    hostile_text,
    keep_fuzzing,
    plan_mutations,
    styles,
    time_limit,
)

DAY = dt.date(2025, 3, 18)
NOTE = "=1+1 \u202e&P \x1b[31m\u0301"
AS_OF = st.sampled_from(["0001-01-01", "9999-12-31", "2025-03-18", "1970-01-01", "2024-02-29"])
_LOCATED = re.compile(r"^[^:]+:\d+:\d+: [EW]\d{3}[ :]")
Args = Callable[[Path, Path, str], list[Any]]
COMMANDS: dict[str, Args] = {
    "check": lambda plan, out, day: ["check", plan, "--as-of", day],
    "check json": lambda plan, out, day: ["check", plan, "--as-of", day, "-f", "json"],
    "list": lambda plan, out, day: ["list", plan, "--as-of", day, "--sort", "deadline"],
    "list csv": lambda plan, out, day: ["list", plan, "--as-of", day, "-f", "csv"],
    "list json": lambda plan, out, day: ["list", plan, "--as-of", day, "-f", "json", "--overdue"],
    "remind": lambda plan, out, day: ["remind", plan, "--as-of", day, "-f", "markdown"],
    "remind out-dir": lambda plan, out, day: ["remind", plan, "--as-of", day, "--out-dir", out],
    "diff": lambda plan, out, day: ["diff", EXAMPLE, plan, "--as-of", day, "-f", "json"],
    "diff back": lambda plan, out, day: ["diff", plan, EXAMPLE, "--as-of", day],
    "status": lambda plan, out, day: ["status", plan, "--as-of", day],
    "status since": lambda plan, out, day: [
        "status",
        plan,
        "--as-of",
        day,
        "--since",
        "2024-01-01",
    ],
    "status portfolio": lambda plan, out, day: ["status", plan, EXAMPLE, "--portfolio"],
    "export": lambda plan, out, day: ["export", plan, "--as-of", day, "-o", out / "b.xlsx"],
    "publish": lambda plan, out, day: ["publish", plan, "--as-of", day, "-o", out / "site"],
    "show": lambda plan, out, day: ["show", plan, "VW-01", "--as-of", day],
    "update": lambda plan, out, day: ["update", plan, "VW-02", "--note", NOTE, "--date", day],
    "add": lambda plan, out, day: [
        *("add", plan, "--field", "VW", "--owner", "FB1", "--deadline", "2026-Q2"),
        *("--title", NOTE, "--tag", "=1+1"),
    ],
}
EDITS = ("update", "add")


def assert_clean(result: Result, command: str) -> None:
    """Exit 0, 1 or 2; findings located; exit 2 says one line; JSON output parses; nothing on
    stdout or stderr that a terminal would act on (the terminal target)."""
    assert result.code in (0, 1, 2), result
    assert_terminal_safe(result.stdout, f"{command}: stdout", csv="csv" in command)
    assert_terminal_safe(result.stderr, f"{command}: stderr")
    if result.code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("massnahmen: "), result.stderr
        return
    refused_edit = command in EDITS and result.code == 1  # its findings are about a text
    for line in result.stderr.splitlines():  # that was never written: they have no line
        if re.match(r"^\S+\.toml:[^ ]* [EW]\d{3}", line) and not refused_edit:
            assert _LOCATED.match(line), line
    if "json" in command and result.code in (0, 1) and result.stdout:
        json.loads(result.stdout)


def run_command(command: str, plan: Path, tmp_path: Path, day: str) -> None:
    TRIED[f"cli: {command}"] += 1
    out = tmp_path / "out"
    before = plan.read_bytes()
    with time_limit():
        result = run(*COMMANDS[command](plan, out, day))
    assert_clean(result, command)
    if command == "export" and result.code == 0:
        load_workbook(out / "b.xlsx", read_only=True).close()  # a workbook that opens
    if command == "publish" and result.code == 0:  # hostile text stays text
        for page in (out / "site").rglob("*.html"):
            assert "<script" not in page.read_text(encoding="utf-8"), page
    if command in EDITS and result.code == 0:  # an edit adds no error
        after = load_plan(plan)
        assert after.plan is not None, (after.diagnostics, before)
        errors = {(d.code, d.subject) for d in check_plan(after, DAY) if d.severity == "error"}
        plan.write_bytes(before)
        known = {(d.code, d.subject) for d in check_plan(load_plan(plan), DAY)}
        assert errors <= known, (errors - known, before)


# Plans as documents: hostile values in a valid plan, and the example broken (a batch of each).
PLAN_SOURCES = {"hostile but valid": (hostile_plans, 25), "broken": (plan_mutations, 15)}


@pytest.mark.parametrize("source", PLAN_SOURCES)
@pytest.mark.parametrize("command", COMMANDS)
def test_commands_on_generated_plans(command: str, source: str, tmp_path: Path) -> None:
    documents, examples = PLAN_SOURCES[source]

    @given(documents(), styles, AS_OF)
    @fuzz_settings(examples)
    def batch(document: dict[str, Any], style: int, day: str) -> None:
        plan = tmp_path / "plan.toml"
        plan.write_text(Styler(style).document(document), encoding="utf-8")
        run_command(command, plan, tmp_path, day)

    keep_fuzzing(batch)


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_on_random_bytes(command: str, tmp_path: Path) -> None:
    @given(st.binary(max_size=200), AS_OF)
    @fuzz_settings(15)
    def batch(raw: bytes, day: str) -> None:
        plan = tmp_path / "plan.toml"
        plan.write_bytes(raw)
        run_command(command, plan, tmp_path, day)

    keep_fuzzing(batch)


# File names of a plans folder reach the summary lines: hostile names (any bytes but `/` and
# NUL, undecodable ones too) beside a valid and an invalid plan.
FOLDER_COMMANDS = ["check", "status", "list", "remind", "show"]
file_name_bytes = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)


@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_commands_on_a_folder_of_hostile_file_names(command: str, tmp_path: Path) -> None:
    import os

    @given(st.lists(file_name_bytes, min_size=1, max_size=3), hostile_text)
    @fuzz_settings(15)
    def batch(names: list[bytes], title: str) -> None:
        TRIED[f"cli names: {command}"] += 1
        folder = tmp_path / "plans"
        if folder.exists():
            for entry in os.scandir(os.fsencode(folder)):
                os.unlink(entry.path)
        else:
            folder.mkdir()
        base = os.fsencode(folder) + b"/"
        for n, name in enumerate(names):
            text = EXAMPLE.read_text(encoding="utf-8") if n == 0 else "format = 1\n[plan]\n"
            if n == 1:
                text += f"title = {json.dumps(title)}\n"
            with open(base + name[:200] + f"-{n}.toml".encode(), "w", encoding="utf-8") as f:
                f.write(text)
        extra = ["VW-01"] if command == "show" else []
        with time_limit():
            result = run(command, folder, *extra, "--as-of", "2025-03-18")
        assert result.code in (0, 1, 2), result
        assert_terminal_safe(result.stdout + result.stderr, command)

    keep_fuzzing(batch)
