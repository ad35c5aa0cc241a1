"""The key index against documents written in every TOML style, each position known in advance.

A builder writes a plan-shaped document, choosing at random among the ways TOML allows to write
each header, key and value (quoted and dotted keys, multi-line strings holding header-like lines,
multi-line arrays, inline tables, comments, CRLF), and notes where it put every key. The index
must find exactly those places.
"""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.load.sourcemap import Path, SourceMap

FAKE = '[[measures]]\nid = "X-9"\n[plan]\ntags = ["z"]'


class Document:
    """TOML text written piece by piece, with the (line, column) of each marked path."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.parts: list[str] = []
        self.line, self.column = 1, 1
        self.expected: dict[Path, tuple[int, int]] = {}

    def write(self, text: str, mark: Path | None = None) -> None:
        if mark is not None:
            self.expected[mark] = (self.line, self.column)
        self.parts.append(text)
        lines = text.split("\n")
        self.line += len(lines) - 1
        self.column = len(lines[-1]) + 1 if len(lines) > 1 else self.column + len(text)

    def choose(self, *options: str) -> str:
        return self.draw(st.sampled_from(options))

    def gap(self) -> None:
        self.write(self.choose("", "\n", "# note [[measures]]\n", "  \n\t# x = 1\n"))

    def header(self, keys: str, path: Path, array: bool) -> None:
        self.gap()
        left, right = ("[[", "]]") if array else ("[", "]")
        spaced = self.choose(keys, f" {keys} ", keys.replace(".", " . "))
        self.write(f"{left}{spaced}{right}{self.choose('', '  # c')}\n", path)

    def pair(self, table: Path, key: str) -> None:
        self.gap()
        style = self.draw(st.integers(0, 9))
        written = f'"{key}"' if style == 1 else key
        self.write(f"{written}{self.choose(' = ', '=', '   =  ')}", (*table, key))
        if style == 2:
            self.write(f'"""\n{FAKE}\n"""')
        elif style == 3:
            self.write(f"'''{FAKE}'''")
        elif style == 4:
            self.write("[")
            for n in range(self.draw(st.integers(0, 3))):
                self.write(self.choose("\n  ", " ", "  # c\n"))
                self.write(self.choose('"a, ]"', "'#'", "[1, [2]]", "2024-01-01"), (*table, key, n))
                self.write(",")
            self.write(self.choose("]", "\n]"))
        elif style == 5:
            self.write("{ ")
            self.write("a = 1", (*table, key, "a"))
            self.write(", ")
            self.write('"b c" = [1, 2]', (*table, key, "b c"))
            self.write(" }")
        elif style == 6:
            self.write('["x", ')
            self.write("'y'", (*table, key, 1))
            self.write("]")
        else:
            self.write(self.choose('"a = [b]"', "'x'", "42", "1979-05-27 07:32:00", "true"))
        self.write(self.choose("\n", "  # c\n"))

    def dotted(self, table: Path) -> None:
        self.gap()
        self.write(self.choose("x.y = 1\n", "x . y = 1\n", '"x".y = 1\n'), (*table, "x", "y"))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    doc = Document(draw)
    doc.pair((), "format")
    doc.header("plan", ("plan",), array=False)
    doc.pair(("plan",), "title")
    for index in range(draw(st.integers(1, 4))):
        measure: Path = ("measures", index)
        doc.header("measures", measure, array=True)
        for key in draw(st.lists(st.sampled_from(["id", "tags", "notes", "meta"]), unique=True)):
            doc.pair(measure, key)
        if draw(st.booleans()):
            doc.dotted(measure)
        for n in range(draw(st.integers(0, 2))):
            doc.header("measures.updates", (*measure, "updates", n), array=True)
            doc.pair((*measure, "updates", n), "note")
    return doc


@settings(max_examples=300, deadline=None)
@given(documents(), st.booleans())
def test_every_key_is_found_where_it_was_written(doc: Document, crlf: bool) -> None:
    text = "".join(doc.parts)
    if crlf:
        text = text.replace("\n", "\r\n")
    tomllib.loads(text)  # the builder writes valid TOML
    source_map = SourceMap.scan(text)
    found = {path: source_map.locate(path) for path in doc.expected}
    assert found == doc.expected
    assert SourceMap.scan(text).positions.items() >= doc.expected.items()
