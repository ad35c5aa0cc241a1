"""Reporters for `check`: compiler-style text for people, one JSON document for jobs."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from massnahmen.diagnostics import Diagnostic
from massnahmen.render.console import stderr_console, wants_colour
from massnahmen.run.outcome import Outcome, Run
from massnahmen.sanitize import json_text, printable
from massnahmen.words import current_lang, format_date, say

if TYPE_CHECKING:
    from massnahmen.model import Plan

_STYLE = {"error": "bold red", "warning": "yellow"}
Checked = Run["Plan"]


def _count(findings: Sequence[Diagnostic], severity: str) -> int:
    return sum(1 for d in findings if d.severity == severity)


def _as_of(run: Checked) -> dt.date:
    assert run.as_of is not None, "check reads its plans for a day"
    return run.as_of


def plan_json(outcome: Outcome[Plan], as_of: dt.date) -> dict[str, object]:
    """One plan's object, the shape SPEC gives; `{plan, failure}` for one that could not be read."""
    if outcome.failure is not None:
        return {"plan": outcome.plan, "failure": outcome.failure}
    errors = _count(outcome.findings, "error")
    return {
        "plan": outcome.plan,
        "as_of": as_of.isoformat(),
        "valid": errors == 0,
        "counts": {"error": errors, "warning": _count(outcome.findings, "warning")},
        "findings": [d.to_json() for d in outcome.findings],
    }


def run_json(run: Checked) -> dict[str, Any]:
    """Several plans: totals, then each plan's object in a list."""
    as_of = _as_of(run)
    findings = [d for o in run.outcomes for d in o.findings]
    errors = _count(findings, "error")
    readable = all(o.failure is None for o in run.outcomes)
    return {
        "as_of": as_of.isoformat(),
        "valid": readable and errors == 0,
        "counts": {"error": errors, "warning": _count(findings, "warning")},
        "plans": [plan_json(o, as_of) for o in run.outcomes],
    }


def _counts(errors: int, warnings: int) -> str:
    """`0 Fehler, 9 Warnungen` / `0 errors, 9 warnings`."""
    error_words = say("check.errors.one" if errors == 1 else "check.errors.many", count=errors)
    warning_key = "check.warnings.one" if warnings == 1 else "check.warnings.many"
    return f"{error_words}, {say(warning_key, count=warnings)}"


def _day(as_of: dt.date) -> str:
    return format_date(as_of, current_lang())


def _report_plan(outcome: Outcome[Plan], as_of: dt.date) -> None:
    """Findings to stderr, errors first, then a summary line; codes coloured on a terminal. For
    a plan that could not be read, its one line."""
    if outcome.failure is not None:
        sys.stderr.write(printable(f"massnahmen: {outcome.failure}") + "\n")
        return
    errors, warnings = _count(outcome.findings, "error"), _count(outcome.findings, "warning")
    verdict = say("check.invalid" if errors else "check.valid")
    counts = _counts(errors, warnings)
    summary = printable(
        say("check.summary", plan=outcome.plan, verdict=verdict, counts=counts, as_of=_day(as_of))
    )
    if not wants_colour(sys.stderr):
        sys.stderr.writelines(d.format() + "\n" for d in outcome.findings)
        sys.stderr.write(summary + "\n")
        return
    from rich.markup import escape

    console = stderr_console()
    for diagnostic in outcome.findings:
        style = _STYLE[diagnostic.severity]
        line = escape(diagnostic.format())
        console.print(line.replace(f" {diagnostic.code}", f" [{style}]{diagnostic.code}[/]", 1))
    style = "bold red" if errors else "green"
    console.print(escape(summary).replace(f": {verdict},", f": [{style}]{verdict}[/],", 1))


def report_text(run: Checked) -> None:
    """Each plan as soon as it is checked; for several plans, a closing line over all."""
    as_of = _as_of(run)
    for outcome in run:
        _report_plan(outcome, as_of)
    if not run.several:
        return
    outcomes = run.outcomes
    unreadable = sum(o.failure is not None for o in outcomes)
    invalid = sum(o.failure is None and _count(o.findings, "error") > 0 for o in outcomes)
    findings = [d for o in outcomes for d in o.findings]
    parts = [
        f"{len(outcomes) - invalid - unreadable} {say('check.valid')}",
        f"{invalid} {say('check.invalid')}",
    ]
    if unreadable:
        parts.append(f"{unreadable} {say('check.unreadable')}")
    counts = _counts(_count(findings, "error"), _count(findings, "warning"))
    line = say(
        "check.plans", count=len(outcomes), parts=", ".join(parts), counts=counts, as_of=_day(as_of)
    )
    sys.stderr.write(line + "\n")


def report_json(run: Checked) -> None:
    """One JSON object on stdout: one plan's, or for several plans the totals and each plan's.
    A single plan that cannot be read gets its one line on stderr instead."""
    if run.several:
        document = run_json(run)
    else:
        (outcome,) = run.outcomes
        if outcome.failure is not None:
            _report_plan(outcome, _as_of(run))
            return
        document = plan_json(outcome, _as_of(run))
    sys.stdout.write(json_text(document))


RENDERERS: dict[str, Callable[[Checked], None]] = {"text": report_text, "json": report_json}
