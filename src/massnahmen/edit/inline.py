"""Splicing into inline tables and arrays, so that `attributes = { … }` gains a key and
`values = [ … ]` an element with the rest of their line, spacing and comments kept."""

from __future__ import annotations

from massnahmen.edit.splice import Splice, SpliceError, newline_of, value_span
from massnahmen.edit.writer import toml_key
from massnahmen.load.sourcemap import Path, SourceMap, value_end


def _opening(text: str, source_map: SourceMap, path: Path, bracket: str) -> int:
    """Where the inline table or array at `path` opens: the element itself, or the value of
    its `key = `."""
    at = source_map.offsets.get(path)
    if at is None:
        raise SpliceError("the key is not where the index says")
    start = at if text.startswith(bracket, at) else value_span(text, at).start
    if not text.startswith(bracket, start):
        raise SpliceError("it is not written inline")
    return start


def set_inline_key(
    text: str, source_map: SourceMap, table: Path, key: str, literal: str
) -> Splice | None:
    """Sets `key` of the inline table at `table` to `literal`: its value in place, or a new
    `key = literal` after the last one. None if nothing changes."""
    start = _opening(text, source_map, table, "{")
    existing = source_map.offsets.get((*table, key))
    if existing is not None:
        span = value_span(text, existing)
        return (
            None
            if text[span.start : span.end] == literal
            else Splice(span.start, span.end, literal)
        )
    end = value_end(text, start)
    inner = text[start + 1 : end - 1]
    if not inner.strip():
        return Splice(start, end, f"{{ {toml_key(key)} = {literal} }}")
    last = start + 1 + len(inner.rstrip(" \t"))
    return Splice(last, last, f", {toml_key(key)} = {literal}")


def append_inline_item(text: str, source_map: SourceMap, array: Path, literal: str) -> list[Splice]:
    """Appends `literal` to the inline array at `array`: on a line of its own where the array
    has one element a line, else after the last element on its line."""
    start = _opening(text, source_map, array, "[")
    end = value_end(text, start)
    count = 0
    while (*array, count) in source_map.offsets:
        count += 1
    if count == 0:
        return [Splice(start, end, f"[{literal}]")]
    last_start = source_map.offsets[(*array, count - 1)]
    last_end = value_end(text, last_start)
    while text[last_end - 1] in " \t":
        last_end -= 1
    after = last_end
    while text[after] in " \t":
        after += 1
    comma = text[after] == ","
    if "\n" not in text[start:end]:
        at = after + 1 if comma else last_end
        return [Splice(at, at, f" {literal}," if comma else f", {literal}")]
    line_start = text.rfind("\n", 0, last_start) + 1
    indent = text[line_start:last_start]
    line_end = text.find("\n", last_end)
    if line_end > end or line_end == -1:  # the closing bracket is on the element's line
        at = after + 1 if comma else last_end
        newline = newline_of(text)
        return [Splice(at, at, f"{',' if not comma else ''}{newline}{indent}{literal}")]
    line_end -= text[line_end - 1] == "\r"
    newline = newline_of(text)
    new_line = Splice(line_end, line_end, f"{newline}{indent}{literal}{',' if comma else ''}")
    return [new_line] if comma else [Splice(last_end, last_end, ","), new_line]
