"""The plan runner: which plans a command was given, each read the way the command needs it, and
what the command made of each, as one `Outcome` per plan in a `Run`.

Every command that reads plans goes through `run_plans`, for one plan or many: one plan is a
run of one, so that loading, the errors of an invalid plan and the exit code are the same
everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from massnahmen.diagnostics import Diagnostic, Severity
from massnahmen.errors import CannotRun
from massnahmen.run.outcome import Outcome, Run
from massnahmen.run.parallel import map_plans
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.load import Loaded
    from massnahmen.model import Plan

T = TypeVar("T")
# TOML files that sit beside plans but are tool configuration, never a plan.
NOT_PLANS = frozenset({"pyproject.toml", "taplo.toml", ".taplo.toml"})
INVALID = "invalid plan, fix the errors above first"


@dataclass(frozen=True)
class PlanPaths:
    """The plan files a command was given; `several` if more than one path or a folder."""

    paths: list[Path]
    several: bool


def plan_paths(arguments: Sequence[Path]) -> PlanPaths:
    """The plan files that the PLAN arguments name, each once, in the order given.

    A folder stands for its `*.toml` files, sorted by name; its subfolders, hidden files and tool
    configuration (`pyproject.toml`, `taplo.toml`) are left out. Every other TOML file is taken
    as a plan, so that a stray file shows up as an invalid plan rather than being skipped
    silently. A folder without any plan file cannot be run (exit 2); a missing file is reported
    when it is read.
    """
    arguments = [with_suffix_if_missing(path) for path in arguments]
    several = len(arguments) != 1 or arguments[0].is_dir()
    found: list[Path] = []
    for path in arguments:
        if not path.is_dir():
            found.append(path)
            continue
        plans = folder_plans(path)
        if not plans:
            raise CannotRun(say("run.no_plan_in_folder", folder=path))
        found.extend(plans)
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)  # never raises, on a link loop either
    return PlanPaths([*unique.values()], several)


def discover_plan(folder: Path, named: str | None) -> Path:
    """The plan a command means when none is given: the one `MASSNAHMEN_PLAN` names, else the
    only plan file of `folder` (an import's mapping file, `*.mapping.toml`, is not a plan).
    Cannot run (exit 2) where there is none or more than one, naming what was found."""
    if named:
        return Path(named)
    plans = [p for p in folder_plans(folder) if not p.name.endswith(".mapping.toml")]
    if len(plans) == 1:
        return plans[0]
    if not plans:
        raise CannotRun(say("run.no_plan_here", folder=folder.resolve()))
    shown = ", ".join(p.name for p in plans[:5]) + (", …" if len(plans) > 5 else "")
    raise CannotRun(say("run.several_plans_here", count=len(plans), plans=shown))


def with_suffix_if_missing(path: Path) -> Path:
    """`kreisplan` for `kreisplan.toml` where only the latter exists, as a person types it."""
    if not path.suffix and not path.exists() and path.with_suffix(".toml").is_file():
        return path.with_suffix(".toml")
    return path


def folder_plans(folder: Path) -> list[Path]:
    """The plan files of a folder, sorted by name."""
    return sorted(
        (p for p in folder.glob("*.toml") if p.is_file() and _may_be_plan(p.name)),
        key=lambda p: p.name,
    )


def _may_be_plan(name: str) -> bool:
    return not name.startswith(".") and name not in NOT_PLANS


Mode = Literal["checked", "valid", "built"]


@dataclass(frozen=True)
class Reading:
    """How a command reads each plan, on which day.

    - `checked`: every finding, located, filtered by `select` and `ignore` (check);
    - `valid`: a plan with errors is refused, with its errors; a valid one is read with the
      least memory (reports);
    - `built`: any plan the model can be built from, whatever the checks say (show).
    """

    as_of: dt.date
    mode: Mode = "valid"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def read_plan(path: Path, reading: Reading) -> Outcome[Plan]:
    """One plan file read as `reading` says; never raises for what is in or about the file."""
    from massnahmen.load import PlanFileError

    try:
        if reading.mode == "valid":
            return _read_valid(path, reading.as_of)
        return _read_loaded(path, reading)
    except PlanFileError as exc:
        return Outcome(str(path), failure=str(exc))


def _read_loaded(path: Path, reading: Reading) -> Outcome[Plan]:
    from massnahmen.checks import check_plan
    from massnahmen.load import load_plan

    loaded = load_plan(path)
    if reading.mode == "built":
        findings = tuple(loaded.diagnostics)
    else:
        findings = tuple(check_plan(loaded, reading.as_of, reading.select, reading.ignore))
    if loaded.plan is None and reading.mode == "built":
        return Outcome(str(path), findings=findings, refusal=INVALID)
    return Outcome(str(path), loaded.plan, findings)


def _read_valid(path: Path, as_of: dt.date) -> Outcome[Plan]:
    """A valid plan is read with `load_model`, which never holds the file's whole text or data;
    only a plan with errors is read again with `load_plan`, for the positions of its errors."""
    from massnahmen.load import Loaded, load_model, load_plan

    plan = load_model(path)
    if plan is not None and not errors_of(Loaded(str(path), "", None, plan), as_of):
        return Outcome(str(path), plan)
    loaded = load_plan(path)
    errors = errors_of(loaded, as_of)
    if errors or loaded.plan is None:
        return Outcome(str(path), findings=tuple(errors), refusal=INVALID)
    return Outcome(str(path), loaded.plan)


def errors_of(loaded: Loaded, as_of: dt.date) -> list[Diagnostic]:
    """The errors of a loaded plan (warnings are not looked for)."""
    from massnahmen.checks import check_plan

    return [d for d in check_plan(loaded, as_of, select=["E"]) if d.severity == "error"]


def keep_plan(plan: Plan) -> Plan:
    """For commands that want the plan itself."""
    return plan


def run_plans(
    paths: PlanPaths,
    reading: Reading,
    then: Callable[[Plan], T],
    *,
    fail_on: Severity = "error",
    parallel: bool = False,
) -> Run[T]:
    """Each plan read as `reading` says and, where it can be used, `then` applied to it.

    `then` may raise CannotRun for one plan (a meeting it does not list, say): that plan failed,
    the others go on. With `parallel`, large plans are read on every core (`then` and its
    result must then be picklable).
    """
    work = partial(_outcome, reading=reading, then=then)
    outcomes: Iterator[Outcome[T]] = (
        map_plans(work, paths.paths) if parallel else map(work, paths.paths)
    )
    return Run(
        outcomes,
        several=paths.several,
        as_of=reading.as_of,
        size=len(paths.paths),
        fail_on=fail_on,
    )


def _outcome(path: Path, reading: Reading, then: Callable[[Plan], T]) -> Outcome[T]:
    read = read_plan(path, reading)
    if read.result is None or not read.ok:
        return Outcome(read.plan, None, read.findings, read.refusal, read.failure)
    try:
        result = then(read.result)
    except CannotRun as exc:
        return Outcome(read.plan, None, read.findings, failure=str(exc))
    return Outcome(read.plan, result, read.findings)
