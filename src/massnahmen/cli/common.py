"""What every command shares: date options, failing with exit 2, and the exit code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from massnahmen.diagnostics import SEVERITY_RANK, Diagnostic
from massnahmen.render.console import print_error

if TYPE_CHECKING:
    from massnahmen.loader import Loaded
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
    """Loads a plan for a report: exit 2 if unreadable, exit 1 with the errors if invalid.

    A valid plan is read with `load_model`, which never holds the file's whole text or data;
    only a plan with errors is read again with `load_plan`, for the positions of its errors.
    """
    from massnahmen.loader import Loaded, PlanFileError, load_model, load_plan

    try:
        plan = load_model(path)
        if plan is not None and not _errors(Loaded(str(path), "", None, plan), as_of):
            return plan
        loaded = load_plan(path)
    except PlanFileError as exc:
        fail(str(exc))
    errors = _errors(loaded, as_of)
    if errors or loaded.plan is None:
        for diagnostic in errors:
            print_error(diagnostic.format())
        print_error(f"{path}: invalid plan, fix the errors above first")
        raise typer.Exit(EXIT_FINDINGS)
    return loaded.plan


def _errors(loaded: Loaded, as_of: dt.date) -> list[Diagnostic]:
    from massnahmen.checks import check_plan

    return [d for d in check_plan(loaded, as_of, select=["E"]) if d.severity == "error"]
