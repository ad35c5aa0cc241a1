"""Edits of a measure's own parts for `update` and `add`: a milestone reached, a measured value
of an indicator, an attribute set. Each returns the splices that make it, or raises `Refused`
saying why the request cannot be done as asked."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from massnahmen.assignments import read_attribute_value, read_number
from massnahmen.diagnostics import did_you_mean
from massnahmen.edit.inline import append_inline_item, set_inline_key
from massnahmen.edit.splice import Block, Splice, append_table, find_block, set_key, toml_value
from massnahmen.edit.writer import toml_key
from massnahmen.model import Indicator, Milestone
from massnahmen.words import current_lang, format_date, say

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Measure, Plan

MILESTONE_KEYS = list(Milestone.model_fields)
INDICATOR_KEYS = list(Indicator.model_fields)


class Refused(Exception):
    """The request names something the measure does not have, or a value it cannot take."""


def reach_milestone(block: Block, measure: Measure, title: str, day: dt.date) -> list[Splice]:
    """Sets `done_on` of the milestone titled `title` (case aside) to `day`."""
    n = _milestone(measure, title)
    milestone = measure.milestones[n]
    if milestone.done_on is not None:
        date = format_date(milestone.done_on, current_lang())
        raise Refused(
            say("edit.milestone_was_reached", measure=measure.id, title=milestone.title, date=date)
        )
    path = (*block.path, "milestones", n)
    literal = toml_value(day)
    if _inline(block, path):
        found = set_inline_key(block.text, block.source_map, path, "done_on", literal)
        return [found] if found else []
    found = set_key(_sub_block(block, path), "done_on", literal, MILESTONE_KEYS)
    return [found] if found else []


def _milestone(measure: Measure, title: str) -> int:
    titles = [m.title for m in measure.milestones]
    for wanted in (title, title.strip()):
        if wanted in titles:
            return titles.index(wanted)
    folded = [n for n, t in enumerate(titles) if t.casefold() == title.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    if not titles:
        raise Refused(say("edit.no_milestones", measure=measure.id))
    hint = did_you_mean(title, titles)
    raise Refused(say("edit.no_milestone", measure=measure.id, title=title, hint=hint))


def add_indicator_value(
    block: Block, measure: Measure, indicator_id: str, text: str, day: dt.date
) -> list[Splice]:
    """Appends `{ date = day, value = … }` to the values of the indicator `indicator_id`."""
    ids = [i.id for i in measure.indicators]
    if indicator_id not in ids:
        if not ids:
            raise Refused(say("edit.no_indicators", measure=measure.id))
        hint = did_you_mean(indicator_id, ids)
        raise Refused(
            say("edit.no_indicator", measure=measure.id, indicator=indicator_id, hint=hint)
        )
    try:
        value = read_number(text)
    except ValueError as exc:
        raise Refused(f"--indicator {indicator_id}: {exc}") from None
    n = ids.index(indicator_id)
    path = (*block.path, "indicators", n)
    if _inline(block, path):
        raise Refused(say("edit.indicator_inline", measure=measure.id, indicator=indicator_id))
    indicator = _sub_block(block, path)
    item = f"{{ date = {toml_value(day)}, value = {number_literal(value)} }}"
    values = (*path, "values")
    first = block.source_map.offsets.get((*values, 0))
    if values not in block.source_map.offsets:
        found = set_key(indicator, "values", f"[{item}]", INDICATOR_KEYS)
        return [found] if found else []
    if first is not None and block.text.startswith("[", first):  # [[measures.indicators.values]]
        count = len(measure.indicators[n].values)
        like = block.source_map.offsets.get((*values, count - 1))
        pairs = [("date", toml_value(day)), ("value", number_literal(value))]
        return [append_table(indicator, "measures.indicators.values", pairs, like=like)]
    return append_inline_item(block.text, block.source_map, values, item)


def set_attribute(block: Block, plan: Plan, measure: Measure, key: str, text: str) -> list[Splice]:
    """Sets the measure's attribute `key` to `text` read as the declared attribute's kind."""
    literal = attribute_literal(plan, key, text)
    path = (*block.path, "attributes")
    if path not in block.source_map.offsets:
        from massnahmen.edit.operations import MEASURE_KEYS

        found = set_key(block, "attributes", f"{{ {toml_key(key)} = {literal} }}", MEASURE_KEYS)
        return [found] if found else []
    if not block.text.startswith("[", block.source_map.offsets[path]):  # attributes = { … }
        found = set_inline_key(block.text, block.source_map, path, key, literal)
    elif toml_key(key) != key:
        raise Refused(say("edit.attribute_quotes", measure=measure.id, key=key))
    else:  # a [measures.attributes] table: a new key after the others
        order = list(dict.fromkeys([*measure.attributes, key]))
        found = set_key(_sub_block(block, path), key, literal, order)
    return [found] if found else []


def attribute_literal(plan: Plan, key: str, text: str) -> str:
    """The TOML literal of `text` as a value of the plan's attribute `key`."""
    declared = _declared(plan, key)
    try:
        value = read_attribute_value(declared, text)
    except ValueError as exc:
        raise Refused(str(exc)) from None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_literal(value)
    return toml_value(value)


def number_literal(value: int | float) -> str:
    """A measured number as written: `35`, `133.5` (not an amount's `133.50`)."""
    return repr(value)


def attributes_table(plan: Plan, pairs: list[tuple[str, str]]) -> str | None:
    """`{ personal = "zusätzlich", co2 = 120 }` for a new measure, None without attributes."""
    if not pairs:
        return None
    items = {key: attribute_literal(plan, key, text) for key, text in pairs}
    return "{ " + ", ".join(f"{toml_key(k)} = {v}" for k, v in items.items()) + " }"


def _declared(plan: Plan, key: str) -> Attribute:
    for attribute in plan.attributes:
        if attribute.id == key:
            return attribute
    ids = [a.id for a in plan.attributes]
    if not ids:
        raise Refused(say("edit.no_attributes", key=key))
    raise Refused(say("edit.no_attribute", key=key, hint=did_you_mean(key, ids)))


def _inline(block: Block, path: tuple[str | int, ...]) -> bool:
    """Whether the table at `path` is written inline (`{ … }` in an array) rather than as a
    [[header]] of its own."""
    at = block.source_map.offsets.get(path)
    return at is not None and block.text.startswith("{", at)


def _sub_block(block: Block, path: tuple[str | int, ...]) -> Block:
    """The sub-table at `path` of the measure's block, up to the next header in the measure."""
    start = block.source_map.offsets[path]
    following = [
        o
        for o, table in block.source_map.headers
        if start < o < block.end and table[: len(path)] != path
    ]
    return find_block(block.text, block.source_map, path, min(following, default=block.end))
