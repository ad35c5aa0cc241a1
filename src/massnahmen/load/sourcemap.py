"""Where each key and value of a TOML file stands: key path -> (line, column).

tomllib gives positions only for syntax errors, so after a successful parse this scanner walks the
same text once more. It assumes the text is valid TOML (the parser has accepted it), which keeps
it small.

Positions are needed only for the findings reported, so the work is done in two steps. `scan`
reads the file once to find where each table begins and ends (a header and the key/value lines
after it); one compiled pattern skips the common `key = value` lines without leaving C. The keys
and array elements of one table are read the first time `locate` asks for something inside it.
Statements the fast patterns do not read (quoted or dotted keys, multi-line strings and arrays,
inline tables) are read character by character, so a header-like line inside a multi-line string
or array is never taken for a header.
"""

from __future__ import annotations

import array
import bisect
from collections.abc import Sequence

from massnahmen.load.scanner import NEWLINE, Path, Scanner

__all__ = ["Path", "SourceMap", "value_end"]  # Path: the key paths it indexes, for its users


class SourceMap:
    """Where the keys, tables and array elements of one file begin (as offsets into the text).

    Built by `scan`, it reads a table's keys only when `locate` first asks for something in it;
    `offsets` and `positions` read them all. Editors may also build one from known offsets.
    """

    def __init__(
        self,
        offsets: dict[Path, int] | None = None,
        line_starts: Sequence[int] | None = None,
        headers: list[tuple[int, Path]] | None = None,
        *,
        text: str = "",
        sections: dict[Path, tuple[int, int]] | None = None,
    ) -> None:
        self._offsets = {} if offsets is None else offsets
        self._line_starts = line_starts
        self.headers = [] if headers is None else headers
        """Each table header's offset and table path, in file order."""
        self._text = text
        self._sections = {} if sections is None else sections  # tables whose keys are unread

    @classmethod
    def scan(cls, text: str) -> SourceMap:
        """Finds the tables of `text`; their keys are read when first asked for."""
        scanner = Scanner(text, {})
        scanner.find_tables()
        return cls(scanner.offsets, None, scanner.headers, text=text, sections=scanner.sections)

    @property
    def offsets(self) -> dict[Path, int]:
        """Every key, table and array element with its offset (reads all tables)."""
        for table in list(self._sections):
            self._read_table(table)
        return self._offsets

    @property
    def line_starts(self) -> Sequence[int]:
        """The offset at which each line begins."""
        if self._line_starts is None:
            starts = array.array("q", [0])  # a quarter of the memory of a list on 100,000 measures
            starts.extend(m.end() for m in NEWLINE.finditer(self._text))
            self._line_starts = starts
        return self._line_starts

    def locate(self, path: Path) -> tuple[int, int]:
        """Line and column (1-based) of `path`, or of its nearest enclosing key or table.

        The top of the file is 1:1.
        """
        self._read_table_of(path)
        for end in range(len(path), 0, -1):
            found = self._offsets.get(path[:end])
            if found is not None:
                return self.position(found)
        return (1, 1)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) of an offset into the text."""
        line_starts = self.line_starts
        line = bisect.bisect_right(line_starts, offset)
        return line, offset - line_starts[line - 1] + 1

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        """Every key, table and array element with its line and column."""
        return {path: self.position(offset) for path, offset in self.offsets.items()}

    def _read_table_of(self, path: Path) -> None:
        """Reads the keys of the innermost table that `path` lies in, if not read yet."""
        for end in range(len(path), -1, -1):
            if path[:end] in self._sections:
                self._read_table(path[:end])
                return

    def _read_table(self, table: Path) -> None:
        section = self._sections.pop(table, None)
        if section is not None:
            Scanner(self._text, self._offsets).read_pairs(table, *section)


def value_end(text: str, start: int) -> int:
    """Where the value that begins at `start` ends (a string, scalar, array or inline table),
    in one pass; the text must be valid TOML. Editors use it to replace a value in place."""
    scanner = Scanner(text, {})
    scanner.i = start
    scanner.value(())
    return scanner.i
