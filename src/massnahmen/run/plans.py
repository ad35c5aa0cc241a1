"""Many plans at once: each plan read and checked on its own, on every core when that pays.

A county or a data centre holds dozens of plans. Nothing is shared between them: each is loaded
and checked by itself, so owners and fields never leak from one plan into another, and a
finding keeps the name of its file.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TypeVar

from massnahmen.diagnostics import Diagnostic

T = TypeVar("T")
# Below this much plan text in all, starting worker processes costs more than it saves.
# Measured with benchmarks/portfolio.py on 2 cores (serial time / parallel time, best of 7):
# 1.3 MB 0.97-1.03, 2.0 MB 1.12, 2.7 MB 1.19, 6.6 MB 1.34, 13 MB 1.37-1.55.
PARALLEL_BYTES = 3 * 1024 * 1024 // 2


@dataclass(frozen=True)
class PlanCheck:
    """The findings about one plan file, or why it could not be read (`failure`)."""

    file: str
    findings: list[Diagnostic] = field(default_factory=list)
    failure: str | None = None


def check_file(
    path: Path, as_of: dt.date, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> PlanCheck:
    """Loads and checks one plan file; an unreadable file is a failure, not an exception."""
    from massnahmen.checks import check_plan
    from massnahmen.load import PlanFileError, load_plan

    try:
        loaded = load_plan(path)
    except PlanFileError as exc:
        return PlanCheck(str(path), failure=str(exc))
    return PlanCheck(str(path), check_plan(loaded, as_of, select, ignore))


def check_files(
    paths: Sequence[Path],
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    jobs: int | None = None,
) -> Iterator[PlanCheck]:
    """`check_file` for each path, in the order given."""
    work = partial(check_file, as_of=as_of, select=tuple(select), ignore=tuple(ignore))
    return map_plans(work, paths, jobs=jobs)


def map_plans(
    function: Callable[[Path], T], paths: Sequence[Path], *, jobs: int | None = None
) -> Iterator[T]:
    """`function` applied to each path, results in the order of `paths`.

    Runs in worker processes (one per core, at most one per plan) when there is enough plan text
    for that to pay, else in this process. `jobs` forces the number of processes (1: none).
    `function` must be picklable (a module-level function or a partial of one).
    """
    workers = jobs if jobs is not None else default_jobs(paths)
    if workers <= 1 or len(paths) <= 1:
        return map(function, paths)
    return _map_in_processes(function, paths, min(workers, len(paths)))


def default_jobs(paths: Sequence[Path]) -> int:
    """One process per core if the plans are large enough together, else 1."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # reported when the plan is read
    return (os.cpu_count() or 1) if total >= PARALLEL_BYTES else 1


def _map_in_processes(
    function: Callable[[Path], T], paths: Sequence[Path], workers: int
) -> Iterator[T]:
    # What every worker needs is imported once, here: forked workers start with it (each would
    # otherwise spend 0.1 s of CPU importing pydantic and the model before its first plan).
    import massnahmen.checks
    import massnahmen.load  # noqa: F401

    chunk = max(1, len(paths) // (workers * 4))  # small chunks: plans differ in size
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        yield from pool.map(function, paths, chunksize=chunk)


def _context() -> BaseContext | None:
    """fork where it is safe (Linux; no threads run here), so that workers inherit what is
    imported instead of importing it again; the platform's default elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return None


@dataclass(frozen=True)
class Figures:
    """The comparable figures of a plan or of one of its fields of action."""

    measures: int
    open: int
    done: int
    overdue: int
    red: int
    yellow: int
    green: int
    average_progress: float | None  # percent, over the measures not cancelled
    budget: float


@dataclass(frozen=True)
class FieldFigures:
    name: str
    figures: Figures


@dataclass(frozen=True)
class PlanSummary:
    """One plan of a portfolio as the county compares it; `problem` if it has none to compare."""

    file: str
    authority: str = ""
    title: str = ""
    totals: Figures | None = None
    fields: tuple[FieldFigures, ...] = ()
    problem: str | None = None  # unreadable, or invalid (with the count of errors)
    errors: list[Diagnostic] = field(default_factory=list)


def summarise_file(path: Path, as_of: dt.date) -> PlanSummary:
    """Loads, checks and summarises one plan on its own; small enough to send between processes."""
    from massnahmen.checks import check_plan
    from massnahmen.load import PlanFileError, load_plan
    from massnahmen.report import build_report

    try:
        loaded = load_plan(path)
    except PlanFileError as exc:
        return PlanSummary(str(path), problem=str(exc))
    errors = [d for d in check_plan(loaded, as_of, select=["E"]) if d.severity == "error"]
    if errors or loaded.plan is None:
        count = len(errors)
        problem = f"invalid plan: {count} error{'s' * (count != 1)}"
        return PlanSummary(str(path), problem=problem, errors=errors)
    report = build_report(loaded.plan, as_of)
    fields = tuple(
        FieldFigures(summary.field.name, _figures(summary.tally)) for summary in report.fields
    )
    header = loaded.plan.plan
    return PlanSummary(str(path), header.authority, header.title, _figures(report.totals), fields)


def summarise_files(paths: Sequence[Path], as_of: dt.date) -> Iterator[PlanSummary]:
    """`summarise_file` for each path, in order, on every core when that pays."""
    return map_plans(partial(summarise_file, as_of=as_of), paths)


def fields_side_by_side(
    plans: Sequence[PlanSummary],
) -> list[tuple[str, list[Figures | None]]]:
    """Each field of action by name (case and spacing ignored), in order of first appearance,
    with its figures in each plan (None where a plan has no such field)."""
    names: dict[str, str] = {}
    found: dict[tuple[str, int], Figures] = {}
    for index, plan in enumerate(plans):
        for field_figures in plan.fields:
            key = " ".join(field_figures.name.casefold().split())
            names.setdefault(key, field_figures.name)
            found[(key, index)] = field_figures.figures
    return [
        (name, [found.get((key, index)) for index in range(len(plans))])
        for key, name in names.items()
    ]


def _figures(tally: Any) -> Figures:
    lights = tally.by_light
    return Figures(
        tally.measures,
        tally.open,
        tally.by_status["done"],
        tally.overdue,
        lights["red"],
        lights["yellow"],
        lights["green"],
        tally.average_progress,
        tally.budget,
    )
