"""`NotUnderstood`: the one error of every reader, and the text the readers share.

A refusal names what was given and proposes what the reader would have understood, or the forms
it takes, in the current language (`words.current_lang()`) or the one asked for:

    „31.13.2027“ ist kein Datum; geschrieben wie 31.12.2027 oder 2027-12-31
    „1,500“ ist mehrdeutig: 1500 € oder 1,50 €? Schreiben Sie 1.500,00 oder 1,50
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from massnahmen import words
from massnahmen.words import Lang

Kind = Literal[
    "date", "deadline", "amount", "status", "priority", "rating", "light", "progress", "flag"
]
_SHOWN = 80  # characters of a given value a message repeats


@runtime_checkable
class Said(Protocol):
    """A value whose words depend on the language (a phrase, an amount)."""

    def text(self, lang: Lang | None = None) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """A catalogue entry with the values of its placeholders, said when the language is known."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: Lang | None = None) -> str:
        values = {k: v.text(lang) if isinstance(v, Said) else v for k, v in self.values.items()}
        return words.say(self.key, lang, **values)


def phrase(key: str, **values: object) -> Phrase:
    return Phrase(key, values)


class NotUnderstood(ValueError):
    """Words a reader cannot read as a value of its kind.

    `given` is the value as written; `why` says what is wrong where it looks right (a year, a
    day); `hint` proposes what would have been understood (default: the kind's forms);
    `readings` are the values an ambiguous amount could mean, for a caller to offer.
    """

    def __init__(
        self,
        kind: Kind,
        given: str,
        *,
        why: Phrase | None = None,
        hint: Phrase | None = None,
        head: Phrase | None = None,
        short: Phrase | None = None,
        readings: tuple[float, ...] = (),
    ) -> None:
        super().__init__(kind, given)
        self.kind: Kind = kind
        self.given = given
        self.why = why
        self.hint = hint or phrase(f"vocab_{kind}_forms")
        self.head = head or phrase(f"vocab_{kind}", given=given)
        self.readings = readings
        self._short = short

    def message(self, lang: Lang | None = None) -> str:
        """The whole refusal: what was given, why not, and what to write instead."""
        head = self.head.text(lang)
        if self.why is not None:
            head += f" ({self.why.text(lang)})"
        return head + (" " if head.endswith("?") else "; ") + self.hint.text(lang)

    def short(self, lang: Lang | None = None) -> str:
        """What is wrong in a few words, without the value (a report shows it beside them)."""
        found = self._short or self.why or phrase(f"vocab_{self.kind}_short")
        return found.text(lang)

    def __str__(self) -> str:
        return self.message()


def given(value: object) -> str:
    """A value as the person wrote it, for a message: one line, at most 80 characters."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def fold(value: object) -> str:
    """Lower-case words without punctuation at the ends: the form words are looked up in."""
    return " ".join(str(value).lower().replace("\xa0", " ").split()).strip(" .:;!")


def closest(word: str, candidates: Iterable[str]) -> Phrase | None:
    """ "Did you mean …?" for a candidate close to `word`, else None."""
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return phrase("vocab_did_you_mean", word=found[0]) if found else None
