"""Hostile inputs of growing size, before and after issue 13: `python -m benchmarks.hostile`.

Each case of items 6–10 runs on an input of size n and of 4n, once with the algorithm from
before the fix (kept here, patched in for the run) and once with the code as it is, in the same
run; the best of `runs` counts. Printed as ratios: what 4× the input costs (linear is about 4,
quadratic 16), and how much faster the fix is at 4n.

| case           | input of size n                                | before                       |
|----------------|------------------------------------------------|------------------------------|
| cycles         | n measures, each depending on next and first   | every back edge a finding    |
| csv import     | n CSV rows with an id column and band rows     | the rest sliced at each row  |
| key index      | nested [[a.a…]] headers, n key parts in all    | prefix tuples hashed         |
| shared strings | a workbook of n shared strings (limit at 2n)   | openpyxl reads them all      |
| owners         | `check` of a plan of n owners (the table cap)  | (the same code)              |
| check, status… | each command on a generated plan of n measures | (the same code)              |

The shared-strings limit is set to 2n for the run, so that 4n lies beyond it as the 540 MB bomb
of the issue lies beyond 1,000,000: the figure shows that a refusal does not grow with the part.

Devices (item 10) have no size: a FIFO and /dev/zero as plan, before (a hang, or memory until
MemoryError under a 1 GB limit) and after (refused), in a child each.

    python -m benchmarks.hostile [--runs N] [--scale F] [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HEAD = 'format = 1\n[plan]\ntitle = "T"\nauthority = "A"\n[[fields]]\nid = "VW"\nname = "V"\n'
DAY = dt.date(2025, 1, 1)

# --- inputs (tests/hostile_files.py uses these too) ------------------------------------------


def cyclic_plan(n: int, extra_deps: int = 1) -> str:
    """n measures, each depending on the next and on the first `extra_deps` ones."""
    out = [HEAD]
    for i in range(n):
        deps = [f"M-{(i + 1) % n}", *(f"M-{j}" for j in range(extra_deps) if j != i)]
        listed = ", ".join(f'"{d}"' for d in dict.fromkeys(deps))
        out.append(
            f'[[measures]]\nid = "M-{i}"\ntitle = "t"\nfield = "VW"\nstatus = "planned"\n'
            f"depends_on = [{listed}]\n"
        )
    return "".join(out)


def owners_plan(n: int) -> str:
    return HEAD + "".join(f'[[owners]]\nid = "O{i}"\nname = "Owner {i}"\n' for i in range(n))


def nested_headers_plan(parts: int) -> str:
    """[[a]], [[a.a]], [[a.a.a]], … up to about `parts` key parts in all."""
    out, total, depth = [HEAD], 0, 0
    while total < parts:
        depth += 1
        total += depth
        out.append("[[" + ".".join(["a"] * depth) + "]]\n")
    return "".join(out)


def dotted_key_plan(parts: int) -> str:
    return HEAD + "[" + ".".join(["a"] * parts) + "]\nx = 1\n"


def banded_csv(rows: int) -> str:
    """A CSV with an id column and a band row heading every nine measures."""
    lines = ["Nr.;Handlungsfeld;Maßnahme;Frist"]
    for i in range(rows):
        band, n = divmod(i, 10)
        lines.append(f"{band};;Feld {band};" if n == 0 else f"{band}.{n};;M {i};2026-12-31")
    return "\n".join(lines) + "\n"


_NS = "http://schemas.openxmlformats.org"


def strings_bomb(path: Path, strings: int) -> Path:
    """A workbook whose shared strings part holds `strings` tiny strings (compresses ~1:400)."""
    main = f"{_NS}/spreadsheetml/2006/main"
    rel = f"{_NS}/officeDocument/2006/relationships"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{_NS}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{kinds}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kinds}.sharedStrings+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_NS}/package/2006/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_NS}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData><row r="1">'
            '<c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        ),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{main}" count="{strings}" uniqueCount="{strings}">'
            + "<si><t>x</t></si>" * strings
            + "</sst>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


# --- the algorithms from before the fix --------------------------------------------------------


def _old_cycles(state: Any) -> Iterator[list[str]]:
    """checks/references.py before: each cycle closed by a back edge of the search."""
    done: set[str] = set()
    for root in state.by_id:
        if root in done:
            continue
        path: list[str] = [root]
        on_path = {root}
        stack = [iter(state.by_id[root].depends_on)]
        while stack:
            dep = next(stack[-1], None)
            if dep is None:
                stack.pop()
                on_path.discard(path.pop())
                continue
            if dep in on_path:
                yield path[path.index(dep) :]
            elif dep in state.by_id and dep not in done:
                done.add(dep)
                path.append(dep)
                on_path.add(dep)
                stack.append(iter(state.by_id[dep].depends_on))
        done.add(root)


def _old_cycle_messages(state: Any) -> int:
    """The bytes of the E105 messages the old check made."""
    return sum(len(" → ".join([*c, c[0]])) for c in _old_cycles(state))


def _old_next_with(body: Any, column: int) -> list[Any]:
    """importer/flat.py before: the rest of the body sliced at every row, then searched."""
    from massnahmen.importer.flat import _has

    return [next((r for r in body[at + 1 :] if _has(r, column)), None) for at in range(len(body))]


def _old_scanner() -> type:
    """load/sourcemap.py before: a header's path resolved by hashing every prefix tuple."""
    from massnahmen.load.sourcemap import _Scanner

    class OldScanner(_Scanner):
        def __init__(self, text: str, offsets: dict[Any, int]) -> None:
            super().__init__(text, offsets)
            self.old_counts: dict[Any, int] = {}

        def old_resolve(self, keys: list[str]) -> Any:
            path: Any = ()
            for key in keys:
                path = (*path, key)
                if path in self.old_counts:
                    path = (*path, self.old_counts[path] - 1)
            return path

        def table_header(self, keys: list[str], start: int) -> Any:
            table = self.old_resolve(keys)
            self.mark(table, start)
            self.headers.append((start, table))
            return table

        def array_header(self, keys: list[str], start: int) -> Any:
            array = (*self.old_resolve(keys[:-1]), keys[-1])
            index = self.old_counts.get(array, 0)
            self.old_counts[array] = index + 1
            self.mark(array, start)
            table = (*array, index)
            self.mark(table, start)
            self.headers.append((start, table))
            return table

    return OldScanner


