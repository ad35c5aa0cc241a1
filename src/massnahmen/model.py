"""The plan file format as pydantic models: every key of SPEC with its type and allowed values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.functional_validators import ModelWrapValidatorHandler

from massnahmen.deadline import Deadline, is_horizon_name
from massnahmen.model_types import (
    AttributeValue,
    DeadlineValue,
    EmailAddress,
    HorizonForm,
    HorizonName,
    MilestoneDue,
    Number,
    SafeUrl,
    horizon_form,
    using_horizons,
)
from massnahmen.words import say

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
Status = Literal["planned", "in_progress", "done", "on_hold", "cancelled"]
Priority = Literal["high", "medium", "low"]
Rating = Literal["green", "yellow", "red"]
AttributeKind = Literal["text", "number", "choice", "flag"]
Percent = Annotated[int, Field(ge=0, le=100)]

OPEN_STATUSES: frozenset[str] = frozenset({"planned", "in_progress", "on_hold"})
STATUSES: tuple[Status, ...] = ("planned", "in_progress", "done", "on_hold", "cancelled")
RATINGS: tuple[Rating, ...] = ("green", "yellow", "red")


class Table(BaseModel):
    """A TOML table: unknown keys are errors, values are taken as TOML types, not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class PlanHeader(Table):
    title: str
    authority: str
    version: str | None = None
    state: Literal["draft", "adopted"] = "draft"
    adopted_on: dt.date | None = None
    adopted_by: str | None = None


def _warning_codes(patterns: list[str]) -> list[str]:
    """Only warnings may be ignored: a pattern that covers an error code (`E`, `E1`, `E105`,
    the empty prefix) would let an invalid plan be reported valid (SPEC, Checks)."""
    for pattern in patterns:
        if not pattern.strip() or pattern.strip().upper().startswith("E"):
            raise ValueError(say("ignore_error_code", pattern=f'"{pattern}"'))
    return patterns


class Settings(Table):
    due_soon_days: Annotated[int, Field(ge=0)] = 30
    stale_days: Annotated[int, Field(ge=1)] = 90
    max_open_per_owner: Annotated[int, Field(ge=1)] = 12
    ignore: Annotated[list[str], AfterValidator(_warning_codes)] = []
    horizons: dict[HorizonName, HorizonForm] = {}
    indicator_tolerance: Annotated[Number, Field(ge=0, json_schema_extra={"minimum": 0})] = 10


class Attribute(Table):
    """A column of the plan's own (Zusatzmerkmal) that measures fill in under `attributes`."""

    id: Id
    name: str
    kind: AttributeKind = "text"
    choices: Annotated[list[str], Field(validate_default=True)] = []
    unit: str | None = None
    description: str | None = None

    @field_validator("choices")
    @classmethod
    def _choices_for_choice(cls, choices: list[str], info: ValidationInfo) -> list[str]:
        kind = info.data.get("kind")
        if kind == "choice" and not choices:
            raise ValueError('a "choice" attribute needs its choices')
        if kind is not None and kind != "choice" and choices:
            raise ValueError(f'only a "choice" attribute has choices, not a "{kind}" one')
        return choices

    @field_validator("unit")
    @classmethod
    def _unit_for_number(cls, unit: str | None, info: ValidationInfo) -> str | None:
        kind = info.data.get("kind")
        if unit is not None and kind is not None and kind != "number":
            raise ValueError(f'only a "number" attribute has a unit, not a "{kind}" one')
        return unit


class Meeting(Table):
    date: dt.date
    committee: str = "HFA"
    note: str | None = None


class FieldOfAction(Table):
    id: Id
    name: str
    goal: str | None = None
    description: str | None = None


class Owner(Table):
    id: Id
    name: str
    kind: Literal["unit", "person", "external"] = "unit"
    email: EmailAddress | None = None
    active: bool = True
    parent: Id | None = None


class Update(Table):
    date: dt.date
    status: Status | None = None
    progress: Percent | None = None
    deadline: DeadlineValue | None = None
    rating: Rating | None = None
    note: str | None = None


class Milestone(Table):
    title: str
    due: MilestoneDue | None = None
    done_on: dt.date | None = None


class IndicatorValue(Table):
    date: dt.date
    value: Number


class Indicator(Table):
    """A measured quantity with a target (Kennzahl): baseline → target on a straight path."""

    id: Id
    name: str | None = None
    unit: str | None = None
    baseline: Number | None = None
    baseline_date: dt.date | None = None
    target: Number | None = None
    target_date: dt.date | None = None
    values: list[IndicatorValue] = []

    @property
    def latest_index(self) -> int | None:
        """Where the value of the latest date stands (the last one written, among equal dates)."""
        if not self.values:
            return None
        return max(range(len(self.values)), key=lambda k: (self.values[k].date, k))

    @property
    def latest(self) -> IndicatorValue | None:
        n = self.latest_index
        return None if n is None else self.values[n]


