"""benchmarks/edit.py keeps working: it times an update against a check and reports the ratio."""

from __future__ import annotations

import pytest
from benchmarks import edit


def test_benchmark_runs_on_a_small_plan(capsys: pytest.CaptureFixture[str]) -> None:
    edit.main(["--runs", "1", "--sizes", "20"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "method: in-process, best of 1"
    assert lines[2].split()[0] == "20" and lines[-1].startswith("worst ratio ")
