"""What the status request says: the workbook, the mail, `request` and `collect`."""

from __future__ import annotations

REQUEST_WORDS: dict[str, tuple[str, str]] = {
    "request.sheet": ("Rückmeldung", "Response"),
    "request.title": ("Statusabfrage: {plan}", "Status request: {plan}"),
    "request.subtitle": (
        "{owner} ({id}) · Stand {as_of} · Rückmeldung bitte bis {reply_by}",
        "{owner} ({id}) · as of {as_of} · please answer by {reply_by}",
    ),
    "request.hint": (
        "Bitte tragen Sie in die gelben Felder ein, was sich geändert hat; leere Zeilen "
        "bleiben unverändert. Eine neue Frist braucht eine Begründung.",
        "Please fill in the yellow cells where something changed; empty rows stay as they "
        "are. A new deadline needs a reason.",
    ),
    "request.hint_parts": (
        "Meilensteine: Tag, an dem er erreicht wurde. Kennzahlen: der aktuell gemessene Wert.",
        "Milestones: the day it was reached. Indicators: the value measured now.",
    ),
    "request.col.nr": ("Nr.", "No."),
    "request.col.title": ("Maßnahme", "Measure"),
    "request.col.status": ("Status", "Status"),
    "request.col.progress": ("Fortschritt", "Progress"),
    "request.col.deadline": ("Frist", "Deadline"),
    "request.col.status_new": ("Status neu", "New status"),
    "request.col.progress_new": ("Fortschritt neu", "New progress"),
    "request.col.deadline_new": ("Frist neu", "New deadline"),
    "request.col.rating_new": ("Einschätzung", "Assessment"),
    "request.col.note_new": ("Sachstand / Begründung", "Progress note / reason"),
    "request.col.reached": ("Erreicht am / Wert", "Reached on / value"),
    "request.milestone": ("Meilenstein: {title}", "Milestone: {title}"),
    "request.indicator": ("Kennzahl: {name} ({id})", "Indicator: {name} ({id})"),
    "request.invalid_title": ("Ungültige Eingabe", "Invalid entry"),
    "request.invalid_input": (
        "Bitte einen Wert aus der Liste, 0 bis 100 oder ein Datum eintragen.",
        "Please enter a value from the list, 0 to 100, or a date.",
    ),
    "request.mail_subject": (
        "Statusabfrage {plan}: Rückmeldung bis {reply_by}",
        "Status request {plan}: please answer by {reply_by}",
    ),
    "request.mail_body": (
        "Guten Tag,\n\nfür den nächsten Bericht an den Ausschuss bitten wir um den aktuellen "
        "Stand Ihrer {count} offenen Maßnahmen aus dem Maßnahmenplan „{plan}“.\n\n"
        "Bitte füllen Sie die gelben Felder der angehängten Arbeitsmappe {file} aus und "
        "senden Sie sie bis {reply_by} zurück. Eine verschobene Frist braucht eine "
        "Begründung. Zeilen ohne Änderung können Sie leer lassen.\n\n"
        "Vielen Dank!\n{authority}\n",
        "Hello,\n\nfor the next report to the committee we ask for the current state of your "
        '{count} open measures of the measure plan "{plan}".\n\n'
        "Please fill in the yellow cells of the attached workbook {file} and send it back by "
        "{reply_by}. A moved deadline needs a reason. Rows without a change may stay empty."
        "\n\nThank you!\n{authority}\n",
    ),
    "request.written": (
        "{path}: {owner}, {count} Maßnahmen, Rückmeldung bis {reply_by}",
        "{path}: {owner}, {count} measures, answer by {reply_by}",
    ),
    "request.no_address": (
        "{owner}: keine E-Mail-Adresse im Plan; die Mail hat keinen Empfänger (To:)",
        "{owner}: no e-mail address in the plan; the mail has no recipient (To:)",
    ),
    "request.nothing": (
        "keine Zuständigen mit offenen Maßnahmen: nichts geschrieben",
        "no owner with open measures: nothing written",
    ),
    "collect.unreadable": (
        "{file}: kann nicht gelesen werden ({reason})",
        "{file}: cannot be read ({reason})",
    ),
    "collect.not_a_request": (
        "{file}: keine Arbeitsmappe einer Statusabfrage (das Blatt „massnahmen“ fehlt)",
        '{file}: not a status request workbook (the sheet "massnahmen" is missing)',
    ),
    "collect.other_plan": (
        "{file}: gehört zu einem anderen Plan („{plan}“); nichts geschrieben",
        '{file}: belongs to another plan ("{plan}"); nothing written',
    ),
    "collect.no_files": (
        "keine Arbeitsmappe angegeben: collect [PLAN] DATEI…",
        "no workbook given: collect [PLAN] FILE…",
    ),
    "collect.date_after_as_of": (
        "das Datum liegt nach dem Stichtag (--as-of)",
        "the date is after the as-of day (--as-of)",
    ),
    "collect.no_measure": (
        "die Maßnahme steht nicht mehr im Plan",
        "the measure is no longer in the plan",
    ),
    "collect.no_milestone": (
        "der Meilenstein „{title}“ steht nicht mehr im Plan",
        'the milestone "{title}" is no longer in the plan',
    ),
    "collect.no_indicator": (
        "die Kennzahl {indicator} steht nicht mehr im Plan",
        "the indicator {indicator} is no longer in the plan",
    ),
    "collect.not_a_number": ("„{value}“ ist keine Zahl", '"{value}" is not a number'),
    "collect.needs_reason": (
        "eine neue Frist braucht eine Begründung in „Sachstand / Begründung“",
        'a new deadline needs a reason in "Progress note / reason"',
    ),
    "collect.after_as_of": (
        "{date} liegt nach dem Stichtag",
        "{date} is after the as-of day",
    ),
    "collect.already": (
        "schon übernommen, nichts hinzugefügt",
        "already collected, nothing added",
    ),
    "collect.conflict": (
        "Konflikt: seit der Abfrage eingetragen: {plan}; Antwort: {answer} "
        "(--force übernimmt sie trotzdem)",
        "conflict: recorded since the request: {plan}; answer: {answer} (--force takes it anyway)",
    ),
    "collect.summary": (
        "{file}: {taken} übernommen, {refused} abgelehnt, {unchanged} unverändert, {empty} leer",
        "{file}: {taken} taken, {refused} refused, {unchanged} unchanged, {empty} empty",
    ),
    "collect.summary_dry": (
        "{file}: {taken} würden übernommen, {refused} abgelehnt, {unchanged} unverändert, "
        "{empty} leer (Probelauf, nichts geschrieben)",
        "{file}: {taken} would be taken, {refused} refused, {unchanged} unchanged, "
        "{empty} empty (dry run, nothing written)",
    ),
    "request.letter_workbook": (
        "Die Arbeitsmappe {file} aus der Statusabfrage liegt bei: bitte füllen Sie die gelben "
        "Felder aus und senden Sie sie bis {reply_by} zurück.",
        "The workbook {file} of the status request is attached: please fill in the yellow "
        "cells and send it back by {reply_by}.",
    ),
    "request.unanswered": (
        "Statusabfrage: {count} Zuständige haben noch nicht geantwortet: {owners}",
        "Status request: {count} owners have not answered yet: {owners}",
    ),
}
