"""Invariants of loading: write → load is the identity; no input makes the loader raise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from massnahmen.checks import check_plan
from massnahmen.load import PlanFileError, load_plan, parse_plan
from tests.fuzzing import PATHS, SEED, mutated
from tests.strategies import dates, plans, texts


@given(plans)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_write_then_load_gives_the_same_plan(data: dict[str, Any]) -> None:
    first = parse_plan(tomli_w.dumps(data), "plan.toml")
    assert first.plan is not None, first.diagnostics
    dumped = first.plan.model_dump(mode="python", exclude_none=True)
    second = parse_plan(tomli_w.dumps(dumped), "plan.toml")
    assert second.plan == first.plan


@given(plans, dates)
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_check_runs_on_any_valid_plan(data: dict[str, Any], as_of: dt.date) -> None:
    loaded = parse_plan(tomli_w.dumps(data), "plan.toml")
    for diagnostic in check_plan(loaded, as_of):
        assert diagnostic.line is None or diagnostic.line >= 1


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_random_bytes_give_diagnostics_or_a_file_error(tmp_path_factory: Any, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "plan.toml"
    path.write_bytes(raw)
    try:
        loaded = load_plan(path)
    except PlanFileError:
        return
    findings = check_plan(loaded, dt.date(2024, 6, 1))
    assert loaded.plan is not None or findings


LEAVES = st.one_of(
    st.none(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    st.booleans(),
    texts,
    dates,
    st.lists(st.integers(), max_size=2),
    st.just({"x": 1}),
)


@given(st.sampled_from(PATHS), LEAVES, st.booleans())
@settings(max_examples=300, deadline=None)
def test_mutations_of_a_valid_plan_give_located_diagnostics(
    path: tuple[Any, ...], value: Any, delete: bool
) -> None:
    try:
        text = tomli_w.dumps(mutated(SEED, path, value, delete))
    except (TypeError, ValueError, OverflowError):  # tomli-w cannot write None or huge ints
        return
    loaded = parse_plan(text, "plan.toml")
    for diagnostic in check_plan(loaded, dt.date(2025, 3, 18)):
        if diagnostic.code in ("E002", "E101", "E102", "E103", "E104"):
            assert diagnostic.line is not None, diagnostic
