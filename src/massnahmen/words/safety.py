"""The words of findings and refusals that guard the edges: e-mail addresses, ignored codes,
cycles, the lock, files that are no plan, limits of what a file may hold, import remarks. Each
entry (German, English)."""

from __future__ import annotations

SAFETY_WORDS: dict[str, tuple[str, str]] = {
    "not_an_email": (
        "{value} ist keine E-Mail-Adresse ({reason})",
        "{value} is not an e-mail address ({reason})",
    ),
    "ignore_error_code": (
        "{pattern} nennt Fehler: nur Warnungen (W…) lassen sich ausblenden",
        "{pattern} names errors: only warnings (W…) can be ignored",
    ),
    "cycle_more": (
        "({count} weitere Maßnahme(n) in Zyklen mit diesen)",
        "({count} more measure(s) in cycles with these)",
    ),
    "cycle_hidden": ("… ({count} weitere) …", "… ({count} more) …"),
    "lock_unsafe": (
        "Sperrdatei {lock} {why}; entfernen Sie sie, wenn keine Bearbeitung läuft",
        "lock file {lock} {why}; remove it if no edit is running",
    ),
    "lock_link": ("ist ein symbolischer Link", "is a symbolic link"),
    "lock_not_regular": ("ist keine gewöhnliche Datei", "is not a regular file"),
    "lock_hard_links": ("hat weitere Namen (harte Links)", "has other names (hard links)"),
    "lock_other_user": (
        "gehört einem anderen Benutzer (uid {uid})",
        "belongs to another user (uid {uid})",
    ),
    "not_regular_plan": (
        "{path}: ist keine gewöhnliche Datei (eine Pipe, ein Gerät oder ein Socket); "
        "geben Sie eine Plandatei an",
        "{path}: is not a regular file (a pipe, a device or a socket); give a plan file",
    ),
    "plan_grew": (
        "{path}: mehr als {limit} Bytes sind zu groß für eine Plandatei",
        "{path}: more than {limit} bytes is too large for a plan file",
    ),
    "too_many_tables": (
        "{path}: {count} Tabellen (Maßnahmen, Meldungen, Verantwortliche, …) sind mehr als die "
        "{limit}, die eine Plandatei enthalten darf",
        "{path}: {count} tables (measures, updates, owners, …) are more than the {limit} a plan "
        "file may hold",
    ),
    "not_regular_source": (
        "{path}: ist keine gewöhnliche Datei (eine Pipe, ein Gerät oder ein Socket)",
        "{path}: is not a regular file (a pipe, a device or a socket)",
    ),
    "part_too_large": (
        "{path}: {part} wird entpackt {size} Bytes groß, mehr als die {limit} MB, die die "
        "Arbeitsmappe eines Plans braucht; abgelehnt",
        "{path}: {part} unpacks to {size} bytes, more than the {limit} MB a plan's workbook "
        "needs; refused",
    ),
    "too_many_strings": (
        "{path}: mehr als {limit} gemeinsame Zeichenketten (shared strings), mehr als die "
        "Arbeitsmappe eines Plans braucht; abgelehnt",
        "{path}: more than {limit} shared strings, more than a plan's workbook needs; refused",
    ),
    "too_many_cells_sheet": (
        '{path}: Blatt "{sheet}" hat mehr als {limit} Zellen, mehr als ein Plan braucht; abgelehnt',
        '{path}: sheet "{sheet}" holds more than {limit} cells, more than a plan needs; refused',
    ),
    "too_many_cells_csv": (
        "{path}: mehr als {limit} Zellen, mehr als ein Plan braucht; abgelehnt",
        "{path}: more than {limit} cells, more than a plan needs; refused",
    ),
    "hidden_rows": (
        "{sheet}!{rows} in der Arbeitsmappe ausgeblendet; trotzdem übernommen (löschen Sie sie "
        "in der Quelle, wenn sie veraltet sind)",
        "{sheet}!{rows} hidden in the workbook; imported all the same (delete them in the "
        "source if they are obsolete)",
    ),
    "hidden_row_one": ("Zeile {rows}", "row {rows}"),
    "hidden_row_many": ("Zeilen {rows}", "rows {rows}"),
    "hidden_rows_more": (" und {count} weitere", " and {count} more"),
    "uncalculated": (
        "{cell}: eine Formel ohne gespeichertes Ergebnis ({formula}), als leer gelesen; öffnen "
        "Sie die Datei in Excel oder LibreOffice und speichern Sie sie erneut",
        "{cell}: a formula without a saved result ({formula}), read as empty; open the file in "
        "Excel or LibreOffice and save it again",
    ),
    "hidden_sheet": (
        'Blatt "{sheet}" ist in der Arbeitsmappe ausgeblendet; trotzdem gelesen',
        'sheet "{sheet}" is hidden in the workbook; read all the same',
    ),
    "unclosed_quote": (
        "Zeile {line}, Spalte {column}: ein Anführungszeichen öffnet und schließt nie (es würde "
        "die {rest} Zeilen danach verschlucken); als Zeichen gelesen",
        "line {line}, column {column}: a quote opens and never closes (it would swallow the "
        "{rest} lines after it); read as a character",
    ),
    "too_many_unclosed": (
        "mehr als {limit} Anführungszeichen, die nie schließen",
        "more than {limit} quotes that never close",
    ),
}
