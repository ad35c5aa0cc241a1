"""Synthetic, valid measure plans (Maßnahmenpläne) of any size for benchmarks and manual tests.

The plans follow SPEC.md: every reference resolves, dependencies only point to measures further
up (so there are no cycles), status and progress agree with each other and with the last update
that carries them, updates are in date order and not after 2025-03-01, and no deadline lies
before the start. Warnings (overdue, stale, …) do occur, as in a real plan.

The text is written directly (a list of strings, joined once), so that 100,000 measures take a
few seconds. The same seed always gives the same text.

    python -m benchmarks.generate 100000 -o /tmp/plan-100k.toml
    python -m benchmarks.generate 200 --portfolio 50 -o /tmp/portfolio
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from random import Random

from benchmarks.parts import Parts

__all__ = ["generate_plan", "generate_plan_text", "generate_portfolio", "main"]

AS_OF = dt.date(2025, 3, 18)
_AS_OF = AS_OF.toordinal()
_START_LO = dt.date(2023, 1, 1).toordinal()
_START_HI = dt.date(2025, 9, 30).toordinal()
_UPDATE_LO = dt.date(2023, 4, 1).toordinal()
_UPDATE_HI = dt.date(2025, 3, 1).toordinal()
_ONGOING = -1  # the due "ordinal" of an ongoing measure

# --- TOML basic strings --------------------------------------------------------------------------

_ESCAPES: dict[int, str] = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)}
_ESCAPES.update(
    {
        ord("\\"): "\\\\",
        ord('"'): '\\"',
        ord("\b"): "\\b",
        ord("\t"): "\\t",
        ord("\n"): "\\n",
        ord("\f"): "\\f",
        ord("\r"): "\\r",
    }
)


def toml_string(text: str) -> str:
    """`text` as a TOML basic string, quotes included."""
    return '"' + text.translate(_ESCAPES) + '"'


def _id_list(items: Sequence[str]) -> str:
    """Plain strings (ids, keys: nothing to escape) as the inside of a TOML array."""
    return '"' + '", "'.join(items) + '"'


def _quoted(items: Sequence[str]) -> list[str]:
    return [toml_string(item) for item in items]


@cache
def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


@cache
def _day(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


def _month_end(year: int, month: int) -> int:
    if month == 12:
        return dt.date(year, 12, 31).toordinal()
    return dt.date(year, month + 1, 1).toordinal() - 1


# --- Word lists ----------------------------------------------------------------------------------

# Handlungsfelder: name, goal, objects of measures (genitive, to follow a verbal noun).
_FIELDS: list[tuple[str, str, list[str]]] = [
    (
        "Verwaltung",
        "Die Verwaltung arbeitet digital, medienbruchfrei und serviceorientiert.",
        [
            "der E-Akte",
            "des Dokumentenmanagementsystems",
            "der elektronischen Rechnungsbearbeitung",
            "des Ratsinformationssystems",
            "der digitalen Personalakte",
            "der Telefonanlage",
            "des mobilen Arbeitens",
        ],
    ),
    (
        "Bildung",
        "Alle Schulen verfügen über eine zeitgemäße digitale Lernumgebung.",
        [
            "der Schulnetzwerke",
            "der Lernplattform",
            "des WLANs an Grundschulen",
            "der Tablet-Ausstattung",
            "des Medienentwicklungsplans",
            "der digitalen Schulverwaltung",
        ],
    ),
    (
        "Wirtschaft",
        "Unternehmen finden schnelle Verbindungen und digitale Verwaltungsleistungen vor.",
        [
            "des Gewerbeportals",
            "der digitalen Gewerbeanmeldung",
            "des Gründungsservices",
            "der Gewerbeflächendatenbank",
            "des Coworking-Angebots",
        ],
    ),
    (
        "Mobilität",
        "Mobilitätsangebote sind vernetzt, digital buchbar und für alle zugänglich.",
        [
            "der Parkraumbewirtschaftung",
            "der Mobilitäts-App",
            "der Echtzeit-Fahrgastinformation",
            "des Rufbus-Angebots",
            "der Ladeinfrastruktur",
        ],
    ),
    (
        "Gesundheit",
        "Gesundheits- und Pflegeangebote werden durch digitale Lösungen gestärkt.",
        [
            "der Telemedizin-Angebote",
            "des Pflegeportals",
            "der digitalen Gesundheitsberatung",
            "der Hausnotruf-Vernetzung",
        ],
    ),
    (
        "Umwelt",
        "Digitale Werkzeuge helfen, Ressourcen zu schonen und das Klima zu schützen.",
        [
            "des Umweltsensornetzes",
            "der Hochwasserfrühwarnung",
            "des Baumkatasters",
            "des Energiemonitorings",
            "der Straßenbeleuchtungssteuerung",
        ],
    ),
    (
        "Kultur",
        "Kulturangebote sind digital sichtbar und für alle Bürgerinnen und Bürger erreichbar.",
        [
            "des Bibliothekskatalogs",
            "der Onleihe",
            "des Veranstaltungskalenders",
            "des digitalen Stadtarchivs",
            "der Museumsführung per App",
        ],
    ),
    (
        "Bürgerservice",
        "Bürgerinnen und Bürger erledigen Behördengänge rund um die Uhr online.",
        [
            "des Bürgerportals",
            "der Online-Terminvereinbarung",
            "des digitalen Bauantrags",
            "der ePayment-Schnittstelle",
            "des Mängelmelders",
            "der OZG-Leistungen",
        ],
    ),
    (
        "Infrastruktur",
        "Glasfaser und öffentliches WLAN stehen flächendeckend zur Verfügung.",
        [
            "des Glasfasernetzes",
            "des öffentlichen WLANs",
            "des Rechenzentrums",
            "der Serverlandschaft",
            "des Geoinformationssystems",
            "der Mobilfunkversorgung",
        ],
    ),
    (
        "Sicherheit",
        "Informationssicherheit und Datenschutz sind in allen Abläufen verankert.",
        [
            "des Informationssicherheitsmanagements",
            "der Datensicherung",
            "der IT-Notfallplanung",
            "des Virenschutzes",
            "der Zwei-Faktor-Anmeldung",
            "der Datenschutzorganisation",
        ],
    ),
    (
        "Tourismus",
        "Gäste finden Angebote, Unterkünfte und Veranstaltungen digital und aktuell.",
        [
            "des Gästeportals",
            "der digitalen Gästekarte",
            "der Buchungsplattform",
            "der Wanderwege-App",
            "der touristischen Beschilderung mit QR-Codes",
        ],
    ),
    (
        "Soziales",
        "Soziale Leistungen sind einfach zugänglich und barrierefrei zu beantragen.",
        [
            "der Kita-Platzvergabe",
            "des Jugendportals",
            "der Wohngeldbeantragung",
            "der Seniorenberatung",
            "des Ehrenamtsportals",
        ],
    ),
    (
        "Energie",
        "Die Gemeinde steuert ihren Energieverbrauch digital und senkt ihn Jahr für Jahr.",
        [
            "der Smart-Meter-Infrastruktur",
            "des kommunalen Energiemanagements",
            "der Photovoltaik-Überwachung",
            "der kommunalen Wärmeplanung",
        ],
    ),
    (
        "Beteiligung",
        "Bürgerinnen und Bürger beteiligen sich digital an den Entscheidungen vor Ort.",
        [
            "der Beteiligungsplattform",
            "des Bürgerhaushalts",
            "der Livestreams aus dem Rat",
            "der Open-Data-Plattform",
        ],
    ),
]
_FIELD_DESCRIPTIONS = [
    "Ausgangslage: viele Abläufe sind noch papiergebunden; Chancen liegen in der Bündelung.",
    "Die Bestandsaufnahme 2022 zeigt großen Nachholbedarf, aber auch gute Förderchancen.",
    "Herausforderungen sind knappe Personalressourcen und heterogene IT-Systeme.",
]
_VERBS = [
    "Einführung",
    "Digitalisierung",
    "Ausbau",
    "Modernisierung",
    "Erneuerung",
    "Erweiterung",
    "Pilotierung",
    "Konsolidierung",
    "Evaluation",
    "Optimierung",
    "Migration",
    "Ausschreibung",
    "Umstellung",
    "Vereinheitlichung",
]
_SENTENCES = [
    "Ziel ist eine medienbruchfreie Bearbeitung und eine spürbare Entlastung der Beschäftigten.",
    "Die Maßnahme verkürzt Durchlaufzeiten und verbessert die Servicequalität für Bürgerinnen "
    "und Bürger.",
    "Die Umsetzung erfolgt in enger Abstimmung mit dem Personalrat und dem Datenschutz.",
    "Dafür sind Schulungen der Mitarbeitenden und angepasste Geschäftsprozesse nötig.",
    "Die Lösung wird gemeinsam mit dem kommunalen Rechenzentrum betrieben und schrittweise "
    "ausgerollt.",
    "Barrierefreiheit und Datenschutz werden von Beginn an berücksichtigt.",
    "Über den Fortschritt wird dem Haupt- und Finanzausschuss regelmäßig berichtet.",
    "Erste Schritte sind eine Bestandsaufnahme und die Prüfung von Fördermöglichkeiten.",
    "Die Ergebnisse des Pilotbetriebs fließen in die gemeindeweite Einführung ein.",
    "Bürgerinnen und Bürger sparen Wege ins Rathaus; Anträge sind rund um die Uhr möglich.",
]
_FUNDING = [
    "DigitalPakt Schule",
    "Förderprogramm Modellprojekte Smart Cities",
    "Bundesförderprogramm Breitband",
    "OZG-Umsetzungsmittel des Landes",
    "EFRE – Europäischer Fonds für regionale Entwicklung",
    "Landesprogramm „Digitale Kommune“",
    "Kommunalrichtlinie (Klimaschutz)",
]
_TAGS = [
    "OZG",
    "Förderung",
    "Schule",
    "Open Data",
    "KI",
    "Cloud",
    "IT-Sicherheit",
    "Barrierefreiheit",
    "interkommunal",
    "Pilot",
]
_INDICATORS = [
    "Anteil online gebuchter Termine",
    "Anzahl digital verfügbarer Verwaltungsleistungen",
    "Anteil elektronisch bearbeiteter Rechnungen",
    "Anzahl angeschlossener Haushalte",
    "Nutzerzahlen pro Monat",
    "Durchschnittliche Bearbeitungsdauer in Tagen",
    "Anteil der Klassenräume mit WLAN",
    "Zufriedenheit der Nutzerinnen und Nutzer (Umfrage)",
]
_NOTES = [
    'Vgl. Beschluss "Digitalstrategie 2030" des Rates.',
    "Ablage der Unterlagen: S:\\Digitalisierung\\Projekte\\Maßnahmen",
    "Abstimmung mit dem Personalrat erforderlich.\nDienstvereinbarung in Vorbereitung.",
    "Kosten inkl. 19 % USt.; Folgekosten ab 2026 im Haushalt einplanen.",
    "Interkommunale Zusammenarbeit mit den Nachbargemeinden wird geprüft.",
    "Risiko: Abhängigkeit von einem einzigen Anbieter.",
]
_NOTES_PLANNED = [
    "Vorbereitung der Ausschreibung.",
    "Bedarfsanalyse mit den Fachbereichen abgestimmt.",
    "Fördermittelantrag gestellt.",
    "Start verschiebt sich wegen der Haushaltssperre.",
]
_NOTES_PROGRESS = [
    "Ausschreibung veröffentlicht.",
    "Zuschlag erteilt.",
    "Projektauftakt mit dem Dienstleister.",
    "Pilotbetrieb im Bürgerbüro gestartet.",
    "Schulung der Mitarbeitenden abgeschlossen.",
    "Schnittstelle zum Fachverfahren in Arbeit.",
    "Testphase läuft, erste Rückmeldungen positiv.",
    "Datenschutz-Folgenabschätzung abgeschlossen.",
]
_NOTES_DONE = [
    "Live geschaltet.",
    "Abgeschlossen und in den Regelbetrieb übergeben.",
    "Abnahme erfolgt.",
]
_NOTES_HOLD = [
    "Zurückgestellt wegen fehlender Haushaltsmittel.",
    "Zurückgestellt bis zur Entscheidung über den Förderantrag.",
    "Ruht wegen Personalengpass im Fachbereich.",
]
_NOTES_CANCELLED = [
    "Verworfen: Landeslösung wird übernommen.",
    "Verworfen: Beschluss des HFA.",
    "Verworfen, da durch eine andere Maßnahme abgedeckt.",
]
_NOTES_OTHER = [
    "Abstimmung mit dem Datenschutzbeauftragten erfolgt.",
    "Bericht im HFA.",
    "Rückfrage des Dienstleisters geklärt.",
    "Sachstand unverändert.",
]
_MOVE_REASONS = [
    "Lieferverzug des Dienstleisters",
    "Fördermittelbescheid liegt noch nicht vor",
    "Personalengpass im Fachbereich",
    "Vergabeverfahren musste wiederholt werden",
    "Abhängigkeit von der Landeslösung",
    "Haushaltssperre bis zur Genehmigung des Haushalts",
]
_UNIT_AREAS = [
    "Zentrale Dienste",
    "Finanzen",
    "Bauen und Umwelt",
    "Bürgerdienste",
    "Schulen und Kultur",
    "Jugend und Soziales",
    "Ordnung und Sicherheit",
    "Wirtschaftsförderung",
]
_UNITS = [
    "Amt für Digitalisierung",
    "Stabsstelle Digitalisierung",
    "Hauptamt",
    "Kämmerei",
    "Bauamt",
    "Ordnungsamt",
    "Standesamt",
    "Schulverwaltungsamt",
    "IT-Abteilung",
    "Bürgerbüro",
    "Personalamt",
    "Wirtschaftsförderung",
]
_EXTERNALS = [
    "Kommunales Rechenzentrum",
    "Zweckverband Breitband",
    "Stadtwerke",
    "Schulträgerverbund",
    "Kreisverwaltung, Fachdienst IT",
    "Tourismusverband",
]
_FIRST_NAMES = ["Anna", "Jürgen", "Sabine", "Mehmet", "Katrin", "Thomas", "Özlem", "Stefan"]
_FIRST_NAMES += ["Birgit", "Lukas", "Sören", "Jörg", "Maren", "Dennis", "Ülkü", "Heike"]
_LAST_NAMES = ["Müller", "Schäfer", "Weiß", "Becker", "Hoffmann", "Schröder", "Krüger"]
_LAST_NAMES += ["Wagner", "Köhler", "Groß", "Neumann", "Yılmaz", "Böhm", "Peters", "Lorenz"]
_PREFIXES = ["Gemeinde", "Stadt", "Markt", "Samtgemeinde", "Landkreis", "Verbandsgemeinde"]
_TOWNS = [
    "Beispielstadt",
    "Musterdorf",
    "Neuhausen am See",
    "Altenbrück",
    "Birkenfelde",
    "Oberweiler",
    "Sankt Lorenz",
    "Grünwalde",
    "Lindenau",
    "Rosenthal",
    "Bad Quellbrunn",
    "Eichstätten",
]
_COUNCILS = {"Stadt": "Rat der Stadt", "Landkreis": "Kreistag", "Markt": "Marktgemeinderat"}

_Q_SENTENCES = _quoted(_SENTENCES)
_Q_FUNDING = _quoted(_FUNDING)
_Q_TAGS = _quoted(_TAGS)
_Q_INDICATORS = _quoted(_INDICATORS)
_Q_NOTES = _quoted(_NOTES)
_Q_NOTES_PLANNED = _quoted(_NOTES_PLANNED)
_Q_NOTES_PROGRESS = _quoted(_NOTES_PROGRESS)
_Q_NOTES_DONE = _quoted(_NOTES_DONE)
_Q_NOTES_HOLD = _quoted(_NOTES_HOLD)
_Q_NOTES_CANCELLED = _quoted(_NOTES_CANCELLED)
_Q_NOTES_OTHER = _quoted(_NOTES_OTHER)
_Q_MOVE_REASONS = _quoted(_MOVE_REASONS)
for _word in (*_VERBS, *(obj for field in _FIELDS for obj in field[2])):
    # titles are put together from these without escaping
    assert toml_string(_word) == f'"{_word}"', _word
_PRIORITIES = ['"high"', '"medium"', '"medium"', '"low"']
_UPDATE_COUNTS = [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5]  # 0–5 updates, most of them 1–3
_FINAL_NOTES = {
    "planned": _Q_NOTES_PLANNED,
    "in_progress": _Q_NOTES_PROGRESS,
    "done": _Q_NOTES_DONE,
    "on_hold": _Q_NOTES_HOLD,
    "cancelled": _Q_NOTES_CANCELLED,
}
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "Ü": "Ue"})


def _slug(text: str, keep: str = "") -> str:
    text = text.translate(_TRANSLIT).lower()
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in keep))


def _town(authority: str) -> str:
    for prefix in _PREFIXES:
        if authority.startswith(prefix + " "):
            return authority[len(prefix) + 1 :]
    return authority


def _authority(index: int) -> str:
    """A distinct authority for the `index`-th plan of a portfolio."""
    name = f"{_PREFIXES[index % len(_PREFIXES)]} {_TOWNS[index % len(_TOWNS)]}"
    return name if index < len(_TOWNS) else f"{name} {index // len(_TOWNS) + 1}"


# --- Deadlines -----------------------------------------------------------------------------------


def _deadline(rng: Random, target: int, *, allow_ongoing: bool) -> tuple[str, int]:
    """A deadline due on or after day `target`: its TOML value and its due ordinal."""
    r = rng.random()
    if allow_ongoing and r < 0.05:
        return '"ongoing"', _ONGOING
    if r < 0.40:
        return _iso(target), target
    day = _day(target)
    year, month = day.year, day.month
    if r < 0.50:
        return f'"{year}"', dt.date(year, 12, 31).toordinal()
    if r < 0.60:
        half = 1 if month <= 6 else 2
        return f'"{year}-H{half}"', _month_end(year, 6 * half)
    if r < 0.80:
        quarter = (month - 1) // 3 + 1
        return f'"{year}-Q{quarter}"', _month_end(year, 3 * quarter)
    return f'"{year}-{month:02d}"', _month_end(year, month)


# --- The plan ------------------------------------------------------------------------------------


def _header(out: list[str], rng: Random, authority: str, n_measures: int) -> None:
    prefix = authority.split(" ", 1)[0]
    out.append("# Synthetic measure plan written by benchmarks/generate.py\n")
    out.append("format = 1\n\n[plan]\n")
    out.append(f"title = {toml_string(_town(authority) + ' 2030: digital und bürgernah')}\n")
    out.append(f"authority = {toml_string(authority)}\n")
    out.append(f'version = "1.{rng.randrange(5)}"\n')
    out.append('state = "adopted"\nadopted_on = 2023-03-14\n')
    council = _COUNCILS.get(prefix, "Rat der Gemeinde")
    out.append(f"adopted_by = {toml_string(council)}\n\n")
    out.append("[settings]\ndue_soon_days = 30\nstale_days = 90\n")
    out.append(f"max_open_per_owner = {max(12, n_measures // 10)}\n")


def _meetings(out: list[str], rng: Random) -> None:
    for year in (2023, 2024, 2025):
        for month in (3, 6, 11):
            first = dt.date(year, month, 1)
            # a Tuesday in the second or third week of the month
            tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7 * rng.randrange(1, 3))
            out.append(f'\n[[meetings]]\ndate = {tuesday.isoformat()}\ncommittee = "HFA"\n')
            if month == 11:
                out.append('note = "Haushaltsberatungen"\n')


def _fields(out: list[str], rng: Random, n_fields: int) -> list[tuple[str, list[str]]]:
    """Writes the fields; returns each field's id and the objects of its measures' titles."""
    fields: list[tuple[str, list[str]]] = []
    for n in range(n_fields):
        name, goal, objects = _FIELDS[n % len(_FIELDS)]
        if n >= len(_FIELDS):
            name = f"{name} {n // len(_FIELDS) + 1}"
        field_id = f"F{n + 1:02d}"
        out.append(f'\n[[fields]]\nid = "{field_id}"\nname = {toml_string(name)}\n')
        out.append(f"goal = {toml_string(goal)}\n")
        if rng.random() < 0.5:
            out.append(f"description = {toml_string(rng.choice(_FIELD_DESCRIPTIONS))}\n")
        fields.append((field_id, objects))
    return fields


def _owners(
    out: list[str], rng: Random, n_owners: int, authority: str, parts: Parts | None = None
) -> list[str]:
    """Writes the owners; returns their ids."""
    domain = _slug(_town(authority)) + ".de"
    ids: list[str] = []
    externals = 0
    units = named = 0
    for n in range(n_owners):
        owner_id = f"O{n + 1:03d}"
        ids.append(owner_id)
        r = rng.random()
        if n < 2 or r < 0.65:
            kind = "unit"
            if named < len(_UNITS) and (n == 0 or rng.random() < 0.4):
                name = _UNITS[named]
                mailbox = "digital" if named == 0 else _slug(name.replace(" ", "-"), "-")
                named += 1
            else:
                units += 1
                area = _UNIT_AREAS[(units - 1) % len(_UNIT_AREAS)]
                name, mailbox = f"Fachbereich {units} – {area}", f"fb{units}"
        elif r < 0.85:
            kind = "person"
            first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
            title = "Dr. " if rng.random() < 0.1 else ""
            name, mailbox = f"{title}{first} {last}", f"{_slug(first)}.{_slug(last)}"
        else:
            kind = "external"
            base = _EXTERNALS[externals % len(_EXTERNALS)]
            name = base if externals < len(_EXTERNALS) else f"{base} {_town(authority)}"
            if externals >= 2 * len(_EXTERNALS):
                name = f"{name} {externals // len(_EXTERNALS)}"
            mailbox = "kontakt"
            externals += 1
            if externals <= len(_EXTERNALS):  # a partner of its own, not the town hall
                mailbox = f"kontakt@{_slug(base)}.de"
        out.append(f'\n[[owners]]\nid = "{owner_id}"\nname = {toml_string(name)}\n')
        if kind != "unit" or rng.random() < 0.7:
            out.append(f'kind = "{kind}"\n')
        if rng.random() < 0.6:
            address = mailbox if "@" in mailbox else f"{mailbox}@{domain}"
            out.append(f'email = "{address}"\n')
        if n > 0 and rng.random() < 0.03:
            out.append("active = false\n")
        if parts is not None:
            parts.owner(out.append, n, ids)
    return ids


def _split(rng: Random, n: int, k: int) -> list[int]:
    """How many of `n` measures each of `k` fields gets: at least one each, if there are enough."""
    if n < k:
        return [1] * n + [0] * (k - n)
    weights = [0.5 + rng.random() for _ in range(k)]
    total = sum(weights)
    counts = [1 + int((n - k) * w / total) for w in weights]
    for j in range(n - sum(counts)):
        counts[j % k] += 1
    return counts


def _choose_status(rnd: Callable[[], float], start: int, due: int) -> str:
    if start > _AS_OF:
        return "planned"
    r = rnd()
    if 0 <= due < _AS_OF:  # should be finished by now
        if r < 0.55:
            return "done"
        if r < 0.80:
            return "in_progress"
        if r < 0.87:
            return "on_hold"
        return "cancelled" if r < 0.95 else "planned"
    if r < 0.10:  # planned, though its start has passed (W206)
        return "planned"
    if r < 0.80:
        return "in_progress"
    if r < 0.88:
        return "done"
    return "on_hold" if r < 0.95 else "cancelled"


def _progress(rnd: Callable[[], float], status: str) -> int:
    if status == "planned":
        return 0
    if status == "done":
        return 100
    if status == "in_progress":
        return 5 * (1 + int(rnd() * 19))  # 5..95
    if status == "on_hold":
        return 5 * int(rnd() * 17)  # 0..80
    return 5 * int(rnd() * 13)  # cancelled: 0..60


def _measures(
    out: list[str],
    rng: Random,
    n_measures: int,
    fields: list[tuple[str, list[str]]],
    owners: list[str],
    parts: Parts | None = None,
) -> None:
    rnd = rng.random
    ids: list[str] = []
    dues: list[int] = []  # effective due ordinal, _ONGOING for ongoing
    is_open: list[bool] = []
    titles: dict[str, int] = {}
    n_owners = len(owners)
    n_verbs = len(_VERBS)
    n_sentences = len(_Q_SENTENCES)
    index = 0
    append = out.append
    counts = _split(rng, n_measures, len(fields))
    for (field_id, objects), count in zip(fields, counts, strict=True):
        n_objects = len(objects)
        for number in range(1, count + 1):
            measure_id = f"{field_id}-{number:03d}"
            title = f"{_VERBS[int(rnd() * n_verbs)]} {objects[int(rnd() * n_objects)]}"
            seen = titles.get(title, 0) + 1
            titles[title] = seen
            if seen > 1:
                title = f"{title} – Stufe {seen}"
            owner = owners[int(rnd() * n_owners)]
            append(
                f'\n[[measures]]\nid = "{measure_id}"\ntitle = "{title}"\n'
                f'field = "{field_id}"\nowner = "{owner}"\n'
            )
            if n_owners > 1 and rnd() < 0.25:
                helpers = {owners[int(rnd() * n_owners)] for _ in range(1 + int(rnd() * 2))}
                helpers.discard(owner)
                if helpers:
                    append(f"contributors = [{_id_list(sorted(helpers))}]\n")
            if rnd() < 0.9:
                description = _Q_SENTENCES[int(rnd() * n_sentences)]
                if rnd() < 0.5:
                    second = _Q_SENTENCES[int(rnd() * n_sentences)]
                    if second != description:
                        description = f"{description[:-1]} {second[1:]}"
                append(f"description = {description}\n")
            if rnd() < 0.85:
                append(f"priority = {_PRIORITIES[int(rnd() * 4)]}\n")

            start = _START_LO + int(rnd() * (_START_HI - _START_LO))
            if rnd() < 0.95:
                append(f"start = {_iso(start)}\n")
            deadline, due = _deadline(rng, start + 60 + int(rnd() * 840), allow_ongoing=True)
            append(f"deadline = {parts.deadline(deadline) if parts else deadline}\n")
            status = _choose_status(rnd, start, due)
            progress = _progress(rnd, status)
            append(f'status = "{status}"\nprogress = {progress}\n')

            if rnd() < 0.8:
                cents = f"{int(rnd() * 100):02d}" if rnd() < 0.1 else "00"
                append(f"budget_eur = {(5 + int(rnd() * 2495)) * 100}.{cents}\n")
                r = rnd()
                if r < 0.15:
                    append("budget_reserved = true\n")
                elif r < 0.20:
                    append("budget_reserved = false\n")
            if rnd() < 0.2:
                append(f"funding = {_Q_FUNDING[int(rnd() * len(_Q_FUNDING))]}\n")
                if rnd() < 0.8:
                    base = due if due != _ONGOING else start + 365
                    ends = base + 30 + int(rnd() * 400) if rnd() < 0.85 else base - 90
                    append(f"funding_ends = {_iso(max(ends, start))}\n")
            if rnd() < 0.4:
                year = 2022 + int(rnd() * 3)
                append(f'decision = "DS {year}/{1 + int(rnd() * 180):03d}"\n')

            # updates: dates, then status/progress histories that end in the measure's own
            updates = _UPDATE_COUNTS[int(rnd() * 12)]
            if status == "planned":
                updates = min(updates, 2)
                low = _UPDATE_LO
            else:
                low = max(start, _UPDATE_LO)
            span = _UPDATE_HI - low + 1
            updates = min(updates, max(span, 0))
            dates = sorted(rng.sample(range(low, _UPDATE_HI + 1), updates)) if updates else []
            if dates and status == "in_progress" and rnd() < 0.7:
                # most measures in progress were reported on lately: not stale (W203)
                dates[-1] = max(dates[-1], _UPDATE_HI - int(rnd() * 75), low)
            carries = [rnd() >= 0.15 for _ in dates]
            moves: dict[int, tuple[str, int]] = {}
            if dates and due != _ONGOING and rnd() < 0.12:
                current = due
                n_moves = 2 if len(dates) > 1 and rnd() < 0.25 else 1
                picks = sorted(rng.sample(range(len(dates)), n_moves))
                for pick in picks:
                    text, current = _deadline(
                        rng, current + 45 + int(rnd() * 255), allow_ongoing=False
                    )
                    moves[pick] = (text, current)
                due = current

            # dependencies on measures further up, preferably ones due no later than this one
            if index > 0 and rnd() < 0.2:
                chosen: list[int] = []
                for _ in range(1 if index == 1 or rnd() < 0.7 else 2):
                    for attempt in range(4):
                        if rnd() < 0.8:
                            j = index - 1 - int(rnd() * min(index, 150))
                        else:
                            j = int(rnd() * index)
                        if j in chosen:
                            continue
                        conflict = is_open[j] and due != _ONGOING and dues[j] > due
                        if not conflict or attempt == 3:
                            chosen.append(j)
                            break
                if chosen:
                    append(f"depends_on = [{_id_list([ids[j] for j in chosen])}]\n")

            if rnd() < 0.15:
                keys = [
                    f"99{100 + int(rnd() * 900)}{int(rnd() * 1000):03d}{int(rnd() * 1000):03d}000"
                    for _ in range(1 + int(rnd() * 3))
                ]
                append(f"services = [{_id_list(keys)}]\n")
            if rnd() < 0.4:
                tags = {_Q_TAGS[int(rnd() * len(_Q_TAGS))] for _ in range(1 + int(rnd() * 3))}
                append(f"tags = [{', '.join(sorted(tags))}]\n")
            if rnd() < 0.3:
                append(f"indicator = {_Q_INDICATORS[int(rnd() * len(_Q_INDICATORS))]}\n")
            if rnd() < 0.1:
                append(f"notes = {_Q_NOTES[int(rnd() * len(_Q_NOTES))]}\n")
            if parts is not None:
                parts.keys(append)

            if dates:
                _updates(out, rnd, status, progress, dates, carries, moves)
            if parts is not None:
                parts.tables(append, start, due, bool(dates))

            ids.append(measure_id)
            dues.append(due)
            is_open.append(status in ("planned", "in_progress", "on_hold"))
            index += 1


def _updates(
    out: list[str],
    rnd: Callable[[], float],
    status: str,
    progress: int,
    dates: list[int],
    carries: list[bool],
    moves: dict[int, tuple[str, int]],
) -> None:
    """Writes the history: the last update that carries status and progress carries the
    measure's own; earlier ones climb towards it."""
    carrying = [n for n, c in enumerate(carries) if c]
    steps: dict[int, tuple[str, int]] = {}
    if carrying:
        steps[carrying[-1]] = (status, progress)
        earlier = carrying[:-1]
        if status == "planned":
            for n in earlier:
                steps[n] = ("planned", 0)
        else:
            cap = 95 if status == "done" else progress
            values = sorted(5 * int(rnd() * (cap // 5 + 1)) for _ in earlier)
            for n, value in zip(earlier, values, strict=True):
                steps[n] = ("in_progress", value)
    append = out.append
    for n, day in enumerate(dates):
        append(f"\n[[measures.updates]]\ndate = {_iso(day)}\n")
        step = steps.get(n)
        if step is not None:
            append(f'status = "{step[0]}"\nprogress = {step[1]}\n')
        move = moves.get(n)
        if move is not None:
            append(f"deadline = {move[0]}\nnote = {_Q_MOVE_REASONS[int(rnd() * 6)]}\n")
        elif step is not None:
            if n == carrying[-1]:
                notes = _FINAL_NOTES[status]
            else:
                notes = _Q_NOTES_PLANNED if step[0] == "planned" else _Q_NOTES_PROGRESS
            append(f"note = {notes[int(rnd() * len(notes))]}\n")
        elif rnd() < 0.9:
            append(f"note = {_Q_NOTES_OTHER[int(rnd() * len(_Q_NOTES_OTHER))]}\n")


def generate_plan_text(
    n_measures: int,
    *,
    seed: int = 0,
    n_fields: int | None = None,
    authority: str | None = None,
    parts: bool = False,
) -> str:
    """The TOML text of a valid plan with `n_measures` measures; the same for the same seed.
    With `parts`, the same plan with the parts real plans have (see benchmarks/parts.py)."""
    if n_measures < 0:
        raise ValueError("n_measures must not be negative")
    if n_fields is None:
        n_fields = min(10, max(3, n_measures // 10))
    if n_fields < 1:
        raise ValueError("n_fields must be at least 1")
    if authority is None:
        authority = f"Gemeinde Beispielstadt {seed}"
    rng = Random(seed)
    extra = Parts(seed) if parts else None
    out: list[str] = []
    _header(out, rng, authority, n_measures)
    if extra is not None:
        extra.settings(out.append)
    _meetings(out, rng)
    if extra is not None:
        extra.attributes(out.append)
    fields = _fields(out, rng, n_fields)
    owners = _owners(out, rng, n_measures // 8 + 3, authority, extra)
    _measures(out, rng, n_measures, fields, owners, extra)
    return "".join(out)


def generate_plan(path: Path, n_measures: int, *, seed: int = 0, parts: bool = False) -> Path:
    """Writes a plan with `n_measures` measures to `path` (UTF-8) and returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = generate_plan_text(n_measures, seed=seed, parts=parts)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def generate_portfolio(folder: Path, n_plans: int = 50, n_measures: int = 200) -> list[Path]:
    """Writes `n_plans` plans (plan-01.toml, …) of different authorities into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    width = max(2, len(str(n_plans)))
    paths: list[Path] = []
    for n in range(n_plans):
        text = generate_plan_text(n_measures, seed=1000 + n, authority=_authority(n))
        path = folder / f"plan-{n + 1:0{width}d}.toml"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m benchmarks.generate N -o FILE`: writes a synthetic plan (or a portfolio)."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a synthetic, valid measure plan for benchmarks.",
    )
    parser.add_argument("n_measures", type=int, metavar="N", help="number of measures")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the plan file (the folder with --portfolio); stdout if left out",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--fields", type=int, help="number of fields of action")
    parser.add_argument("--authority", help='the authority, e.g. "Gemeinde Musterdorf"')
    parser.add_argument(
        "--portfolio", type=int, metavar="PLANS", help="write PLANS plans of N measures each"
    )
    parser.add_argument(
        "--parts", action="store_true", help="with horizons, attributes, milestones, indicators"
    )
    args = parser.parse_args(argv)
    if args.n_measures < 0:
        parser.error("N must not be negative")
    begin = time.perf_counter()
    if args.portfolio is not None:
        if args.output is None:
            parser.error("--portfolio needs -o FOLDER")
        paths = generate_portfolio(args.output, args.portfolio, args.n_measures)
        what = f"{len(paths)} plans in {args.output}"
    else:
        text = generate_plan_text(
            args.n_measures,
            seed=args.seed,
            n_fields=args.fields,
            authority=args.authority,
            parts=args.parts,
        )
        if args.output is None:
            sys.stdout.write(text)
            what = "stdout"
        else:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(text, encoding="utf-8", newline="\n")
            what = str(args.output)
    elapsed = time.perf_counter() - begin
    print(f"{args.n_measures} measures → {what} in {elapsed:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
