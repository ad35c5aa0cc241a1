"""Every command at every size, each against its baseline in the same run: `python -m benchmarks`.

Generates plans of 100, 1,000, 10,000 and 100,000 measures and a portfolio of 50 plans of 200
measures, then times each command that exists against its baseline. Every run is a fresh
interpreter (start-up included, as a scheduled job pays it), command and baseline interleaved,
the best of N counts. Prints a table of ratios, CPU seconds and peak memory, and writes it as
JSON (default benchmarks/results.json).

| case      | baseline                                                                      |
|-----------|-------------------------------------------------------------------------------|
| check     | load: `tomllib.load` + pydantic validation of the same file                   |
| status    | load                                                                          |
| export    | load, then openpyxl writing the same cells with no formatting                 |
| publish   | `massnahmen export` of the same plan (issue 18: within 3×)                    |
| update    | `massnahmen check` of the same file (issue 4)                                 |
| import    | openpyxl reading the same workbook read-only, every cell (issue 6)            |
| portfolio | the single checks' work: each plan loaded and checked in turn, one process    |
| +parts    | the same command on the same plan without horizons, attributes, sub-units,    |
|           | milestones, indicators and ratings (issue 15: within 1.3x, linear in size)    |

    python -m benchmarks [--sizes 100 1000 10000 100000] [--runs N] [--json FILE] [--quick]
    python -m benchmarks --parts [--sizes 1000 10000]     # only the +parts cases
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.generate import AS_OF, generate_plan, generate_portfolio

SIZES = (100, 1_000, 10_000, 100_000)
IMPORT_SIZES = (1_000, 10_000)  # a workbook of 100,000 rows takes minutes just to write
PORTFOLIO = (50, 200)
PARTS_SIZES = (1_000, 10_000)  # issue 15: within 1.3x of the plan without parts, and linear
RESULTS = Path(__file__).resolve().parent / "results.json"
DAY = AS_OF.isoformat()


@dataclass
class Row:
    case: str
    measures: int
    plans: int
    baseline: str
    ours_s: float
    baseline_s: float
    ratio: float
    cpu_s: float
    baseline_cpu_s: float
    peak_mb: float
    baseline_peak_mb: float


@dataclass
class Sample:
    wall_s: float
    cpu_s: float
    peak_mb: float


def run_child(kind: str, *args: str | Path) -> Sample:
    """One case in a fresh interpreter: its wall time, CPU time and peak memory."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    command = [sys.executable, "-m", "benchmarks.child", str(report), kind, *map(str, args)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    wall = time.perf_counter() - start
    try:
        found = json.loads(report.read_text())
    except (OSError, ValueError):
        found = None
    finally:
        report.unlink(missing_ok=True)
    if found is None or done.returncode not in (0, 1):
        tail = done.stderr.decode(errors="replace")[-800:]
        raise SystemExit(f"{kind} {' '.join(map(str, args))} failed ({done.returncode}):\n{tail}")
    peak = max(found["peak_kib"], found["worker_peak_kib"]) / 1024
    return Sample(wall, found["cpu_s"], peak)


def compare(
    case: str,
    measures: int,
    plans: int,
    ours: tuple[str, ...],
    baseline_name: str,
    baseline: tuple[str, ...],
    runs: int,
    reset: Path | None = None,
) -> Row:
    """Command and baseline interleaved `runs` times; the best of each counts.

    `reset` is a file that the command changes and that is restored after each run.
    """
    original = reset.read_bytes() if reset else b""
    mine: list[Sample] = []
    base: list[Sample] = []
    for _ in range(runs):
        base.append(run_child(*baseline))
        mine.append(run_child(*ours))
        if reset:
            reset.write_bytes(original)
    best, floor = min(s.wall_s for s in mine), min(s.wall_s for s in base)
    return Row(
        case,
        measures,
        plans,
        baseline_name,
        best,
        floor,
        best / floor,
        min(s.cpu_s for s in mine),
        min(s.cpu_s for s in base),
        max(s.peak_mb for s in mine),
        max(s.peak_mb for s in base),
    )


def commands() -> set[str]:
    """The commands this version of massnahmen has."""
    import typer.main

    from massnahmen.cli import app

    group = typer.main.get_command(app)
    return set(getattr(group, "commands", {}))


def runs_for(size: int, runs: int | None) -> int:
    if runs is not None:
        return runs
    return 5 if size <= 1_000 else 3 if size <= 10_000 else 1


