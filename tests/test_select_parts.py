"""`list --attribute`, `--horizon` and `--unit`: the measures the plan's own parts choose."""

from __future__ import annotations

import datetime as dt

import pytest

from massnahmen.load import load_plan
from massnahmen.model import Plan
from massnahmen.report.select import make_filter, select_measures, unknown_parts
from massnahmen.report.state import PlanState
from tests.conftest import EXAMPLE

DAY = dt.date(2025, 3, 18)


@pytest.fixture(scope="module")
def plan() -> Plan:
    found = load_plan(EXAMPLE).plan
    assert found is not None
    return found


def ids(plan: Plan, **options: object) -> list[str]:
    state = PlanState(plan, DAY)
    return [m.id for m in select_measures(plan, state, make_filter(**options))]  # type: ignore[arg-type]


def test_a_unit_lists_its_own_measures_and_those_beneath_it(plan: Plan) -> None:
    assert ids(plan, units=["BAU"]) == [
        "MO-03",
        "MO-05",
        "UM-01",
        "UM-02",
        "UM-05",
        "UM-06",
        "UM-07",
    ]
    assert ids(plan, units=["KSM"]) == ["UM-02", "UM-05", "UM-06", "UM-07"]


def test_a_horizon_is_that_of_the_effective_deadline(plan: Plan) -> None:
    assert ids(plan, horizons=["mittelfristig"]) == ["UM-06"]
    assert ids(plan, horizons=["kurzfristig", "langfristig"]) == ["UM-05", "UM-07"]


def test_attribute_values_widen_attribute_ids_narrow(plan: Plan) -> None:
    assert ids(plan, attributes=[("personal", "Zusätzlich")]) == ["UM-06", "VW-02"]
    both = [("personal", "zusätzlich"), ("personal", "prüfen")]
    assert ids(plan, attributes=both) == ["UM-06", "UM-07", "VW-02", "VW-03"]
    assert ids(plan, attributes=[("personal", "vorhanden"), ("co2", "85")]) == ["UM-02"]
    assert ids(plan, attributes=[("co2", "1.200")]) == ["UM-06"]


@pytest.mark.usefixtures("english")
def test_unknown_attributes_choices_horizons_and_units_are_named(plan: Plan) -> None:
    found = unknown_parts(
        [plan], [("personl", "x"), ("personal", "viel")], ["mitelfristig"], ["FB9"]
    )
    assert found["--attribute"] == [
        'no attribute "personl" in the plan (did you mean "personal"?)',
        '"viel" is not a choice of personal ("vorhanden", "zusätzlich", "prüfen")',
    ]
    assert found["--horizon"] == [
        'no horizon "mitelfristig" in the plan (did you mean "mittelfristig"?)'
    ]
    assert found["--unit"][0].startswith('no unit "FB9" in the plan')
