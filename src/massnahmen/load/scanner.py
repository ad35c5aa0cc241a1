"""The character-level reader behind the key index (sourcemap.py): the patterns of TOML's
statements and a scanner that walks a valid TOML text, marking where each key path begins."""

from __future__ import annotations

import re
from collections.abc import Iterator

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_KEY = r"[A-Za-z0-9_-]+"
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_BASIC = r'"(?:[^"\\\n]++|\\.)*+"(?!")'
_LITERAL = r"'[^'\n]*+'(?!')"
_ITEM = rf"""(?:{_BASIC}|{_LITERAL}|[^\s"'\[\]{{}},#]+)"""
_ARRAY = rf"\[[ \t]*(?:{_ITEM}[ \t]*,[ \t]*)*+(?:{_ITEM}[ \t]*)?\]"
_SCALAR = r"""[^\s"'\[{#](?:[^\n#]*[^\s#])?"""
_END = r"[ \t]*(?:#[^\n]*)?(?=\r?\n|\Z)"  # the rest of a statement's line
_BLANKS = r"(?:[ \t\r\n]+|#[^\n]*)*+"
_HEADER = (
    rf"(?:\[\[[ \t]*(?P<array>{_DOTTED})[ \t]*\]\]|\[[ \t]*(?P<table>{_DOTTED})[ \t]*\]){_END}"
)
# One-line inline tables of plain values, and one-line arrays of plain values or such tables:
# `attributes = { personal = "zusätzlich", co2 = 120 }`, `values = [{ date = …, value = 35 }]`.
_INLINE_PAIR = rf"{_DOTTED}[ \t]*=[ \t]*{_ITEM}"
_INLINE = rf"\{{[ \t]*(?:{_INLINE_PAIR}[ \t]*,[ \t]*)*+(?:{_INLINE_PAIR}[ \t]*)?\}}"
_ARRAY_OF = rf"\[[ \t]*(?:(?:{_ITEM}|{_INLINE})[ \t]*,[ \t]*)*+(?:(?:{_ITEM}|{_INLINE})[ \t]*)?\]"
# A run of blank lines, comments and one-line `key = value` pairs, then a header of bare keys if
# one follows: what `scan` needs to find the tables. (Only the tables are found here, so a
# one-line inline table or array of them is skipped whole; its keys are read with its table.)
_NEXT_HEADER = re.compile(
    rf"(?:[ \t\r\n]+|#[^\n]*|{_KEY}[ \t]*=[ \t]*"
    rf"(?:{_BASIC}|{_LITERAL}|{_ARRAY_OF}|{_INLINE}|{_SCALAR}){_END})*+"
    rf"(?P<at>)(?:{_HEADER})?"
)
# One statement of the common forms, blank lines and comments before it included.
_PAIR = re.compile(
    rf"{_BLANKS}(?P<at>)(?P<key>{_KEY})[ \t]*=[ \t]*"
    rf"(?:{_BASIC}|{_LITERAL}|(?P<items>{_ARRAY})|{_SCALAR}){_END}"
)
_ITEM_AT = re.compile(_ITEM)
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
_BLANK_LINES = re.compile(_BLANKS)
NEWLINE = re.compile("\n")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _split_keys(dotted: str) -> list[str]:
    return [key.strip(" \t") for key in dotted.split(".")]


