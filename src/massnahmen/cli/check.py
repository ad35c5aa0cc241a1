"""`massnahmen check`: validate a plan for people and scheduled jobs."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.checks import CHECKS, check_plan, unknown_codes
from massnahmen.cli.common import AS_OF_HELP, exit_code, fail, parse_date
from massnahmen.diagnostics import Severity
from massnahmen.render.findings import REPORTERS, CheckResult

Format = Literal["text", "json"]
assert set(get_args(Format)) == set(REPORTERS), "--format choices follow the registry"


def _codes_epilog() -> str:
    lines = [f"{c.code}  {c.severity:<7}  {c.summary}" for c in CHECKS.values()]
    return "Checks:\n\n\b\n" + "\n".join(lines)


def _split(values: list[str]) -> list[str]:
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def check(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    format: Format = typer.Option("text", "--format", "-f", help="Output format."),
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
) -> None:
    """Validate the plan: references, dependencies, dates, deadlines, owners."""
    day = parse_date(as_of)
    selected, ignored = _split(select), _split(ignore)
    unknown = unknown_codes(selected + ignored)
    if unknown:
        raise typer.BadParameter(f"no check has the code {', '.join(unknown)}")
    from massnahmen.loader import PlanFileError, load_plan  # pydantic only when needed

    try:
        loaded = load_plan(plan)
    except PlanFileError as exc:
        fail(str(exc))
    findings = check_plan(loaded, day, selected, ignored)
    REPORTERS[format](CheckResult(str(plan), day, findings))
    raise typer.Exit(exit_code(findings, fail_on))


def register(app: typer.Typer) -> None:
    app.command(epilog=_codes_epilog())(check)
