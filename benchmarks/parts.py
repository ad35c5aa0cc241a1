"""The parts real plans have, added to a generated plan: horizons, two attributes, units under
units, milestones, indicators and the owners' ratings (issue 15).

A separate random stream makes them, so that the plan with parts is exactly the plan without
them plus these keys: the benchmark compares the two in the same run. A measure due at the end
of 2025, 2027 or 2030 names the horizon that stands for that year instead (the same due day).
How much of a plan carries the parts follows real plans: nearly every measure fills the plan's
own columns, many have milestones, a few have indicators, the latest updates often a rating.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

AS_OF = 739328  # 2025-03-18 as an ordinal (dt.date(2025, 3, 18).toordinal())
HORIZONS = {'"2025"': '"kurzfristig"', '"2027"': '"mittelfristig"', '"2030"': '"langfristig"'}
_CHOICES = ('"vorhanden"', '"zusätzlich"', '"prüfen"')
_MILESTONES = [
    "Konzept abgestimmt",
    "Ausschreibung veröffentlicht",
    "Zuschlag erteilt",
    "Pilotbetrieb gestartet",
    "Schulungen abgeschlossen",
    "Regelbetrieb",
]
_INDICATORS = [
    ("nutzung", "Anteil digitaler Anträge", "%"),
    ("dauer", "Bearbeitungsdauer", "Tage"),
    ("co2", "CO₂-Ausstoß", "t/a"),
    ("konten", "Registrierte Servicekonten", None),
]
_RATINGS = ('"green"', '"green"', '"yellow"', '"red"')
Append = Callable[[str], None]


def _iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


class Parts:
    """Writes the parts into a plan as the generator writes it, from its own random stream."""

    def __init__(self, seed: int) -> None:
        self.random = Random(seed * 7919 + 15)

    def settings(self, append: Append) -> None:
        """Into [settings]: the horizons and the tolerance of indicators."""
        append(
            'horizons = { kurzfristig = "2025", mittelfristig = "2027", langfristig = "2030" }\n'
        )
        append("indicator_tolerance = 10\n")

    def attributes(self, append: Append) -> None:
        append(
            '\n[[attributes]]\nid = "personal"\nname = "Personalbedarf"\nkind = "choice"\n'
            'choices = ["vorhanden", "zusätzlich", "prüfen"]\n'
            '\n[[attributes]]\nid = "co2"\nname = "CO₂-Einsparung"\nkind = "number"\n'
            'unit = "t/a"\n'
        )

    def owner(self, append: Append, index: int, ids: list[str]) -> None:
        """A third of the owners after the first few belong to an earlier one (no cycles)."""
        if index >= 4 and self.random.random() < 0.35:
            append(f'parent = "{ids[int(self.random.random() * min(index, 8))]}"\n')

    def deadline(self, text: str) -> str:
        return HORIZONS.get(text, text)

    def keys(self, append: Append) -> None:
        """The measure's attributes, before its sub-tables."""
        rnd = self.random.random
        personal = _CHOICES[int(rnd() * 3)] if rnd() < 0.9 else None
        co2 = int(rnd() * 500) if rnd() < 0.4 else None
        pairs = [f"personal = {personal}"] if personal else []
        if co2 is not None:
            pairs.append(f"co2 = {co2}")
        if pairs:
            append(f"attributes = {{ {', '.join(pairs)} }}\n")

    def tables(self, append: Append, start: int, due: int, updated: bool) -> None:
        """After the measure's updates: a rating on the latest, milestones, indicators."""
        rnd = self.random.random
        if updated and rnd() < 0.4:
            append(f"rating = {_RATINGS[int(rnd() * 4)]}\n")  # the latest update's
        end = due if due > start else start + 400
        if rnd() < 0.4:
            count = 1 + int(rnd() * 4)
            for n in range(count):
                day = start + (end - start) * (n + 1) // (count + 1)
                append(
                    f'\n[[measures.milestones]]\ntitle = "{_MILESTONES[n]}"\ndue = {_iso(day)}\n'
                )
                if day < AS_OF and rnd() < 0.75:
                    append(f"done_on = {_iso(min(day + int(rnd() * 40), AS_OF))}\n")
        if rnd() < 0.15:
            for n in range(1 + int(rnd() < 0.3)):
                self._indicator(append, n, start)

    def _indicator(self, append: Append, n: int, start: int) -> None:
        rnd = self.random.random
        key, name, unit = _INDICATORS[int(rnd() * len(_INDICATORS))]
        baseline = int(rnd() * 100)
        target = baseline + (int(rnd() * 80) + 10) * (1 if rnd() < 0.7 else -1)
        end = start + 700 + int(rnd() * 800)
        append(
            f'\n[[measures.indicators]]\nid = "{key}{n}"\nname = "{name}"\n'
            + (f'unit = "{unit}"\n' if unit else "")
            + f"baseline = {baseline}\nbaseline_date = {_iso(start)}\n"
            f"target = {target}\ntarget_date = {_iso(end)}\n"
        )
        last = min(AS_OF, end)
        if last <= start:
            return
        days = sorted({start + int(rnd() * (last - start)) for _ in range(int(rnd() * 5))})
        if days:
            values = []
            for day in days:  # along the path, some ahead of it, some behind
                share = (day - start) / (end - start) * (0.6 + 0.6 * rnd())
                value = round(baseline + (target - baseline) * share, 1)
                values.append(f"{{ date = {_iso(day)}, value = {value} }}")
            append("values = [" + ", ".join(values) + "]\n")
