"""The one catalogue of words a person reads in reports, in German (default) and English.

Every renderer (terminal, workbook, reminders, CSV) takes its labels from here, so that a status
is called the same everywhere. Add a key to both languages at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")

LABELS: dict[Lang, dict[str, str]] = {
    "de": {
        # statuses
        "planned": "geplant",
        "in_progress": "in Umsetzung",
        "done": "umgesetzt",
        "on_hold": "zurückgestellt",
        "cancelled": "verworfen",
        # plan states
        "draft": "Entwurf",
        "adopted": "beschlossen",
        # priorities
        "high": "hoch",
        "medium": "mittel",
        "low": "niedrig",
        # traffic lights
        "red": "rot",
        "yellow": "gelb",
        "green": "grün",
        # owner kinds
        "unit": "Organisationseinheit",
        "person": "Person",
        "external": "extern",
        # nouns
        "plan": "Plan",
        "authority": "Kommune",
        "title": "Titel",
        "version": "Version",
        "state": "Stand",
        "as_of": "Stichtag",
        "meeting": "Sitzung",
        "measure": "Maßnahme",
        "measures": "Maßnahmen",
        "field": "Handlungsfeld",
        "fields": "Handlungsfelder",
        "owner": "Verantwortlich",
        "owners": "Verantwortliche",
        "contributors": "Beteiligte",
        "priority": "Priorität",
        "start": "Beginn",
        "deadline": "Frist",
        "adopted_deadline": "Frist (beschlossen)",
        "effective_deadline": "Frist (aktuell)",
        "deadline_moves": "Fristverschiebungen",
        "status": "Status",
        "progress": "Fortschritt",
        "light": "Ampel",
        "budget": "Haushaltsmittel",
        "budget_reserved": "Haushaltsvorbehalt",
        "funding": "Förderung",
        "funding_ends": "Förderung bis",
        "decision": "Beschluss",
        "last_update": "Letzte Meldung",
        "note": "Bemerkung",
        "total": "Gesamt",
        "open": "offen",
        "overdue": "überfällig",
        "due_soon": "bald fällig",
        "stale": "ohne Meldung",
        "blocked": "blockiert",
        "days_late": "Tage überfällig",
        "days_left": "Tage verbleibend",
        "action_needed": "Handlungsbedarf",
        "changes": "Änderungen",
        "summary": "Übersicht",
        "average_progress": "Ø Fortschritt",
        "ongoing": "laufend",
        "yes": "ja",
        "no": "nein",
    },
    "en": {
        "planned": "planned",
        "in_progress": "in progress",
        "done": "done",
        "on_hold": "on hold",
        "cancelled": "cancelled",
        "draft": "draft",
        "adopted": "adopted",
        "high": "high",
        "medium": "medium",
        "low": "low",
        "red": "red",
        "yellow": "yellow",
        "green": "green",
        "unit": "unit",
        "person": "person",
        "external": "external",
        "plan": "Plan",
        "authority": "Authority",
        "title": "Title",
        "version": "Version",
        "state": "State",
        "as_of": "As of",
        "meeting": "Meeting",
        "measure": "Measure",
        "measures": "Measures",
        "field": "Field of action",
        "fields": "Fields of action",
        "owner": "Owner",
        "owners": "Owners",
        "contributors": "Contributors",
        "priority": "Priority",
        "start": "Start",
        "deadline": "Deadline",
        "adopted_deadline": "Deadline (adopted)",
        "effective_deadline": "Deadline (current)",
        "deadline_moves": "Deadline moves",
        "status": "Status",
        "progress": "Progress",
        "light": "Traffic light",
        "budget": "Budget",
        "budget_reserved": "Budget reservation",
        "funding": "Funding",
        "funding_ends": "Funding until",
        "decision": "Decision",
        "last_update": "Latest update",
        "note": "Note",
        "total": "Total",
        "open": "open",
        "overdue": "overdue",
        "due_soon": "due soon",
        "stale": "stale",
        "blocked": "blocked",
        "days_late": "days late",
        "days_left": "days left",
        "action_needed": "Action needed",
        "changes": "Changes",
        "summary": "Summary",
        "average_progress": "Avg. progress",
        "ongoing": "ongoing",
        "yes": "yes",
        "no": "no",
    },
}


def label(key: str, lang: Lang = "de") -> str:
    """The word for `key` in `lang`; the key itself if the catalogue lacks it."""
    return LABELS[lang].get(key, key)


def format_date(day: object, lang: Lang = "de") -> str:
    """A date as a person in `lang` writes it (31.12.2024 / 2024-12-31); '' for None."""
    if not isinstance(day, dt.date):
        return ""
    return day.strftime("%d.%m.%Y") if lang == "de" else day.isoformat()
