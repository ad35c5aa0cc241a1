"""Processes killed (SIGKILL) at random points of an edit or an export: afterwards the plan is the
old or the new version and loads, the workbook is absent or whole, and the next run is not
blocked by anything the dead process left."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from massnahmen.load import load_plan
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

KILLS = int(os.environ.get("MASSNAHMEN_KILLS", "12"))
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")


def start(*args: str | Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "massnahmen", *map(str, args)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)


def kill_after(process: subprocess.Popen[bytes], seconds: float, lock: Path | None) -> bool:
    """SIGKILL after `seconds`, counted from the moment the lock appears when `lock` is given
    (so that many kills fall inside the edit itself). True if the process was killed."""
    if lock is not None:
        end = time.monotonic() + 10
        while not lock.exists() and process.poll() is None and time.monotonic() < end:
            time.sleep(0.001)
    time.sleep(seconds)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait()
    return True


def duration(*args: str | Path) -> float:
    began = time.monotonic()
    process = start(*args)
    process.communicate(timeout=60)
    return time.monotonic() - began


def test_killed_updates_leave_the_old_or_the_new_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    lock = tmp_path / "plan.toml.lock"
    whole = duration("update", plan, "VW-02", "--note", "Probelauf")
    rng = random.Random(os.environ.get("MASSNAHMEN_KILL_SEED", time.time_ns()))
    killed = new = 0
    for n in range(KILLS):
        before = plan.read_bytes()
        count = len(_updates(plan))
        note = f"Lauf {n}"
        process = start("update", plan, "VW-02", "--note", note)
        inside = n % 2 == 1  # every other kill waits for the lock: inside the edit
        killed += kill_after(
            process, rng.uniform(0, 0.3 if inside else whole), lock if inside else None
        )
        after = _updates(plan)  # it loads, whatever happened
        if plan.read_bytes() != before:  # the new version: one more update, the note
            assert len(after) == count + 1 and after[-1] == note
            new += 1
        assert run("update", plan, "VW-02", "--note", f"danach {n}").code == 0, "blocked"
    assert killed >= KILLS // 3
    assert _leftovers(tmp_path, "plan.toml") == []
    print(f"update: {KILLS} runs, {killed} killed, the new plan after {new}, else the old")


def test_killed_exports_leave_no_or_a_whole_workbook(tmp_path: Path) -> None:
    workbook = tmp_path / "bericht.xlsx"
    args = ("export", EXAMPLE, "--as-of", EXAMPLE_AS_OF, "-o", workbook)
    whole = duration(*args)
    rng = random.Random(os.environ.get("MASSNAHMEN_KILL_SEED", time.time_ns()))
    killed = whole_workbooks = 0
    for _ in range(KILLS // 2):
        workbook.unlink(missing_ok=True)
        killed += kill_after(start(*args), rng.uniform(0.5 * whole, whole), None)
        if workbook.exists():
            load_workbook(workbook, read_only=True).close()
            whole_workbooks += 1
    assert run(*args).code == 0
    load_workbook(workbook, read_only=True).close()
    assert _leftovers(tmp_path, "bericht.xlsx") == []
    print(f"export: {KILLS // 2} runs, {killed} killed, {whole_workbooks} whole workbooks, no half")


def _updates(plan: Path) -> list[str]:
    loaded = load_plan(plan)
    assert loaded.plan is not None, loaded.diagnostics
    measure = next(m for m in loaded.plan.measures if m.id == "VW-02")
    return [u.note or "" for u in measure.updates]


def _leftovers(folder: Path, name: str) -> list[str]:
    """Files beside `name` that a dead process left: temporary files and locks."""
    return sorted(p.name for p in folder.iterdir() if p.name != name)
