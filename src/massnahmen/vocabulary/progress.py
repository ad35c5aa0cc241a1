"""Progress as officers write it: per cent done, `45`, `45 %`, `45%`, `45 Prozent`.

A share of one below 1 (`0,45`, a cell of 0.45) is a percentage cell's value and reads as 45 %;
`1` stays 1 %, except where the caller knows the column holds shares (`fractions`).
"""

from __future__ import annotations

import re

from massnahmen.vocabulary.refusal import NotUnderstood, fold, given, phrase

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|prozent|percent)?")


def read_progress(value: object, *, fractions: bool = False) -> int:
    """Per cent done, 0 to 100, rounded to a whole per cent."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise NotUnderstood("progress", given(value))
    if isinstance(value, str):
        match = _PERCENT.fullmatch(fold(value))
        if not match:
            raise NotUnderstood("progress", given(value))
        number = float(match[1].replace(",", "."))
        if match[2] is None and number <= 1 and (fractions or not number.is_integer()):
            number *= 100
    else:
        number = float(value)
        if fractions or (0 < number < 1):
            number *= 100
    if not 0 <= number <= 100:  # NaN too
        raise NotUnderstood("progress", given(value), why=phrase("vocab_why_percent"))
    return round(number)
