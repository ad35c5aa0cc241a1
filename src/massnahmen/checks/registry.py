"""The registry of checks: each a small function, listed once with its code and severity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.diagnostics import Severity, SubjectKind
from massnahmen.report.state import PlanState
from massnahmen.words import current_lang, format_date, format_number, say

if TYPE_CHECKING:
    from massnahmen.model import Plan

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check function reports; the registry adds the code and severity."""

    message: str
    path: Path
    subject: str | None = None
    kind: SubjectKind | None = None


CheckFunction = Callable[["Plan", PlanState], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    severity: Severity
    summary: str
    function: CheckFunction | None  # None: reported by the loader


CHECKS: dict[str, Check] = {}


def register(
    code: str, severity: Severity, summary: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Adds the decorated function to CHECKS under `code`."""

    def add(function: CheckFunction) -> CheckFunction:
        assert code not in CHECKS, f"{code} registered twice"
        CHECKS[code] = Check(code, severity, summary, function)
        return function

    return add


def declare(code: str, severity: Severity, summary: str) -> None:
    """Lists a code that the loader reports, so that help and README name it too."""
    CHECKS[code] = Check(code, severity, summary, None)


def measure_finding(index: int, measure_id: str, message: str, *keys: str | int) -> Finding:
    """A finding about the measure at `index`, located at `keys` inside it."""
    return Finding(message, ("measures", index, *keys), measure_id, "measure")


def day(value: dt.date | None) -> str:
    """A date in a message, as the run's language writes it: 31.12.2024 / 2024-12-31."""
    return format_date(value, current_lang())


def days(count: int) -> str:
    """`1 Tag` / `77 Tagen`, `1 day` / `77 days`."""
    return say("finding.days.one") if count == 1 else say("finding.days.many", count=count)


def number(value: float) -> str:
    """A measured number in a message: `63,5` / `63.5`."""
    if current_lang() == "en":
        return f"{value:g}" if isinstance(value, float) else str(value)
    return format_number(value, "de")


def quoted(text: str) -> str:
    """`„FB3“` / `"FB3"`: a value of the file inside a message."""
    return f"„{text}“" if current_lang() == "de" else f'"{text}"'
