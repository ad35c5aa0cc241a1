"""Splicing changes into a plan's text, so that only the lines an edit touches change.

The loader's line index (`SourceMap`) says where each table and key begins; its scanner says
where a value ends, in one pass however long the value (a comment behind it is kept). New lines
take the file's line ending and the indentation and spacing of their neighbours.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from massnahmen.load.sourcemap import Path, SourceMap, value_end

_KEY_START = re.compile(r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]++|\\.)*+"|'[^'\n]*+')[ \t]*+=[ \t]*+""")
# what may follow a value on its line: blanks, a comment, the line break
_LINE_REST = re.compile(r"[ \t]*+(?:#[^\n]*+)?\r?\n?")
_INDENT = re.compile(r"[ \t]*")
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"'}


class SpliceError(Exception):
    """The text is laid out in a way the splicer cannot edit (an inline table, a split table)."""


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace text[start:end] by `text`; start == end inserts."""

    start: int
    end: int
    text: str


def apply_splices(text: str, splices: Iterable[Splice]) -> str:
    """The text with every splice applied; splices at the same place keep their order."""
    pieces: list[str] = []
    done = 0
    for splice in sorted(splices, key=lambda s: s.start):
        if splice.start < done:
            raise SpliceError("overlapping changes")
        pieces += (text[done : splice.start], splice.text)
        done = splice.end
    pieces.append(text[done:])
    return "".join(pieces)


def newline_of(text: str) -> str:
    """The line ending the file uses (that of its first line)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def toml_value(value: object) -> str:
    """A TOML literal for a value an edit writes: string, integer, amount, date, array."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.2f}" if round(value, 2) == value else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, str):
        escaped = "".join(_escape(ch) for ch in value.replace("\\", "\\\\"))
        return f'"{escaped}"'
    raise TypeError(f"no TOML literal for {type(value).__name__}")


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ord(ch) < 0x20 or ord(ch) == 0x7F:
        return f"\\u{ord(ch):04x}"
    return ch


@dataclass(frozen=True)
class Block:
    """One table in the text (a `[[measures]]` element with its sub-tables, `[plan]`, …).

    `start` is its header; `end` is just past its last line of content, so that trailing
    comments and blank lines (which usually introduce what follows) stay where they are.
    """

    text: str
    source_map: SourceMap
    path: Path
    start: int
    end: int

    def key_offset(self, *keys: str | int) -> int | None:
        """Where a key of this table (or of a sub-table: "updates", 0, "date") begins."""
        return self.source_map.offsets.get((*self.path, *keys))

    def line_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, offset) + 1

    def indent(self, offset: int) -> str:
        return self.text[self.line_start(offset) : offset]

    def blank_line_before(self, offset: int) -> bool:
        """Whether a blank line (above any comment lines) precedes `offset`'s line: the file's
        spacing of tables."""
        start = self.line_start(offset)
        while start > 0:
            above = self.text.rfind("\n", 0, start - 1) + 1
            line = self.text[above:start].strip()
            if not line.startswith("#"):
                return not line
            start = above
        return False


def find_block(
    text: str, source_map: SourceMap, path: Path, region_end: int | None = None
) -> Block:
    """The table at `path`, which must have a header of its own (not an inline table).

    Its region ends at `region_end` if given, else at the next header that is not its own.
    """
    start = source_map.offsets.get(path)
    if start is None or not text.startswith("[", start):
        raise SpliceError("it is written as an inline table")
    if region_end is None:
        headers = source_map.headers
        n = bisect.bisect_left(headers, start, key=lambda header: header[0])
        while n < len(headers) and _inside(headers[n][1], path):
            n += 1
        region_end = headers[n][0] if n < len(headers) else len(text)
        if any(_inside(p, path) for _, p in headers[n:]):
            raise SpliceError("its sub-tables stand apart from it in the file")
    return Block(text, source_map, path, start, _content_end(text, source_map, path, region_end))


def _inside(path: Path, table: Path) -> bool:
    return path[: len(table)] == table


def _content_end(text: str, source_map: SourceMap, path: Path, region_end: int) -> int:
    """Just past the line of the table's last value (its own or a sub-table's): what follows
    up to the next header are comments and blank lines."""
    start = source_map.offsets[path]
    headers = {o: p for o, p in source_map.headers if start <= o < region_end}
    tables = {path, *headers.values()}
    keys = (
        offset
        for key, offset in source_map.offsets.items()
        if start < offset < region_end
        and offset not in headers
        and isinstance(key[-1], str)
        and key[:-1] in tables
    )
    last = max(keys, default=None)
    if last is None:
        last_header = max(headers, default=start)
        line_end = text.find("\n", last_header)
        return len(text) if line_end == -1 else line_end + 1
    return value_span(text, last).line_end


@dataclass(frozen=True, slots=True)
class ValueSpan:
    start: int  # the value's first character
    end: int  # just past the value (before any comment behind it)
    line_end: int  # just past the line break after the value (or the end of the text)


def value_span(text: str, key_offset: int) -> ValueSpan:
    """Where the value of the key/value pair starting at `key_offset` stands."""
    key = _KEY_START.match(text, key_offset)
    if key is None:
        raise SpliceError("a key is written in a form the editor does not know")
    end = value_end(text, key.end())
    while end > key.end() and text[end - 1] in " \t":  # a scalar ends before the blanks
        end -= 1
    rest = _LINE_REST.match(text, end)
    assert rest is not None  # the pattern matches the empty string
    return ValueSpan(key.end(), end, rest.end())


def set_key(block: Block, key: str, literal: str, order: Sequence[str]) -> Splice | None:
    """Sets `key` of the block's own table to `literal`: in place if it is there, else on a
    new line after the nearest key that `order` puts before it. None if nothing changes."""
    offset = block.key_offset(key)
    if offset is not None:
        span = value_span(block.text, offset)
        if block.text[span.start : span.end] == literal:
            return None
        return Splice(span.start, span.end, literal)
    newline = newline_of(block.text)
    line = f"{key} = {literal}{newline}"
    earlier = order[: order.index(key)] if key in order else order
    for neighbour in reversed(earlier):
        at = block.key_offset(neighbour)
        if at is not None:
            end = value_span(block.text, at).line_end
            lead = "" if block.text[end - 1 : end] == "\n" else newline
            return Splice(end, end, lead + block.indent(at) + line)
    header_end = block.text.find("\n", block.start)
    end = len(block.text) if header_end == -1 else header_end + 1
    lead = "" if header_end != -1 else newline
    return Splice(end, end, lead + line)


def append_table(
    block: Block, header: str, pairs: Sequence[tuple[str, str]], like: int | None
) -> Splice:
    """Appends a `[[header]]` table with `pairs` (key, literal) at the end of the block.

    Spacing and indentation follow the existing header at offset `like` (if any).
    """
    text = block.text
    newline = newline_of(text)
    header_indent = key_indent = ""
    blank = True
    if like is not None:
        header_indent = block.indent(like)
        blank = block.blank_line_before(like)
        next_line = text.find("\n", like) + 1
        if next_line:
            key_indent = _INDENT.match(text, next_line).group()  # type: ignore[union-attr]
    lines = [f"{header_indent}[[{header}]]", *(f"{key_indent}{k} = {v}" for k, v in pairs)]
    lead = "" if text[block.end - 1 : block.end] in ("\n", "") else newline
    body = newline.join(lines) + newline
    return Splice(block.end, block.end, lead + (newline if blank else "") + body)


def append_to_text(text: str, header: str, pairs: Sequence[tuple[str, str]]) -> Splice:
    """Appends a `[[header]]` table with `pairs` at the end of the text, after a blank line."""
    newline = newline_of(text)
    lead = "" if not text or text.endswith("\n") else newline
    lines = ["", f"[[{header}]]", *(f"{key} = {value}" for key, value in pairs)]
    return Splice(len(text), len(text), lead + newline.join(lines) + newline)


def prepend_table(block: Block, header: str, pairs: Sequence[tuple[str, str]]) -> Splice:
    """Inserts a `[[header]]` table with `pairs` before the block, and before the comment lines
    right above the block's header (they speak of it). Indentation and spacing follow it."""
    text = block.text
    newline = newline_of(text)
    at = block.line_start(block.start)
    while at > 0:
        above = text.rfind("\n", 0, at - 1) + 1
        if not text[above:at].lstrip().startswith("#"):
            break
        at = above
    next_line = text.find("\n", block.start) + 1
    key_indent = _INDENT.match(text, next_line).group() if next_line else ""  # type: ignore[union-attr]
    lines = [
        f"{block.indent(block.start)}[[{header}]]",
        *(f"{key_indent}{k} = {v}" for k, v in pairs),
    ]
    gap = newline if block.blank_line_before(block.start) else ""
    return Splice(at, at, newline.join(lines) + newline + gap)
