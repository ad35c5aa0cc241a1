"""The parts real plans have, in the model and the derived state: horizons, milestones,
indicators and their path, the owner's rating, units under units."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from massnahmen.load import load_model, parse_plan
from massnahmen.load import toml as toml_pieces
from massnahmen.model import Indicator, Plan
from massnahmen.report.indicators import indicator_path
from massnahmen.report.state import PlanState

DAY = dt.date(2024, 6, 1)
HEAD = """format = 1
[plan]
title = "T"
authority = "A"
[settings]
horizons = { kurzfristig = "2024-Q3", mittelfristig = "2027" }
[[fields]]
id = "VW"
name = "Verwaltung"
"""


def plan_of(measures: str) -> Plan:
    loaded = parse_plan(HEAD + measures, "plan.toml")
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


def measure(extra: str = "", status: str = "in_progress") -> str:
    return f'[[measures]]\nid = "VW-01"\ntitle = "X"\nfield = "VW"\nstatus = "{status}"\n{extra}'


def test_a_horizon_is_due_when_what_it_stands_for_ends() -> None:
    deadline = plan_of(measure('deadline = "kurzfristig"')).measures[0].deadline
    assert deadline is not None and deadline.due == dt.date(2024, 9, 30)
    assert deadline.display("de") == "kurzfristig (Q3/2024)"
    assert deadline.display("en") == "kurzfristig (Q3/2024)"


def test_an_unknown_horizon_loads_unresolved_for_the_check_to_name() -> None:
    deadline = plan_of(measure('deadline = "bald"')).measures[0].deadline
    assert deadline is not None and deadline.unknown_horizon and deadline.due is None


def test_measures_read_in_pieces_know_the_plans_horizons(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(toml_pieces, "PIECE_SIZE", 64)  # a piece per measure
    many = "".join(
        measure('deadline = "mittelfristig"').replace("VW-01", f"VW-{n:02d}") + "\n"
        for n in range(5)
    )
    path = tmp_path / "plan.toml"
    path.write_text(HEAD + many, encoding="utf-8")
    plan = load_model(path)
    assert plan is not None and len(plan.measures) == 5
    assert {m.deadline.due for m in plan.measures if m.deadline} == {dt.date(2027, 12, 31)}


MILESTONES = """deadline = 2025-12-31
[[measures.updates]]
date = 2024-05-20
[[measures.milestones]]
title = "Konzept"
due = "2024-Q1"
"""


def test_an_overdue_milestone_turns_the_light_yellow() -> None:
    plan = plan_of(measure(MILESTONES))
    assert PlanState(plan, DAY).light(plan.measures[0]) == "yellow"
    assert PlanState(plan, dt.date(2024, 3, 31)).light(plan.measures[0]) == "green"


def test_a_reached_milestone_leaves_the_light_green() -> None:
    plan = plan_of(measure(MILESTONES + "done_on = 2024-04-02\n"))
    assert PlanState(plan, DAY).light(plan.measures[0]) == "green"


def test_a_late_measure_stays_red_whatever_its_milestones() -> None:
    plan = plan_of(measure(MILESTONES.replace("2025-12-31", "2024-05-31")))
    assert PlanState(plan, DAY).light(plan.measures[0]) == "red"


def indicator(baseline: float, target: float, value: float, **dates: dt.date) -> Indicator:
    return Indicator(
        id="k",
        baseline=baseline,
        baseline_date=dates.get("start", dt.date(2024, 1, 1)),
        target=target,
        target_date=dates.get("end", dt.date(2024, 12, 31)),
        values=[{"date": dates.get("on", dt.date(2024, 7, 1)), "value": value}],  # type: ignore[list-item]
    )


@pytest.mark.parametrize(
    ("baseline", "target", "value", "lags"),
    [
        (0, 100, 39, True),  # the path expects about 50; 11 short, the tolerance is 10 of 100
        (0, 100, 41, False),
        (100, 0, 61, True),  # falling: 61 where about 50 is expected
        (100, 0, 59, False),
        (50, 50, 0, None),  # no span, no path
    ],
)
def test_the_path_is_the_straight_line_rising_or_falling(
    baseline: float, target: float, value: float, lags: bool | None
) -> None:
    assert indicator_path(indicator(baseline, target, value), 10).lags is lags


def test_the_path_holds_the_baseline_before_it_and_the_target_after_it() -> None:
    before = indicator(0, 100, 0, on=dt.date(2023, 6, 1))
    after = indicator(0, 100, 95, on=dt.date(2025, 6, 1))
    assert indicator_path(before, 0).expected == 0 and indicator_path(after, 5).lags is False


def test_the_latest_value_is_the_latest_date_not_the_last_written() -> None:
    found = Indicator(
        id="k",
        values=[
            {"date": dt.date(2024, 5, 1), "value": 3},
            {"date": dt.date(2024, 2, 1), "value": 1},
        ],  # type: ignore[list-item]
    )
    assert found.latest is not None and found.latest.value == 3 and found.latest_index == 0


def test_the_rating_is_that_of_the_latest_update_giving_one() -> None:
    updates = (
        '[[measures.updates]]\ndate = 2024-01-01\nrating = "red"\n'
        '[[measures.updates]]\ndate = 2024-02-01\nrating = "yellow"\n'
        '[[measures.updates]]\ndate = 2024-03-01\nnote = "x"\n'
    )
    assert plan_of(measure(updates)).measures[0].rating == "yellow"


OWNERS = """[[owners]]
id = "FB2"
name = "Fachbereich 2"
[[owners]]
id = "FD21"
name = "Fachdienst"
parent = "FB2"
[[owners]]
id = "SG211"
name = "Sachgebiet"
parent = "FD21"
[[owners]]
id = "A"
name = "A"
parent = "B"
[[owners]]
id = "B"
name = "B"
parent = "A"
"""


def test_units_under_a_unit_and_the_top_unit_above_it() -> None:
    state = PlanState(plan_of(OWNERS), DAY)
    assert state.units_under("FB2") == ["FB2", "FD21", "SG211"]
    assert state.top_unit("SG211") == "FB2" and state.top_unit("FB2") == "FB2"


def test_a_cycle_of_parents_ends_the_walk() -> None:
    state = PlanState(plan_of(OWNERS), DAY)
    assert sorted(state.units_under("A")) == ["A", "B"] and state.top_unit("A") in ("A", "B")
