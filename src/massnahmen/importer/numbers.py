"""Numbers as officers write them: per cent done and euros in German notation."""

from __future__ import annotations

import math
import re

from massnahmen.importer.cells import Unreadable, folded, is_blank, memo

_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|prozent)?")


def read_progress(value: object, fractions: bool = False) -> int | None:
    """Percent done: 40, "40 %", 0.4 and "0,4" all give 40.

    `fractions`: the column holds shares of one (Excel percentage cells), so 1 means 100 %.
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable("not a percentage")
    if isinstance(value, int | float):
        number = float(value)
        if fractions or (0 < number < 1):
            number *= 100
    else:
        match = _PERCENT.fullmatch(folded(value))
        if not match:
            raise Unreadable("not a percentage")
        number = float(match[1].replace(",", "."))
        if match[2] is None and number <= 1 and (fractions or not number.is_integer()):
            number *= 100
    if not 0 <= number <= 100:
        raise Unreadable("a percentage must lie between 0 and 100")
    return round(number)


_SCALES = {
    "mio": 1e6,
    "millionen": 1e6,
    "mio.": 1e6,
    "mrd": 1e9,
    "mrd.": 1e9,
    "tsd": 1e3,
    "tsd.": 1e3,
    "t": 1e3,
    "k": 1e3,
}
_AMOUNT = re.compile(
    r"(?:€|eur|euro)?\s*([0-9][0-9.,' ]*?)(?:,-|\.-|,--)?\s*"
    r"(mio\.?|millionen|mrd\.?|tsd\.?|t|k)?\s*(?:€|eur|euro|teur|t€)?"
)


@memo
def read_amount(value: object) -> float | None:
    """Euros in German notation ("12.000,00 €", "1,5 Mio. €", "50 T€") or plain numbers."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise Unreadable("not an amount")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = folded(value)
        match = _AMOUNT.fullmatch(text)
        if not match:
            raise Unreadable("not an amount in euros")
        number = _german_number(match[1].replace(" ", "").replace("'", ""))
        if match[2]:
            number *= _SCALES[match[2]]
    if not math.isfinite(number):  # "1e999", or 400 nines: no amount a plan can hold
        raise Unreadable("not an amount in euros")
    if number < 0:
        raise Unreadable("a negative amount")
    return round(number, 2)


def _german_number(text: str) -> float:
    text = text.rstrip(".,")
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        raise Unreadable("not an amount in euros") from None
