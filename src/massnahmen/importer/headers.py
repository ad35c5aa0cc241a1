"""Finding the header row of a flat sheet and what each column means.

One table, `ALIASES`, lists the headers officers use for each key of a measure, German and
English; the committee workbook's own headers (labels.py) are among them, so that an exported
workbook imports again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from massnahmen.importer.cells import text_of

# What a column can mean. "ignore": derived in reports (traffic light, number of moves).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "Nr.",
        "Nummer",
        "ID",
        "Lfd. Nr.",
        "laufende Nummer",
        "Kennung",
        "Maßnahmen-Nr.",
        "Maßnahmennummer",
        "Kürzel",
        "No.",
        "Number",
        "#",
    ),
    "field": (
        "Handlungsfeld",
        "Feld",
        "Themenfeld",
        "Bereich",
        "Themenbereich",
        "Handlungsbereich",
        "Handlungsschwerpunkt",
        "Schwerpunkt",
        "Cluster",
        "Säule",
        "Kategorie",
        "Field",
        "Field of action",
        "Topic",
    ),
    "title": (
        "Maßnahme",
        "Titel",
        "Bezeichnung",
        "Maßnahmentitel",
        "Maßnahmenbezeichnung",
        "Name der Maßnahme",
        "Projekt",
        "Vorhaben",
        "Measure",
        "Title",
        "Name",
    ),
    "description": (
        "Beschreibung",
        "Kurzbeschreibung",
        "Erläuterung",
        "Maßnahmenbeschreibung",
        "Inhalt",
        "Description",
        "Details",
    ),
    "goal": ("Ziel", "Ziele", "Zielsetzung", "Goal", "Objective"),
    "owner": (
        "Verantwortlich",
        "Verantwortliche",
        "Verantwortliche Stelle",
        "Verantwortung",
        "Federführung",
        "federführend",
        "Zuständigkeit",
        "zuständig",
        "Zuständige Stelle",
        "Organisationseinheit",
        "Owner",
        "Responsible",
        "Lead",
    ),
    "contributors": (
        "Beteiligte",
        "beteiligt",
        "Mitwirkende",
        "Mitwirkung",
        "Partner",
        "Kooperationspartner",
        "Contributors",
        "Involved",
    ),
    "priority": ("Priorität", "Prio", "Dringlichkeit", "Priority"),
    "start": ("Beginn", "Start", "Startdatum", "Umsetzungsbeginn", "von", "ab", "Start date"),
    "deadline": (
        "Frist",
        "Termin",
        "Zeitraum",
        "bis",
        "Ende",
        "Enddatum",
        "Zieltermin",
        "Zeitplan",
        "Zeithorizont",
        "Umsetzungszeitraum",
        "Umsetzung bis",
        "Fertigstellung",
        "Frist (beschlossen)",
        "Deadline",
        "Deadline (adopted)",
        "Due",
        "Due date",
    ),
    "current_deadline": (
        "Frist (aktuell)",
        "aktuelle Frist",
        "neue Frist",
        "Deadline (current)",
    ),
    "status": ("Status", "Stand", "Umsetzungsstand", "Sachstand", "Umsetzungsstatus", "State"),
    "progress": (
        "Fortschritt",
        "%",
        "Fortschritt in %",
        "Umsetzungsgrad",
        "Fertigstellungsgrad",
        "Erfüllungsgrad",
        "Progress",
        "Percent",
        "Prozent",
    ),
    "budget": (
        "Kosten",
        "Haushaltsmittel",
        "Mittel",
        "Finanzbedarf",
        "Budget",
        "Geschätzte Kosten",
        "Costs",
        "Cost",
    ),
    "budget_reserved": ("Haushaltsvorbehalt", "Finanzierungsvorbehalt", "Budget reservation"),
    "funding": ("Förderung", "Fördermittel", "Förderprogramm", "Drittmittel", "Funding"),
    "funding_ends": ("Förderung bis", "Förderende", "Förderzeitraum bis", "Funding until"),
    "decision": ("Beschluss", "Drucksache", "Ratsbeschluss", "Decision"),
    "depends_on": ("Abhängigkeiten", "abhängig von", "Voraussetzung", "Depends on"),
    "services": ("LeiKa", "LeiKa-Schlüssel", "OZG-Leistung", "OZG-Leistungen", "Services"),
    "tags": ("Schlagworte", "Stichworte", "Tags"),
    "indicator": ("Kennzahl", "Indikator", "KPI", "Messgröße", "Indicator"),
    "last_update": ("Letzte Meldung", "Latest update", "Last update"),
    "notes": (
        "Bemerkung",
        "Bemerkungen",
        "Anmerkung",
        "Anmerkungen",
        "Notizen",
        "Hinweise",
        "Kommentar",
        "Notes",
        "Note",
        "Remarks",
        "Comment",
    ),
    "ignore": (
        "Ampel",
        "Fristverschiebungen",
        "Traffic light",
        "Deadline moves",
        # the committee workbook's columns of milestones and the owner's rating: a report's
        # summary of keys the workbook does not hold
        "Einschätzung",
        "Owner's rating",
        "Nächster Meilenstein",
        "Next milestone",
        "Meilensteine erreicht",
        "Milestones reached",
    ),
}
# Columns that may appear more than once: their texts are joined.
TEXT_TARGETS = frozenset({"description", "goal", "notes"})
HEADER_SCAN_ROWS = 30
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*\.?")  # 1, 1.2, 3.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOT_WORD = re.compile(r"[^a-z0-9%#]+")
_WORD_BROKEN = re.compile(r"(?<=\w)-[^\S\n]*\n\s*(?=[a-zäöüß])")  # "Fort-⏎schritt"
_HYPHEN_BROKEN = re.compile(r"-[^\S\n]*\n\s*")  # "E-⏎Government": the hyphen belongs to it


def unbreak(header: str) -> str:
    """A header on one line, as it reads: a word hyphenated at a line break joined again
    ("Fort-⏎schritt" → "Fortschritt", "Frist (beschlos-⏎sen)" → "Frist (beschlossen)"), a
    hyphen before a capital kept ("E-⏎Government" → "E-Government"), soft hyphens dropped and
    other line breaks read as spaces."""
    text = header.replace("\u00ad", "")
    if "\n" in text:
        text = _HYPHEN_BROKEN.sub("-", _WORD_BROKEN.sub("", text))
    return " ".join(text.split())


def normalize(header: str) -> str:
    """The form headers are compared in: one line, lower case, umlauts spelled out, words only."""
    return " ".join(_NOT_WORD.sub(" ", unbreak(header).lower().translate(_UMLAUTS)).split())


_EXACT: dict[str, str] = {
    normalize(alias): target for target, aliases in ALIASES.items() for alias in aliases
}


def target_of(header: str) -> str | None:
    """What a header means: exactly one of the aliases, else the longest alias among its words
    (the first one where two are as long: "Ziel der Maßnahme" is a goal)."""
    key = normalize(header)
    if not key:
        return None
    if key in _EXACT:
        return _EXACT[key]
    padded = f" {key} "
    found: list[tuple[int, int, str]] = []
    for alias, target in _EXACT.items():
        at = padded.find(f" {alias} ")
        if len(alias) > 1 and at >= 0:
            found.append((len(alias.split()), -at, target))
    return max(found)[2] if found else None


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the sheet: its 0-based index, its header text and what it means."""

    index: int
    header: str
    target: str | None


