"""What `add` and `update` share: run an edit, report it, and pick the exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

import typer

from massnahmen.cli.common import EXIT_FINDINGS, EXIT_OK, fail
from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error

if TYPE_CHECKING:
    from massnahmen.edit.session import Operation

# The choices of the model, spelled out here so that `--help` does not load pydantic
# (tests/test_edit_cli.py keeps them equal to massnahmen.model).
StatusChoice = Literal["planned", "in_progress", "done", "on_hold", "cancelled"]
PriorityChoice = Literal["high", "medium", "low"]

DRY_RUN_HELP = "Print the change as a diff and write nothing."
EDIT_AS_OF_HELP = "Check the edited plan as of this day (YYYY-MM-DD); default today."
DEADLINE_HELP = (
    'A date (2026-06-30), a period ("2026", "2026-H1", "2026-Q2", "2026-06") or "ongoing".'
)


def run_edit(plan: Path, operation: Operation, *, dry_run: bool, as_of: dt.date) -> NoReturn:
    """Edits `plan`: exit 0 when done (or shown), 1 when refused, 2 when it cannot run. The
    checks that may refuse it, and the warnings it brings, are those of `as_of` (today)."""
    from massnahmen.edit import EditError, edit_plan

    try:
        result = edit_plan(plan, operation, today=as_of, dry_run=dry_run)
    except EditError as exc:
        fail(str(exc))
    if result.refusal is not None:
        for finding in result.refusal.findings:
            print_error(finding.format())
        print_error(printable(f"{result.file}: {result.refusal.reason}"))
        raise typer.Exit(EXIT_FINDINGS)
    assert result.change is not None
    if dry_run:
        sys.stdout.writelines(printable(line) + "\n" for line in result.diff().splitlines())
    for warning in result.warnings:
        print_error(warning.format())
    if dry_run:
        print_error(printable(f"{result.file}: dry run, nothing written ({result.change.summary})"))
    else:
        sys.stdout.write(printable(f"{result.file}: {result.change.summary}") + "\n")
    raise typer.Exit(EXIT_OK)


def split_ids(values: list[str]) -> list[str]:
    """Ids given repeatedly or comma-separated: `--depends-on VW-01,VW-02`."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