class Scanner:
    def __init__(self, text: str, offsets: dict[Path, int]) -> None:
        self.text = text
        self.i = 0
        self.offsets = offsets
        self.sections: dict[Path, tuple[int, int]] = {}
        self.headers: list[tuple[int, Path]] = []
        # Arrays of tables by the id of their path (`_node`), so that resolving a header of k
        # keys costs k steps: hashing every prefix tuple was quadratic (100k parts: 23.5 s).
        self.array_counts: dict[int, int] = {}
        self.nodes: dict[tuple[int, str | int], int] = {}

    def mark(self, path: Path, offset: int) -> None:
        self.offsets.setdefault(path, offset)

    def peek(self, n: int = 1) -> str:
        return self.text[self.i : self.i + n]

    def skip_blank(self, newlines: bool) -> None:
        """Skips spaces, comments and (if `newlines`) line breaks."""
        blank = _BLANK_LINES if newlines else _BLANK
        self.i = blank.match(self.text, self.i).end()  # type: ignore[union-attr]

    def find_tables(self) -> None:
        """Records every header, and for each table the span of its key/value lines."""
        text, next_header = self.text, _NEXT_HEADER.match
        split: dict[str, list[str]] = {}  # a plan repeats a few headers thousands of times
        table: Path = ()
        begin = 0
        while True:
            found = next_header(text, self.i)
            assert found is not None  # the pattern matches the empty string
            self.i = found.end()
            start = found.start("at")
            if found["array"] is not None:
                name = found["array"]
                keys = split.get(name) or split.setdefault(name, _split_keys(name))
                new_table = self.array_header(keys, start)
            elif found["table"] is not None:
                new_table = self.table_header(_split_keys(found["table"]), start)
            elif self.i >= len(text):
                self.sections[table] = (begin, len(text))
                return
            else:
                self.i = start
                read = self.statement(table)
                if read is None:
                    continue
                new_table = read
            self.sections[table] = (begin, start)
            table, begin = new_table, self.i

    def read_pairs(self, table: Path, begin: int, end: int) -> None:
        """Records the keys and array elements of the key/value lines between `begin` and `end`."""
        text, offsets, pair = self.text, self.offsets, _PAIR.match
        self.i = begin
        while True:
            found = pair(text, self.i, end)
            if found is None:
                self.skip_blank(newlines=True)
                if self.i >= end:
                    return
                self.key_value(table)
                continue
            self.i = found.end()
            path = (*table, found["key"])
            offsets.setdefault(path, found.start("at"))
            if found["items"] is not None:
                self.elements(path, found.start("items") + 1, found.end("items") - 1)

    def statement(self, table: Path) -> Path | None:
        """Reads one header or key/value pair character by character: the new table of a header."""
        start = self.i
        if self.peek(2) == "[[":
            self.i += 2
            keys = self.key_parts("]")
            self.i += 2
            return self.array_header(keys, start)
        if self.peek() == "[":
            self.i += 1
            keys = self.key_parts("]")
            self.i += 1
            return self.table_header(keys, start)
        self.key_value(table)
        return None

    def table_header(self, keys: list[str], start: int) -> Path:
        table, _ = self.resolve(keys)
        self.mark(table, start)
        self.headers.append((start, table))
        return table

    def array_header(self, keys: list[str], start: int) -> Path:
        """Records a `[[a.b]]` header: the array, and its new element as the current table."""
        parent, node = self.resolve(keys[:-1])
        array = (*parent, keys[-1])
        node = self._node(node, keys[-1])
        index = self.array_counts.get(node, 0)
        self.array_counts[node] = index + 1
        self.mark(array, start)
        table = (*array, index)
        self.mark(table, start)
        self.headers.append((start, table))
        return table

    def elements(self, path: Path, begin: int, end: int) -> None:
        """Records the elements of a one-line array of plain values between `begin` and `end`."""
        for index, item in enumerate(_ITEM_AT.finditer(self.text, begin, end)):
            self.offsets.setdefault((*path, index), item.start())

    def resolve(self, keys: list[str]) -> tuple[Path, int]:
        """The path of a header's keys, with the current index of any array of tables on it,
        and the id of that path."""
        parts: list[str | int] = []
        node = 0  # the document
        for key in keys:
            parts.append(key)
            node = self._node(node, key)
            count = self.array_counts.get(node)
            if count:
                parts.append(count - 1)
                node = self._node(node, count - 1)
        return tuple(parts), node

    def _node(self, parent: int, key: str | int) -> int:
        """The id of the path `parent` + `key` (new ids for new paths)."""
        return self.nodes.setdefault((parent, key), len(self.nodes) + 1)

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
