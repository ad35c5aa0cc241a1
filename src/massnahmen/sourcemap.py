"""Where each key and value of a TOML file stands: key path -> (line, column).

tomllib gives positions only for syntax errors, so after a successful parse this scanner walks the
same text once more and records where every table header, key and array element begins. It
assumes the text is valid TOML (tomllib has accepted it), which keeps it small.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

Path = tuple[str | int, ...]
_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
# The common line `key = "text"` or `key = 2024-06-30`, read in one step instead of char by char.
_SIMPLE_LINE = re.compile(
    r"""([A-Za-z0-9_-]+)[ \t]*=[ \t]*"""
    r"""(?:"(?:[^"\\\n]++|\\.)*+"(?!")|'[^'\n]*+'(?!')|[^\s"'\[{#][^\n#]*?)"""
    r"""[ \t]*(?:\#[^\n]*)?(?=\r?\n|$)"""
)
# The end of a string (any of TOML's four kinds) or of a scalar, found without backtracking, so
# that a 50 MB string costs one regex pass, not a Python loop or a deep backtracking stack.
_VALUE = re.compile(
    r'"""(?:[^"\\]++|\\.|"{1,2}(?!"))*+"""(?:"{1,2})?'
    r"|'''(?:[^']++|'{1,2}(?!'))*+'''(?:'{1,2})?"
    r'|"(?:[^"\\\n]++|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|[^,\]}\r\n#]*+",
    re.S,
)
_BLANK = re.compile(r"[ \t]*(?:#[^\n]*)?")
_BLANK_LINES = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class SourceMap:
    """Where the keys, tables and array elements of one file begin (as offsets into the text)."""

    offsets: dict[Path, int] = field(default_factory=dict)
    line_starts: list[int] = field(default_factory=lambda: [0])
    headers: list[tuple[int, Path]] = field(default_factory=list)  # table headers, in file order

    def locate(self, path: Path) -> tuple[int, int]:
        """Line and column (1-based) of `path`, or of its nearest enclosing key or table.

        The top of the file is 1:1.
        """
        for end in range(len(path), 0, -1):
            found = self.offsets.get(path[:end])
            if found is not None:
                line = bisect.bisect_right(self.line_starts, found)
                return line, found - self.line_starts[line - 1] + 1
        return (1, 1)

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        """Every recorded path with its line and column."""
        return {path: self.locate(path) for path in self.offsets}

    @classmethod
    def scan(cls, text: str) -> SourceMap:
        scanner = _Scanner(text)
        scanner.run()
        line_starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n"))]
        return cls(scanner.offsets, line_starts, scanner.headers)


def value_end(text: str, start: int) -> int:
    """Where the value that begins at `start` ends (a string, scalar, array or inline table),
    in one pass; the text must be valid TOML. Editors use it to replace a value in place."""
    scanner = _Scanner(text)
    scanner.i = start
    scanner.value(())
    return scanner.i


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.offsets: dict[Path, int] = {}
        self.array_counts: dict[Path, int] = {}
        self.headers: list[tuple[int, Path]] = []

    def mark(self, path: Path, offset: int) -> None:
        self.offsets.setdefault(path, offset)

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def skip_blank(self, newlines: bool) -> None:
        """Skips spaces, comments and (if `newlines`) line breaks."""
        blank = _BLANK_LINES if newlines else _BLANK
        self.i = blank.match(self.text, self.i).end()  # type: ignore[union-attr]

    def run(self) -> None:
        table: Path = ()
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(self.text):
                return
            start = self.i
            if self.peek(2) == "[[":
                self.i += 2
                keys = self.key_parts("]")
                self.i += 2
                array = (*self.resolve(keys[:-1]), keys[-1])
                index = self.array_counts.get(array, 0)
                self.array_counts[array] = index + 1
                self.mark(array, start)
                table = (*array, index)
                self.mark(table, start)
                self.headers.append((start, table))
            elif self.peek() == "[":
                self.i += 1
                table = self.resolve(self.key_parts("]"))
                self.i += 1
                self.mark(table, start)
                self.headers.append((start, table))
            elif simple := _SIMPLE_LINE.match(self.text, start):
                self.offsets.setdefault((*table, simple[1]), start)
                self.i = simple.end()
            else:
                self.key_value(table)

    def resolve(self, keys: list[str]) -> Path:
        """The path of a header's keys, with the current index of any array of tables on it."""
        path: Path = ()
        for key in keys:
            path = (*path, key)
            if path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
        return path

    def key_value(self, table: Path) -> None:
        start = self.i
        keys = self.key_parts("=")
        self.i += 1
        path = (*table, *keys)
        self.mark(path, start)
        self.skip_blank(newlines=False)
        self.value(path)

    def key_parts(self, end: str) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            parts.append(self.key())
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                break
            self.i += 1
        assert self.peek() == end, f"expected {end!r} at offset {self.i}"
        return parts

    def key(self) -> str:
        ch = self.peek()
        if ch in "\"'":
            return self.string()
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in _BARE:
            self.i += 1
        return self.text[start : self.i]

    def string(self) -> str:
        """Reads a string of any of TOML's four kinds and returns its value."""
        quote = self.peek()
        if self.peek(3) == quote * 3:
            self.i += 3
            end = self.text.find(quote * 3, self.i)
            while self.text[end + 3 : end + 4] == quote:  # up to two quotes may end the string
                end += 1
            value = self.text[self.i : end]
            self.i = end + 3
            return value
        self.i += 1
        if quote == "'":
            end = self.text.index("'", self.i)
            value = self.text[self.i : end]
            self.i = end + 1
            return value
        chars: list[str] = []
        while (ch := self.text[self.i]) != '"':
            if ch == "\\":
                escape = self.text[self.i + 1]
                if escape in "uU":
                    width = 4 if escape == "u" else 8
                    chars.append(chr(int(self.text[self.i + 2 : self.i + 2 + width], 16)))
                    self.i += 2 + width
                    continue
                chars.append(_ESCAPES.get(escape, escape))
                self.i += 2
                continue
            chars.append(ch)
            self.i += 1
        self.i += 1
        return "".join(chars)

    def value(self, path: Path) -> None:
        ch = self.peek()
        if ch == "[":
            self.array(path)
        elif ch == "{":
            self.inline_table(path)
        else:  # a string or a scalar: only where it ends matters
            self.i = _VALUE.match(self.text, self.i).end()  # type: ignore[union-attr]

    def array(self, path: Path) -> None:
        self.i += 1
        for index in self._items("]"):
            self.mark((*path, index), self.i)
            self.value((*path, index))

    def inline_table(self, path: Path) -> None:
        self.i += 1
        for _ in self._items("}"):
            self.key_value(path)

    def _items(self, close: str) -> Iterator[int]:
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == close:
                self.i += 1
                return
            yield index
            index += 1
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.i += 1
