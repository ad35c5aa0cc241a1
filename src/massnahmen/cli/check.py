"""`massnahmen check`: validate plans for people and scheduled jobs."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.checks import check_codes
from massnahmen.cli.options import AS_OF_HELP, FORMAT_HELP, PLANS_HELP, day, discovered
from massnahmen.diagnostics import Severity
from massnahmen.render.check import RENDERERS
from massnahmen.run.plans import Reading, keep_plan, plan_paths, run_plans

NAME = "check"
Format = Literal["text", "json"]
assert set(get_args(Format)) == set(RENDERERS), "--format's choices are the renderers"


def command(
    plans: list[Path] = typer.Argument(None, metavar="PLAN", help=PLANS_HELP, show_default=False),
    format: Format = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    select: list[str] = typer.Option(
        [],
        "--select",
        metavar="CODES",
        help="Only these codes or prefixes (E1, W2, W201); repeat or comma-separate.",
    ),
    ignore: list[str] = typer.Option(
        [],
        "--ignore",
        metavar="CODES",
        help="Leave out these codes or prefixes; adds to the plan's settings.ignore.",
    ),
    fail_on: Severity = typer.Option(
        "error", "--fail-on", help="Exit 1 for findings of this severity or worse."
    ),
) -> int:
    """Validate plans: references, dependencies, dates, deadlines, owners.

    Several plans (files, or folders of them) are each checked on their own; the exit code is
    the worst of them.
    """
    selected, ignored = check_codes(select, ignore)
    reading = Reading(day(as_of), "checked", tuple(selected), tuple(ignored))
    run = run_plans(
        plan_paths(discovered(plans or [])), reading, keep_plan, fail_on=fail_on, parallel=True
    )
    RENDERERS[format](run)
    return run.return_code()
