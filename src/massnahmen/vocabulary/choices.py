"""Words for one of a few values: a status, a priority, a rating or traffic light, yes or no.

German and English, the plan's own keys (`in_progress`), in any case and spacing. `offen` reads
as planned (not begun), as measure plans use it; `laufend` as in progress; priorities 1–3 and
A–C as high to low, as ranked lists write them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, cast

from massnahmen.vocabulary.refusal import Kind, NotUnderstood, closest, fold, given

if TYPE_CHECKING:
    from massnahmen.model import Priority, Status

Colour = Literal["green", "yellow", "red"]
# A derived light: a colour, or "none" for an open measure without a deadline (ohne Frist).
LightWord = Literal["green", "yellow", "red", "none"]


def _table(groups: dict[str, str]) -> dict[str, str]:
    return {word: value for value, many in groups.items() for word in [value, *many.split("|")]}


STATUS_WORDS = _table(
    {
        "planned": "geplant|offen|noch offen|in planung|in vorbereitung|vorgesehen|nicht begonnen|"
        "noch nicht begonnen|noch nicht gestartet|neu|idee|planned|open|not started|to do|todo",
        "in_progress": "in arbeit|in umsetzung|in bearbeitung|in durchführung|in realisierung|"
        "begonnen|gestartet|läuft|laufend|teilweise umgesetzt|teilweise in umsetzung|"
        "in progress|started|ongoing|active|wip",
        "done": "umgesetzt|erledigt|abgeschlossen|fertig|fertiggestellt|realisiert|erfüllt|"
        "vollständig umgesetzt|done|completed|complete|finished|closed",
        "on_hold": "zurückgestellt|ausgesetzt|pausiert|ruht|ruhend|verschoben|gestoppt|on hold|"
        "paused|postponed|deferred",
        "cancelled": "verworfen|entfallen|entfällt|gestrichen|abgebrochen|eingestellt|"
        "nicht weiterverfolgt|cancelled|canceled|dropped|abandoned",
    }
)
PRIORITY_WORDS = _table(
    {
        "high": "hoch|hohe|sehr hoch|1|a",
        "medium": "mittel|mittlere|normal|2|b",
        "low": "niedrig|niedrige|gering|geringe|3|c",
    }
)
COLOUR_WORDS = _table({"green": "grün|gruen", "yellow": "gelb|amber", "red": "rot"})
# The owner rates in colours only; the derived light may also be "ohne Frist".
LIGHT_WORDS = COLOUR_WORDS | _table({"none": "ohne frist|keine frist|no deadline"})
_YES = frozenset({"ja", "j", "x", "yes", "y", "true", "wahr", "1", "✓", "✔"})
_NO = frozenset({"nein", "n", "no", "false", "falsch", "0"})


def read_status(value: object) -> Status:
    """A status: `erledigt`, `in Umsetzung`, `on hold`, `in_progress`, … Where a cell says
    more, the words without a remark in brackets, or the first clause of a short sentence."""
    key = fold(str(value).replace("_", " ").replace("-", " "))
    bare = fold(re.sub(r"\([^()]*\)", " ", key))
    clause = fold(re.split(r"[,;:.–]", key, maxsplit=1)[0])
    for candidate in (key, bare, clause if len(clause.split()) <= 4 else ""):
        if candidate in STATUS_WORDS:
            return cast("Status", STATUS_WORDS[candidate])
    raise _refusal("status", value, key, STATUS_WORDS)


def read_priority(value: object) -> Priority:
    """A priority: `hoch`, `mittel`, `niedrig`, `high`, `medium`, `low`, 1–3, A–C."""
    return cast("Priority", _choice("priority", value, PRIORITY_WORDS))


def read_rating(value: object) -> Colour:
    """The owner's own assessment: `grün`, `gelb`, `rot`, `green`, `yellow`, `red`."""
    return cast(Colour, _choice("rating", value, COLOUR_WORDS))


def read_light(value: object) -> LightWord:
    """A traffic light, in the words of a rating, or `ohne Frist` / `no deadline`."""
    return cast(LightWord, _choice("light", value, LIGHT_WORDS))


def read_flag(value: object) -> bool:
    """Yes or no: `ja`, `x`, `nein`, `yes`, `no`, a boolean cell."""
    if isinstance(value, bool):
        return value
    key = fold(given(value))
    if key in _YES or key in _NO:
        return key in _YES
    raise NotUnderstood("flag", given(value))


def _choice(kind: Kind, value: object, table: dict[str, str]) -> str:
    key = fold(given(value))
    if key in table:
        return table[key]
    raise _refusal(kind, value, key, table)


def _refusal(kind: Kind, value: object, key: str, table: dict[str, str]) -> NotUnderstood:
    words = [word for word in table if len(word) > 2]  # "did you mean" never proposes "a"
    return NotUnderstood(kind, given(value), hint=closest(key, words))
