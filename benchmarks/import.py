"""Import time of a large workbook, as a ratio against reading it with openpyxl alone.

Writes a 10,000-measure committee-style workbook (flat sheet, German headers, dates, amounts),
then times in the same run, interleaved, best of N each: openpyxl reading every cell in
read-only mode (the floor any import pays), and `massnahmen import` of the same file in-process
(read, map, build, write, check).

    python -m benchmarks.import [--rows 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path
from random import Random

import openpyxl

from massnahmen.cli import main as massnahmen

TARGET = 2.0
HEADERS = [
    "Nr.",
    "Handlungsfeld",
    "Maßnahme",
    "Beschreibung",
    "Verantwortlich",
    "Beteiligte",
    "Priorität",
    "Beginn",
    "Frist",
    "Status",
    "Fortschritt",
    "Haushaltsmittel",
    "Förderung",
    "Beschluss",
    "Bemerkung",
]
FIELDS = ["Verwaltung", "Bildung", "Wirtschaft", "Mobilität", "Umwelt und Klima", "Soziales"]
OWNERS = [f"Fachbereich {n}" for n in range(1, 9)] + ["Kommunales Rechenzentrum", "Hauptamt"]
STATUSES = ["geplant", "in Umsetzung", "umgesetzt", "zurückgestellt", "verworfen"]
DEADLINES = ["Q3 2025", "31.12.2025", "2. Hj. 2026", "12/2025", "2026", "laufend"]


def write_workbook(path: Path, rows: int, seed: int = 0) -> None:
    """A flat measure plan below a title row, as officers keep it."""
    rnd = Random(seed)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Maßnahmen")
    sheet.append(["Maßnahmenplan der Stadt Beispielstadt"])
    sheet.append([])
    sheet.append(HEADERS)
    for n in range(1, rows + 1):
        status = rnd.choice(STATUSES)
        progress = {"geplant": 0, "umgesetzt": 1.0}.get(status, rnd.randint(1, 19) / 20)
        sheet.append(
            [
                f"M-{n:05d}",
                rnd.choice(FIELDS),
                f"Maßnahme {n}: Digitalisierung von Verfahren {rnd.randint(1, 999)}",
                "Beschreibung der Maßnahme mit ein paar Sätzen zu Ziel und Umfang. " * 2,
                rnd.choice(OWNERS),
                ", ".join(rnd.sample(OWNERS, 2)),
                rnd.choice(["hoch", "mittel", "niedrig"]),
                dt.datetime(2024, rnd.randint(1, 12), 1),
                rnd.choice(DEADLINES),
                status,
                progress,
                f"{rnd.randint(1, 500) * 1000:,}".replace(",", ".") + ",00 €",
                rnd.choice([None, "Digitalpakt", "EFRE"]),
                f"DS 2024/{rnd.randint(1, 300):03d}",
                rnd.choice([None, "Abstimmung mit dem Personalrat"]),
            ]
        )
    book.save(path)


def read_with_openpyxl(path: Path) -> int:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    cells = sum(len(row) for row in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return cells


def import_workbook(source: Path, output: Path) -> None:
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        code = massnahmen(["import", str(source), "-o", str(output), "--force"])
    if code != 0:
        raise SystemExit(f"import failed ({code}): {sink.getvalue()[-500:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "plan.xlsx", Path(folder) / "plan.toml"
        write_workbook(source, options.rows)
        read_with_openpyxl(source)  # warm the caches for both alike
        # interleaved, so that drift of the machine hits both alike; the best of each counts
        baselines, imports = [], []
        for _ in range(options.runs):
            start = time.perf_counter()
            read_with_openpyxl(source)
            baselines.append(time.perf_counter() - start)
            start = time.perf_counter()
            import_workbook(source, output)
            imports.append(time.perf_counter() - start)
        baseline, imported = min(baselines), min(imports)
        measures = output.read_text(encoding="utf-8").count("\n[[measures]]\n")
    ratio = imported / baseline
    print(f"{'case':<44} {'best s':>8} {'ratio':>6}")
    print(f"{'baseline: openpyxl read-only, every cell':<44} {baseline:8.2f} {1:6.2f}")
    print(f"{f'massnahmen import ({measures:,} measures)':<44} {imported:8.2f} {ratio:6.2f}")
    print(f"ratio {ratio:.2f} (target < {TARGET})")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
