"""The taken answers written into the plan through the edit engine, as one edit: locked,
checked, atomic, only the touched measures changed. Where the edit as a whole would make the
plan invalid, each answer is tried alone, and those that would are refused with the finding;
the others are written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from massnahmen.edit import EditResult, edit_plan
from massnahmen.edit.batch import update_measures
from massnahmen.request.answers import Answer


@dataclass(frozen=True)
class Collected:
    """Each file's answers, as judged and as written, and the edit (None if nothing to write)."""

    answers: dict[str, list[Answer]]
    edit: EditResult | None


def _operation(answers: list[Answer]):  # type: ignore[no-untyped-def]
    updates = [(a.measure, a.update) for a in answers if a.update is not None]
    return lambda loaded: update_measures(loaded, updates)


def collect_answers(
    plan: Path, answers: dict[str, list[Answer]], *, as_of: dt.date, dry_run: bool
) -> Collected:
    """Writes every taken answer (or, with `dry_run`, only shows what would be written)."""
    taken = [a for file in answers.values() for a in file if a.verdict == "taken"]
    if not taken:
        return Collected(answers, None)
    result = edit_plan(plan, _operation(taken), today=as_of, dry_run=dry_run)
    if result.refusal is None:
        return Collected(answers, result)
    refused: dict[int, str] = {}
    for answer in taken:
        alone = edit_plan(plan, _operation([answer]), today=as_of, dry_run=True)
        if alone.refusal is not None:
            reasons = [d.message for d in alone.refusal.findings] or [alone.refusal.reason]
            refused[id(answer)] = "; ".join(reasons)
    judged = {
        file: [
            replace(a, verdict="invalid", message=refused[id(a)]) if id(a) in refused else a
            for a in rows
        ]
        for file, rows in answers.items()
    }
    good = [a for a in taken if id(a) not in refused]
    if not good or not refused:  # nothing left, or the whole only fails: report it as is
        return Collected(judged, result if not refused else None)
    return Collected(judged, edit_plan(plan, _operation(good), today=as_of, dry_run=dry_run))
