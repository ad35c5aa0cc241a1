"""What the commands say about their own work: confirmations, refusals, and why a command
cannot run (outside the edits, the checks and the importer, which have their own modules)."""

from __future__ import annotations

MESSAGE_WORDS: dict[str, tuple[str, str]] = {
    "msg.no_measure": (
        "{plan}: keine Maßnahme {measure}{hint}",
        "{plan}: no measure {measure}{hint}",
    ),
    "msg.no_measure_anywhere": (
        "keine Maßnahme {measure} in einem der {count} gelesenen Pläne{hint}",
        "no measure {measure} in any of the {count} plans read{hint}",
    ),
    "msg.no_meeting_before": (
        "der Plan nennt keine Sitzung vor dem {date}",
        "the plan lists no meeting before {date}",
    ),
    "msg.meeting_form": (
        "--meeting nimmt „previous“ (die letzte Sitzung) oder ein Datum, nicht „{value}“",
        '--meeting takes "previous" or a date (YYYY-MM-DD), not "{value}"',
    ),
    "msg.no_meeting_on": (
        "der Plan nennt keine Sitzung am {date} (Sitzungen: {listed})",
        "the plan lists no meeting on {date} (meetings: {listed})",
    ),
    "msg.no_meetings": ("keine", "none"),
    "msg.after_as_of": (
        "{option} {date} liegt nach dem Stichtag {as_of}",
        "{option} {date} is after the as-of date {as_of}",
    ),
    "msg.unknown_id": ("kein {kind} „{value}“ {where}{hint}", 'no {kind} "{value}" {where}{hint}'),
    "msg.kind_owner": ("Zuständigkeit", "owner"),
    "msg.kind_field": ("Handlungsfeld", "field"),
    "msg.in_the_plan": ("im Plan", "in the plan"),
    "msg.in_any_plan": ("in einem der Pläne", "in any of the plans"),
    "msg.same_but_case": (" (meinen Sie „{word}“?)", ' (did you mean "{word}"?)'),
    "msg.not_a_choice": (
        "„{value}“ ist keine Auswahl von {key} ({choices}){hint}",
        '"{value}" is not a choice of {key} ({choices}){hint}',
    ),
    "msg.old_and_new": (
        "ALT und NEU angeben, oder NEU und --rev REV",
        "give OLD and NEW, or NEW and --rev REV",
    ),
    "msg.no_plans_in_either": (
        "{old}, {new}: in keinem der beiden Ordner liegen Plandateien (*.toml)",
        "{old}, {new}: no plan files (*.toml) in either folder",
    ),
    "msg.reminders_unwritable": (
        "{folder}: die Erinnerungen lassen sich nicht schreiben ({reason})",
        "{folder}: cannot write the reminders ({reason})",
    ),
    "msg.folder_unwritable": (
        "{folder}: nicht schreibbar ({reason})",
        "{folder}: cannot be written ({reason})",
    ),
    "msg.one_plan_to_publish": (
        "publish schreibt die Website eines Plans; geben Sie eine Plandatei an",
        "publish writes the site of one plan; give one plan file",
    ),
    "msg.published": (
        "{output}: {written} Dateien, {count} Maßnahmen zum Stichtag {as_of}{gone}",
        "{output}: {written} files, {count} measures as of {as_of}{gone}",
    ),
    "msg.published_removed": (
        ", {removed} frühere Dateien entfernt",
        ", {removed} earlier files removed",
    ),
    "msg.nothing_published": (
        "{plan}: nichts veröffentlicht; bitte zuerst die Tabelle [publish] berichtigen",
        "{plan}: nothing published, fix the [publish] table first",
    ),
    "msg.not_xlsx": ("„{output}“ endet nicht auf .xlsx", '"{output}" does not end in .xlsx'),
    "msg.portfolio_needed": (
        "mehrere Pläne kommen mit --portfolio in eine Arbeitsmappe",
        "several plans go into one workbook with --portfolio",
    ),
    "msg.exported": (
        "{output}: {count} Maßnahmen zum Stichtag {as_of}{changes}",
        "{output}: {count} measures as of {as_of}{changes}",
    ),
    "msg.exported_changes": (", Änderungen seit {date}", ", changes since {date}"),
    "msg.compared": (
        "{output}: {compared} von {count} Plänen verglichen zum Stichtag {as_of}",
        "{output}: {compared} of {count} plans compared as of {as_of}",
    ),
    "msg.workbook_failed": (
        "die Arbeitsmappe lässt sich nicht erstellen: {reason} (ist der Ordner für "
        "temporäre Dateien voll?)",
        "the workbook cannot be made: {reason} (is the temporary folder full?)",
    ),
    "msg.output_is_folder": (
        "{path}: ist ein Ordner; geben Sie einen Dateinamen auf .xlsx an",
        "{path}: is a folder; give a file name ending in .xlsx",
    ),
    "msg.output_open": (
        "{path}: ist in einem anderen Programm geöffnet ({lock}); schließen Sie es und "
        "exportieren Sie noch einmal",
        "{path}: is open in another program ({lock}); close it and export again",
    ),
    "msg.output_denied": (
        "{path}: keine Berechtigung (ist die Datei in einem anderen Programm geöffnet?)",
        "{path}: permission denied (is it open in another program?)",
    ),
}
