"""The edits of a measure's own table: what `add` changes in a plan's text, and what every edit
shares (its result, its refusal, finding the measure and its block, reading a deadline);
`update` is in update.py, `add-field`/`add-owner` in tables.py.

Each takes the loaded plan and returns the new text (a `Change`) or a `Refusal` naming the rule
the request breaks; the session then checks the new text and writes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from massnahmen.diagnostics import Diagnostic, did_you_mean
from massnahmen.edit.locate import measure_block
from massnahmen.edit.parts import (
    Refused,
    attributes_table,
)
from massnahmen.edit.splice import (
    Block,
    SpliceError,
    append_table,
    append_to_text,
    apply_splices,
    prepend_table,
    toml_value,
)
from massnahmen.errors import CannotRun
from massnahmen.load import Loaded
from massnahmen.model import Measure, Plan
from massnahmen.words import say

MEASURE_KEYS = [
    key for key in Measure.model_fields if key not in ("milestones", "indicators", "updates")
]


class EditError(CannotRun):
    """The edit cannot run at all (exit 2): unknown measure, lock held, file changed, I/O."""


@dataclass(frozen=True)
class Refusal:
    """Why an edit is not made: a rule of the request, or the findings it would cause."""

    reason: str
    findings: list[Diagnostic] = dataclasses.field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """The plan's new text, the measure (or field, or owner) it concerns and what was done,
    in a few words.

    `index` is its place in the new plan's `table` and `region` the offsets of its text there.
    """

    text: str
    measure_id: str
    summary: str
    index: int
    region: tuple[int, int]
    table: str = "measures"  # the array the edited table belongs to: measures, fields, owners
    advice: str = ""  # what to do first should the check refuse the edit


@dataclass(frozen=True)
class NewMeasure:
    """The keys of a measure to add; `id` None picks the next free one of its field."""

    field: str
    title: str
    owner: str
    deadline: str
    id: str | None = None
    status: str = "planned"
    start: dt.date | None = None
    priority: str | None = None
    contributors: list[str] = dataclasses.field(default_factory=list)
    depends_on: list[str] = dataclasses.field(default_factory=list)
    budget_eur: float | None = None
    description: str | None = None
    tags: list[str] = dataclasses.field(default_factory=list)
    attributes: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (id, value)


def add_measure(loaded: Loaded, new: NewMeasure) -> Change | Refusal:
    """Adds a measure after the last one of its field (or at the end of the file)."""
    plan = plan_of(loaded)
    measure_id = new.id or next_id(plan, new.field)
    keys: list[tuple[str, object | None]] = [
        ("id", measure_id),
        ("title", new.title),
        ("field", new.field),
        ("owner", new.owner),
        ("contributors", new.contributors or None),
        ("description", new.description),
        ("priority", new.priority),
        ("start", new.start),
        ("deadline", new.deadline),
        ("status", new.status),
        ("progress", 100 if new.status == "done" else None),
        ("budget_eur", None if new.budget_eur is None else float(new.budget_eur)),
        ("depends_on", new.depends_on or None),
        ("tags", new.tags or None),
    ]
    try:
        attributes = attributes_table(plan, new.attributes)
    except Refused as exc:
        return Refusal(str(exc))
    pairs = [
        (key, plan_deadline(plan, new.deadline) if key == "deadline" else toml_value(value))
        for key, value in keys
        if value is not None
    ]
    if attributes is not None:
        pairs.append(("attributes", attributes))
    where, index = _neighbour(plan, new.field)
    if index is None:
        splice, index = append_to_text(loaded.text, "measures", pairs), len(plan.measures)
    elif where == "after":
        block = block_of(loaded, index)
        splice, index = append_table(block, "measures", pairs, like=block.start), index + 1
    else:
        splice = prepend_table(block_of(loaded, index), "measures", pairs)
    text = apply_splices(loaded.text, [splice])
    region = (splice.start, splice.start + len(splice.text))
    summary = say("edit.added", measure=measure_id, field=new.field)
    return Change(text, measure_id, summary, index, region, advice=_missing_tables(plan, new))


def _missing_tables(plan: Plan, new: NewMeasure) -> str:
    """The commands that add the field and owners the new measure names but the plan lacks (a
    plan fresh from `init` has none of its own), for the refusal to name."""
    advice = []
    if new.field not in {f.id for f in plan.fields}:
        advice.append(say("edit.unknown_field", field=new.field))
    owners = {o.id for o in plan.owners}
    advice += [
        say("edit.unknown_owner", owner=owner)
        for owner in dict.fromkeys((new.owner, *new.contributors))
        if owner not in owners
    ]
    return "; ".join(advice)


def next_id(plan: Plan, field_id: str) -> str:
    """`VW-07` after `VW-06` (keeping the zero-padding of the field's ids); `VW-01` if none."""
    # A running number has a few digits; an id such as VW-111…1 (thousands of digits, which
    # int() refuses) is no step of the sequence.
    pattern = re.compile(rf"{re.escape(field_id)}([-_.]?)([0-9]{{1,9}})")
    numbers, width, separator = [0], 2, "-"
    for measure in plan.measures:
        found = pattern.fullmatch(measure.id)
        if found and measure.field == field_id:
            numbers.append(int(found[2]))
            width, separator = len(found[2]), found[1]
    taken = {measure.id for measure in plan.measures}
    number = max(numbers) + 1
    while (candidate := f"{field_id}{separator}{number:0{width}d}") in taken:
        number += 1
    return candidate


def _neighbour(plan: Plan, field_id: str) -> tuple[Literal["after", "before"], int | None]:
    """Where a new measure of the field goes, keeping the plan in the order of its fields:
    after the field's last measure, else after the last of an earlier field, else before the
    first of a later field, else (None) at the end."""
    order = [f.id for f in plan.fields]
    rank = {field: n for n, field in enumerate(order)}
    own = rank.get(field_id, len(order))
    last_own = last_earlier = first_later = None
    for index, measure in enumerate(plan.measures):
        other = rank.get(measure.field, len(order))
        if measure.field == field_id:
            last_own = index
        elif other < own:
            last_earlier = index
        elif other > own and other < len(order) and first_later is None:
            first_later = index
    if last_own is not None or last_earlier is not None:
        return "after", last_own if last_own is not None else last_earlier
    return "before", first_later


def find_measure(plan: Plan, measure_id: str) -> tuple[int, Measure]:
    """The index and measure with `measure_id`; EditError with a hint if there is none."""
    for index, measure in enumerate(plan.measures):
        if measure.id == measure_id:
            return index, measure
    hint = did_you_mean(measure_id, (m.id for m in plan.measures))
    raise EditError(say("edit.no_measure", measure=measure_id, hint=hint))


def plan_of(loaded: Loaded) -> Plan:
    assert loaded.plan is not None, "the session edits valid plans only"
    return loaded.plan


def block_of(loaded: Loaded, index: int) -> Block:
    try:
        return measure_block(loaded, index)
    except SpliceError as exc:
        measure = plan_of(loaded).measures[index]
        raise EditError(say("edit.cannot_edit_inline", measure=measure.id, reason=exc)) from None


def plan_deadline(plan: Plan, text: str) -> str:
    """A deadline as the officer writes it (31.12.2027, Ende 2028, 2. Hj. 2027, laufend, one of
    the plan's horizons), as the TOML value of the plan's form; EditError (exit 2) naming the
    forms where it is none."""
    from massnahmen.vocabulary import NotUnderstood, read_deadline

    try:
        value = read_deadline(text, plan.settings.horizons)
    except NotUnderstood as exc:
        raise EditError(say("edit.bad_deadline", reason=exc.message())) from None
    return value.isoformat() if isinstance(value, dt.date) else toml_value(value)
