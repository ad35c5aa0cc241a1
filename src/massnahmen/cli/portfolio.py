"""What `status --portfolio` and `export --portfolio` share: summaries and the exit code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.cli.common import EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK
from massnahmen.render.console import print_error
from massnahmen.words import Lang, label

if TYPE_CHECKING:
    from massnahmen.run.plans import PlanSummary

PORTFOLIO_HELP = (
    "Compare the plans: per plan the totals, overdue measures, traffic lights and average "
    "progress, and each field of action (matched by name) side by side."
)


def summarise(paths: Sequence[Path], day: dt.date, lang: Lang) -> tuple[list[PlanSummary], int]:
    """Each plan summarised on its own (a bar on a terminal); the errors of invalid plans on
    stderr. Returns the summaries and the worst exit code (2 unreadable, 1 invalid)."""
    from massnahmen.render.progress import progress_bar
    from massnahmen.run.plans import summarise_files

    found: list[PlanSummary] = []
    worst = EXIT_OK
    description = label("compare_reading", lang)
    with progress_bar(description, len(paths), at_least=10) as tick:
        for summary in summarise_files(paths, day):
            tick(1)
            found.append(summary)
            for diagnostic in summary.errors:
                print_error(diagnostic.format())
            if summary.problem is not None:
                failed = summary.totals is None and not summary.errors
                worst = max(worst, EXIT_FAILURE if failed else EXIT_FINDINGS)
                print_error(f"massnahmen: {summary.file}: {summary.problem}")
    return found, worst
