"""Amounts in euros, written the German way: the point groups thousands, the comma marks cents.

    45.000 → 45000     45.000,50 € → 45000.5     1.234.567 → 1234567     12.000,00 → 12000
    45000, 45 000, EUR 1.500, 1,5 Mio., 50 T€, 12.000,- €

What a German and an English reader would read differently is refused with both readings, never
guessed: `1,500` (1500 € or 1,50 €?), `1.5` and `1.50` (1,50 € or 1.500 €?). A point after four
or more digits cannot group thousands, so `12000.50` is a decimal point (as spreadsheets export
it), and `1,234.56` with both marks is read the English way, as the import always did.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from massnahmen import words
from massnahmen.vocabulary.refusal import NotUnderstood, fold, given, phrase
from massnahmen.words import Lang

_SCALES = {
    "mio": 1e6,
    "mio.": 1e6,
    "millionen": 1e6,
    "mrd": 1e9,
    "mrd.": 1e9,
    "milliarden": 1e9,
    "tsd": 1e3,
    "tsd.": 1e3,
    "t": 1e3,
    "k": 1e3,
}
_AMOUNT = re.compile(
    r"(?:€|eur|euro)?\s*(?P<number>[0-9][0-9.,' \u202f]*?)(?:,-|\.-|,--)?\s*"
    r"(?P<scale>mio\.?|millionen|mrd\.?|milliarden|tsd\.?|t|k)?\s*(?:€|eur|euro|teur|t€)?"
)
_SPACED = re.compile(r"\d{1,3}(?:[ '\u202f]\d{3})+(?:,\d+)?")  # 45 000, 45'000,50
_PLAIN = re.compile(r"\d+")
_GERMAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")  # 1.234.567,89 | 1234,5
_ENGLISH = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")  # 1,234.56: both marks, the last one decimal
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+")  # 1,500 | 1,234,567
_POINT = re.compile(r"(\d+)\.(\d+)")  # 1.5 | 12000.50


def read_amount(value: object) -> float:
    """Euros, rounded to the cent (see the module for the notation)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise NotUnderstood("amount", given(value))
    if isinstance(value, str):
        text = fold(value)
        if text.startswith("-") and any(c.isdigit() for c in text):
            raise NotUnderstood("amount", given(value), why=phrase("vocab_why_negative"))
        match = _AMOUNT.fullmatch(text)
        if match is None:
            raise NotUnderstood("amount", given(value))
        scale = _SCALES[match["scale"]] if match["scale"] else 1.0
        number = _number(match["number"].rstrip(".,"), scale, value) * scale
    else:
        number = float(value)
    if not math.isfinite(number):  # "1e999", or 400 nines: no amount a plan can hold
        raise NotUnderstood("amount", given(value))
    if number < 0:
        raise NotUnderstood("amount", given(value), why=phrase("vocab_why_negative"))
    return round(number, 2)


def _number(text: str, scale: float, value: object) -> float:
    """The number in `text`, in German notation; NotUnderstood where that is not clear."""
    text = text.strip()
    if _SPACED.fullmatch(text):
        text = re.sub(r"[ '\u202f]", "", text)
    if _PLAIN.fullmatch(text):
        return float(text)
    if match := re.fullmatch(r"(\d{1,3}),(\d{3})", text):  # 1,500: a German 1,5 or 1500?
        comma, grouped = float(f"{match[1]}.{match[2]}"), float(match[1] + match[2])
        raise _ambiguous(value, grouped * scale, comma * scale)
    if _GERMAN.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _ENGLISH.fullmatch(text):
        return float(text.replace(",", ""))
    if _COMMA_GROUPS.fullmatch(text):  # 1,234,567: English groups, which no German writes
        number = float(text.replace(",", "")) * scale
        meant = phrase("vocab_did_you_mean", word=german(number, cents=False))
        raise NotUnderstood("amount", given(value), hint=meant if math.isfinite(number) else None)
    if match := _POINT.fullmatch(text):
        whole, part = match[1], match[2]
        if len(whole) <= 3 and len(part) < 3:  # 1.5: a decimal point, or 1.500 cut short?
            decimal, thousands = float(f"{whole}.{part}"), float(whole + part.ljust(3, "0"))
            raise _ambiguous(value, thousands * scale, decimal * scale)
        return float(text)
    raise NotUnderstood("amount", given(value))


def _ambiguous(value: object, first: float, second: float) -> NotUnderstood:
    return NotUnderstood(
        "amount",
        given(value),
        head=phrase(
            "vocab_amount_ambiguous", given=given(value), first=Euros(first), second=Euros(second)
        ),
        short=phrase("vocab_amount_ambiguous_short", first=Euros(first), second=Euros(second)),
        hint=phrase("vocab_amount_write", first=german(first), second=german(second)),
        readings=(first, second),
    )


@dataclass(frozen=True)
class Euros:
    """An amount as a reading in a message: 1500 €, 1,50 € (1.50 € in English), 45 000 €."""

    amount: float

    def text(self, lang: Lang | None = None) -> str:
        whole = f"{self.amount:,.0f}" if self.amount.is_integer() else f"{self.amount:,.2f}"
        if self.amount < 10_000:
            whole = whole.replace(",", "")
        decimal = "," if (lang or words.current_lang()) == "de" else "."
        return whole.replace(",", " ").replace(".", decimal) + " €"


def german(amount: float, *, cents: bool = True) -> str:
    """An amount as the vocabulary reads it back unchanged: 1.500,00, 1,50, 1.234.567,89
    (1.500 without `cents`)."""
    text = f"{amount:,.2f}" if cents else f"{amount:,.0f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
