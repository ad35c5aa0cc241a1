"""`massnahmen import`: an existing measure plan from Excel or CSV into a new plan file.

The plan is written even when the check finds errors in what the source says (a deadline before
its start, say): the officer fixes them in the file, and the exit code 1 tells a job so.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from massnahmen import __version__
from massnahmen.cli.common import EXIT_FINDINGS, EXIT_OK, fail
from massnahmen.render.console import print_error

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from massnahmen.diagnostics import Diagnostic
    from massnahmen.importer import Imported

PROGRESS_FROM_ROWS = 2000  # smaller imports are done before a bar would help


def import_(
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
) -> None:
    """Read an existing measure plan from Excel or CSV into a new plan file."""
    if output.exists() and not force:
        fail(f"{output}: exists; give --force to overwrite it")
    from massnahmen.importer import MappingError, SourceError, import_plan

    today = dt.date.today()
    bar = _ProgressBar()
    try:
        imported = import_plan(
            source,
            mapping_path=mapping,
            sheet=sheet,
            title=title,
            authority=authority,
            today=today,
            progress=bar.update if sys.stderr.isatty() else None,
        )
    except (SourceError, MappingError) as exc:
        bar.stop()
        fail(str(exc))
    bar.stop()
    findings, text = _check(imported, source, mapping, output, today)
    from massnahmen.files import atomic_write

    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        fail(f"{output}: cannot be written ({exc.strerror or exc})")
    _report(imported, source, output, findings, today)
    errors = any(d.severity == "error" for d in findings)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


def _check(
    imported: Imported, source: Path, mapping: Path | None, output: Path, today: dt.date
) -> tuple[list[Diagnostic], str]:
    from massnahmen.checks import check_plan
    from massnahmen.edit.writer import render_plan_toml
    from massnahmen.load import Loaded

    comment = [
        f"Imported by massnahmen {__version__} on {today.isoformat()}",
        f"from {source.name} ({imported.sheet})"
        + (f" with the mapping {mapping.name}" if mapping else "")
        + ".",
        "Check it with `massnahmen check`; fill in what the source did not say.",
    ]
    text = render_plan_toml(imported.plan, "\n".join(comment))
    # The text loads as this very plan (the writer's round-trip test). Warnings are only
    # counted, so they need no line numbers; errors are listed, located in the text.
    findings = check_plan(Loaded(str(output), "", None, imported.plan), today)
    if any(d.severity == "error" for d in findings):
        findings = check_plan(Loaded(str(output), text, None, imported.plan), today)
    return findings, text


def _report(
    imported: Imported, source: Path, output: Path, findings: list[Diagnostic], today: dt.date
) -> None:
    """Unmapped cells and remarks, then errors in full and warnings counted, on stderr; the
    summary on stdout."""
    for problem in imported.problems:
        print_error(problem.format(source.name))
    for remark in imported.remarks:
        print_error(f"{source.name}: {remark}")
    errors = [d for d in findings if d.severity == "error"]
    for diagnostic in errors:
        print_error(diagnostic.format())
    warnings = Counter(d.code for d in findings if d.severity == "warning")
    plan = imported.plan
    verdict = "invalid" if errors else "valid"
    counted = ", ".join(f"{code} ×{n}" for code, n in sorted(warnings.items()))
    print_error(
        f"{output}: {verdict}, {len(errors)} error{'s' * (len(errors) != 1)}, "
        f"{sum(warnings.values())} warning{'s' * (sum(warnings.values()) != 1)} "
        f"(as of {today})" + (f": {counted}; `massnahmen check` lists them" if warnings else "")
    )
    if errors:
        print_error(f"{output}: written all the same; fix the errors above in the file")
    cells = len(imported.problems)
    sys.stdout.write(
        f"{output}: {len(plan.measures)} measures, {len(plan.fields)} fields of action, "
        f"{len(plan.owners)} owners from {source.name}; "
        f"{cells} item{'s' * (cells != 1)} not mapped\n"
    )


class _ProgressBar:
    """A rich progress bar on stderr, shown only once an import turns out to be large."""

    def __init__(self) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def update(self, done: int, total: int | None) -> None:
        if self._progress is None:
            if (total or done) < PROGRESS_FROM_ROWS:
                return
            from rich.progress import Progress

            from massnahmen.render.console import stderr_console

            self._progress = Progress(console=stderr_console(), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("Zeilen lesen", total=total)
        assert self._task is not None
        self._progress.update(self._task, completed=done)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def register(app: typer.Typer) -> None:
    app.command(name="import")(import_)
