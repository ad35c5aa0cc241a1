"""One measured run in a fresh interpreter: `python -m benchmarks.child REPORT KIND ARGS...`.

Runs one case and writes its peak resident memory (KiB) and CPU seconds as JSON to REPORT, so
that the runner can time the whole process (start-up included) from outside. Linux carries the
parent's peak into `ru_maxrss` across fork and exec, so /proc's VmHWM comes first.

Kinds: `cli ARGS` (massnahmen itself), `cli-jobs N ARGS` (massnahmen checking several plans in
N processes whatever their size; 1: in one process), and the baselines: `load PLAN` (tomllib +
validation), `load-each FOLDER` (the single checks' work, one plan after the other, in one process),
`write-plain PLAN CELLS OUT` (reading the plan, then openpyxl writing the pickled cells without
formatting), `read-xlsx FILE` (openpyxl read-only, every cell).
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_kib() -> int:
    try:
        with open("/proc/self/status") as status:
            return int(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cli(args: list[str]) -> int:
    from massnahmen.cli import main

    return main(args)


def _cli_jobs(jobs: str, args: list[str]) -> int:
    import massnahmen.run.parallel

    massnahmen.run.parallel.PARALLEL_BYTES = 0 if int(jobs) > 1 else 1 << 62
    return _cli(args)


def _load(path: str) -> int:
    import tomllib

    from massnahmen.model import Plan

    with open(path, "rb") as handle:
        Plan.model_validate(tomllib.load(handle))
    return 0


def _load_each(folder: str) -> int:
    import datetime as dt

    from massnahmen.checks import check_plan
    from massnahmen.load import load_plan

    for path in sorted(Path(folder).glob("*.toml")):
        check_plan(load_plan(path), dt.date(2025, 3, 18))
    return 0


def _write_plain(plan: str, cells: str, out: str) -> int:
    import pickle

    from benchmarks.export import plain_bytes

    _load(plan)
    with open(cells, "rb") as handle:
        sheets = pickle.load(handle)
    Path(out).write_bytes(plain_bytes(sheets))
    return 0


def _read_xlsx(path: str) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _ in sheet.iter_rows(values_only=True):
            pass
    book.close()
    return 0


KINDS = {
    "cli": lambda args: _cli(args),
    "cli-jobs": lambda args: _cli_jobs(args[0], args[1:]),
    "load": lambda args: _load(*args),
    "load-each": lambda args: _load_each(*args),
    "write-plain": lambda args: _write_plain(*args),
    "read-xlsx": lambda args: _read_xlsx(*args),
}


def main() -> int:
    report, kind, *args = sys.argv[1:]
    code = KINDS[kind](args)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes, if any
    found = {
        "code": code,
        "cpu_s": time.process_time() + children.ru_utime + children.ru_stime,
        "peak_kib": _peak_kib(),
        "worker_peak_kib": children.ru_maxrss,
    }
    Path(report).write_text(json.dumps(found))
    return code


if __name__ == "__main__":
    sys.exit(main())
