"""`show`'s question: the measure of an id in each plan, and a hint where no plan has it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from massnahmen.diagnostics import did_you_mean
from massnahmen.report.state import PlanState
from massnahmen.run.outcome import Outcome, Run
from massnahmen.run.plans import PlanPaths, Reading, run_plans
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.model import Measure, Plan


@dataclass(frozen=True)
class Found:
    """A plan seen on the as-of date, and its measure of the id asked for (None if it has none)."""

    plan: Plan
    state: PlanState
    measure: Measure | None


def look_up(plan: Plan, measure_id: str, as_of: dt.date) -> Found:
    state = PlanState(plan, as_of)
    return Found(plan, state, state.by_id.get(measure_id))


def find_measure(paths: PlanPaths, measure_id: str, as_of: dt.date) -> Run[Found]:
    """The measure in each plan that can be built (whatever its checks say: the measure may be
    what needs fixing). If the plans read have no such measure, the run's problem says so, with
    the closest id as a hint."""
    reading = Reading(as_of, "built")
    plans = run_plans(paths, reading, partial(look_up, measure_id=measure_id, as_of=as_of))
    found = Run[Found]((), several=plans.several, as_of=as_of, size=plans.size)

    def outcomes() -> Iterator[Outcome[Found]]:
        read, shown, ids = 0, 0, dict[str, None]()
        for outcome in plans:
            yield outcome
            if outcome.result is None:
                continue
            read += 1
            if outcome.result.measure is not None:
                shown += 1
            else:
                ids.update(dict.fromkeys(outcome.result.state.by_id))
        if read and not shown:
            hint = did_you_mean(measure_id, ids)
            if plans.several:
                found.problems.append(
                    say("msg.no_measure_anywhere", measure=measure_id, count=read, hint=hint)
                )
            else:
                plan = paths.paths[0]
                found.problems.append(
                    say("msg.no_measure", plan=plan, measure=measure_id, hint=hint)
                )

    found.pending = outcomes()
    return found
