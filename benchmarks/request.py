"""The status request against openpyxl alone, in the same run: `request` for 50 owners × 30
measures (its workbooks, with validation, protection, print setup and the hidden tie) against
openpyxl writing the same cells into plain workbooks; `collect` of all 50 answered workbooks
(read, judged against the plan, written as one checked edit) against openpyxl reading the same
cells. Loading the plan is common to both and left out. Best of N interleaved runs; the target:
both within 2×, at 30 and at 4× as many measures per owner.

    python -m benchmarks.request [--owners 50] [--measures 30 120] [--runs 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

TARGET = 2.0
AS_OF = dt.date(2025, 3, 1)


def plan_text(owners: int, measures: int) -> str:
    """A valid plan: `owners` owners with `measures` open measures each."""
    parts = ['format = 1\n\n[plan]\ntitle = "Benchmark"\nauthority = "Gemeinde B"\n\n']
    parts.append('[[fields]]\nid = "VW"\nname = "Verwaltung"\n\n')
    parts += [f'[[owners]]\nid = "A{n}"\nname = "Amt {n}"\n\n' for n in range(owners)]
    parts += [
        f'[[measures]]\nid = "VW-{n}-{k}"\ntitle = "Maßnahme {n}.{k} der Verwaltung"\n'
        f'field = "VW"\nowner = "A{n}"\ndeadline = 2026-12-31\nstatus = "in_progress"\n'
        f"progress = 20\n\n"
        for n in range(owners)
        for k in range(measures)
    ]
    return "".join(parts)


def best(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(owners: int, measures: int, runs: int, folder: Path) -> dict[str, float]:
    from massnahmen.load import load_model
    from massnahmen.render.request import request_bytes
    from massnahmen.request.answers import judge, read_returned
    from massnahmen.request.asking import ask_plan
    from massnahmen.request.collecting import collect_answers
    from massnahmen.request.ticket import tie_rows

    path = folder / "plan.toml"
    text = plan_text(owners, measures)
    path.write_text(text, encoding="utf-8")
    plan = load_model(path)
    assert plan is not None
    askings = ask_plan(plan, AS_OF)
    rows = {a.owner.id: [_shown(r.measure) for r in a.rows] for a in askings}
    ties = {a.owner.id: tie_rows(a.ticket) for a in askings}

    def request() -> None:
        for asking in ask_plan(plan, AS_OF):
            request_bytes(asking, "de")

    def write_plain() -> None:
        """The same cells: title, header, each row's eleven (the empty answer cells as empty
        text) and the hidden sheet's, with no style, validation or print setup."""
        for owner, cells in rows.items():
            book = Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.append(["Statusabfrage"])
            sheet.append(["Amt"])
            sheet.append(["Hinweis"])
            sheet.append(["Hinweis"])
            sheet.append(["Nr.", "Maßnahme", "Status", "Fortschritt", "Frist", *"FGHIJK"])
            for row in cells:
                sheet.append([*row, *[""] * 6])
            tie = book.create_sheet("tie")
            for tied in ties[owner]:
                tie.append(tied)
            book.save(io.BytesIO())

    answered = []
    for asking in askings:
        book = load_workbook(io.BytesIO(request_bytes(asking, "de")))
        sheet = book.worksheets[0]
        for n in range(len(asking.rows)):
            sheet[f"G{6 + n}"], sheet[f"J{6 + n}"] = 40, "Stand gemeldet"
        answered.append(folder / f"{asking.owner.id}.xlsx")
        book.save(answered[-1])

    def collect() -> None:
        path.write_text(text, encoding="utf-8")
        returned = [read_returned(p) for p in answered]
        judged = {r.file: judge(r, plan, AS_OF, AS_OF) for r in returned}
        done = collect_answers(path, judged, as_of=AS_OF, dry_run=False)
        assert done.edit is not None and done.edit.written

    def read_plain() -> None:
        for p in answered:
            book = load_workbook(p, read_only=True, data_only=True)
            for _ in book.worksheets[0].iter_rows(values_only=True):
                pass
            book.close()

    found: dict[str, float] = {"request": 0.0, "write": 0.0, "collect": 0.0, "read": 0.0}
    for _ in range(runs):  # interleaved: a slow moment hurts both sides alike
        for key, action in (
            ("request", request),
            ("write", write_plain),
            ("collect", collect),
            ("read", read_plain),
        ):
            took = best(action, 1)
            found[key] = took if not found[key] else min(found[key], took)
    return found


def _shown(measure: object) -> list[object]:
    from massnahmen.model import Measure

    assert isinstance(measure, Measure)
    deadline = measure.effective_deadline
    shown = deadline.display() if deadline else ""
    return [measure.id, measure.title, measure.status, measure.progress, shown]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owners", type=int, default=50)
    parser.add_argument("--measures", type=int, nargs="+", default=[30, 120])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args(argv)
    results = []
    print(f"{options.owners} owners, best of {options.runs}")
    print(f"{'measures':>9} {'request':>8} {'openpyxl':>8} {'ratio':>6} "
          f"{'collect':>8} {'openpyxl':>8} {'ratio':>6}")  # fmt: skip
    with tempfile.TemporaryDirectory() as name:
        for size in options.measures:
            t = measure(options.owners, size, options.runs, Path(name))
            ratios = (t["request"] / t["write"], t["collect"] / t["read"])
            results.append({"measures": size, **t, "ratios": ratios})
            print(
                f"{size:>9} {t['request']:>7.2f}s {t['write']:>7.2f}s {ratios[0]:>6.2f} "
                f"{t['collect']:>7.2f}s {t['read']:>7.2f}s {ratios[1]:>6.2f}"
            )
    worst = max(r for result in results for r in result["ratios"])  # type: ignore[attr-defined]
    print(f"worst ratio {worst:.2f} (target {TARGET})")
    if options.json:
        options.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
