"""The parts of a measure that issue 15's model adds (SPEC: "Parts that real plans have"):
milestones, indicators, the plan's own columns and the owner's rating, as the page shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from massnahmen.publish.pages import PublicAttribute, PublicIndicator, PublicMilestone

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Measure
    from massnahmen.publish.privacy import Rules
    from massnahmen.report.state import Light, PlanState

# Milestones and indicators come with issue 15's model (SPEC: "Parts that real plans have").
# Until the model has them, these yield nothing and the page shows none; once it has them, they
# read SPEC's keys as they are and the templates' blocks fill in. Then drop the model_fields
# test and the getattr for plain attribute access.


def milestones(measure: Measure, state: PlanState, rules: Rules) -> Iterator[PublicMilestone]:
    if "milestones" not in type(measure).model_fields:
        return  # (pydantic's getattr of a missing name raises: 90 µs a measure)
    for milestone in getattr(measure, "milestones"):  # noqa: B009
        due: Deadline | None = milestone.due
        done_on: dt.date | None = milestone.done_on
        late = bool(
            measure.is_open and done_on is None and due and due.due and due.due < state.as_of
        )
        yield PublicMilestone(rules.text(milestone.title) or "", due, done_on, late)


def indicators(measure: Measure, rules: Rules) -> Iterator[PublicIndicator]:
    if "indicators" not in type(measure).model_fields:
        return
    for indicator in getattr(measure, "indicators"):  # noqa: B009
        yield PublicIndicator(
            name=rules.text(indicator.name or indicator.id) or "",
            unit=rules.text(indicator.unit),
            baseline=indicator.baseline,
            baseline_date=indicator.baseline_date,
            target=indicator.target,
            target_date=indicator.target_date,
            values=tuple((point.date, point.value) for point in indicator.values),
        )


def attributes(measure: Measure, rules: Rules) -> Iterator[PublicAttribute]:
    """The plan's own columns (SPEC `[[attributes]]`), by the attribute's name and unit."""
    if "attributes" not in type(measure).model_fields:
        return
    declared = {a.id: a for a in rules.attributes}
    for key, value in getattr(measure, "attributes").items():  # noqa: B009
        attribute = declared.get(key)
        name = rules.text(attribute.name if attribute else key) or ""
        shown = rules.text(value) if isinstance(value, str) else value
        yield PublicAttribute(name, shown or "", rules.text(getattr(attribute, "unit", None)))


def rating(measure: Measure) -> Light | None:
    """The owner's latest own rating (SPEC: an update's `rating`), if there is one."""
    if not measure.updates or "rating" not in type(measure.updates[0]).model_fields:
        return None
    for update in reversed(measure.updates):
        rating: Light | None = getattr(update, "rating")  # noqa: B009
        if rating is not None:
            return rating
    return None
