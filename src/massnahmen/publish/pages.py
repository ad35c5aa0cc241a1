"""The public page model: what the progress page may show, with the privacy rules applied.

Templates get these values and nothing else (never a `Measure` or an `Owner`), so that no
template change can put an e-mail address or an internal note on the page. Values stay values
(dates, deadlines, numbers); the renderer words them in the page's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from massnahmen.deadline import Deadline
    from massnahmen.model import Meeting, Status
    from massnahmen.report import Tally
    from massnahmen.report.state import Light

# The light a resident sees: the derived one, "none" for an open measure without a deadline
# (grey, "ohne Frist": never green), None for a closed measure.
PageLight = Literal["red", "yellow", "green", "none"]


@dataclass(frozen=True, slots=True)
class Ref:
    """A measure named on another measure's page; `path` is None where it is not published."""

    id: str
    title: str
    path: str | None


@dataclass(frozen=True, slots=True)
class PublicUpdate:
    date: dt.date
    status: Status | None
    progress: int | None
    deadline: Deadline | None  # the deadline it moved to, where it moved it
    note: str | None


@dataclass(frozen=True, slots=True)
class PublicMilestone:
    """A milestone (issue 15's model part): filled by `build_site` once the model has it."""

    title: str
    due: Deadline | None
    done_on: dt.date | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class PublicIndicator:
    """An indicator with its path (issue 15): drawn by `render.site.chart.indicator_chart`."""

    name: str
    unit: str | None
    baseline: float
    baseline_date: dt.date
    target: float
    target_date: dt.date
    values: tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True, slots=True)
class PublicAttribute:
    """A value in one of the plan's own columns (issue 15's `[[attributes]]`)."""

    name: str
    value: str | float | bool
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class PublicMeasure:
    id: str
    title: str
    path: str  # relative to the site's folder: "measure/VW-01.html"
    field_id: str
    field_name: str
    field_path: str
    status: Status
    light: PageLight | None
    progress: int
    start: dt.date | None
    deadline: Deadline | None  # as adopted
    current: Deadline | None  # effective
    moves: int
    owner: str | None
    contributors: tuple[str, ...]
    description: str | None
    priority: str | None
    budget: float | None
    reserved: bool | None  # None: not published
    funding: str | None
    funding_ends: dt.date | None
    decision: str | None
    services: tuple[str, ...]
    tags: tuple[str, ...]
    indicator: str | None
    notes: str | None
    depends_on: tuple[Ref, ...]
    needed_by: tuple[Ref, ...]
    history: tuple[PublicUpdate, ...] | None  # None: the history is not published
    latest: dt.date | None
    milestones: tuple[PublicMilestone, ...] = ()
    indicators: tuple[PublicIndicator, ...] = ()
    attributes: tuple[PublicAttribute, ...] = ()
    rating: Light | None = None  # the owner's own assessment, beside the derived light


@dataclass(frozen=True, slots=True)
class PublicField:
    id: str
    name: str
    goal: str | None
    description: str | None
    path: str
    tally: Tally
    no_deadline: int  # open measures without a deadline
    measures: tuple[PublicMeasure, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """Everything the public progress page shows on one as-of day."""

    title: str
    authority: str
    version: str | None
    state: Literal["draft", "adopted"]
    adopted_on: dt.date | None
    adopted_by: str | None
    as_of: dt.date
    last_meeting: Meeting | None  # the latest committee meeting up to the as-of day
    next_meeting: Meeting | None
    totals: Tally
    no_deadline: int
    fields: tuple[PublicField, ...]
    imprint: str | None
    imprint_url: str | None
    left_out: int  # measures left out by [publish]: for the command's summary, not the page

    @property
    def measures(self) -> Iterator[PublicMeasure]:
        for public_field in self.fields:
            yield from public_field.measures
