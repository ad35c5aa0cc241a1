"""`massnahmen check`: validate a plan for people and scheduled jobs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal, get_args

import typer

from massnahmen.checks import CHECKS, check_plan, unknown_codes
from massnahmen.cli.common import (
    AS_OF_HELP,
    EXIT_FAILURE,
    PLANS_HELP,
    exit_code,
    expand_plans,
    fail,
    is_portfolio,
    parse_date,
)
from massnahmen.diagnostics import Severity
from massnahmen.render.check import (
    PORTFOLIO_REPORTERS,
    REPORTERS,
    CheckResult,
    PortfolioResult,
    Unreadable,
)

Format = Literal["text", "json"]
assert set(get_args(Format)) == set(REPORTERS) == set(PORTFOLIO_REPORTERS), "choices follow them"


def _codes_epilog() -> str:
    lines = [f"{c.code}  {c.severity:<7}  {c.summary}" for c in CHECKS.values()]
    return "Checks:\n\n\b\n" + "\n".join(lines)


def _split(values: list[str]) -> list[str]:
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def check(
    plans: list[Path] = typer.Argument(..., metavar="PLAN", help=PLANS_HELP),
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
    """Validate plans: references, dependencies, dates, deadlines, owners.

    Several plans (files, or folders of them) are each checked on their own; the exit code is
    the worst of them.
    """
    day = parse_date(as_of)
    selected, ignored = _split(select), _split(ignore)
    unknown = unknown_codes(selected + ignored)
    if unknown:
        raise typer.BadParameter(f"no check has the code {', '.join(unknown)}")
    if is_portfolio(plans):
        raise typer.Exit(
            _check_portfolio(expand_plans(plans), day, selected, ignored, format, fail_on)
        )
    from massnahmen.load import PlanFileError, load_plan  # pydantic only when needed

    try:
        loaded = load_plan(plans[0])
    except PlanFileError as exc:
        fail(str(exc))
    findings = check_plan(loaded, day, selected, ignored)
    REPORTERS[format](CheckResult(str(plans[0]), day, findings))
    raise typer.Exit(exit_code(findings, fail_on))


def _check_portfolio(
    paths: list[Path],
    day: dt.date,
    selected: list[str],
    ignored: list[str],
    format: Format,
    fail_on: Severity,
) -> int:
    """Checks each plan on its own (on every core when the plans are large) and reports each as
    it is done; returns the worst exit code."""
    from massnahmen.run.plans import check_files

    report_each, report_all = PORTFOLIO_REPORTERS[format]
    results: list[CheckResult | Unreadable] = []
    worst = 0
    for checked in check_files(paths, day, selected, ignored):
        if checked.failure is not None:
            result: CheckResult | Unreadable = Unreadable(checked.file, checked.failure)
            worst = EXIT_FAILURE
        else:
            result = CheckResult(checked.file, day, checked.findings)
            worst = max(worst, exit_code(checked.findings, fail_on))
        report_each(result)
        results.append(result)
    report_all(PortfolioResult(day, results))
    return worst


def register(app: typer.Typer) -> None:
    app.command(epilog=_codes_epilog())(check)
