"""`massnahmen import`: an existing measure plan from Excel or CSV into a new plan file.

The plan is written even when the check finds errors in what the source says (a deadline before
its start, say): the officer fixes them in the file, and the exit code 1 tells a job so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

NAME = "import"
PROGRESS_FROM_ROWS = 2000  # smaller imports are done before a bar would help


def command(
    source: Path = typer.Argument(..., metavar="SOURCE", help="The workbook (.xlsx) or CSV file."),
    output: Path = typer.Option(..., "--output", "-o", metavar="PLAN", help="The plan to write."),
    mapping: Path | None = typer.Option(
        None, "--mapping", metavar="MAPPING", help="How related sheets join (a TOML file)."
    ),
    sheet: str | None = typer.Option(
        None, "--sheet", metavar="NAME", help="The sheet of measures (default: found by name)."
    ),
    authority: str | None = typer.Option(
        None, "--authority", metavar="NAME", help='The municipality, e.g. "Stadt Ulm".'
    ),
    title: str | None = typer.Option(None, "--title", metavar="TITLE", help="The plan's title."),
    force: bool = typer.Option(False, "--force", help="Overwrite PLAN if it exists."),
) -> int:
    """Read an existing measure plan from Excel or CSV into a new plan file."""
    from massnahmen.importer import import_plan, plan_text, refuse_existing, write_plan_file
    from massnahmen.render.import_ import report_import
    from massnahmen.render.progress import RowsBar
    from massnahmen.run.outcome import Outcome

    refuse_existing(output, force=force)
    today = dt.date.today()
    with RowsBar("Zeilen lesen", PROGRESS_FROM_ROWS) as bar:
        imported = import_plan(
            source,
            mapping_path=mapping,
            sheet=sheet,
            title=title,
            authority=authority,
            today=today,
            progress=bar.update,
        )
    text, findings = plan_text(imported, source, mapping, output, today)
    write_plan_file(output, text)
    report_import(imported, source, output, findings, today)
    return Outcome(str(output), imported, tuple(findings)).code()
