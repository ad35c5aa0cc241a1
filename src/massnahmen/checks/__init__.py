"""Running the registered checks over a loaded plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from massnahmen.bulk import paused_gc
from massnahmen.checks import attributes, consistency, owners, progress, references, schedule
from massnahmen.checks.registry import CHECKS, Check, declare
from massnahmen.diagnostics import Diagnostic, sort_key
from massnahmen.errors import UsageProblem
from massnahmen.report.state import PlanState
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.load import Loaded

__all__ = [
    "CHECKS",
    "Check",
    "check_codes",
    "check_plan",
    "covers_errors",
    "matches",
    "unknown_codes",
]
_MODULES = (references, consistency, attributes, schedule, progress, owners)  # fill CHECKS

declare("E001", "error", "the file is not valid TOML (with the parser's line and column)")
declare("E002", "error", "a key is missing, unknown, or has the wrong type or value")
_ordered = sorted(CHECKS.items())  # help and README list the codes in order
CHECKS.clear()
CHECKS.update(_ordered)
UNIGNORABLE = ("E001", "E002")
ERROR_CODES = tuple(code for code, check in CHECKS.items() if check.severity == "error")


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Whether `code` is one of `patterns`, each a code or a prefix such as `W2`."""
    return any(code.startswith(pattern.upper()) for pattern in patterns)


def covers_errors(pattern: str) -> bool:
    """Whether ignoring `pattern` would hide an error (`E`, `E1`, `E105`, ``)."""
    return any(code.startswith(pattern.strip().upper()) for code in ERROR_CODES)


def unknown_codes(patterns: Iterable[str]) -> list[str]:
    """The patterns that name no registered check."""
    return [p for p in patterns if not any(matches(code, [p]) for code in CHECKS)]


def check_codes(select: Sequence[str], ignore: Sequence[str]) -> tuple[list[str], list[str]]:
    """The codes of `--select` and `--ignore` (repeated or comma-separated, any case); a usage
    problem if one names no check."""
    selected, ignored = _split(select), _split(ignore)
    unknown = unknown_codes(selected + ignored)
    if unknown:
        raise UsageProblem(f"no check has the code {', '.join(unknown)}")
    return selected, ignored


def _split(values: Sequence[str]) -> list[str]:
    return [code.strip().upper() for value in values for code in value.split(",") if code.strip()]


def check_plan(
    loaded: Loaded,
    as_of: dt.date,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Diagnostic]:
    """Every finding about a loaded plan on `as_of`, located, filtered and in report order."""
    with paused_gc():
        return _check_plan(loaded, as_of, select, ignore)


def _check_plan(
    loaded: Loaded, as_of: dt.date, select: Sequence[str], ignore: Sequence[str]
) -> list[Diagnostic]:
    found = list(loaded.diagnostics)
    found += [
        Diagnostic(
            "E002",
            "error",
            "--ignore " + say("ignore_error_code", pattern=f'"{p}"'),
            file=loaded.file,
        )
        for p in ignore
        if covers_errors(p)
    ]
    plan = loaded.plan
    if plan is not None:
        state = PlanState(plan, as_of)
        ignore = [*ignore, *plan.settings.ignore]
        for check in CHECKS.values():
            if check.function is None or (select and not matches(check.code, select)):
                continue
            if check.severity == "warning" and matches(check.code, ignore):
                continue  # errors are never ignored, whatever a pattern says
            for finding in check.function(plan, state):
                where = loaded.source_map.locate(finding.path)
                found.append(
                    Diagnostic(
                        check.code,
                        check.severity,
                        finding.message,
                        finding.subject,
                        finding.kind,
                        finding.path,
                        loaded.file,
                        *where,
                    )
                )
    return sorted(found, key=sort_key)
