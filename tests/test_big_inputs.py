"""Huge and deep plans in a child process with a memory limit: every command ends in bounded time
and memory with an answer, never a traceback or a hang. The 50 MB string goes through `check`
and `show` on every run; MASSNAHMEN_BIG_MB=50 sends every command through a plan that large."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, EXAMPLE_AS_OF

MEMORY_LIMIT = 3 << 30  # address space of the child: a blow-up fails instead of swapping
SECONDS = 60
ALL_MB = int(os.environ.get("MASSNAHMEN_BIG_MB", "5"))
COMMANDS = {
    "check": ["check", "{plan}", "--as-of", EXAMPLE_AS_OF],
    "show": ["show", "{plan}", "VW-01", "--as-of", EXAMPLE_AS_OF],
    "list": ["list", "{plan}", "--as-of", EXAMPLE_AS_OF],
    "list csv": ["list", "{plan}", "--as-of", EXAMPLE_AS_OF, "-f", "csv"],
    "status": ["status", "{plan}", "--as-of", EXAMPLE_AS_OF],
    "remind": ["remind", "{plan}", "--as-of", EXAMPLE_AS_OF],
    "diff": ["diff", str(EXAMPLE), "{plan}", "--as-of", EXAMPLE_AS_OF],
    "export": ["export", "{plan}", "--as-of", EXAMPLE_AS_OF, "-o", "{folder}/b.xlsx"],
    "update": ["update", "{plan}", "VW-02", "--note", "groß"],
}


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_child(args: list[str], plan: Path) -> tuple[int, str, float, int]:
    """Exit code, stderr, seconds and peak resident memory (bytes) of `massnahmen ARGS`."""
    filled = [a.format(plan=plan, folder=plan.parent) for a in args]
    env = {**os.environ, "NO_COLOR": "1"}
    began = time.monotonic()
    with (plan.parent / "stderr.txt").open("w+b") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "massnahmen", *filled],
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=_limit,
            env=env,
        )
        while True:  # wait4 gives this child's own peak memory
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - began > SECONDS:
                child.kill()
                os.wait4(child.pid, 0)
                pytest.fail(f"{args[0]} did not answer within {SECONDS} s (a hang)")
            time.sleep(0.02)
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode(errors="replace")
    return child.returncode, text, time.monotonic() - began, usage.ru_maxrss * 1024


def plan_with_string(folder: Path, megabytes: int) -> Path:
    """The example with notes of `megabytes` MB (one word, a formula, RTL and combining marks)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    notes = "=x\u202e\u0301" + "x" * (megabytes * 1_000_000)
    plan = folder / "plan.toml"
    plan.write_text(text.replace('id = "VW-01"\n', f'id = "VW-01"\nnotes = "{notes}"\n', 1))
    return plan


def assert_answered(code: int, err: str) -> None:
    assert code in (0, 1, 2), err[-2000:]
    assert "Traceback" not in err and "MemoryError" not in err, err[-2000:]
    if code == 2:
        assert len(err.strip().splitlines()) == 1, err[-2000:]


@pytest.mark.parametrize("command", ["check", "show"])
def test_a_50_mb_string(tmp_path: Path, command: str) -> None:
    plan = plan_with_string(tmp_path, 50)
    code, err, _, peak = run_child(COMMANDS[command], plan)
    assert_answered(code, err)
    assert code == 0
    assert peak < 1 << 30, f"{peak / 2**20:.0f} MB for a 50 MB plan"
    print(f"{command}: {peak / 2**20:.0f} MB peak for a 50 MB string")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_on_a_large_string(tmp_path: Path, command: str) -> None:
    plan = plan_with_string(tmp_path, ALL_MB)
    code, err, _, peak = run_child(COMMANDS[command], plan)
    assert_answered(code, err)
    assert peak < 300 * 2**20 + 30 * ALL_MB * 1_000_000, f"{peak / 2**20:.0f} MB"
    print(f"{command}: {peak / 2**20:.0f} MB peak for a {ALL_MB} MB string")


DEEP = {
    "arrays": "x = " + "[" * 10_000 + "]" * 10_000,
    "inline tables": "x = " + "{a = " * 10_000 + "1" + "}" * 10_000,
    "arrays in a measure": "notes = " + "[" * 10_000 + "]" * 10_000,
    "brackets in strings": 'notes = "' + "[{" * 100_000 + '"',
    "100 deep": "x = " + "[" * 100 + "]" * 100,
    "101 deep": "x = " + "[" * 101 + "]" * 101,
}


@pytest.mark.parametrize("name", DEEP)
@pytest.mark.parametrize("command", ["check", "update"])
def test_deep_nesting(tmp_path: Path, name: str, command: str) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace('id = "VW-01"\n', f'id = "VW-01"\n{DEEP[name]}\n', 1))
    code, err, seconds, _ = run_child(COMMANDS[command], plan)
    assert_answered(code, err)
    assert code in (0, 1) and seconds < 30
    if code == 1 and command == "check":  # located: file:line:column
        assert err.splitlines()[0].startswith(f"{plan}:"), err
