"""Twenty processes update twenty measures of one plan at once: each update lands, or its process
is told to retry (exit 2), and after the retries every one of them is in the file."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from massnahmen.load import load_plan
from tests.conftest import EXAMPLE

WRITERS = int(os.environ.get("MASSNAHMEN_WRITERS", "20"))
RETRY = "try again"


def start_update(plan: Path, measure: str, note: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "massnahmen", "update", str(plan), measure, "--note", note]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
    )


def _env() -> dict[str, str]:
    return {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def open_measures(plan: Path, count: int) -> list[str]:
    data = tomllib.loads(plan.read_text(encoding="utf-8"))
    ids = [m["id"] for m in data["measures"] if m["status"] in ("planned", "in_progress")]
    assert len(ids) >= count
    return ids[:count]


def notes_in(plan: Path) -> dict[str, list[str]]:
    loaded = load_plan(plan)
    assert loaded.plan is not None, loaded.diagnostics
    return {m.id: [u.note or "" for u in m.updates] for m in loaded.plan.measures}


def test_concurrent_updates_all_land_or_are_told_to_retry(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(EXAMPLE.read_bytes())
    measures = open_measures(plan, WRITERS)
    pending = {measure: f"gleichzeitig {n}" for n, measure in enumerate(measures)}
    attempts = retries = 0
    for _round in range(10):
        running = {m: start_update(plan, m, note) for m, note in pending.items()}
        attempts += len(running)
        for measure, process in running.items():
            _, err = process.communicate(timeout=120)
            if process.returncode == 0:
                del pending[measure]
                continue
            assert process.returncode == 2 and RETRY in err, (measure, err)
            assert len(err.strip().splitlines()) == 1, err
            retries += 1
        if not pending:
            break
    assert not pending, f"still told to retry after 10 rounds: {sorted(pending)}"
    notes = notes_in(plan)
    for n, measure in enumerate(measures):  # every update is there, exactly once
        assert notes[measure].count(f"gleichzeitig {n}") == 1, measure
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml"]
    print(f"{WRITERS} updates kept after {attempts} attempts ({retries} told to retry)")
