"""`massnahmen export`: the committee workbook (.xlsx), written atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    LANG_HELP,
    PLANS_HELP,
    expand_plans,
    fail,
    is_portfolio,
    load_valid,
    parse_date,
)
from massnahmen.cli.portfolio import PORTFOLIO_HELP
from massnahmen.cli.reporting import MEETING_HELP, SINCE_HELP, resolve, since_day
from massnahmen.render.console import print_error
from massnahmen.words import Lang, label

PROGRESS_FROM = 2_000  # measures; smaller plans are written before a bar would show


def export(
    plans: list[Path] = typer.Argument(..., metavar="PLAN", help=PLANS_HELP),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        metavar="FILE.xlsx",
        help="The workbook to write; its folder is created if missing.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
    since: str | None = typer.Option(
        None, "--since", help=SINCE_HELP + " Default: the previous meeting.", metavar="DATE"
    ),
    meeting: str | None = typer.Option(
        None, "--meeting", help=MEETING_HELP, metavar="previous|DATE"
    ),
    portfolio: bool = typer.Option(False, "--portfolio", help=PORTFOLIO_HELP),
) -> None:
    """Write the committee workbook: summary, measures, action needed, changes, owners.

    With --portfolio, one workbook that compares several plans (files, or folders of them).
    """
    day = parse_date(as_of)
    from_day = since_day(since, meeting)
    if output.suffix.lower() != ".xlsx":
        raise typer.BadParameter(f'"{output}" does not end in .xlsx', param_hint="--output")
    if is_portfolio(plans) and not portfolio:
        raise typer.BadParameter(
            "several plans go into one workbook with --portfolio", param_hint="PLAN"
        )
    check_writable(output)
    if portfolio:
        raise typer.Exit(_export_portfolio(expand_plans(plans), output, day, lang))
    plan = plans[0]
    parsed = load_valid(plan, day)
    from massnahmen.render.progress import progress_bar
    from massnahmen.render.workbook import work_units, workbook_bytes
    from massnahmen.report import build_report

    report = build_report(
        parsed, day, resolve(parsed, day, from_day, meeting, default_previous=True)
    )
    units = work_units(report)
    with progress_bar(label("writing", lang), units, at_least=2 * PROGRESS_FROM) as tick:
        data = workbook_bytes(report, lang, tick)
    write(output, data)
    changes = f", changes since {report.changes.since.day}" if report.changes else ""
    print_error(f"{output}: {len(parsed.measures)} measures as of {day}{changes}")


def _export_portfolio(paths: list[Path], output: Path, day: dt.date, lang: Lang) -> int:
    """The comparison workbook; returns the worst exit code of the plans."""
    from massnahmen.cli.portfolio import summarise
    from massnahmen.render.compare import portfolio_workbook

    summaries, worst = summarise(paths, day, lang)
    write(output, portfolio_workbook(summaries, day, lang))
    compared = sum(summary.totals is not None for summary in summaries)
    print_error(f"{output}: {compared} of {len(summaries)} plans compared as of {day}")
    return worst


def lock_file(path: Path) -> Path | None:
    """The lock file an office program keeps beside a workbook it has open, if there is one."""
    for name in (f".~lock.{path.name}#", f"~${path.name}"):  # LibreOffice, Microsoft Office
        lock = path.with_name(name)
        if lock.exists():
            return lock
    return None


def check_writable(path: Path) -> None:
    """Fails (exit 2) before any work if the workbook obviously cannot be written."""
    if path.is_dir():
        fail(f"{path}: is a folder; give a file name ending in .xlsx")
    lock = lock_file(path)
    if lock is not None:
        fail(f"{path}: is open in another program ({lock.name}); close it and export again")


def write(path: Path, data: bytes) -> None:
    """Creates the folder if needed and replaces the file atomically; exit 2 if it cannot."""
    from massnahmen.files import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except PermissionError:
        fail(f"{path}: permission denied (is it open in another program?)")
    except OSError as exc:
        fail(f"{path}: cannot be written ({exc.strerror or exc})")


def register(app: typer.Typer) -> None:
    app.command()(export)
