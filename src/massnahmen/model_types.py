"""The value types of the plan format that TOML does not have: deadlines (which may name one of
the plan's horizons), the date or period a horizon stands for, measured numbers, the values of
the plan's own attributes, e-mail addresses and links a public page may carry. Each reads a
TOML value and says in the user's words what is wrong.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import AfterValidator, PlainSerializer, PlainValidator, WithJsonSchema

from massnahmen.deadline import Deadline, is_horizon_name, parse_deadline
from massnahmen.words import say

# The horizons of the plan being validated, so that a deadline naming one is due when it is.
# Set by `Plan` around its own validation (and by `using_horizons` for measures read apart).
_NO_HORIZONS: Mapping[str, Deadline] = MappingProxyType({})
_HORIZONS: ContextVar[Mapping[str, Deadline]] = ContextVar(
    "massnahmen_horizons", default=_NO_HORIZONS
)


@contextlib.contextmanager
def using_horizons(horizons: Mapping[str, Deadline]) -> Iterator[None]:
    """Deadlines validated inside the block resolve the names of these horizons."""
    token = _HORIZONS.set(horizons)
    try:
        yield
    finally:
        _HORIZONS.reset(token)


def _plan_deadline(value: object) -> Deadline:
    return parse_deadline(value, _HORIZONS.get())


_PERIOD_PATTERN = r"^(\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?|ongoing)$"
_DEADLINE_SCHEMA: dict[str, Any] = {
    "description": 'A date, a period ("2024", "2024-H1", "2024-Q2", "2024-06"), "ongoing", '
    "or the name of a horizon in [settings] horizons.",
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": _PERIOD_PATTERN},
        {"type": "string", "pattern": "^[^0-9]"},
    ],
}
DeadlineValue = Annotated[
    Deadline,
    PlainValidator(_plan_deadline),
    PlainSerializer(lambda d: d.raw),
    WithJsonSchema(_DEADLINE_SCHEMA),
]


def _not_ongoing(deadline: Deadline) -> Deadline:
    if deadline.ongoing:
        raise ValueError('"ongoing" is no due day; write a date, a period or a horizon')
    return deadline


MilestoneDue = Annotated[DeadlineValue, AfterValidator(_not_ongoing)]


def horizon_form(value: object) -> Deadline:
    """What a horizon stands for: a date or a period (not "ongoing", not another horizon)."""
    try:
        deadline = parse_deadline(value)
    except ValueError:
        raise ValueError(
            f"{_shown(value)} is no date or period; write a date (2027-12-31) or a period "
            '("2027", "2027-H1", "2027-Q2", "2027-06")'
        ) from None
    if deadline.ongoing:
        raise ValueError('a horizon stands for a date or a period, not "ongoing"')
    return deadline


def _horizon_name(name: str) -> str:
    if not is_horizon_name(name):
        raise ValueError(f'"{name}" cannot name a horizon: a name begins with a letter')
    return name


HorizonName = Annotated[str, AfterValidator(_horizon_name)]
HorizonForm = Annotated[
    Deadline,
    PlainValidator(horizon_form),
    PlainSerializer(lambda d: d.raw),
    WithJsonSchema(
        {
            "description": 'A date or a period ("2025", "2025-H1", "2025-Q2", "2025-06").',
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$"},
            ],
        }
    ),
]


def _finite_number(value: object) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, not {_shown(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"expected a finite number, not {value}")
    return value


def _attribute_value(value: object) -> str | int | float | bool:
    if isinstance(value, str | bool):
        return value
    if isinstance(value, int | float):
        return _finite_number(value)
    raise ValueError(f"expected a string, a number or true/false, not {_shown(value)}")


def _shown(value: object) -> str:
    if isinstance(value, str):
        return '"' + (value if len(value) <= 40 else value[:37] + "...") + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return f"the date {value}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a value"


# Numbers as written: an integer stays one (35, not 35.0), so reports show what was measured.
Number = Annotated[int | float, PlainValidator(_finite_number), WithJsonSchema({"type": "number"})]
AttributeValue = Annotated[
    str | int | float | bool,
    PlainValidator(_attribute_value),
    WithJsonSchema({"type": ["string", "number", "boolean"]}),
]


def _email_address(value: str) -> str:
    """`value` if it is one e-mail address (email-validator's rules, no DNS look-up): a mail
    job puts it in a `To:` header, where a line break would add headers of its own."""
    from email_validator import EmailNotValidError, validate_email  # 75 ms: only when used

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise ValueError(say("not_an_email", value=f'"{shown}"', reason=exc)) from None
    return value


EmailAddress = Annotated[str, AfterValidator(_email_address)]


_SAFE_URL = re.compile(r"(https?://|mailto:)\S+|[^:\s]+")


def _safe_url(value: str) -> str:
    """A link a page may carry: a web address, a mail address or a relative path, never a
    `javascript:` (or any other scheme) URL, which escaping alone would not make harmless."""
    if not _SAFE_URL.fullmatch(value):
        raise ValueError(
            f'"{value}" is not a link a page may carry: write https://…, mailto:… or a path'
        )
    return value


SafeUrl = Annotated[str, AfterValidator(_safe_url)]
