"""What `collect` tells: each refused, unchanged or conflicting row on stderr (named by file
and cell, as a compiler names a line), a dry run's diff and a summary per file on stdout."""

from __future__ import annotations

import sys

from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error
from massnahmen.request.collecting import Collected
from massnahmen.words import say

SAID = ("invalid", "conflict", "unchanged")


def report_collected(collected: Collected, *, dry_run: bool) -> int:
    """Reports and returns the exit code: 1 if a row was refused or the edit was, else 0."""
    edit = collected.edit
    refused = edit is not None and edit.refusal is not None
    if edit is not None and edit.refusal is not None:
        for finding in edit.refusal.findings:
            print_error(finding.format())
        print_error(printable(f"{edit.file}: {edit.refusal.reason}"))
    bad = False
    for file, answers in collected.answers.items():
        counts = dict.fromkeys(("taken", "refused", "unchanged", "empty"), 0)
        for answer in answers:
            verdict = answer.verdict
            if verdict in ("invalid", "conflict"):
                bad = True
                counts["refused"] += 1
            elif verdict == "taken" and refused:
                counts["refused"] += 1
            else:
                counts[verdict] += 1
            if verdict in SAID:
                line = f"{file}:{answer.cell}: {answer.measure}: {answer.message}"
                print_error(printable(line))
        key = "collect.summary_dry" if dry_run else "collect.summary"
        sys.stdout.write(printable(say(key, file=file, **counts)) + "\n")
    if edit is not None and edit.refusal is None and dry_run:
        sys.stdout.writelines(printable(line) + "\n" for line in edit.diff().splitlines())
    return 1 if bad or refused else 0