class Measure(Table):
    id: Id
    title: str
    field: Id
    owner: Id | None = None
    contributors: list[Id] = []
    description: str | None = None
    priority: Priority | None = None
    start: dt.date | None = None
    deadline: DeadlineValue | None = None
    status: Status
    progress: Percent | None = None
    budget_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    budget_reserved: bool = False
    funding: str | None = None
    funding_ends: dt.date | None = None
    decision: str | None = None
    depends_on: list[Id] = []
    services: list[str] = []
    tags: list[str] = []
    attributes: dict[str, AttributeValue] = {}
    indicator: str | None = None
    notes: str | None = None
    milestones: list[Milestone] = []
    indicators: list[Indicator] = []
    updates: list[Update] = []

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def effective_deadline(self) -> Deadline | None:
        """The deadline of the latest update that moves it, else the adopted one."""
        for update in reversed(self.updates):
            if update.deadline is not None:
                return update.deadline
        return self.deadline

    @property
    def deadline_moves(self) -> int:
        """How often an update moved the deadline away from the one in force before it."""
        moves, current = 0, self.deadline
        for update in self.updates:
            if update.deadline is not None and _day(update.deadline) != _day(current):
                moves += 1
                current = update.deadline
        return moves

    @property
    def last_update(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def rating(self) -> Rating | None:
        """The owner's own assessment: the rating of the latest update that gives one."""
        for update in reversed(self.updates):
            if update.rating is not None:
                return update.rating
        return None


def _day(deadline: Deadline | None) -> tuple[dt.date | None, bool]:
    return (None, False) if deadline is None else (deadline.due, deadline.ongoing)


class PublishSettings(Table):
    """What the public progress page (`publish`) shows. Leaving out is the default for what is
    internal (notes, budget reservations, people's names); e-mail addresses never appear."""

    budget: bool = Field(True, description="Show the budget (Haushaltsmittel) of each measure.")
    budget_reserved: bool = Field(
        False, description="Show which measures are under budget reservation (Haushaltsvorbehalt)."
    )
    notes: bool = Field(False, description="Show the measures' internal `notes`.")
    history: bool = Field(True, description="Show the history of updates on each measure's page.")
    update_notes: bool = Field(True, description="Show the notes of the updates in the history.")
    person_names: bool = Field(
        False, description='Show the names of owners of kind "person" (units are always shown).'
    )
    exclude_fields: list[Id] = Field(
        [], description="Fields of action left off the page, with all their measures."
    )
    exclude_measures: list[Id] = Field([], description="Measures left off the page.")
    imprint: str | None = Field(
        None, description="A line at the foot of every page: who publishes it, how to reach them."
    )
    imprint_url: SafeUrl | None = Field(
        None,
        description="A link for the imprint line: the municipality's Impressum page "
        "(https://…, mailto:… or a relative path).",
    )


class Plan(Table):
    format: Literal[1]
    plan: PlanHeader
    settings: Settings = Settings()
    publish: PublishSettings = PublishSettings()
    meetings: list[Meeting] = []
    attributes: list[Attribute] = []
    fields: list[FieldOfAction] = []
    owners: list[Owner] = []
    measures: list[Measure] = []

    @model_validator(mode="wrap")
    @classmethod
    def _with_horizons(cls, data: Any, handler: ModelWrapValidatorHandler[Plan]) -> Plan:
        """Validates with the plan's horizons known, so that its deadlines can name them."""
        with using_horizons(horizons_in(data)):
            return handler(data)


def horizons_in(data: object) -> dict[str, Deadline]:
    """The horizons of raw plan data that are well-formed (the others are E002 of settings)."""
    settings = data.get("settings") if isinstance(data, dict) else getattr(data, "settings", None)
    if isinstance(settings, Settings):
        return dict(settings.horizons)
    raw = settings.get("horizons") if isinstance(settings, dict) else None
    found: dict[str, Deadline] = {}
    for name, value in raw.items() if isinstance(raw, dict) else ():
        try:
            form = horizon_form(value)
        except ValueError:
            continue
        if isinstance(name, str) and is_horizon_name(name):
            found[name] = form
    return found


# The model of each table, by the key its array or table stands under.
TABLE_MODELS: dict[str | None, type[Table]] = {
    None: Plan,
    "plan": PlanHeader,
    "settings": Settings,
    "publish": PublishSettings,
    "meetings": Meeting,
    "fields": FieldOfAction,
    "owners": Owner,
    "measures": Measure,
    "updates": Update,
    "attributes": Attribute,
    "milestones": Milestone,
    "indicators": Indicator,
    "values": IndicatorValue,
}