@contextlib.contextmanager
def patched(module: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, old)


# --- the cases ---------------------------------------------------------------------------------

Prepare = Callable[[int, Path], Any]
Run = Callable[[Any], object]


def _cycles_input(n: int, folder: Path) -> Any:
    from massnahmen.load import parse_plan
    from massnahmen.report.state import PlanState

    plan = parse_plan(cyclic_plan(n), "p.toml").plan
    assert plan is not None
    return plan, PlanState(plan, DAY)


def _cycles_after(prepared: Any) -> object:
    from massnahmen.bulk import paused_gc
    from massnahmen.checks.references import check_dependency_cycles

    with paused_gc():  # as check_plan runs every check
        return list(check_dependency_cycles(*prepared))


def _cycles_before(prepared: Any) -> object:
    from massnahmen.bulk import paused_gc

    with paused_gc():
        return _old_cycle_messages(prepared[1])


def _csv_input(n: int, folder: Path) -> Path:
    source = folder / f"banded-{n}.csv"
    source.write_text(banded_csv(n), encoding="utf-8")
    return source


def _csv_after(source: Path) -> object:
    from massnahmen.importer import import_plan

    return import_plan(source, today=DAY)


def _csv_before(source: Path) -> object:
    from massnahmen.importer import flat

    with patched(flat, "_next_with", _old_next_with):
        return _csv_after(source)


def _index_input(n: int, folder: Path) -> str:
    return nested_headers_plan(n)


