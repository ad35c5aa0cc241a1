"""The parts real plans have, as reports show them: a milestone's state, an attribute's value,
an indicator against its path. `show`, `list` and the workbook say them the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from massnahmen.words import Lang, format_date, label, say, with_unit

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Indicator, Measure, Milestone
    from massnahmen.report.indicators import IndicatorPath
    from massnahmen.report.state import PlanState

MilestoneState = Literal["reached", "due", "overdue"]
PathState = Literal["on_path", "behind_path", "no_path"]


def milestone_state(milestone: Milestone, measure: Measure, state: PlanState) -> MilestoneState:
    """Reached (it has `done_on`), overdue (its due day passed, the measure open), else due."""
    if milestone.done_on is not None:
        return "reached"
    day = milestone.due.due if milestone.due else None
    if measure.is_open and day is not None and day < state.as_of:
        return "overdue"
    return "due"


def milestone_text(milestone: Milestone, measure: Measure, state: PlanState, lang: Lang) -> str:
    """`erreicht am 05.10.2023`, `fällig Q3/2025`, `seit 18 Tagen überfällig (fällig …)`."""
    due = milestone.due.display(lang) if milestone.due else "–"
    match milestone_state(milestone, measure, state):
        case "reached":
            return say("milestone_reached", lang, date=format_date(milestone.done_on, lang))
        case "overdue":
            assert milestone.due is not None and milestone.due.due is not None
            days = (state.as_of - milestone.due.due).days
            return say("milestone_late", lang, days=_days(days, lang), due=due)
        case _:
            return say("milestone_due", lang, due=due)


def milestones_reached(measure: Measure) -> str | None:
    """`2/4`: milestones reached of all; None without milestones."""
    total = len(measure.milestones)
    if not total:
        return None
    done = sum(m.done_on is not None for m in measure.milestones)
    return f"{done}/{total}"


def attribute_text(attribute: Attribute | None, value: str | float | bool, lang: Lang) -> str:
    """A value as the reader reads it: `zusätzlich`, `85 t/a`, `ja`."""
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return with_unit(value, attribute.unit if attribute else None, lang)
    return value


def path_state(path: IndicatorPath) -> PathState:
    if path.lags is None:
        return "no_path"
    return "behind_path" if path.lags else "on_path"


def indicator_text(indicator: Indicator, path: IndicatorPath, lang: Lang) -> str:
    """`0 % → 63 % (31.12.2024) → Ziel 70 % (31.12.2025) · im Plan`."""
    unit = indicator.unit

    def shown(value: float | None, day: object) -> str:
        if value is None:
            return "–"
        when = format_date(day, lang)
        return with_unit(value, unit, lang) + (f" ({when})" if when else "")

    latest = path.latest
    line = say(
        "indicator_line",
        lang,
        baseline=shown(indicator.baseline, indicator.baseline_date),
        latest=shown(latest.value, latest.date) if latest else label("not_measured", lang),
        target=shown(indicator.target, indicator.target_date),
    )
    state = label(path_state(path), lang)
    if path.lags and path.expected is not None:
        expects = with_unit(round(path.expected, 2), unit, lang)
        state += f" ({label('path_expects', lang)} {expects})"
    return f"{line} · {state}"


def path_shares(indicator: Indicator, path: IndicatorPath) -> tuple[float | None, float | None]:
    """How far the latest value and the path have come from baseline to target (0.0 to 1.0
    and beyond), so that indicators of any unit compare."""
    if indicator.baseline is None or indicator.target is None or path.latest is None:
        return None, None
    span = indicator.target - indicator.baseline
    if span == 0:
        return None, None
    reached = (path.latest.value - indicator.baseline) / span
    expected = None if path.expected is None else (path.expected - indicator.baseline) / span
    return reached, expected


def _days(n: int, lang: Lang) -> str:
    return label("one_day", lang) if n == 1 else say("n_days", lang, n=n)
