"""The words of refusals: a value the vocabulary could not read, what it is, how to write it.

Per kind of value three entries: `vocab_<kind>` says what was given and that it is not one
("„31.13.2027“ ist kein Datum"), `vocab_<kind>_forms` how it is written, and `vocab_<kind>_short`
the few words of the import report, which shows the given value itself. `vocab_why_*` say why
a value that looks right is not (the year, the day); each entry (German, English).
"""

from __future__ import annotations

VOCABULARY_WORDS: dict[str, tuple[str, str]] = {
    "vocab_date": ("„{given}“ ist kein Datum", '"{given}" is not a date'),
    "vocab_date_forms": (
        "geschrieben wie 31.12.2027 oder 2027-12-31",
        "written as 2027-12-31 or 31.12.2027",
    ),
    "vocab_date_short": ("kein Datum", "not a date"),
    "vocab_deadline": ("„{given}“ ist keine Frist", '"{given}" is not a deadline'),
    "vocab_deadline_forms": (
        "geschrieben wie 31.12.2027, 2027, Ende 2027, Q3 2027, 2. Hj. 2027, 06/2027 oder laufend",
        "written as 2027-12-31, 2027, end 2027, Q3 2027, H2 2027, 06/2027 or ongoing",
    ),
    "vocab_deadline_forms_horizons": (
        "geschrieben wie 31.12.2027, 2027, Ende 2027, Q3 2027, 2. Hj. 2027, 06/2027, laufend "
        "oder als Zeithorizont des Plans: {names}",
        "written as 2027-12-31, 2027, end 2027, Q3 2027, H2 2027, 06/2027, ongoing "
        "or as one of the plan's horizons: {names}",
    ),
    "vocab_deadline_short": ("kein Datum und kein Zeitraum", "not a date or period"),
    "vocab_amount": ("„{given}“ ist kein Betrag in Euro", '"{given}" is not an amount in euros'),
    "vocab_amount_forms": (
        "geschrieben wie 45.000, 45.000,50 € oder 1,5 Mio.",
        "written the German way: 45.000, 45.000,50 € or 1,5 Mio.",
    ),
    "vocab_amount_short": ("kein Betrag in Euro", "not an amount in euros"),
    "vocab_amount_ambiguous": (
        "„{given}“ ist mehrdeutig: {first} oder {second}?",
        '"{given}" is ambiguous: {first} or {second}?',
    ),
    "vocab_amount_ambiguous_short": (
        "mehrdeutig: {first} oder {second}",
        "ambiguous: {first} or {second}",
    ),
    "vocab_amount_write": (
        "Schreiben Sie {first} oder {second}",
        "Write {first} or {second} (the point groups thousands, the comma marks cents)",
    ),
    "vocab_status": ("„{given}“ ist kein Status", '"{given}" is not a status'),
    "vocab_status_forms": (
        "geschrieben wie geplant, in Umsetzung, umgesetzt, zurückgestellt oder verworfen",
        "written as planned, in progress, done, on hold or cancelled",
    ),
    "vocab_status_short": ("kein Statuswort", "not a status word"),
    "vocab_priority": ("„{given}“ ist keine Priorität", '"{given}" is not a priority'),
    "vocab_priority_forms": (
        "geschrieben wie hoch, mittel oder niedrig",
        "written as high, medium or low",
    ),
    "vocab_priority_short": (
        "keine Priorität (hoch, mittel, niedrig)",
        "not a priority (hoch, mittel, niedrig)",
    ),
    "vocab_rating": ("„{given}“ ist keine Einschätzung", '"{given}" is not a rating'),
    "vocab_rating_forms": (
        "geschrieben wie grün, gelb oder rot",
        "written as green, yellow or red",
    ),
    "vocab_rating_short": (
        "keine Einschätzung (grün, gelb, rot)",
        "not a rating (grün, gelb, rot)",
    ),
    "vocab_light": ("„{given}“ ist keine Ampelfarbe", '"{given}" is not a traffic light'),
    "vocab_light_forms": (
        "geschrieben wie grün, gelb, rot oder ohne Frist",
        "written as green, yellow, red or no deadline",
    ),
    "vocab_light_short": (
        "keine Ampelfarbe (grün, gelb, rot)",
        "not a traffic light (grün, gelb, rot)",
    ),
    "vocab_progress": (
        "„{given}“ ist kein Fortschritt in Prozent",
        '"{given}" is not a percentage',
    ),
    "vocab_progress_forms": (
        "geschrieben wie 45 oder 45 %, von 0 bis 100",
        "written as 45 or 45 %, from 0 to 100",
    ),
    "vocab_progress_short": ("keine Prozentangabe", "not a percentage"),
    "vocab_flag": ("„{given}“ ist weder ja noch nein", '"{given}" is neither yes nor no'),
    "vocab_flag_forms": ("geschrieben wie ja oder nein", "written as yes or no"),
    "vocab_flag_short": ("weder ja noch nein", "not yes or no"),
    "vocab_did_you_mean": ("meinen Sie „{word}“?", 'did you mean "{word}"?'),
    "vocab_why_year": ("das Jahr {year} ist nicht plausibel", "the year {year} is not plausible"),
    "vocab_why_month": ("{month} ist kein Monat", "{month} is not a month"),
    "vocab_why_day": ("diesen Tag gibt es nicht", "no such day"),
    "vocab_why_percent": (
        "ein Anteil liegt zwischen 0 und 100",
        "a percentage must lie between 0 and 100",
    ),
    "vocab_why_negative": ("ein negativer Betrag", "a negative amount"),
}
