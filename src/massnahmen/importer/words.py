"""Words for a status, a priority and yes or no, German or English, as officers write them."""

from __future__ import annotations

import re
from typing import get_args

from massnahmen.importer.cells import BLANKS, Unreadable, folded, is_blank, memo, text_of
from massnahmen.model import Priority, Status

_STATUS_WORDS: dict[str, Status] = {}
for _status, _words in {
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
}.items():
    for _word in _words.split("|"):
        _STATUS_WORDS[_word] = _status  # type: ignore[assignment]
for _status in get_args(Status):
    _STATUS_WORDS[_status] = _status

_PRIORITY_WORDS: dict[str, Priority] = {
    "hoch": "high",
    "sehr hoch": "high",
    "high": "high",
    "1": "high",
    "a": "high",
    "mittel": "medium",
    "medium": "medium",
    "normal": "medium",
    "2": "medium",
    "b": "medium",
    "niedrig": "low",
    "gering": "low",
    "low": "low",
    "3": "low",
    "c": "low",
}


@memo
def read_status(value: object) -> Status | None:
    """A status from the German or English words officers use."""
    if is_blank(value):
        return None
    key = folded(value).replace("_", " ")
    # the words alone; without a remark in brackets; the first clause of a short sentence
    bare = folded(re.sub(r"\(.*?\)", " ", key))
    clause = folded(re.split(r"[,;:.–]", key, maxsplit=1)[0])
    for candidate in (key, bare, clause if len(clause.split()) <= 4 else ""):
        if candidate in _STATUS_WORDS:
            return _STATUS_WORDS[candidate]
    raise Unreadable("not a status word")


@memo
def read_priority(value: object) -> Priority | None:
    if is_blank(value):
        return None
    key = folded(text_of(value))
    if key in _PRIORITY_WORDS:
        return _PRIORITY_WORDS[key]
    raise Unreadable("not a priority (hoch, mittel, niedrig)")


_YES = frozenset({"ja", "j", "x", "yes", "y", "true", "wahr", "1", "✓", "✔"})
_NO = frozenset({"nein", "n", "no", "false", "falsch", "0"})


def read_flag(value: object) -> bool | None:
    """Yes or no ("ja", "x", "nein")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    key = folded(text_of(value))
    if key in _YES:
        return True
    if key in _NO or key in BLANKS:
        return False
    raise Unreadable("not yes or no")
