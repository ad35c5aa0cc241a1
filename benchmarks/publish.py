"""`publish` against `export` of the same plan, in the same run: `python -m benchmarks.publish`.

Generates plans of 1,000, 2,500 and 10,000 measures (`benchmarks/generate.py`) and runs, for
each, `massnahmen publish` and `massnahmen export` interleaved in fresh interpreters (start-up
included), the best of N counting. Prints the ratio publish / export per size and how the time
grows: 10,000 over 1,000 (linear: 10) and 10,000 over 2,500 (4× the input; linear: 4).

    python -m benchmarks.publish [--sizes 1000 2500 10000] [--runs 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from benchmarks.generate import generate_plan
from benchmarks.run import DAY, HEAD, compare, machine, show

SIZES = (1_000, 2_500, 10_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the rows here")
    options = parser.parse_args(argv)
    info = machine()
    print(f"{info['cores']} cores, {info['cpu']}, Python {info['python']}")
    print(HEAD)
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for size in options.sizes:
            plan = generate_plan(folder / f"plan-{size}.toml", size, seed=0)
            ours = ("cli", "publish", plan, "--as-of", DAY, "-o", folder / f"site-{size}")
            export = ("cli", "export", plan, "--as-of", DAY, "-o", folder / f"e-{size}.xlsx")
            row = compare("publish", size, 1, ours, "export", export, options.runs)
            rows.append(row)
            print(show(row), flush=True)
    times = {row.measures: row.ours_s for row in rows}
    for big, small in ((10_000, 1_000), (10_000, 2_500)):
        if big in times and small in times:
            print(f"publish: {big:,} / {small:,} measures = {times[big] / times[small]:.2f}")
    if options.json:
        document = {"machine": info, "results": [asdict(row) for row in rows]}
        options.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