def plan_cases(size: int, folder: Path, runs: int | None, have: set[str]) -> Iterator[Row]:
    plan = generate_plan(folder / f"plan-{size}.toml", size, seed=0)
    n = runs_for(size, runs)
    load = ("load", plan)
    check = ("cli", "check", plan, "--as-of", DAY, "--format", "json")
    yield compare("check", size, 1, check, "load", load, n)
    if "status" in have:
        status = ("cli", "status", plan, "--as-of", DAY)
        yield compare("status", size, 1, status, "load", load, n)
    if "export" in have:
        yield export_case(size, plan, folder, n)
    if "publish" in have and size <= 10_000:  # 100,000 pages: minutes of file creation alone
        site = ("cli", "publish", plan, "--as-of", DAY, "-o", folder / f"site-{size}")
        export = ("cli", "export", plan, "--as-of", DAY, "-o", folder / f"e-{size}.xlsx")
        yield compare("publish", size, 1, site, "export", export, n)
    if "update" in have:
        target = _middle_measure(plan)
        update = (
            "cli", "update", plan, target, "--status", "in_progress", "--progress", "50",
            "--note", "Benchmark", "--date", "2025-03-10",
        )  # fmt: skip
        yield compare("update", size, 1, update, "check", check, n, reset=plan)


def parts_cases(size: int, folder: Path, runs: int | None) -> Iterator[Row]:
    """`check` and `export` of a plan with the parts real plans have, against the same commands
    on the same plan without them (benchmarks/parts.py), interleaved in one run."""
    plain = generate_plan(folder / f"plain-{size}.toml", size, seed=0)
    parts = generate_plan(folder / f"parts-{size}.toml", size, seed=0, parts=True)
    n = runs_for(size, runs)
    for case, ours, base in (
        (
            "check +parts",
            ("cli", "check", parts, "--as-of", DAY, "--format", "json"),
            ("cli", "check", plain, "--as-of", DAY, "--format", "json"),
        ),
        (
            "export +parts",
            ("cli", "export", parts, "--as-of", DAY, "-o", folder / f"parts-{size}.xlsx"),
            ("cli", "export", plain, "--as-of", DAY, "-o", folder / f"plain-{size}.xlsx"),
        ),
    ):
        yield compare(case, size, 1, ours, "without the parts", base, n)


def export_case(size: int, plan: Path, folder: Path, runs: int) -> Row:
    from benchmarks.export import cell_values

    out = folder / f"export-{size}.xlsx"
    run_child("cli", "export", plan, "--as-of", DAY, "-o", out)
    cells = folder / f"cells-{size}.pickle"
    cells.write_bytes(pickle.dumps(cell_values(out.read_bytes())))
    ours = ("cli", "export", plan, "--as-of", DAY, "-o", out)
    plain = ("write-plain", plan, cells, folder / f"plain-{size}.xlsx")
    return compare("export", size, 1, ours, "load + plain openpyxl", plain, runs)


def import_case(size: int, folder: Path, runs: int | None) -> Row:
    workbook = folder / f"import-{size}.xlsx"
    importlib.import_module("benchmarks.import").write_workbook(workbook, size)
    ours = ("cli", "import", workbook, "-o", folder / f"imported-{size}.toml", "--force")
    read = ("read-xlsx", workbook)
    return compare("import", size, 1, ours, "openpyxl read-only", read, runs_for(size, runs))


def portfolio_cases(folder: Path, runs: int | None, have: set[str]) -> Iterator[Row]:
    n_plans, n_measures = PORTFOLIO
    where = folder / "portfolio"
    generate_portfolio(where, n_plans, n_measures)
    n = runs_for(n_plans * n_measures, runs)
    each = ("load-each", where)
    check = ("cli", "check", where, "--as-of", DAY, "--format", "json")
    yield compare("check portfolio", n_measures, n_plans, check, "single checks", each, n)
    if "status" in have:
        status = ("cli", "status", where, "--portfolio", "--as-of", DAY)
        yield compare("status --portfolio", n_measures, n_plans, status, "single checks", each, n)
    if "export" in have:
        out = folder / "county.xlsx"
        export = ("cli", "export", where, "--portfolio", "--as-of", DAY, "-o", out)
        yield compare("export --portfolio", n_measures, n_plans, export, "single checks", each, n)


def separate_runs(folder: Path) -> float:
    """The 50 single `check` commands a script would run today, one after the other."""
    start = time.perf_counter()
    for plan in sorted((folder / "portfolio").glob("*.toml")):
        run_child("cli", "check", plan, "--as-of", DAY, "--format", "json")
    return time.perf_counter() - start


