"""Why a plan gave a command nothing: the same lines on stderr for every command."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error
from massnahmen.run.outcome import Outcome, Run

T = TypeVar("T")


def report_problems(outcome: Outcome[Any]) -> None:
    """The one line of a plan that could not be read, or the errors of one that was refused and
    why (`plan.toml: invalid plan, fix the errors above first`)."""
    if outcome.failure is not None:
        print_error(printable(f"massnahmen: {outcome.failure}"))
        return
    for diagnostic in outcome.findings:
        print_error(diagnostic.format())
    if outcome.refusal is not None:
        print_error(printable(f"{outcome.plan}: {outcome.refusal}"))


def report_run_problems(run: Run[Any]) -> None:
    """What kept the run as a whole from doing what was asked."""
    for problem in run.problems:
        print_error(printable(f"massnahmen: {problem}"))


def failure_json(outcome: Outcome[Any]) -> dict[str, object]:
    """A plan that gave nothing, in the JSON of several plans: why it could not be read, or how
    many errors make it invalid."""
    if outcome.failure is not None:
        return {"plan": outcome.plan, "failure": outcome.failure}
    count = len(outcome.errors)
    return {"plan": outcome.plan, "failure": f"invalid plan: {count} error{'s' * (count != 1)}"}


def usable(run: Run[T]) -> Iterator[T]:
    """What the command made of each plan it could use, in order; why the others gave nothing
    on stderr, as they come."""
    for outcome in run:
        if outcome.result is not None and outcome.ok:
            yield outcome.result
        else:
            report_problems(outcome)
