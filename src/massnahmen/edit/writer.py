"""A plan as TOML text for people: one key a line, tables in SPEC's order, a comment on top.

Keys that hold their default (an empty list, `active = true`, …) are left out, so the file shows
what was said about each measure. Loading the text gives back the same `Plan`.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Iterable

from pydantic import BaseModel

from massnahmen.deadline import Deadline
from massnahmen.model import Plan

# Keys written even when they hold the default: a reader should see them.
_ALWAYS = frozenset({("plan", "state")})
_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update({ord("\\"): "\\\\", ord('"'): '\\"', ord("\t"): "\\t", ord("\n"): "\\n"})
_ESCAPES.update({ord("\b"): "\\b", ord("\f"): "\\f", ord("\r"): "\\r"})
# In a multi-line string, line breaks and tabs stand as they are.
_MULTILINE_ESCAPES = {c: e for c, e in _ESCAPES.items() if c not in (ord("\n"), ord("\t"))}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_string(text: str) -> str:
    """`text` as a TOML string: multi-line (\"\"\") when it has line breaks, else one line."""
    if "\n" in text:
        return '"""\n' + text.translate(_MULTILINE_ESCAPES) + '"""'
    return '"' + text.translate(_ESCAPES) + '"'


def toml_value(value: object) -> str:
    """One value in TOML: strings, booleans, numbers, dates, deadlines and arrays of them."""
    if isinstance(value, Deadline):
        return toml_value(value.raw)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dt.datetime):
        raise TypeError("a plan holds dates, not date-times")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, BaseModel):  # a table inside an array: `values = [{ date = … }]`
        return toml_value(dict(_keys(value, "")))
    if isinstance(value, dict):
        pairs = ", ".join(f"{toml_key(key)} = {toml_value(item)}" for key, item in value.items())
        return "{ " + pairs + " }" if pairs else "{}"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def toml_key(key: str) -> str:
    """A key bare where TOML allows it, else quoted."""
    return key if _BARE_KEY.fullmatch(key) else '"' + key.translate(_ESCAPES) + '"'


def _float(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    money = f"{value:.2f}"
    if float(money) == value and abs(value) < 1e15:
        return money  # amounts in euros and cents: 12000.00
    return repr(value)


# Keys that hold tables or arrays of tables: written as their own [headers].
_NESTED = frozenset(
    {"plan", "settings", "publish", "meetings", "attributes", "fields", "owners", "measures"}
)
_NESTED_IN_MEASURES = frozenset({"milestones", "indicators", "updates"})


@functools.cache
def _plain_keys(model: type[BaseModel], table: str) -> tuple[tuple[str, bool, object], ...]:
    """(key, always written, default) for the keys of a table that hold values (a measure's
    `attributes` is one: an inline table)."""
    nested = _NESTED_IN_MEASURES if table == "measures" else _NESTED
    return tuple(
        (name, (table, name) in _ALWAYS or info.is_required(), info.default)
        for name, info in model.model_fields.items()
        if name not in nested
    )


def _keys(model: BaseModel, table: str) -> Iterable[tuple[str, object]]:
    """The keys of a table in the model's order, without nested tables and default values."""
    for name, always, default in _plain_keys(type(model), table):
        value = getattr(model, name)
        if value is None or (not always and value == default):
            continue
        yield name, value


def _table(out: list[str], header: str, model: BaseModel, table: str) -> None:
    out.append(f"\n{header}\n")
    out.extend(f"{key} = {toml_value(value)}\n" for key, value in _keys(model, table))


def render_plan_toml(plan: Plan, header_comment: str = "") -> str:
    """The plan as TOML text; `header_comment` (any lines) stands on top as # comments."""
    out: list[str] = [
        "".join(f"# {line}".rstrip() + "\n" for line in header_comment.splitlines()),
        f"format = {plan.format}\n",
    ]
    if not out[0]:
        out.pop(0)
    _table(out, "[plan]", plan.plan, "plan")
    if any(True for _ in _keys(plan.settings, "settings")):
        _table(out, "[settings]", plan.settings, "settings")
    if any(True for _ in _keys(plan.publish, "publish")):
        _table(out, "[publish]", plan.publish, "publish")
    for meeting in plan.meetings:
        _table(out, "[[meetings]]", meeting, "meetings")
    for attribute in plan.attributes:
        _table(out, "[[attributes]]", attribute, "attributes")
    for field in plan.fields:
        _table(out, "[[fields]]", field, "fields")
    for owner in plan.owners:
        _table(out, "[[owners]]", owner, "owners")
    for measure in plan.measures:
        _table(out, "[[measures]]", measure, "measures")
        for milestone in measure.milestones:
            _table(out, "[[measures.milestones]]", milestone, "milestones")
        for indicator in measure.indicators:
            _table(out, "[[measures.indicators]]", indicator, "indicators")
        for update in measure.updates:
            _table(out, "[[measures.updates]]", update, "updates")
    return "".join(out)
