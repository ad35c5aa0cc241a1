"""What happened to each plan a command was given, and the exit code of the whole run.

A command yields one `Outcome` per plan; a `Run` collects them as they come (so that a report can
be written plan by plan) and alone computes the exit code, as black's `Report.return_code` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from massnahmen.diagnostics import SEVERITY_RANK, Diagnostic, Severity

T = TypeVar("T")
EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What happened to one plan: what the command made of it (`result`), with the findings;
    or why nothing was made of it (`refusal`, exit 1: it is invalid, an edit would break it);
    or why it could not be read at all (`failure`, exit 2)."""

    plan: str  # the path (or name) as the user gave it
    result: T | None = None
    findings: tuple[Diagnostic, ...] = ()
    refusal: str | None = None
    failure: str | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and self.refusal is None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.findings if d.severity == "error"]

    def code(self, fail_on: Severity = "error") -> int:
        """2 if unreadable, 1 if refused or with findings at or above `fail_on`, else 0."""
        if self.failure is not None:
            return EXIT_FAILURE
        if self.refusal is not None:
            return EXIT_FINDINGS
        threshold = SEVERITY_RANK[fail_on]
        worst = max((SEVERITY_RANK[d.severity] for d in self.findings), default=0)
        return EXIT_FINDINGS if worst >= threshold else EXIT_OK


@dataclass
class Run(Generic[T]):
    """The outcomes of one command over its plans, in order, recorded as they are consumed.

    `several` says that several plans were asked for (more than one path, or a folder): reports
    then name each plan. `as_of` is the day the plans were read for. `problems` are failures
    of the run as a whole (exit 2), such as a measure that none of the plans has.
    """

    pending: Iterable[Outcome[T]]
    several: bool = False
    as_of: dt.date | None = None
    size: int | None = None  # how many plans, where known before they are read
    fail_on: Severity = "error"
    problems: list[str] = field(default_factory=list)
    _seen: list[Outcome[T]] = field(default_factory=list, init=False, repr=False)
    _source: Iterator[Outcome[T]] | None = field(default=None, init=False, repr=False)

    def __iter__(self) -> Iterator[Outcome[T]]:
        """The outcomes, the ones already seen first, then the rest as they come."""
        yield from list(self._seen)
        if self._source is None:
            self._source = iter(self.pending)
        for outcome in self._source:
            self._seen.append(outcome)
            yield outcome

    @property
    def outcomes(self) -> list[Outcome[T]]:
        """Every outcome (waits for the rest)."""
        for _ in self:
            pass
        return self._seen

    @property
    def results(self) -> list[T]:
        """What the command made of each plan it could use, in order."""
        return [o.result for o in self.outcomes if o.result is not None and o.ok]

    def return_code(self) -> int:
        """The worst code of the plans (SPEC's exit codes); 2 if the run itself failed."""
        worst = max((o.code(self.fail_on) for o in self.outcomes), default=EXIT_OK)
        return max(worst, EXIT_FAILURE if self.problems else EXIT_OK)
