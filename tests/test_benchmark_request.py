"""benchmarks/request.py keeps working: it times request and collect against openpyxl alone
and reports the ratios (no time is asserted)."""

from __future__ import annotations

import pytest
from benchmarks import request


def test_benchmark_runs_on_a_small_plan(capsys: pytest.CaptureFixture[str]) -> None:
    request.main(["--owners", "3", "--measures", "2", "8", "--runs", "1"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3 owners, best of 1"
    assert [line.split()[0] for line in lines[2:4]] == ["2", "8"]
    assert lines[-1].startswith("worst ratio ")
