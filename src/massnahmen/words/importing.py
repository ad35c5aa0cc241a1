"""The words of `import`: its refusals, the import report's reasons and its summary. Each entry
(German, English), with the same `{placeholders}`."""

from __future__ import annotations

IMPORT_WORDS: dict[str, tuple[str, str]] = {
    "import.no_title_column": (
        "{path}: keine Spalte {where} enthält die Titel der Maßnahmen (Maßnahme, Titel, "
        "Bezeichnung, …){numbers}; gesehene Spalten: {headers}. Benennen Sie die Spalten in "
        'einer Mapping-Datei (--mapping): mapping = 1, [measures] sheet = "{sheet}", '
        'title = "SPALTE", dazu id, field, owner, deadline, status nach Bedarf',
        "{path}: no column {where} holds the measures' titles (Maßnahme, Titel, Measure, "
        "Title, …){numbers}; columns seen: {headers}. Name the columns in a mapping file "
        '(--mapping): mapping = 1, [measures] sheet = "{sheet}", title = "COLUMN", and id, '
        "field, owner, deadline, status as needed",
    ),
    "import.where_sheet": ("des Blatts „{sheet}“", 'of sheet "{sheet}"'),
    "import.where_file": ("der Datei", "of the file"),
    "import.only_numbers": (
        " (die Spalte „{column}“ enthält nur Nummern: {examples})",
        ' (the column "{column}" holds only numbers: {examples})',
    ),
    "import.no_headers": ("keine", "none"),
}
