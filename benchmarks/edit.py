"""The cost of an edit, as a ratio against checking the same plan.

Times `massnahmen update PLAN ID --progress … --note …` on synthetic plans of 100, 1,000 and
10,000 measures against the baseline `massnahmen check PLAN` on the same file, in the same run
and with the same method: in-process through the command line's entry point (default), or a
fresh interpreter per run (`--subprocess`). After each update the plan is restored, so every
run edits the same text. Best of N interleaved runs; the target: an edit costs at most two
checks.

    python -m benchmarks.edit [--runs 5] [--sizes 100 1000 10000] [--subprocess] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate_plan_text

TARGET = 2.0
SIZES = (100, 1_000, 10_000)


def run_in_process(args: list[str]) -> int:
    """`massnahmen ARGS` in this interpreter, output discarded; the exit code."""
    from massnahmen.cli import main

    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        return main(args)


def run_subprocess(args: list[str]) -> int:
    done = subprocess.run([sys.executable, "-m", "massnahmen", *args], capture_output=True)
    return done.returncode


def timed(action: Callable[[], int]) -> float:
    start = time.perf_counter()
    code = action()
    elapsed = time.perf_counter() - start
    if code not in (0, 1):
        raise SystemExit(f"command failed with exit code {code}")
    return elapsed


def measure(
    n: int, runs: int, runner: Callable[[list[str]], int], folder: Path
) -> dict[str, float]:
    text = generate_plan_text(n)
    plan = folder / f"plan-{n}.toml"
    original = text.encode("utf-8")
    plan.write_bytes(original)
    measures = tomllib.loads(text)["measures"]
    target = measures[len(measures) // 2]["id"]

    def restore() -> None:
        plan.write_bytes(original)

    check = ["check", str(plan), "--as-of", "2025-03-18"]
    update = [
        "update",
        str(plan),
        target,
        "--progress",
        "50",
        "--status",
        "in_progress",
        "--note",
        "Benchmark",
        "--date",
        "2025-03-10",
    ]
    runner(check)  # warm up imports and caches for both alike
    check_s = update_s = float("inf")
    for _ in range(runs):  # interleaved, so that drift of the machine hits both alike
        check_s = min(check_s, timed(lambda: runner(check)))
        update_s = min(update_s, timed(lambda: runner(update)))
        restore()
    return {"measures": n, "check_s": check_s, "update_s": update_s, "ratio": update_s / check_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--subprocess", action="store_true", help="a fresh interpreter per run")
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args(argv)
    runner = run_subprocess if options.subprocess else run_in_process
    method = "subprocess" if options.subprocess else "in-process"
    rows = []
    print(f"method: {method}, best of {options.runs}")
    print(f"{'measures':>9} {'check ms':>10} {'update ms':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for n in options.sizes:
            row = measure(n, options.runs, runner, Path(folder))
            rows.append(row)
            print(
                f"{n:>9,} {row['check_s'] * 1000:>10.1f} {row['update_s'] * 1000:>10.1f}"
                f" {row['ratio']:>6.2f}"
            )
    worst = max(row["ratio"] for row in rows)
    print(f"worst ratio {worst:.2f} (target ≤ {TARGET})")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
