"""`update`'s edit: a progress report appended to a measure's history, plain keys set in place,
and the measure's parts (a milestone reached, an indicator's value, an attribute).

Like every edit it returns the new text (a `Change`) or a `Refusal`; the session checks it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from massnahmen.assignments import read_rating
from massnahmen.edit.operations import (
    MEASURE_KEYS,
    Change,
    EditError,
    Refusal,
    block_of,
    find_measure,
    plan_deadline,
    plan_of,
)
from massnahmen.edit.parts import Refused, add_indicator_value, reach_milestone, set_attribute
from massnahmen.edit.splice import (
    Block,
    Splice,
    SpliceError,
    append_table,
    apply_splices,
    set_key,
    toml_value,
)
from massnahmen.load import Loaded
from massnahmen.model import Measure, Plan
from massnahmen.words import current_lang, format_date, label, say

UPDATE_KEYS = ["date", "status", "progress", "deadline", "rating", "note"]


@dataclass(frozen=True)
class MeasureUpdate:
    """A progress report (`status`, `progress`, `deadline`, the owner's `rating`, `note` on
    `date`), plain keys, and the measure's parts: a milestone reached on `date`, measured
    values of indicators on `date` and attributes, each (id, value as typed)."""

    date: dt.date
    status: str | None = None
    progress: int | None = None
    deadline: str | None = None
    note: str | None = None
    owner: str | None = None
    title: str | None = None
    priority: str | None = None
    rating: str | None = None  # grün|gelb|rot or green|yellow|red
    milestone_done: str | None = None  # the milestone's title
    indicators: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    attributes: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    @property
    def reports(self) -> bool:
        """Whether it appends to the history (not only plain keys and parts)."""
        news = (self.status, self.progress, self.deadline, self.rating, self.note)
        return any(v is not None for v in news)

    @property
    def empty(self) -> bool:
        plain = (self.owner, self.title, self.priority, self.milestone_done)
        parts = self.indicators or self.attributes
        return not self.reports and not parts and all(value is None for value in plain)


def update_measure(loaded: Loaded, measure_id: str, update: MeasureUpdate) -> Change | Refusal:
    """Records progress: appends to the history and sets the measure's current status and
    progress; changes plain keys in place. The adopted deadline is never touched."""
    made = measure_splices(loaded, measure_id, update)
    if isinstance(made, Refusal):
        return made
    index, block, splices, done = made
    text = apply_splices(loaded.text, splices)
    region = (block.start, block.end + len(text) - len(loaded.text))
    return Change(
        text,
        measure_id,
        say("edit.updated", measure=measure_id, done=", ".join(done)),
        index,
        region,
    )


def measure_splices(
    loaded: Loaded,
    measure_id: str,
    update: MeasureUpdate,
    at: tuple[int, Block] | None = None,
) -> tuple[int, Block, list[Splice], list[str]] | Refusal:
    """What `update_measure` changes, not yet applied: the measure's index and block, the
    splices and what each does in words; so that `collect` can change many measures in one
    edit (splices of different measures never overlap). `at` gives the measure's index and
    block where the caller found them already (for many measures, from one index of the file)."""
    plan = plan_of(loaded)
    index, measure = find_measure(plan, measure_id) if at is None else (at[0], plan.measures[at[0]])
    if update.deadline is not None and not (update.note and update.note.strip()):
        return Refusal(say("edit.needs_reason", measure=measure_id))
    status, progress = update.status, update.progress
    if status == "done" and progress is None:
        progress = 100
    if status is None and progress and measure.status == "planned":
        status = "in_progress"  # work has begun
    try:
        rating = None if update.rating is None else read_rating(update.rating)
    except ValueError as exc:
        return Refusal(f"{measure_id}: {exc}")
    block = block_of(loaded, index) if at is None else at[1]
    splices: list[Splice | None] = []
    done: list[str] = []
    try:
        parts = _parts(block, plan, measure, update, done)
    except Refused as exc:
        return Refusal(str(exc))
    except SpliceError as exc:
        raise EditError(say("edit.cannot_edit", measure=measure_id, reason=exc)) from None
    splices += parts
    for key, value in (
        ("status", status),
        ("progress", progress),
        ("owner", update.owner),
        ("title", update.title),
        ("priority", update.priority),
    ):
        if value is not None:
            splices.append(set_key(block, key, toml_value(value), MEASURE_KEYS))
            done.append(_key_set(key, value))
    if update.reports:
        entry = {
            "date": toml_value(update.date),
            "status": None if status is None else toml_value(status),
            "progress": None if progress is None else toml_value(progress),
            "deadline": None if update.deadline is None else plan_deadline(plan, update.deadline),
            "rating": None if rating is None else toml_value(rating),
            "note": None if update.note is None else toml_value(update.note),
        }
        pairs = [(key, value) for key, value in entry.items() if value is not None]
        last = len(measure.updates) - 1
        like = block.key_offset("updates", last) if last >= 0 else None
        splices.append(append_table(block, "measures.updates", pairs, like=like))
        if update.deadline is not None:
            done.append(say("edit.deadline_moved", deadline=update.deadline.strip()))
        if rating is not None:
            done.append(say("edit.rated", rating=label(rating)))
        done.append(say("edit.update_recorded", date=format_date(update.date, current_lang())))
    return index, block, [s for s in splices if s is not None], done


def _parts(
    block: Block, plan: Plan, measure: Measure, update: MeasureUpdate, done: list[str]
) -> list[Splice]:
    """The splices of a milestone reached, measured values and attributes, noting each."""
    splices: list[Splice] = []
    if update.milestone_done is not None:
        splices += reach_milestone(block, measure, update.milestone_done, update.date)
        title, date = update.milestone_done.strip(), format_date(update.date, current_lang())
        done.append(say("edit.milestone_reached", title=title, date=date))
    for indicator_id, value in update.indicators:
        splices += add_indicator_value(block, measure, indicator_id, value, update.date)
        date = format_date(update.date, current_lang())
        done.append(say("edit.indicator_value", indicator=indicator_id, value=value, date=date))
    for key, value in update.attributes:
        splices += set_attribute(block, plan, measure, key, value)
        done.append(say("edit.key_set", key=key, value=_shown(value)))
    return splices


def _key_set(key: str, value: object) -> str:
    """`Status umgesetzt` / `status done`: a plain key set, in the current language."""
    german = current_lang() == "de"
    if german and key in ("status", "priority") and isinstance(value, str):
        value = label(value)
    shown = f"{value} %" if german and key == "progress" else _shown(value)
    return say("edit.key_set", key=say(f"edit.key.{key}"), value=shown)


def _shown(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) and " " in value else str(value)
