"""What every command shares: date options, failing with exit 2, and the exit code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from massnahmen.diagnostics import SEVERITY_RANK, Diagnostic
from massnahmen.render.console import print_error

if TYPE_CHECKING:
    from massnahmen.load import Loaded
    from massnahmen.model import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def parse_date(value: str | None, option: str = "--as-of") -> dt.date:
    """An ISO date given on the command line (today when not given)."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f'"{value}" is not a date (YYYY-MM-DD)', param_hint=option
        ) from None


def fail(message: str) -> NoReturn:
    """The command could not run: one line on stderr, exit 2."""
    print_error(f"massnahmen: {message}")
    raise typer.Exit(EXIT_FAILURE)


def exit_code(findings: Sequence[Diagnostic], fail_on: str) -> int:
    """1 if any finding is at or above `fail_on`, else 0 (SPEC's exit codes)."""
    threshold = SEVERITY_RANK[fail_on]
    return (
        EXIT_FINDINGS if any(SEVERITY_RANK[d.severity] >= threshold for d in findings) else EXIT_OK
    )


AS_OF_HELP = "Compute for this day (YYYY-MM-DD); default today."
PLANS_HELP = "Plan files (TOML), or folders: a folder stands for the *.toml files in it."
# TOML files that sit beside plans but are tool configuration, never a plan.
NOT_PLANS = frozenset({"pyproject.toml", "taplo.toml", ".taplo.toml"})


def is_portfolio(paths: Sequence[Path]) -> bool:
    """Several plans were asked for: more than one path, or a folder."""
    return len(paths) != 1 or paths[0].is_dir()


def expand_plans(paths: Sequence[Path]) -> list[Path]:
    """The plan files that the PLAN arguments name, each once, in the order given.

    A folder stands for its `*.toml` files, sorted by name; its subfolders, hidden files and tool
    configuration (`pyproject.toml`, `taplo.toml`) are left out. Every other TOML file is taken
    as a plan, so that a stray file shows up as an invalid plan rather than being skipped
    silently. A folder without any plan file is a usage error (exit 2); a missing file is
    reported when it is read.
    """
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        plans = sorted(
            (p for p in path.glob("*.toml") if p.is_file() and _may_be_plan(p.name)),
            key=lambda p: p.name,
        )
        if not plans:
            fail(f"{path}: no plan files (*.toml) in this folder")
        found.extend(plans)
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _may_be_plan(name: str) -> bool:
    return not name.startswith(".") and name not in NOT_PLANS


LANG_HELP = "Language of the report: de (default) or en."


def load_valid(path: Path, as_of: dt.date) -> Plan:
    """Loads a plan for a report: exit 2 if unreadable, exit 1 with the errors if invalid."""
    found = load_reportable(path, as_of)
    if isinstance(found, Failed):
        raise typer.Exit(found.code)
    return found


@dataclass(frozen=True)
class Failed:
    """A plan that cannot be reported on: unreadable (exit 2) or invalid (exit 1)."""

    plan: str
    message: str
    code: int

    def to_json(self) -> dict[str, object]:
        """As `check` reports a plan it cannot read."""
        return {"plan": self.plan, "failure": self.message}


def load_reportable(path: Path, as_of: dt.date) -> Plan | Failed:
    """A valid plan for a report, or why not: the errors of an invalid plan, or why the file
    cannot be read, go to stderr (the same lines for one plan and for several).

    A valid plan is read with `load_model`, which never holds the file's whole text or data;
    only a plan with errors is read again with `load_plan`, for the positions of its errors.
    """
    from massnahmen.load import Loaded, PlanFileError, load_model, load_plan

    try:
        plan = load_model(path)
        if plan is not None and not _errors(Loaded(str(path), "", None, plan), as_of):
            return plan
        loaded = load_plan(path)
    except PlanFileError as exc:
        print_error(f"massnahmen: {exc}")
        return Failed(str(path), str(exc), EXIT_FAILURE)
    errors = _errors(loaded, as_of)
    if errors or loaded.plan is None:
        for diagnostic in errors:
            print_error(diagnostic.format())
        print_error(f"{path}: invalid plan, fix the errors above first")
        count = len(errors)
        return Failed(str(path), f"invalid plan: {count} error{'s' * (count != 1)}", EXIT_FINDINGS)
    return loaded.plan


def _errors(loaded: Loaded, as_of: dt.date) -> list[Diagnostic]:
    from massnahmen.checks import check_plan

    return [d for d in check_plan(loaded, as_of, select=["E"]) if d.severity == "error"]


def worst_code(results: Sequence[object]) -> int:
    """The exit code of several plans: the worst of those that failed, else 0."""
    return max((r.code for r in results if isinstance(r, Failed)), default=EXIT_OK)
