"""What the edits say: what was done, why an edit is refused, why it cannot run."""

from __future__ import annotations

EDITING_WORDS: dict[str, tuple[str, str]] = {
    "edit.added": (
        "{measure} im Handlungsfeld {field} angelegt",
        "added {measure} to field {field}",
    ),
    "edit.updated": ("{measure} geändert: {done}", "updated {measure}: {done}"),
    "edit.key_set": ("{key} {value}", "{key} {value}"),
    "edit.key.status": ("Status", "status"),
    "edit.key.progress": ("Fortschritt", "progress"),
    "edit.key.owner": ("Zuständigkeit", "owner"),
    "edit.key.title": ("Titel", "title"),
    "edit.key.priority": ("Priorität", "priority"),
    "edit.deadline_moved": ("Frist verschoben auf {deadline}", "deadline moved to {deadline}"),
    "edit.rated": ("eingeschätzt als {rating}", "rated {rating}"),
    "edit.update_recorded": (
        "Sachstand vom {date} eingetragen",
        "update of {date} recorded",
    ),
    "edit.milestone_reached": (
        "Meilenstein „{title}“ erreicht am {date}",
        'milestone "{title}" reached on {date}',
    ),
    "edit.indicator_value": ("{indicator} {value} am {date}", "{indicator} {value} on {date}"),
    "edit.needs_reason": (
        '{measure}: eine verschobene Frist braucht eine Begründung; ergänzen Sie --note "…" '
        "(der Ausschuss fragt, warum Fristen wandern)",
        '{measure}: moving the deadline needs a reason; add --note "…" (the committee asks '
        "why deadlines move)",
    ),
    "edit.cannot_edit": (
        "Maßnahme {measure} lässt sich nicht ändern: {reason}; bitte von Hand bearbeiten",
        "measure {measure} cannot be edited: {reason}; edit it by hand",
    ),
    "edit.cannot_edit_inline": (
        "Maßnahme {measure} lässt sich nicht ändern: {reason}; bitte von Hand bearbeiten oder "
        "als [[measures]]-Tabelle schreiben",
        "measure {measure} cannot be edited: {reason}; edit it by hand, or write it as a "
        "[[measures]] table",
    ),
    "edit.no_measure": ("keine Maßnahme {measure}{hint}", "no measure {measure}{hint}"),
    "edit.milestone_was_reached": (
        "{measure}: Meilenstein „{title}“ wurde bereits am {date} erreicht",
        '{measure}: milestone "{title}" was reached on {date}',
    ),
    "edit.no_milestones": ("{measure} hat keine Meilensteine", "{measure} has no milestones"),
    "edit.no_milestone": (
        "{measure} hat keinen Meilenstein „{title}“{hint}",
        '{measure} has no milestone "{title}"{hint}',
    ),
    "edit.no_indicators": ("{measure} hat keine Kennzahlen", "{measure} has no indicators"),
    "edit.no_indicator": (
        "{measure} hat keine Kennzahl „{indicator}“{hint}",
        '{measure} has no indicator "{indicator}"{hint}',
    ),
    "edit.indicator_inline": (
        "{measure}: die Kennzahl {indicator} steht in einer Zeile (inline); schreiben Sie sie "
        "als [[measures.indicators]]-Tabelle, um Werte zu ergänzen",
        "{measure}: indicator {indicator} is written inline; write it as a "
        "[[measures.indicators]] table to add values",
    ),
    "edit.attribute_quotes": (
        "{measure}: das Merkmal „{key}“ braucht hier Anführungszeichen; bitte von Hand bearbeiten",
        '{measure}: attribute "{key}" needs quotes here; edit it by hand',
    ),
    "edit.no_attributes": (
        "der Plan erklärt keine Merkmale ([[attributes]]), also auch nicht „{key}“",
        'the plan declares no attributes ([[attributes]]), so not "{key}"',
    ),
    "edit.no_attribute": (
        "der Plan erklärt kein Merkmal „{key}“{hint}",
        'the plan declares no attribute "{key}"{hint}',
    ),
    "edit.no_such_file": ("{path}: Datei nicht gefunden", "{path}: no such file"),
    "edit.unreadable": ("{path}: nicht lesbar ({reason})", "{path}: cannot be read ({reason})"),
    "edit.unwritable": (
        "{path}: nicht schreibbar ({reason}); der Plan ist unverändert",
        "{path}: cannot write ({reason}); the plan is unchanged",
    ),
    "edit.changed_on_disk": (
        "{path}: die Datei wurde während der Bearbeitung geändert; nichts geschrieben, "
        "bitte den Befehl noch einmal ausführen",
        "{path}: the file changed on disk while it was being edited; nothing was written, "
        "run the command again",
    ),
    "edit.invalid": (
        "der Plan ist ungültig; bitte zuerst die Fehler oben beheben",
        "the plan is invalid; fix the errors above first",
    ),
    "edit.breaks": (
        "die Änderung würde den Plan ungültig machen; nichts geschrieben",
        "the edit would make the plan invalid; nothing was written",
    ),
    "edit.locked": (
        "wird gerade von {who} bearbeitet, bitte erneut versuchen (Sperrdatei {lock})",
        "being edited by {who}, try again (lock file {lock})",
    ),
    "edit.lock_process": ("Prozess {pid}", "process {pid}"),
    "edit.lock_process_on": ("Prozess {pid} auf {host}", "process {pid} on {host}"),
    "edit.lock_other": ("einem anderen Prozess", "another process"),
    "edit.dry_run": (
        "{path}: Probelauf, nichts geschrieben ({summary})",
        "{path}: dry run, nothing written ({summary})",
    ),
    "edit.new_plan": (
        "{path}: neuer Plan aus der Vorlage {template}",
        "{path}: new plan from the {template} template",
    ),
    "edit.is_folder": (
        "{path}: ist ein Ordner; geben Sie den Pfad der neuen Plandatei an",
        "{path}: is a folder; give the path of the new plan file",
    ),
    "edit.exists": (
        "{path}: gibt es schon; --force überschreibt sie",
        "{path}: already exists; --force overwrites it",
    ),
    "edit.no_folder": (
        "{path}: den Ordner {folder} gibt es nicht",
        "{path}: the folder {folder} does not exist",
    ),
    "edit.cannot_write": ("{path}: nicht schreibbar ({reason})", "{path}: cannot write ({reason})"),
    "edit.unknown_field": (
        'ein neues Handlungsfeld legen Sie an mit massnahmen add-field --id {field} --name "…"',
        'add a new field of action with massnahmen add-field --id {field} --name "…"',
    ),
    "edit.unknown_owner": (
        'eine neue Zuständigkeit legen Sie an mit massnahmen add-owner --id {owner} --name "…"',
        'add a new owner with massnahmen add-owner --id {owner} --name "…"',
    ),
    "edit.field_added": (
        "Handlungsfeld {field} angelegt: {name}",
        "added field of action {field}: {name}",
    ),
    "edit.owner_added": ("Zuständigkeit {owner} angelegt: {name}", "added owner {owner}: {name}"),
    "edit.id_taken": (
        "die Kennung {id} ist schon vergeben ({what} „{name}“)",
        'the id {id} is taken already ({what} "{name}")',
    ),
    "edit.a_field": ("Handlungsfeld", "field of action"),
    "edit.an_owner": ("Zuständigkeit", "owner"),
    "edit.bad_deadline": ("--deadline: {reason}", "--deadline: {reason}"),
}