def _index_after(text: str) -> object:
    from massnahmen.bulk import paused_gc
    from massnahmen.load.sourcemap import SourceMap

    with paused_gc():  # as parse_plan runs it
        return SourceMap.scan(text).offsets


def _index_before(text: str) -> object:
    from massnahmen.load import sourcemap

    with patched(sourcemap, "_Scanner", _old_scanner()):
        return _index_after(text)


def _strings_input(n: int, folder: Path) -> Path:
    return strings_bomb(folder / f"strings-{n}.xlsx", n)


_SIZE = [0]  # the n of the case running


def _strings_after(path: Path) -> object:
    from massnahmen.importer import sources

    limit = 2 * _SIZE[0]  # inputs are n and 4n: the limit at 2n
    with (
        patched(sources, "MAX_SHARED_STRINGS", limit),
        contextlib.suppress(sources.SourceError),
        sources.open_source(path) as source,
    ):
        return len(source.sheets)
    return None


def _strings_before(path: Path) -> object:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    book.close()
    return book


def _owners_input(n: int, folder: Path) -> str:
    return owners_plan(n)


def _owners_after(text: str) -> object:
    from massnahmen.checks import check_plan
    from massnahmen.load import parse_plan

    return check_plan(parse_plan(text, "p.toml"), DAY)


def _plan_input(n: int, folder: Path) -> Path:
    from benchmarks.generate import generate_plan

    return generate_plan(folder / f"plan-{n}.toml", n, seed=0)


def _command(*args: str) -> Run:
    """A command of massnahmen, run in this process with its output thrown away."""

    def run(plan: Path) -> object:
        from massnahmen.cli import app

        out = plan.with_suffix(".xlsx")
        words = [str(plan) if a == "PLAN" else str(out) if a == "OUT" else a for a in args]
        with (
            open(os.devnull, "w") as sink,
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
            contextlib.suppress(SystemExit),
        ):
            app(words, prog_name="massnahmen")
        return None

    return run


COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("check", "PLAN", "--as-of", "2025-03-18", "-f", "json"),
    "status": ("status", "PLAN", "--as-of", "2025-03-18"),
    "list": ("list", "PLAN", "--as-of", "2025-03-18", "-f", "csv"),
    "show": ("show", "PLAN", "VW-01", "--as-of", "2025-03-18"),
    "remind": ("remind", "PLAN", "--as-of", "2025-03-18", "-f", "json"),
    "diff": ("diff", "PLAN", "PLAN", "--as-of", "2025-03-18"),
    "export": ("export", "PLAN", "--as-of", "2025-03-18", "-o", "OUT"),
}


@dataclass(frozen=True)
class Case:
    item: int
    n: int  # the default size; the figures are for n and 4n
    prepare: Prepare
    after: Run
    before: Run | None


CASES: dict[str, Case] = {
    "cycles": Case(6, 2_000, _cycles_input, _cycles_after, _cycles_before),
    "csv import": Case(7, 5_000, _csv_input, _csv_after, _csv_before),
    "key index": Case(8, 25_000, _index_input, _index_after, _index_before),
    "shared strings": Case(9, 50_000, _strings_input, _strings_after, _strings_before),
    "owners": Case(10, 5_000, _owners_input, _owners_after, None),
    **{name: Case(0, 500, _plan_input, _command(*args), None) for name, args in COMMANDS.items()},
}


@dataclass
class Growth:
    """What 4× the input costs, before and after the fix (seconds, best of the runs)."""

    case: str
    item: int
    n: int
    after_n: float
    after_4n: float
    before_n: float | None = None
    before_4n: float | None = None

    @property
    def ratio(self) -> float:
        return self.after_4n / max(self.after_n, 1e-9)

    @property
    def ratio_before(self) -> float | None:
        if self.before_n is None or self.before_4n is None:
            return None
        return self.before_4n / max(self.before_n, 1e-9)

    @property
    def speedup(self) -> float | None:
        """Before over after at 4n."""
        return None if self.before_4n is None else self.before_4n / max(self.after_4n, 1e-9)


