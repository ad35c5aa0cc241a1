"""Text from a file made harmless for the terminals, mails, spreadsheets and files it reaches.

`printable` is the one escaping function for a terminal: every text that comes from a file
(a plan, an import source, a file name) passes it before it is printed, and no renderer hands
such text to rich as markup (rich gets `Text` objects, never markup strings).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# Control (Cc), format (Cf: bidi overrides and isolates, zero-width joiners), line and paragraph
# separators (Zl, Zp) and lone surrogates (Cs: undecodable bytes of a file name).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})

# What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): a cell beginning
# with one of these is evaluated by Excel or LibreOffice when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet may read `value` as a formula: it starts with a formula character,
    or with white space or a line break before one (`"\\n=1+1"`: LibreOffice opening a CSV with
    the other separator, or trimming it, evaluates it)."""
    return value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)


def inert_text(value: str) -> str:
    """`value` as a spreadsheet shows it but never evaluates it: a leading apostrophe if needed.

    For text cells only (CSV, workbook, import); numbers the tool writes itself stay numbers.
    """
    return "'" + value if looks_like_formula(value) else value


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with control, bidi-override and separator characters escaped (`\\x1b`,
    `\\u202e`), so that it shows what it says: it cannot move the cursor, recolour or clear
    the screen, set the terminal's title or reverse the rest of a line. With `lines`, the line
    breaks (`\\n`) of a multi-line text stay; otherwise the result is one line.
    """
    if text.isprintable():
        return text
    if lines:
        return "\n".join(printable(line) for line in text.split("\n"))
    return "".join(
        ch
        if ch.isprintable() or unicodedata.category(ch) not in _ESCAPED_CATEGORIES
        else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        for ch in text
    )


def printable_lines(text: str) -> str:
    """`printable(text, lines=True)`: the name the command line still calls."""
    return printable(text, lines=True)


def one_line(text: str) -> str:
    """`text` as the value of a mail header or a one-line field: every run of white space,
    line breaks of any kind included (CR, LF, NEL, U+2028), becomes one space, and what else
    is not printable is escaped. A title can then never add a `Bcc:` line."""
    return printable(" ".join(text.split()))


# Characters JSON may carry raw but a terminal would act on: C1 controls (U+009B is CSI),
# bidi overrides and isolates, line and paragraph separators, lone surrogates.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ud800-\udfff]"
)


def json_text(document: Any) -> str:
    """`document` as indented JSON for stdout: readable UTF-8, with every character a terminal
    would act on written as a `\\uXXXX` escape, so that the data stay the same to a parser.
    (json.dumps escapes the C0 controls itself.)"""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n"
