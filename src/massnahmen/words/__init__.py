"""The one catalogue of words a person reads, German (the default) and English side by side.

Every entry is a pair `(German, English)`, so that no word exists in one language only (a test
also checks that both have the same `{placeholders}`). Renderers take labels from here, so that
a status is called the same in the terminal, the workbook, the letters and the CSV.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Literal

from massnahmen.words.cli import CLI_WORDS
from massnahmen.words.editing import EDITING_WORDS
from massnahmen.words.findings import FINDING_WORDS
from massnahmen.words.importing import IMPORT_WORDS
from massnahmen.words.messages import MESSAGE_WORDS
from massnahmen.words.model import MODEL_WORDS
from massnahmen.words.publish import PUBLISH_WORDS
from massnahmen.words.reports import REPORT_WORDS
from massnahmen.words.request import REQUEST_WORDS
from massnahmen.words.safety import SAFETY_WORDS
from massnahmen.words.vocabulary import VOCABULARY_WORDS

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")

CATALOGUE: dict[str, tuple[str, str]] = {
    **REPORT_WORDS,
    **VOCABULARY_WORDS,
    **SAFETY_WORDS,
    **PUBLISH_WORDS,
    **MODEL_WORDS,
    **CLI_WORDS,
    **EDITING_WORDS,
    **REQUEST_WORDS,
    **MESSAGE_WORDS,
    **IMPORT_WORDS,
    **FINDING_WORDS,
}
assert len(CATALOGUE) == sum(
    map(
        len,
        (
            REPORT_WORDS,
            VOCABULARY_WORDS,
            SAFETY_WORDS,
            PUBLISH_WORDS,
            MODEL_WORDS,
            CLI_WORDS,
            EDITING_WORDS,
            REQUEST_WORDS,
            MESSAGE_WORDS,
            IMPORT_WORDS,
            FINDING_WORDS,
        ),
    )
), "one word per key"

# The language of messages made in the core (findings, refusals, errors), set once per command
# by the command line; renderers are given theirs explicitly.
_CURRENT: ContextVar[Lang | None] = ContextVar("massnahmen_lang", default=None)


def current_lang() -> Lang:
    """The language set for this run, else the one `MASSNAHMEN_LANG` asks for, else German."""
    lang = _CURRENT.get()
    if lang is not None:
        return lang
    asked = os.environ.get("MASSNAHMEN_LANG")
    return "en" if asked == "en" else "de"


@contextlib.contextmanager
def language(lang: Lang) -> Iterator[None]:
    """Messages made inside the block are in `lang`."""
    token = _CURRENT.set(lang)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def label(key: str, lang: Lang | None = None) -> str:
    """The word for `key` in `lang` (default: the current language); the key itself if the
    catalogue lacks it."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    return entry[0] if (lang or current_lang()) == "de" else entry[1]


def say(key: str, lang: Lang | None = None, /, **values: object) -> str:
    """The catalogue's text for `key` in `lang` (default: the current language), with its
    `{placeholders}` filled in."""
    return label(key, lang).format(**values)


def format_date(day: object, lang: Lang = "de") -> str:
    """A date as a person in `lang` writes it (31.12.2024 / 2024-12-31); '' for None."""
    if not isinstance(day, dt.date):
        return ""
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()


def format_amount(value: float, lang: Lang = "de") -> str:
    """An amount in euros as a person in `lang` writes it: 240.000,00 € / €240,000.00."""
    english = f"{value:,.2f}"
    if lang == "en":
        return f"€{english}"
    return english.replace(",", "_").replace(".", ",").replace("_", ".") + " €"


def format_number(value: float, lang: Lang = "de") -> str:
    """A measured number as a person in `lang` writes it: 1.234,5 / 1,234.5; whole numbers
    without decimals, others with at most two."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0")
    else:
        text = f"{int(value):,}"
    if lang == "de":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def with_unit(value: float, unit: str | None, lang: Lang = "de") -> str:
    """`63 %`, `137 kWh/m²`, or the bare number."""
    number = format_number(value, lang)
    return f"{number} {unit}" if unit else number
