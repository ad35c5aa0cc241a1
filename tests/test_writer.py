"""The plan writer: what it writes loads back as the same plan, and reads like SPEC's example."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings

from massnahmen.edit.writer import render_plan_toml
from massnahmen.load import load_plan, parse_plan
from massnahmen.model import Plan
from tests.conftest import EXAMPLE
from tests.strategies import plans


@given(plans)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_rendered_plan_loads_as_the_same_plan(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    loaded = parse_plan(render_plan_toml(plan, "a header\nwith two lines"), "plan.toml")
    assert loaded.diagnostics == [] and loaded.plan == plan


def test_the_example_plan_round_trips() -> None:
    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    assert parse_plan(render_plan_toml(plan), "plan.toml").plan == plan


def test_one_key_a_line_in_the_order_of_spec() -> None:
    plan = Plan.model_validate(
        {
            "format": 1,
            "plan": {"title": "T", "authority": "Stadt A"},
            "fields": [{"id": "VW", "name": "Verwaltung"}],
            "measures": [
                {
                    "id": "VW-01",
                    "title": "E-Akte",
                    "field": "VW",
                    "status": "done",
                    "notes": 'zwei\nZeilen mit "Zitat"',
                    "updates": [{"date": dt.date(2024, 1, 2)}],
                }
            ],
        }
    )
    assert render_plan_toml(plan, "from x.xlsx") == (
        "# from x.xlsx\n"
        "format = 1\n\n"
        '[plan]\ntitle = "T"\nauthority = "Stadt A"\nstate = "draft"\n\n'
        '[[fields]]\nid = "VW"\nname = "Verwaltung"\n\n'
        '[[measures]]\nid = "VW-01"\ntitle = "E-Akte"\nfield = "VW"\nstatus = "done"\n'
        'notes = """\nzwei\nZeilen mit \\"Zitat\\""""\n\n'
        "[[measures.updates]]\ndate = 2024-01-02\n"
    )
