"""Plans compared (`--portfolio`): the figures of each plan and of each of its fields of action.

A county compares its towns' plans: per plan the totals, overdue measures, traffic lights and
average progress, and each field of action (matched by name) with its figures in every plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from massnahmen.report import Tally, build_report

if TYPE_CHECKING:
    from massnahmen.model import Plan


@dataclass(frozen=True)
class Figures:
    """The comparable figures of a plan or of one of its fields of action."""

    measures: int
    open: int
    done: int
    overdue: int
    red: int
    yellow: int
    green: int
    average_progress: float | None  # percent, over the measures not cancelled
    budget: float


@dataclass(frozen=True)
class FieldFigures:
    name: str
    figures: Figures


@dataclass(frozen=True)
class PlanSummary:
    """One plan as the county compares it; small enough to send between processes."""

    authority: str
    title: str
    totals: Figures
    fields: tuple[FieldFigures, ...] = ()


def summarise(plan: Plan, as_of: dt.date) -> PlanSummary:
    """The figures of a valid plan on `as_of`."""
    report = build_report(plan, as_of)
    fields = tuple(
        FieldFigures(summary.field.name, _figures(summary.tally)) for summary in report.fields
    )
    return PlanSummary(plan.plan.authority, plan.plan.title, _figures(report.totals), fields)


def fields_side_by_side(
    plans: Sequence[PlanSummary],
) -> list[tuple[str, list[Figures | None]]]:
    """Each field of action by name (case and spacing ignored), in order of first appearance,
    with its figures in each plan (None where a plan has no such field)."""
    names: dict[str, str] = {}
    found: dict[tuple[str, int], Figures] = {}
    for index, plan in enumerate(plans):
        for field_figures in plan.fields:
            key = " ".join(field_figures.name.casefold().split())
            names.setdefault(key, field_figures.name)
            found[(key, index)] = field_figures.figures
    return [
        (name, [found.get((key, index)) for index in range(len(plans))])
        for key, name in names.items()
    ]


def _figures(tally: Tally) -> Figures:
    lights = tally.by_light
    return Figures(
        tally.measures,
        tally.open,
        tally.by_status["done"],
        tally.overdue,
        lights["red"],
        lights["yellow"],
        lights["green"],
        tally.average_progress,
        tally.budget,
    )
