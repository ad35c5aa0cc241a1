"""Time and memory of `export` on generated plans, against openpyxl writing the same cells plainly.

For each size (default 1,000 and 10,000 measures) this generates a plan, then times in one run,
interleaved and best of N:

- export: the report and the formatted, byte-stable workbook (`build_report` + `workbook_bytes`),
- baseline: openpyxl writing the very same cell values into a new workbook with no formatting
  (no styles, tables, conditional formats, chart, outline or print setup) and saving it.

Loading and checking the plan is common to both and left out. Peak memory is the maximum
resident size of a separate process running the whole `massnahmen export` command.

    python -m benchmarks.export [--sizes 1000 10000] [--runs 3] [--json FILE]

Targets (issue 3): ratio below 1.5, and below 300 MB at 10,000 measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import AS_OF, generate_plan_text

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 300
MEMORY_AT = 10_000
WIDTHS = (9, 9, 9, 11, 6, 8)

# Runs `massnahmen export` in a fresh interpreter and prints its peak resident size in KiB. Linux
# carries the parent's peak into ru_maxrss across fork and exec, so /proc's VmHWM comes first.
_PEAK = """
import resource, sys
from massnahmen.cli import main
try:
    raise SystemExit(main(sys.argv[1:]))
except SystemExit as stop:
    if stop.code:
        raise
try:
    with open("/proc/self/status") as status:
        print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def cell_values(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values of a workbook, as the baseline writes them again."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def plain_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """The baseline: openpyxl writing the cells with no formatting at all."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def best(function: Callable[[], object], runs: int) -> float:
    return min(_timed(function) for _ in range(runs))


def _timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def peak_mb(plan: Path, out: Path) -> float:
    """Peak resident memory of the whole export command, in MB."""
    args = ["export", str(plan), "--as-of", AS_OF.isoformat(), "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *args], capture_output=True, text=True, check=True
    )
    return int(done.stdout.split()[-1]) / 1024


def measure(size: int, runs: int, folder: Path) -> dict[str, float]:
    from massnahmen.load import parse_plan
    from massnahmen.render.workbook import workbook_bytes
    from massnahmen.report import build_report, resolve_since

    text = generate_plan_text(size, seed=0)
    plan_file = folder / f"plan-{size}.toml"
    plan_file.write_text(text, encoding="utf-8")
    plan = parse_plan(text, str(plan_file)).plan
    assert plan is not None
    since = resolve_since(plan, AS_OF, default_previous=True)

    def export() -> bytes:
        return workbook_bytes(build_report(plan, AS_OF, since), "de")

    sheets = cell_values(export())
    cells = sum(len(row) for rows in sheets.values() for row in rows)
    ours = base = float("inf")
    for _ in range(runs):  # interleaved, so that a busy machine slows both alike
        ours = min(ours, _timed(export))
        base = min(base, _timed(lambda: plain_bytes(sheets)))
    return {
        "measures": size,
        "cells": cells,
        "export_s": ours,
        "baseline_s": base,
        "ratio": ours / base,
        "peak_mb": peak_mb(plan_file, folder / f"export-{size}.xlsx"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()
    results = []
    print(f"export benchmark, {dt.date.today()}, best of {options.runs}")
    heads = ("measures", "cells", "export s", "baseline s", "ratio", "peak MB")
    print(" ".join(f"{head:>{width}}" for head, width in zip(heads, WIDTHS, strict=True)))
    with tempfile.TemporaryDirectory() as folder:
        for size in options.sizes:
            found = measure(size, options.runs, Path(folder))
            results.append(found)
            print(
                f"{size:>9,} {found['cells']:>9,} {found['export_s']:>9.2f} "
                f"{found['baseline_s']:>11.2f} {found['ratio']:>6.2f} {found['peak_mb']:>8.0f}"
            )
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    missed = [r for r in results if r["ratio"] >= RATIO_TARGET] + [
        r for r in results if r["measures"] >= MEMORY_AT and r["peak_mb"] >= MEMORY_TARGET_MB
    ]
    print(
        f"targets: ratio < {RATIO_TARGET}, peak < {MEMORY_TARGET_MB} MB at {MEMORY_AT:,} measures"
    )
    print("missed" if missed else "met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
