"""Checking a portfolio serially or in worker processes: where the workers start to pay.

`massnahmen check FOLDER` checks each plan on its own; above `PARALLEL_BYTES` of plan text in
all it does so in one worker process per core. This times, for portfolios of several shapes
(plans x measures), the check forced into one process and forced onto every core, each in a
fresh interpreter (start-up included, as a scheduled job pays it), interleaved with the single
checks' work (every plan loaded and checked in turn in one process, the target's baseline),
best of N. On a machine shared with other work the best of many interleaved runs is what
counts: a busy core slows all three alike.

    python -m benchmarks.portfolio [--shapes 2x200 50x200 ...] [--runs 7] [--json FILE]

Target (issue 7): a 50-plan portfolio checked in under 2x the single checks' work.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import AS_OF, generate_portfolio
from benchmarks.run import Sample, machine, run_child

SHAPES = ("2x200", "5x200", "10x200", "20x200", "50x200", "100x200", "2x2000", "2x10000")
TARGET = 2.0


def shape(text: str) -> tuple[int, int]:
    plans, _, measures = text.partition("x")
    return int(plans), int(measures)


def commands(folder: Path) -> dict[str, tuple[str, ...]]:
    check = ("check", str(folder), "--as-of", AS_OF.isoformat(), "--format", "json")
    return {
        "single": ("load-each", str(folder)),
        "serial": ("cli-jobs", "1", *check),
        "parallel": ("cli-jobs", str(os.cpu_count() or 1), *check),
    }


def summary(folder: Path, samples: dict[str, list[Sample]]) -> dict[str, float]:
    found: dict[str, float] = {}
    for name, taken in samples.items():
        found[f"{name}_s"] = min(s.wall_s for s in taken)
        found[f"{name}_cpu_s"] = min(s.cpu_s for s in taken)
    found["bytes"] = sum(p.stat().st_size for p in folder.glob("*.toml"))
    found["speedup"] = found["serial_s"] / found["parallel_s"]
    found["ratio_serial"] = found["serial_s"] / found["single_s"]
    found["ratio_parallel"] = found["parallel_s"] / found["single_s"]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), metavar="PLANSxMEASURES")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args(argv)
    info = machine()
    print(f"{info['cores']} cores, {info['cpu']}, load {info['load_average_at_start']}")
    print(f"portfolio check, {dt.date.today()}, best of {options.runs}, fresh interpreters")
    print(
        f"{'shape':>9} {'MB':>6} {'single s':>9} {'serial s':>9} {'parallel s':>11} "
        f"{'speedup':>8} {'serial/single':>14} {'parallel/single':>16}"
    )
    results = []
    with tempfile.TemporaryDirectory() as name:
        folders = {text: Path(name) / text for text in options.shapes}
        for text, folder in folders.items():
            generate_portfolio(folder, *shape(text))
        samples = {
            text: {kind: [] for kind in commands(folder)} for text, folder in folders.items()
        }
        for _ in range(options.runs):  # every shape in every round: a busy spell hits all alike
            for text, folder in folders.items():
                for kind, command in commands(folder).items():
                    samples[text][kind].append(run_child(*command))
        for text, folder in folders.items():
            plans, measures = shape(text)
            found = {"plans": plans, "measures": measures, **summary(folder, samples[text])}
            results.append(found)
            print(
                f"{text:>9} {found['bytes'] / 1e6:>6.2f} {found['single_s']:>9.2f} "
                f"{found['serial_s']:>9.2f} {found['parallel_s']:>11.2f} "
                f"{found['speedup']:>8.2f} {found['ratio_serial']:>14.2f} "
                f"{found['ratio_parallel']:>16.2f}",
                flush=True,
            )
    if options.json:
        document = {"date": dt.date.today().isoformat(), "machine": info, "results": results}
        options.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
