"""The plan writer: what it writes loads back as the same plan, and reads like SPEC's example."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massnahmen.loader import load_plan, parse_plan
from massnahmen.model import Plan
from massnahmen.writer import render_plan_toml
from tests.conftest import EXAMPLE

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True)
texts = st.text(max_size=40)  # any characters: quotes, backslashes, line breaks, controls
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
deadlines = st.one_of(
    dates,
    st.integers(1990, 2100).map(str),
    st.sampled_from(["2024-H1", "2024-Q4", "2025-06", "ongoing"]),
)
statuses = st.sampled_from(["planned", "in_progress", "done", "on_hold", "cancelled"])
updates = st.fixed_dictionaries(
    {"date": dates},
    optional={
        "status": statuses,
        "progress": st.integers(0, 100),
        "deadline": deadlines,
        "note": texts,
    },
)
measures = st.fixed_dictionaries(
    {"id": ids, "title": texts, "field": ids, "status": statuses},
    optional={
        "owner": ids,
        "contributors": st.lists(ids, max_size=3),
        "description": texts,
        "priority": st.sampled_from(["high", "medium", "low"]),
        "start": dates,
        "deadline": deadlines,
        "progress": st.integers(0, 100),
        "budget_eur": st.floats(0, 1e12, allow_nan=False, allow_infinity=False),
        "budget_reserved": st.booleans(),
        "funding": texts,
        "funding_ends": dates,
        "decision": texts,
        "depends_on": st.lists(ids, max_size=3),
        "services": st.lists(st.from_regex(r"\d{14}", fullmatch=True), max_size=2),
        "tags": st.lists(texts, max_size=3),
        "indicator": texts,
        "notes": texts,
        "updates": st.lists(updates, max_size=3),
    },
)
plans = st.fixed_dictionaries(
    {
        "format": st.just(1),
        "plan": st.fixed_dictionaries(
            {"title": texts, "authority": texts},
            optional={
                "version": texts,
                "state": st.sampled_from(["draft", "adopted"]),
                "adopted_on": dates,
                "adopted_by": texts,
            },
        ),
        "fields": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "name": texts}, optional={"goal": texts, "description": texts}
            ),
            max_size=3,
        ),
        "owners": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "name": texts},
                optional={
                    "kind": st.sampled_from(["unit", "person", "external"]),
                    "email": texts,
                    "active": st.booleans(),
                },
            ),
            max_size=3,
        ),
        "measures": st.lists(measures, max_size=4),
    },
    optional={
        "settings": st.fixed_dictionaries(
            {},
            optional={
                "due_soon_days": st.integers(0, 400),
                "stale_days": st.integers(1, 400),
                "max_open_per_owner": st.integers(1, 50),
                "ignore": st.lists(st.sampled_from(["W201", "W302"]), max_size=2),
            },
        ),
        "meetings": st.lists(
            st.fixed_dictionaries({"date": dates}, optional={"committee": texts, "note": texts}),
            max_size=2,
        ),
    },
)


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
