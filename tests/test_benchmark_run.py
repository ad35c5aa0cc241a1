"""`python -m benchmarks` keeps running as the code changes (a quick run on one small plan)."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.run import main


def test_quick_run_writes_ratios_and_memory(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    assert main(["--quick", "--json", str(out)]) == 0
    document = json.loads(out.read_text())
    check = next(row for row in document["results"] if row["case"] == "check")
    assert check["measures"] == 100 and check["baseline"] == "load"
    assert check["ratio"] > 0 and check["peak_mb"] > 0
    assert document["machine"]["cores"] >= 1
