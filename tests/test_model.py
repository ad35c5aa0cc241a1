"""Derived values of the model: effective deadline, moves, traffic lights."""

from __future__ import annotations

import datetime as dt
from typing import Any

from massnahmen.model import Measure, Plan
from massnahmen.report.state import PlanState


def measure(**keys: Any) -> Measure:
    base: dict[str, Any] = {"id": "VW-01", "title": "T", "field": "VW", "status": "in_progress"}
    return Measure.model_validate(base | keys)


def state(*measures: Measure, as_of: dt.date = dt.date(2024, 6, 1)) -> PlanState:
    plan = Plan.model_validate({"format": 1, "plan": {"title": "T", "authority": "A"}})
    return PlanState(plan.model_copy(update={"measures": list(measures)}), as_of)


def test_effective_deadline_is_the_latest_update_that_moves_it() -> None:
    m = measure(
        deadline=dt.date(2024, 3, 31),
        updates=[
            {"date": dt.date(2024, 1, 1), "deadline": "2024-Q3", "note": "a"},
            {"date": dt.date(2024, 2, 1), "note": "nur eine Notiz"},
        ],
    )
    assert m.effective_deadline is not None and m.effective_deadline.raw == "2024-Q3"
    assert m.deadline is not None and m.deadline.raw == dt.date(2024, 3, 31)


def test_restating_the_same_day_is_not_a_move() -> None:
    m = measure(
        deadline="2024-Q3",
        updates=[
            {"date": dt.date(2024, 1, 1), "deadline": dt.date(2024, 9, 30)},
            {"date": dt.date(2024, 2, 1), "deadline": "2024-12"},
        ],
    )
    assert m.deadline_moves == 1


def test_overdue_measure_is_red() -> None:
    m = measure(deadline=dt.date(2024, 5, 1))
    assert state(m).light(m) == "red"


def test_measure_blocked_by_a_cancelled_dependency_is_red() -> None:
    dep = measure(id="VW-00", status="cancelled")
    m = measure(depends_on=["VW-00"], deadline="2025")
    assert state(dep, m).light(m) == "red"


def test_due_soon_and_lagging_is_yellow_but_on_track_is_green() -> None:
    recent = [{"date": dt.date(2024, 5, 20)}]
    span = {"start": dt.date(2024, 1, 1), "deadline": dt.date(2024, 6, 20), "updates": recent}
    lagging = measure(progress=20, **span)
    on_track = measure(progress=95, **span)
    assert state(lagging).light(lagging) == "yellow"
    assert state(on_track).light(on_track) == "green"


def test_stale_measure_is_yellow() -> None:
    m = measure(deadline="2025", updates=[{"date": dt.date(2024, 1, 2)}])
    assert state(m).light(m) == "yellow"


def test_closed_and_ongoing_measures() -> None:
    done = measure(status="done", deadline=dt.date(2020, 1, 1))
    ongoing = measure(deadline="ongoing", updates=[{"date": dt.date(2024, 5, 1)}])
    s = state(done, ongoing)
    assert s.light(done) is None and not s.overdue(done)
    assert s.light(ongoing) == "green" and not s.overdue(ongoing) and not s.due_soon(ongoing)
