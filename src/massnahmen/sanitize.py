"""Text from a plan made harmless for the spreadsheets and files it ends up in."""

from __future__ import annotations

from massnahmen.diagnostics import printable

# What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): a cell beginning
# with one of these is evaluated by Excel or LibreOffice when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_text(value: str) -> str:
    """`value` as a spreadsheet shows it but never evaluates it: a leading apostrophe if needed.

    For text cells only (CSV, workbook, import); numbers the tool writes itself stay numbers.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def printable_lines(text: str) -> str:
    """Multi-line text with control and bidi-override characters escaped within each line.

    Plan text printed on a terminal or mailed must not move the cursor, recolour the screen or
    reverse the rest of a line; the line breaks of the text itself stay.
    """
    return "\n".join(printable(line) for line in text.split("\n"))