def _best(run: Run, prepared: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(prepared)
        times.append(time.perf_counter() - start)
    return min(times)


def growth(name: str, n: int | None = None, runs: int = 3, before: bool = True) -> Growth:
    """Times case `name` on inputs of size n and 4n: after the fix and, if `before`, before."""
    case = CASES[name]
    size = n or case.n
    _SIZE[0] = size
    with tempfile.TemporaryDirectory() as tmp:
        small, large = case.prepare(size, Path(tmp)), case.prepare(4 * size, Path(tmp))
        case.after(small)  # imports and caches are not what grows
        result = Growth(name, case.item, size, _best(case.after, small, runs), 0.0)
        result.after_4n = _best(case.after, large, runs)
        if before and case.before is not None:
            result.before_n = _best(case.before, small, runs)
            result.before_4n = _best(case.before, large, 1)  # quadratic: once is enough
    return result


# --- item 10: devices ----------------------------------------------------------------------------

_OLD_READ = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
path = Path(sys.argv[1])
if path.stat().st_size <= 64 * 1024 * 1024:  # read_bytes before: a size check, then read it all
    try:
        path.read_bytes()
    except MemoryError:
        print("MemoryError")
"""
_NEW_READ = """
import sys
from pathlib import Path
from massnahmen.load import PlanFileError, read_bytes
try:
    read_bytes(Path(sys.argv[1]))
except PlanFileError:
    print("refused")
"""


def device(code: str, path: str, timeout: float = 5.0) -> tuple[float, str]:
    """Seconds until `code` is done with `path` in a child, and what it said (or `hangs`)."""
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, path], capture_output=True, text=True, timeout=timeout
        )
        said = done.stdout.strip() or done.stderr.strip().splitlines()[-1][:60]
    except subprocess.TimeoutExpired:
        said = f"hangs (stopped after {timeout:g} s)"
    return time.perf_counter() - start, said


def devices() -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "plan.toml")
        os.mkfifo(fifo)
        for name, path in (("FIFO", fifo), ("/dev/zero", "/dev/zero")):
            before, before_said = device(_OLD_READ, path)
            after, after_said = device(_NEW_READ, path)
            rows.append(
                {"device": name, "before_s": before, "before": before_said, "after_s": after,
                 "after": after_said}
            )  # fmt: skip
    return rows


# --- the run -------------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "") -> str:
    return "–" if value is None else f"{value:,.2f}{unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--cases", nargs="*", default=list(CASES))
    args = parser.parse_args(argv)
    found = [
        growth(name, max(1, int(CASES[name].n * args.scale)), args.runs) for name in args.cases
    ]
    print(f"{'case':<15} {'item':>4} {'n':>9}  {'4n/n before':>11} {'4n/n after':>10}  "
          f"{'before 4n':>10} {'after 4n':>9} {'faster':>8}")  # fmt: skip
    for g in found:
        print(
            f"{g.case:<15} {g.item:>4} {g.n:>9,}  {_fmt(g.ratio_before):>11} {_fmt(g.ratio):>10}  "
            f"{_fmt(g.before_4n, ' s'):>10} {_fmt(g.after_4n, ' s'):>9} "
            f"{_fmt(g.speedup, '×'):>8}"
        )
    shown = devices()
    for row in shown:
        print(
            f"{row['device']:<15} {10:>4}  before: {row['before']} ({row['before_s']:.2f} s); "
            f"after: {row['after']} ({row['after_s']:.2f} s)"
        )
    if args.json is not None:
        document = {
            "growth": [
                {**asdict(g), "ratio": g.ratio, "ratio_before": g.ratio_before,
                 "speedup": g.speedup}
                for g in found
            ],
            "devices": shown,
        }  # fmt: skip
        args.json.write_text(json.dumps(document, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
