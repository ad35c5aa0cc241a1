"""The bundled example plan shows every status, deadline form and a moved deadline."""

from __future__ import annotations

from tests.conftest import EXAMPLE


def test_example_is_large_enough_to_show_everything() -> None:
    from massnahmen.load import load_plan

    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    assert len(plan.fields) >= 8 and len(plan.owners) >= 10 and len(plan.measures) >= 40
    assert {m.status for m in plan.measures} == {
        "planned",
        "in_progress",
        "done",
        "on_hold",
        "cancelled",
    }
    kinds = {m.deadline.kind for m in plan.measures if m.deadline}
    assert {"date", "year", "half", "quarter", "month", "ongoing", "horizon"} <= kinds
    assert any(m.deadline_moves for m in plan.measures) and plan.meetings


def test_example_uses_the_parts_real_plans_have() -> None:
    from massnahmen.load import load_plan

    plan = load_plan(EXAMPLE).plan
    assert plan is not None
    assert set(plan.settings.horizons) == {"kurzfristig", "mittelfristig", "langfristig"}
    assert len(plan.attributes) == 2
    parents = {o.parent for o in plan.owners if o.parent}
    assert len(parents) >= 2
    assert sum(bool(m.milestones) for m in plan.measures) >= 3
    assert sum(len(m.indicators) for m in plan.measures) == 3
    assert any(m.attributes for m in plan.measures)
    assert {m.rating for m in plan.measures} >= {"green", "yellow", "red"}
