"""The fast TOML parser gives tomllib's data and tomllib's errors, and never crashes on nesting."""

from __future__ import annotations

import itertools
import math
import tomllib
from typing import Any

import pytest
import toml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.load import parse_plan
from massnahmen.load.toml import (
    MAX_FAST_NESTING,
    NotInPieces,
    cuts,
    nesting_bound,
    parse_pieces,
    parse_toml,
)
from tests.conftest import DATA, EXAMPLE

PLANS = [EXAMPLE, *sorted(DATA.glob("*/*.toml"))]
# Inserted at random places (None: a character is deleted there instead).
PIECES = ['"""', "'''", "[", "]", "{", "}", '"', "'", "=", ",", ".", "#", "\n", "\r", "ä", None]


def fast(text: str) -> Any:
    """toml-rs alone (only for texts that pass the nesting guard: it crashes on deep ones)."""
    assert nesting_bound(text) <= MAX_FAST_NESTING
    return toml_rs.loads(text, toml_version="1.0.0")


def same(a: Any, b: Any) -> bool:
    """Equal data, with NaN equal to NaN."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(type(a) is type(b) and a == b)


def edited(text: str, edits: list[tuple[float, str | None]]) -> str:
    """`text` with each piece put in at its relative place (None: a character taken out)."""
    for where, piece in edits:
        at = int(where * len(text))
        text = text[:at] + (piece or "") + text[at + (piece is None) :]
    return text


def parsed_as_tomllib_parses(text: str) -> Any:
    """Asserts that `parse_toml` gives tomllib's data or raises its error; the data, or None."""
    try:
        expected = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        with pytest.raises(type(exc)):  # toml-rs did not accept it, tomllib worded the error
            parse_toml(text)
        return None
    assert same(parse_toml(text), expected)
    return expected


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_fast_parser_gives_tomllib_data(path: Any) -> None:
    text = path.read_text(encoding="utf-8-sig")
    expected = parsed_as_tomllib_parses(text)
    if expected is None:
        return
    if nesting_bound(text) <= MAX_FAST_NESTING:
        assert same(fast(text), expected)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PLANS), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES))))
def test_fast_parser_accepts_exactly_what_tomllib_accepts(path: Any, edits: Any) -> None:
    parsed_as_tomllib_parses(edited(path.read_text(encoding="utf-8-sig"), edits))


def test_brackets_in_strings_and_comments_do_not_count_as_nesting() -> None:
    text = 'a = "]]]]{{" # [[[[\nb = [[[1]]]\nc = """\n]]]]\n"""\n' + "d = [1]\n" * 120
    assert nesting_bound(text) == 3


@pytest.mark.parametrize("opening", ["[", "{a = "])
def test_deep_nesting_is_an_error_not_a_crash(opening: str) -> None:
    depth = 50_000
    closing = "]" if opening == "[" else "}"
    text = "format = 1\nx = " + opening * depth + "1" + closing * depth + "\n"
    assert nesting_bound(text) > MAX_FAST_NESTING
    loaded = parse_plan(text, "deep.toml")
    assert [d.code for d in loaded.diagnostics] == ["E001"]


def test_without_toml_rs_tomllib_reads_the_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("massnahmen.load.toml._fast_loads", None)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert parse_toml(text) == tomllib.loads(text)


@pytest.fixture
def in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text read in pieces, every `[[measures]]` table a piece of its own."""
    monkeypatch.setattr("massnahmen.load.toml.PIECE_SIZE", 0)


@pytest.mark.usefixtures("in_pieces")
@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_pieces_give_the_whole_texts_data(path: Any) -> None:
    parsed_as_tomllib_parses(path.read_text(encoding="utf-8-sig"))


@pytest.mark.usefixtures("in_pieces")
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PLANS), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES))))
def test_pieces_accept_exactly_what_tomllib_accepts(path: Any, edits: Any) -> None:
    parsed_as_tomllib_parses(edited(path.read_text(encoding="utf-8-sig"), edits))


HEAD = 'format = 1\n[plan]\ntitle = "T"\nauthority = "A"\n'
MEASURE = '[[measures]]\nid = "M{n}"\ntitle = "T"\nfield = "F"\nstatus = "planned"\n'


@pytest.mark.usefixtures("in_pieces")
@pytest.mark.parametrize(
    ("tail", "pieced"),
    [
        ("", True),
        # a cut inside a multi-line string or array leaves the piece before it unterminated
        ('notes = """\n[[measures]]\nid = "X"\n"""\n', False),
        ("notes = '''\n[[measures]]\n'''\n", False),
        ("tags = [\n[[measures]]\n]\n", False),  # invalid as a whole, too
        # the pieces must make up the document: nothing but measures after the head
        ('[settings]\nignore = ["W203"]\n', False),
        ('[[owners]]\nid = "O"\nname = "N"\n', False),
        ("[[measures.updates]]\ndate = 2024-01-01\n[measures.extra]\nx = 1\n", True),
        ("[[ measures ]]\nid = 'M9'\n[[measures]]\nid = 'M10'\n", True),
    ],
)
def test_only_cuts_between_measure_tables_are_pieces(tail: str, pieced: bool) -> None:
    text = HEAD + "".join(MEASURE.format(n=n) for n in range(3)) + tail
    if parsed_as_tomllib_parses(text) is None:
        return
    pieces = [text[start:end] for start, end in cuts(text)]
    assert "".join(pieces) == text
    try:
        list(parse_pieces(pieces))
    except NotInPieces:
        assert not pieced
    else:
        assert pieced


@pytest.mark.parametrize("head", ["measures = []\n", "[measures]\nx = 1\n"])
def test_measures_in_the_head_are_read_as_a_whole(head: str, in_pieces: None) -> None:
    text = head + HEAD + MEASURE.format(n=1)
    with pytest.raises(NotInPieces):
        list(parse_pieces(text[start:end] for start, end in cuts(text)))
    parsed_as_tomllib_parses(text)


@pytest.mark.parametrize("kind", [str, bytes])
def test_cuts_are_at_measure_tables_and_keep_every_character(kind: type) -> None:
    text = HEAD + "".join(MEASURE.format(n=n) for n in range(10))
    document = text if kind is str else text.encode()
    size = len(MEASURE) * 3
    bounds = list(cuts(document, size))
    assert bounds[0] == (0, len(HEAD)) and bounds[-1][1] == len(document)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(end - start >= size for start, end in bounds[1:-1])
    assert len(bounds) > 2
    mark = "[[measures]]" if kind is str else b"[[measures]]"
    assert all(document[start:].startswith(mark) for start, _ in bounds[1:])
