"""Where an indicator stands against its path: the straight line from `baseline` at
`baseline_date` to `target` at `target_date`, rising or falling alike (W212, show, export)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from massnahmen.model import Indicator, IndicatorValue


@dataclass(frozen=True, slots=True)
class IndicatorPath:
    """The latest value, where the path stands on its date, and whether it lags.

    `lags` is None where it cannot be told: no value yet, or no path (a baseline, a target
    and their dates, the target after the baseline, and the two values apart)."""

    latest: IndicatorValue | None
    expected: float | None
    lags: bool | None


def path_value(indicator: Indicator, day: dt.date) -> float | None:
    """The value the path expects on `day` (the baseline before it starts, the target after
    it ends); None if the indicator has no path."""
    start, end = indicator.baseline_date, indicator.target_date
    baseline, target = indicator.baseline, indicator.target
    if start is None or end is None or baseline is None or target is None or end <= start:
        return None
    share = min(max((day - start).days / (end - start).days, 0.0), 1.0)
    return baseline + (target - baseline) * share


def indicator_path(indicator: Indicator, tolerance: float) -> IndicatorPath:
    """Whether the latest value falls short of the path at its date by more than `tolerance`
    per cent of the span from baseline to target."""
    latest = indicator.latest
    expected = None if latest is None else path_value(indicator, latest.date)
    if latest is None or expected is None:
        return IndicatorPath(latest, expected, None)
    assert indicator.baseline is not None and indicator.target is not None
    span = indicator.target - indicator.baseline
    if span == 0:
        return IndicatorPath(latest, expected, None)
    shortfall = (expected - latest.value) if span > 0 else (latest.value - expected)
    return IndicatorPath(latest, expected, shortfall > abs(span) * tolerance / 100)
