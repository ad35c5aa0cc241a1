"""The benchmark's plan with parts is the same plan as without, plus every part real plans have."""

from __future__ import annotations

import datetime as dt
import difflib

from benchmarks.generate import generate_plan_text

from massnahmen.checks import check_plan
from massnahmen.load import parse_plan


def test_the_plan_with_parts_only_adds_them() -> None:
    plain = generate_plan_text(200, seed=4).splitlines()
    parts = generate_plan_text(200, seed=4, parts=True).splitlines()
    removed = [line[2:] for line in difflib.ndiff(plain, parts) if line.startswith("- ")]
    assert set(removed) <= {'deadline = "2025"', 'deadline = "2027"', 'deadline = "2030"'}


def test_the_plan_with_parts_is_valid_and_has_every_part() -> None:
    loaded = parse_plan(generate_plan_text(400, seed=4, parts=True), "parts.toml")
    plan = loaded.plan
    assert plan is not None and plan.settings.horizons and len(plan.attributes) == 2
    assert any(o.parent for o in plan.owners)
    assert any(m.deadline and m.deadline.kind == "horizon" for m in plan.measures)
    for part in ("attributes", "milestones", "indicators"):
        assert any(getattr(m, part) for m in plan.measures), part
    assert any(m.rating for m in plan.measures)
    codes = {d.code for d in check_plan(loaded, dt.date(2025, 3, 18))}
    assert not any(code.startswith("E") for code in codes)
    assert {"W210", "W212", "W213"} <= codes
