"""Start-up time of the command line, as a ratio against importing its libraries.

A tool called from scripts many times must start fast. This times, in one run and with the same
method (fresh interpreter each time, best of N), `massnahmen --version` and `massnahmen check` on
the example plan against the baseline `python -c "import typer, rich, pydantic"`.

    python -m benchmarks.startup [--runs 15] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "musterdorf.toml"
TARGET = 1.3

CASES: dict[str, list[str]] = {
    "baseline: import typer, rich, pydantic": ["-c", "import typer, rich, pydantic"],
    "massnahmen --version": ["-m", "massnahmen", "--version"],
    # Typer builds a pydantic adapter per option when it parses a command line: the floor of
    # any command, before the plan is read.
    "massnahmen check --help": ["-m", "massnahmen", "check", "--help"],
    "massnahmen check (example)": [
        "-m",
        "massnahmen",
        "check",
        str(EXAMPLE),
        "--as-of",
        "2025-03-18",
    ],
}


def time_command(args: list[str], runs: int) -> list[float]:
    """Wall-clock seconds of `python ARGS` in a fresh interpreter, `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()
    # interleave the cases so that drift of the machine hits all of them alike
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(options.runs):
        for name, args in CASES.items():
            samples[name] += time_command(args, 1)
    baseline = min(next(iter(samples.values())))
    rows = []
    print(f"{'case':<42} {'best ms':>8} {'median ms':>10} {'ratio':>6}")
    for name, times in samples.items():
        best, median = min(times), statistics.median(times)
        rows.append({"case": name, "best_s": best, "median_s": median, "ratio": best / baseline})
        print(f"{name:<42} {best * 1000:8.1f} {median * 1000:10.1f} {best / baseline:6.2f}")
    worst = max(row["ratio"] for row in rows)
    print(f"worst ratio {worst:.2f} (target < {TARGET})")
    if options.json:
        options.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
