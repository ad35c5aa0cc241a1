"""The messages of `check`'s findings (E1xx, W2xx, W3xx), German and English side by side.

The English texts are those the tool wrote before it spoke German; they must not change, since
scripts and people compare them. Dates and numbers come in already written for the language."""

from __future__ import annotations

FINDING_WORDS: dict[str, tuple[str, str]] = {
    # the subject before the message: `Maßnahme VW-07: …`
    "finding.kind.measure": ("Maßnahme", "measure"),
    "finding.kind.field": ("Handlungsfeld", "field"),
    "finding.kind.owner": ("Zuständigkeit", "owner"),
    "finding.did_you_mean": (" (meinten Sie „{word}“?)", ' (did you mean "{word}"?)'),
    "finding.days.one": ("1 Tag", "1 day"),
    "finding.days.many": ("{count} Tagen", "{count} days"),
    # E101
    "finding.E101.measure": (
        "doppelte Kennung der Maßnahme, zuerst vergeben an Maßnahme Nr. {first}",
        "duplicate measure id, first used by measure {first}",
    ),
    "finding.E101.field": (
        "doppelte Kennung des Handlungsfelds, zuerst vergeben an Handlungsfeld Nr. {first}",
        "duplicate field id, first used by field {first}",
    ),
    "finding.E101.owner": (
        "doppelte Kennung der Zuständigkeit, zuerst vergeben an Zuständigkeit Nr. {first}",
        "duplicate owner id, first used by owner {first}",
    ),
    "finding.E101.attribute": (
        "doppelte Kennung des Merkmals „{id}“, zuerst vergeben an Merkmal Nr. {first}",
        'duplicate attribute id "{id}", first used by attribute {first}',
    ),
    "finding.E101.indicator": (
        "doppelte Kennung der Kennzahl „{id}“, zuerst vergeben an Kennzahl Nr. {first}",
        'duplicate indicator id "{id}", first used by indicator {first}',
    ),
    # E102–E105
    "finding.E102": (
        "unbekanntes Handlungsfeld „{field}“{hint}",
        'unknown field "{field}"{hint}',
    ),
    "finding.E103": (
        "unbekannte Zuständigkeit „{owner}“{hint}",
        'unknown owner "{owner}"{hint}',
    ),
    "finding.E103.contributor": (
        "unbekannte mitwirkende Stelle „{contributor}“{hint}",
        'unknown contributor "{contributor}"{hint}',
    ),
    "finding.E104": (
        "hängt von der unbekannten Maßnahme „{dependency}“ ab{hint}",
        'depends on unknown measure "{dependency}"{hint}',
    ),
    "finding.E105": ("Abhängigkeiten bilden einen Kreis: {cycle}", "dependency cycle: {cycle}"),
    # E106–E108
    "finding.E106": (
        "Frist {deadline} liegt vor dem Beginn am {start}",
        "deadline {deadline} is before the start {start}",
    ),
    "finding.E107": (
        "Status „{status}“ widerspricht dem Fortschritt {progress}",
        'status "{status}" contradicts progress {progress}',
    ),
    "finding.E108.order": (
        "Sachstand vom {date} steht nach dem Sachstand vom {previous}",
        "update of {date} comes after the update of {previous}",
    ),
    "finding.E108.future": (
        "Sachstand vom {date} liegt nach dem Stichtag {as_of}",
        "update of {date} is after the as-of date {as_of}",
    ),
    "finding.E109": (
        "Leistungsschlüssel „{key}“ ist kein 14-stelliger LeiKa-Schlüssel",
        'service key "{key}" is not a 14-digit LeiKa key',
    ),
    # E110
    "finding.E110.undeclared": (
        "Merkmal „{attribute}“ ist in [[attributes]] nicht vereinbart{hint}",
        'attribute "{attribute}" is not declared in [[attributes]]{hint}',
    ),
    "finding.E110.choice": (
        "Merkmal „{attribute}“: {value} ist keiner der Werte {choices}{hint}",
        'attribute "{attribute}": {value} is not one of {choices}{hint}',
    ),
    "finding.E110.text": (
        "Merkmal „{attribute}“ ist ein Text, nicht {value}",
        'attribute "{attribute}" is a text, not {value}',
    ),
    "finding.E110.number": (
        "Merkmal „{attribute}“ ist eine Zahl, nicht {value}",
        'attribute "{attribute}" is a number, not {value}',
    ),
    "finding.E110.flag": (
        "Merkmal „{attribute}“ ist ein Wahrheitswert (true oder false), nicht {value}",
        'attribute "{attribute}" is true or false, not {value}',
    ),
    # E111
    "finding.E111.deadline": (
        "Frist „{name}“ nennt keinen Zeithorizont des Plans{hint}",
        'deadline "{name}" names no horizon of the plan{hint}',
    ),
    "finding.E111.due": (
        "Fälligkeit „{name}“ nennt keinen Zeithorizont des Plans{hint}",
        'due "{name}" names no horizon of the plan{hint}',
    ),
    "finding.E111.ongoing": (" (meinten Sie „ongoing“?)", ' (did you mean "ongoing"?)'),
    "finding.E111.none": (
        " (der Plan legt in [settings] horizons keine fest); schreiben Sie {forms}",
        " (it defines none in [settings] horizons); write {forms}",
    ),
    "finding.E111.some": (
        "; schreiben Sie {forms} – oder einen der Zeithorizonte des Plans: {named}",
        "; write {forms}, or one of its horizons {named}",
    ),
    "finding.E111.forms": (
        "ein Datum (2024-06-30), „2024“, „2024-H1“, „2024-Q2“, „2024-06“ oder „ongoing“",
        'a date (2024-06-30), "2024", "2024-H1", "2024-Q2", "2024-06" or "ongoing"',
    ),
    # E112, E113
    "finding.E112.unknown": (
        "unbekannte übergeordnete Stelle „{parent}“{hint}",
        'unknown parent "{parent}"{hint}',
    ),
    "finding.E112.cycle": (
        "übergeordnete Stellen bilden einen Kreis: {cycle}",
        "parents form a cycle: {cycle}",
    ),
    "finding.E113.span": (
        "Kennzahl „{indicator}“: Zieldatum {end} liegt nicht nach ihrem Ausgangsdatum {start}",
        'indicator "{indicator}": target date {end} is not after its baseline date {start}',
    ),
    "finding.E113.order": (
        "Kennzahl „{indicator}“: Wert vom {date} steht nach dem Wert vom {previous}",
        'indicator "{indicator}": value of {date} comes after the value of {previous}',
    ),
    "finding.E113.future": (
        "Kennzahl „{indicator}“: Wert vom {date} liegt nach dem Stichtag {as_of}",
        'indicator "{indicator}": value of {date} is after the as-of date {as_of}',
    ),
    # W201–W209
    "finding.W201": (
        "überfällig seit {days} (Frist {deadline})",
        "overdue by {days} (deadline {deadline})",
    ),
    "finding.W202.today": ("heute fällig (Frist {deadline})", "due today (deadline {deadline})"),
    "finding.W202": (
        "fällig in {days} (Frist {deadline})",
        "due in {days} (deadline {deadline})",
    ),
    "finding.W203.updates": (
        "in Umsetzung, seit {days} kein Sachstand (letzter Sachstand vom {since})",
        "in progress, no update for {days} (last update {since})",
    ),
    "finding.W203.start": (
        "in Umsetzung, seit dem Beginn vor {days} ({since}) kein Sachstand",
        "in progress, no update in the {days} since its start ({since})",
    ),
    "finding.W204": (
        "hängt von Maßnahme {dependency} ab, die erst später fällig ist ({dependency_due} > {due})",
        "depends on {dependency}, which is due later ({dependency_due} > {due})",
    ),
    "finding.W205": (
        "hängt von Maßnahme {dependency} ab, die abgebrochen wurde",
        "depends on {dependency}, which was cancelled",
    ),
    "finding.W206": (
        "noch geplant, aber ihr Beginn am {start} ist verstrichen",
        "still planned, but its start {start} has passed",
    ),
    "finding.W207": (
        "Förderung endet am {ends}, vor der Frist {due}",
        "funding ends {ends}, before the deadline {due}",
    ),
    "finding.W208": (
        "Sachstand vom {date} verschiebt die Frist auf {deadline} ohne Begründung in ihrer Notiz",
        "update of {date} moves the deadline to {deadline} without a reason in its note",
    ),
    "finding.W209": ("offene Maßnahme ohne Frist", "open measure without a deadline"),
    # W210–W213
    "finding.W210": (
        "Meilenstein „{milestone}“ überfällig seit {days} (Fälligkeit {due})",
        'milestone "{milestone}" overdue by {days} (due {due})',
    ),
    "finding.W211": (
        "Meilenstein „{milestone}“ ist {due} fällig, nach der Frist der Maßnahme ({deadline})",
        'milestone "{milestone}" is due {due}, after the measure\'s deadline {deadline}',
    ),
    "finding.W212": (
        "Kennzahl „{indicator}“ bleibt hinter ihrem Pfad zurück: {value} am {date}, erwartet "
        "{expected} auf dem Pfad von {baseline} nach {target} (Toleranz {tolerance} % der Spanne)",
        'indicator "{indicator}" lags its path: {value} on {date}, where the path from '
        "{baseline} to {target} expects {expected} (tolerance {tolerance} % of the span)",
    ),
    "finding.W213": (
        "die zuständige Stelle schätzt sie {rating} ein (Sachstand vom {date}), aber ihre "
        "Ampel ist rot",
        "its owner rates it {rating} (update of {date}), but its traffic light is red",
    ),
    "finding.rating.green": ("grün", "green"),
    "finding.rating.yellow": ("gelb", "yellow"),
    # W301–W304
    "finding.W301": (
        "inaktiv, aber zuständig für {count} offene Maßnahme(n)",
        "inactive, but responsible for {count} open measure(s)",
    ),
    "finding.W302.field": (
        "Handlungsfeld ohne Maßnahme",
        "field of action without any measure",
    ),
    "finding.W302.owner": ("Zuständigkeit ohne Maßnahme", "owner without any measure"),
    "finding.W303": (
        "zuständig für {count} offene Maßnahmen (mehr als {limit})",
        "responsible for {count} open measures (more than {limit})",
    ),
    "finding.W304": ("offene Maßnahme ohne Zuständigkeit", "open measure without an owner"),
    # the summary line of `check`
    "check.valid": ("gültig", "valid"),
    "check.invalid": ("ungültig", "invalid"),
    "check.unreadable": ("unlesbar", "unreadable"),
    "check.errors.one": ("{count} Fehler", "{count} error"),
    "check.errors.many": ("{count} Fehler", "{count} errors"),
    "check.warnings.one": ("{count} Warnung", "{count} warning"),
    "check.warnings.many": ("{count} Warnungen", "{count} warnings"),
    "check.summary": (
        "{plan}: {verdict}, {counts} (Stichtag {as_of})",
        "{plan}: {verdict}, {counts} (as of {as_of})",
    ),
    "check.plans": (
        "{count} Pläne: {parts}; {counts} (Stichtag {as_of})",
        "{count} plans: {parts}; {counts} (as of {as_of})",
    ),
}
