"""The resource target of the fuzz harness (issue 13): every command, and every input class of
items 6–10, stays linear as its input grows. Measured by `benchmarks/hostile.py`'s `growth`
(the same function that reports the before/after figures), not by a timed unit test: what 4×
the input costs must stay well below 16, what a quadratic algorithm pays."""

from __future__ import annotations

import pytest
from benchmarks.hostile import CASES, COMMANDS, growth

LINEAR = 8.0  # 4× the input: about 4 when linear, 16 when quadratic; room for a busy machine
SIZES = {
    "cycles": 4_000,
    "csv import": 2_000,
    "key index": 25_000,
    "shared strings": 20_000,
    "owners": 2_000,
    **dict.fromkeys(COMMANDS, 200),
}
assert set(SIZES) == set(CASES)


@pytest.mark.parametrize("case", list(CASES))
def test_four_times_the_input_costs_about_four_times(case: str) -> None:
    measured = growth(case, SIZES[case], runs=2, before=False)
    if measured.ratio >= LINEAR:  # one more try: another process may have had the cores
        measured = growth(case, SIZES[case], runs=3, before=False)
    assert measured.ratio < LINEAR, measured