@dataclass(frozen=True, slots=True)
class HeaderRow:
    number: int  # 1-based row number in the sheet
    columns: tuple[Column, ...]

    def targets(self) -> set[str]:
        return {c.target for c in self.columns if c.target and c.target != "ignore"}


def map_header(number: int, cells: Sequence[object]) -> HeaderRow:
    """Columns of a header row; a second column with the same meaning keeps its text apart
    (its values go to notes), except for text columns, which are joined."""
    columns: list[Column] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        header = unbreak(text_of(cell))
        if not header:
            continue
        target = target_of(header) if len(header) <= 60 else None
        if target in seen and target not in TEXT_TARGETS and target != "ignore":
            target = None
        if target:
            seen.add(target)
        columns.append(Column(index, header, target))
    return HeaderRow(number, tuple(columns))


def find_header(rows: Iterable[Sequence[object]]) -> HeaderRow | None:
    """The row among the first ones that names most measure keys, including the title; not
    one whose title column holds only numbers below it ("measure_id": 1, 2, 3 are no titles)."""
    head = [list(cells) for cells in itertools.islice(rows, HEADER_SCAN_ROWS)]
    best: HeaderRow | None = None
    for number, cells in enumerate(head, start=1):
        if not any(cell is not None for cell in cells):
            continue
        header = map_header(number, cells)
        found = header.targets()
        if "title" not in found or len(found) < 2:
            continue
        if numbered_titles(header, head) is not None:
            continue
        if best is None or len(found) > len(best.targets()):
            best = header
    return best


def numbered_titles(header: HeaderRow, head: Sequence[Sequence[object]]) -> list[str] | None:
    """The values below `header` in its title column where every one is a number, else None."""
    index = next((c.index for c in header.columns if c.target == "title"), None)
    if index is None:
        return None
    values = [text_of(row[index]) for row in head[header.number :] if index < len(row)]
    values = [v for v in values if v]
    if values and all(_NUMBER.fullmatch(v) for v in values):
        return values
    return None


def seen_headers(head: Sequence[Sequence[object]]) -> tuple[list[str], str | None, list[str]]:
    """What a sheet without a title column showed: the texts of its fullest row among the
    first ones, the column taken for titles that holds only numbers (if one), and those."""
    rows = [list(cells) for cells in head[:HEADER_SCAN_ROWS]]
    texts: list[str] = []
    for cells in rows:
        row = [unbreak(text_of(c)) for c in cells if text_of(c).strip()]
        if len(row) > len(texts):
            texts = row
    for number, cells in enumerate(rows, start=1):
        header = map_header(number, cells)
        numbers = numbered_titles(header, rows)
        if numbers is not None:
            column = next(c.header for c in header.columns if c.target == "title")
            return texts, column, numbers
    return texts, None, []


def score(header: HeaderRow | None) -> int:
    return 0 if header is None else len(header.targets())
