"""The registry of checks: each a small function, listed once with its code and severity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.diagnostics import Severity, SubjectKind
from massnahmen.report.state import PlanState

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
