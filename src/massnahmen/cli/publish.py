"""`massnahmen publish`: the public progress page, a static website written into a folder."""

from __future__ import annotations

from pathlib import Path

import typer

from massnahmen.cli.common import AS_OF_HELP, EXIT_FINDINGS, LANG_HELP, fail, load_valid, parse_date
from massnahmen.diagnostics import Diagnostic
from massnahmen.render.console import print_error
from massnahmen.words import Lang


def publish(
    plan: Path = typer.Argument(..., metavar="PLAN", help="The plan file (TOML)."),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        metavar="DIR",
        help="The site's folder: new, empty, or written by publish before.",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Write the public progress page: a static, accessible, self-contained website.

    DIR/index.html shows the plan, its fields of action and totals; a page per field of action
    and per measure follows, with one stylesheet. The plan's [publish] table decides what is
    shown; e-mail addresses never are.
    """
    day = parse_date(as_of)
    parsed = load_valid(plan, day)
    from massnahmen.bulk import paused_gc
    from massnahmen.publish import build_site, unknown_exclusions
    from massnahmen.publish.folder import FolderRefused, write_site
    from massnahmen.render.site import site_files

    problems = list(unknown_exclusions(parsed, str(plan)))
    if problems:
        for problem in _located(problems, plan):
            print_error(problem.format())
        print_error(f"{plan}: nothing published, fix the [publish] table first")
        raise typer.Exit(EXIT_FINDINGS)
    try:
        with paused_gc():  # no cycles among the pages; -10 % CPU on 10,000 measures
            site = build_site(parsed, day)
            written, removed = write_site(output, site_files(site, lang))
    except FolderRefused as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{output}: cannot be written ({exc.strerror or exc})")
    gone = f", {removed} earlier files removed" if removed else ""
    print_error(
        f"{output}: {written} files, {sum(1 for _ in site.measures)} measures as of {day}{gone}"
    )


def _located(problems: list[Diagnostic], plan: Path) -> list[Diagnostic]:
    """The problems with their line and column (the plan is read again for its positions)."""
    import dataclasses

    from massnahmen.load import load_plan

    source_map = load_plan(plan).source_map
    return [
        dataclasses.replace(p, line=(where := source_map.locate(p.path))[0], column=where[1])
        for p in problems
    ]


def register(app: typer.Typer) -> None:
    app.command()(publish)