def _middle_measure(plan: Path) -> str:
    import tomllib

    measures = tomllib.loads(plan.read_text(encoding="utf-8"))["measures"]
    return str(measures[len(measures) // 2]["id"])


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    model = platform.processor()
    try:
        with open("/proc/cpuinfo") as info:
            model = next(line.split(":", 1)[1].strip() for line in info if "model name" in line)
    except (OSError, StopIteration):
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
        "load_average_at_start": load,
    }


HEAD = (
    f"{'case':<20} {'measures':>9} {'plans':>5} {'ours s':>7} {'baseline':<22} "
    f"{'base s':>7} {'ratio':>6} {'cpu s':>6} {'peak MB':>8} {'base MB':>8}"
)


def show(row: Row) -> str:
    return (
        f"{row.case:<20} {row.measures:>9,} {row.plans:>5} {row.ours_s:>7.2f} {row.baseline:<22} "
        f"{row.baseline_s:>7.2f} {row.ratio:>6.2f} {row.cpu_s:>6.2f} {row.peak_mb:>8.0f} "
        f"{row.baseline_peak_mb:>8.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, help="runs per case (default: 5, 3 from 10,000 on)")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default {RESULTS.name}")
    parser.add_argument("--quick", action="store_true", help="100 measures, one run: a smoke test")
    parser.add_argument(
        "--parts", action="store_true", help="only the +parts cases (default sizes 1000 10000)"
    )
    options = parser.parse_args(argv)
    sizes, runs = (options.sizes, options.runs) if not options.quick else ([100], 1)
    if options.parts and options.sizes == list(SIZES):
        sizes = list(PARTS_SIZES)
    have = commands()
    info = machine()
    print(f"{info['cores']} cores, {info['cpu']}, Python {info['python']}, {dt.date.today()}")
    print(HEAD)
    rows: list[Row] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        with_parts = [parts_cases(size, folder, runs) for size in sizes]
        cases: list[Iterator[Row]] = with_parts
        if not options.parts:
            plain = [plan_cases(size, folder, runs, have) for size in sizes]
            cases = plain + [parts_cases(s, folder, runs) for s in sizes if s in PARTS_SIZES]
        if "import" in have and not options.parts:
            wanted = [s for s in IMPORT_SIZES if s in sizes] or ([100] if options.quick else [])
            cases += [iter([import_case(size, folder, runs)]) for size in wanted]
        if not options.quick and not options.parts:
            cases.append(portfolio_cases(folder, runs, have))
        for group in cases:
            for row in group:
                rows.append(row)
                print(show(row), flush=True)
        separate = None if options.quick or options.parts else separate_runs(folder)
    elapsed = time.perf_counter() - started
    linear = _linearity(rows)
    if separate is not None:
        print(f"the same 50 plans as 50 separate `check` runs: {separate:.2f} s")
    for case, ratio in linear.items():
        print(f"{case}: 100,000 / 10,000 measures = {ratio:.1f} (linear: ~10)")
    growth = _growth(rows, 1_000, 10_000)
    for case, ratio in growth.items():
        print(f"{case}: 10,000 / 1,000 measures = {ratio:.1f} (linear: ~10)")
    print(f"benchmark took {elapsed:.0f} s")
    document = {
        "date": dt.date.today().isoformat(),
        "machine": info,
        "seconds": round(elapsed, 1),
        "results": [asdict(row) for row in rows],
        "separate_single_checks_s": separate,
        "linearity_100k_over_10k": linear,
        "growth_10k_over_1k": growth,
    }
    options.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


def _linearity(rows: list[Row]) -> dict[str, float]:
    """For each command, its time on 100,000 measures over its time on 10,000."""
    return _growth(rows, 10_000, 100_000)


def _growth(rows: list[Row], small: int, large: int) -> dict[str, float]:
    """For each case, its time on `large` measures over its time on `small` (and the same of
    its baseline, for a +parts case: "… (baseline)")."""
    times = {(row.case, row.measures): row for row in rows if row.plans == 1}
    found: dict[str, float] = {}
    for (case, size), row in times.items():
        other = times.get((case, small))
        if size != large or other is None:
            continue
        found[case] = row.ours_s / other.ours_s
        if case.endswith("+parts"):
            found[f"{case} (baseline)"] = row.baseline_s / other.baseline_s
    return found


if __name__ == "__main__":
    sys.exit(main())
