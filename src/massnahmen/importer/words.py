"""Word cells: a status, a priority, yes or no, read through the vocabulary; None when empty."""

from __future__ import annotations

from massnahmen import vocabulary
from massnahmen.importer.cells import is_blank, memo, reported, text_of
from massnahmen.model import Priority, Status


@memo
def read_status(value: object) -> Status | None:
    """A status from the German or English words officers use."""
    return None if is_blank(value) else reported(vocabulary.read_status, value)


@memo
def read_priority(value: object) -> Priority | None:
    return None if is_blank(value) else reported(vocabulary.read_priority, text_of(value))


def read_flag(value: object) -> bool | None:
    """Yes or no ("ja", "x", "nein"); a placeholder such as "-" is no."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if is_blank(value):
        return False
    return reported(vocabulary.read_flag, value)
