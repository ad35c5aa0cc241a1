"""Values an officer gives on the command line for the plan's own parts: `ID=VALUE` for an
attribute or an indicator, measured numbers in German or English notation, and the owner's
rating and yes/no through the vocabulary (`grün`, `green`; `ja`, `no`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from massnahmen.diagnostics import did_you_mean
from massnahmen.vocabulary.choices import read_flag as vocabulary_flag
from massnahmen.vocabulary.choices import read_rating as vocabulary_rating

if TYPE_CHECKING:
    from massnahmen.model import Attribute, Rating

_INTEGER = re.compile(r"[+-]?\d+")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")  # 1.234.567: German thousands
_GERMAN = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})*,\d+|[+-]?\d+,\d+")  # 1.234,5 / 12,5
_ENGLISH = re.compile(r"[+-]?\d{1,3}(?:,\d{3})*\.\d+|[+-]?\d+\.\d+")  # 1,234.5 / 12.5


def split_assignment(text: str) -> tuple[str, str]:
    """`personal=zusätzlich` as ("personal", "zusätzlich"); ValueError without an `=`."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise ValueError(f'"{text}" is not ID=VALUE')
    return key.strip(), value.strip()


def read_number(text: str) -> int | float:
    """`12`, `12,5`, `1.234,5`, `12.5`, `1,234.5`; a dot before three digits groups thousands
    (`1.234` is 1234), as German officers write it. ValueError for anything else."""
    plain = text.strip().replace(" ", "").replace("\u202f", "")
    if _INTEGER.fullmatch(plain):
        return int(plain)
    if _GROUPED.fullmatch(plain):
        return int(plain.replace(".", ""))
    if _GERMAN.fullmatch(plain):
        return float(plain.replace(".", "").replace(",", "."))
    if _ENGLISH.fullmatch(plain):
        return float(plain.replace(",", ""))
    raise ValueError(f'"{text}" is not a number')


def read_rating(text: str) -> Rating:
    """The owner's rating in the vocabulary's words: grün|gelb|rot or green|yellow|red.
    (NotUnderstood is a ValueError that says what to write.)"""
    return vocabulary_rating(text)


def read_flag(text: str) -> bool:
    """Yes or no in the vocabulary's words: ja, nein, x, yes, no, …"""
    return vocabulary_flag(text)


def read_attribute_value(attribute: Attribute, text: str) -> str | int | float | bool:
    """`text` as a value of `attribute`, of its kind; ValueError saying what it takes."""
    name = f'attribute "{attribute.id}"'
    match attribute.kind:
        case "number":
            try:
                return read_number(text)
            except ValueError:
                raise ValueError(f'{name} is a number, not "{text}"') from None
        case "flag":
            try:
                return read_flag(text)
            except ValueError:
                raise ValueError(f'{name} is yes or no (ja/nein), not "{text}"') from None
        case "choice":
            for choice in attribute.choices:
                if choice.casefold() == text.strip().casefold():
                    return choice
            choices = ", ".join(f'"{c}"' for c in attribute.choices)
            hint = did_you_mean(text, attribute.choices)
            raise ValueError(f'{name}: "{text}" is not one of {choices}{hint}')
        case _:
            return text


def attribute_matches(value: str | int | float | bool, wanted: str) -> bool:
    """Whether a measure's attribute value is the one `list --attribute ID=VALUE` asks for:
    texts and choices case-insensitively, numbers and flags by their value."""
    if isinstance(value, bool):
        try:
            return read_flag(wanted) is value
        except ValueError:
            return False
    if isinstance(value, int | float):
        try:
            return read_number(wanted) == value
        except ValueError:
            return False
    return value.casefold() == wanted.strip().casefold()
