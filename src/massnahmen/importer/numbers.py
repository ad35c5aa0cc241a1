"""Number cells: per cent done and euros, read through the vocabulary; None when empty."""

from __future__ import annotations

import functools

from massnahmen import vocabulary
from massnahmen.importer.cells import is_blank, memo, reported


def read_progress(value: object, fractions: bool = False) -> int | None:
    """Percent done: 40, "40 %", 0.4 and "0,4" all give 40.

    `fractions`: the column holds shares of one (Excel percentage cells), so 1 means 100 %.
    """
    if is_blank(value):
        return None
    return reported(functools.partial(vocabulary.read_progress, fractions=fractions), value)


@memo
def read_amount(value: object) -> float | None:
    """Euros in German notation ("12.000,00 €", "1,5 Mio. €", "50 T€") or plain numbers."""
    return None if is_blank(value) else reported(vocabulary.read_amount, value)
