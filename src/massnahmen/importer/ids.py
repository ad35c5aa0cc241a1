"""Stable ids from names: "Verwaltung" → "VE", "Handel, Innenstadt und Tourismus" → "HIT".

The same names in the same order always give the same ids; every id is unique among those taken
and matches the model's pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SPELLED = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
_STOPWORDS = frozenset(
    [
        "und",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "für",
        "fuer",
        "von",
        "vom",
        "im",
        "in",
        "mit",
        "zur",
        "zum",
        "bei",
        "auf",
        "an",
        "als",
        "oder",
        "sowie",
        "aus",
        "über",
        "ueber",
        "durch",
        "einer",
        "eines",
        "eine",
        "ein",
        "the",
        "and",
        "of",
        "for",
        "to",
        "in",
        "on",
        "with",
    ]
)
_MAX_SHORT = 12


def ascii_words(name: str) -> list[str]:
    """The words of `name` in ASCII (umlauts spelled out, accents dropped)."""
    spelled = unicodedata.normalize("NFKD", name.translate(_SPELLED))
    plain = "".join(c for c in spelled if c.isascii())
    return re.findall(r"[A-Za-z0-9]+", plain)


def is_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None


def _candidates(name: str, short: bool) -> Iterator[str]:
    words = ascii_words(name)
    if not words:
        yield "X"
        return
    if not short and len(words) <= 2 and len("".join(words)) <= _MAX_SHORT:
        yield "-".join(words)  # short names are their own id: "KRZ", "FB-1", "Hauptamt"
    significant = [w for w in words if w.lower() not in _STOPWORDS] or words
    if len(significant) == 1:
        word = significant[0]
        if word.isdigit() or len(word) <= 3:
            yield word.upper()
        for length in range(2, min(len(word), 5) + 1):
            yield word[:length].upper()
    else:
        initials = "".join(w if w.isdigit() else w[0] for w in significant[:5]).upper()
        yield initials
        last = significant[min(len(significant), 5) - 1]
        for length in range(2, min(len(last), 4) + 1):
            yield (initials[:-1] + last[:length]).upper()


def derive_id(name: str, taken: set[str], *, short: bool = True) -> str:
    """An id for `name` that is not in `taken` (and adds it there).

    `short`: fields of action get two to five capitals, since measure ids start with them;
    owners keep a short name as it is.
    """
    for candidate in _candidates(name, short):
        if candidate not in taken and is_id(candidate):
            taken.add(candidate)
            return candidate
    base = next(c for c in _candidates(name, short) if is_id(c))
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    taken.add(f"{base}{number}")
    return f"{base}{number}"


def clean_id(text: str) -> str | None:
    """A source's own id or short name as a plan id ("FB 1" → "FB-1"), None if unusable."""
    candidate = "-".join(ascii_words(text)) if not is_id(text.strip()) else text.strip()
    return candidate if candidate and is_id(candidate) else None
