"""What an edit tells (`add`, `update`, `init`): the change or why it was refused."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error
from massnahmen.run.outcome import Outcome
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.edit import EditResult


def outcome_of(result: EditResult) -> Outcome[EditResult]:
    """An edit as the outcome of its plan: refused (exit 1) or done."""
    refusal = result.refusal
    if refusal is None:
        return Outcome(result.file, result)
    return Outcome(result.file, result, tuple(refusal.findings), refusal=refusal.reason)


def report_edit(result: EditResult, *, dry_run: bool) -> None:
    """A refused edit: its findings and why, on stderr. A dry run: the diff on stdout. Then the
    warnings about the edited measure, and what was done (stdout) or would be (stderr)."""
    if result.refusal is not None:
        for finding in result.refusal.findings:
            print_error(finding.format())
        print_error(printable(f"{result.file}: {result.refusal.reason}"))
        return
    assert result.change is not None
    if dry_run:
        sys.stdout.writelines(printable(line) + "\n" for line in result.diff().splitlines())
    for warning in result.warnings:
        print_error(warning.format())
    if dry_run:
        summary = result.change.summary
        print_error(printable(say("edit.dry_run", path=result.file, summary=summary)))
    else:
        sys.stdout.write(printable(f"{result.file}: {result.change.summary}") + "\n")


def report_new_plan(path: Path, template: str) -> None:
    sys.stdout.write(printable(say("edit.new_plan", path=path, template=template)) + "\n")
