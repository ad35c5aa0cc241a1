"""The one vocabulary of the tool: the words an officer writes for a date, a deadline, an amount,
a status, a priority, a rating or traffic light, progress and yes or no, read into the plan's
values. The command line's options, `import` and `collect` all read through it.

Each reader takes what was written (a text, or a spreadsheet cell's date or number) and returns
the plan's value, or raises `NotUnderstood`, whose message says what was given and what would
have been understood, in the current language.
"""

from __future__ import annotations

from massnahmen.vocabulary.amounts import read_amount
from massnahmen.vocabulary.choices import (
    Colour,
    LightWord,
    read_flag,
    read_light,
    read_priority,
    read_rating,
    read_status,
)
from massnahmen.vocabulary.dates import read_date
from massnahmen.vocabulary.deadlines import read_deadline, read_span
from massnahmen.vocabulary.progress import read_progress
from massnahmen.vocabulary.refusal import NotUnderstood

__all__ = [
    "Colour",
    "LightWord",
    "NotUnderstood",
    "read_amount",
    "read_date",
    "read_deadline",
    "read_flag",
    "read_light",
    "read_priority",
    "read_progress",
    "read_rating",
    "read_span",
    "read_status",
]
