"""`massnahmen show`: one measure with its deadlines, dependencies and history."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.common import AS_OF_HELP, EXIT_FINDINGS, LANG_HELP, fail, parse_date
from massnahmen.labels import Lang
from massnahmen.render.console import print_error


def show(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    measure_id: str = typer.Argument(..., metavar="ID", help="The measure, e.g. VW-02."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Show one measure with its deadlines, dependencies and history."""
    day = parse_date(as_of)
    from massnahmen.diagnostics import did_you_mean
    from massnahmen.loader import PlanFileError, load_plan
    from massnahmen.render.show import print_measure
    from massnahmen.state import PlanState

    try:
        loaded = load_plan(plan)
    except PlanFileError as exc:
        fail(str(exc))
    if loaded.plan is None:
        for diagnostic in loaded.diagnostics:
            print_error(diagnostic.format())
        print_error(f"{plan}: invalid plan, fix the errors above first")
        raise typer.Exit(EXIT_FINDINGS)
    state = PlanState(loaded.plan, day)
    measure = state.by_id.get(measure_id)
    if measure is None:
        fail(f"{plan}: no measure {measure_id}{did_you_mean(measure_id, state.by_id)}")
    print_measure(loaded.plan, state, measure, lang)


def register(app: typer.Typer) -> None:
    app.command()(show)
