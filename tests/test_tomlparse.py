"""The fast TOML parser gives tomllib's data and tomllib's errors, and never crashes on nesting."""

from __future__ import annotations

import math
import tomllib
from typing import Any

import pytest
import toml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.loader import parse_plan
from massnahmen.tomlparse import MAX_FAST_NESTING, nesting_bound, parse_toml
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


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_fast_parser_gives_tomllib_data(path: Any) -> None:
    text = path.read_text(encoding="utf-8-sig")
    try:
        expected = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        with pytest.raises(type(exc)):
            parse_toml(text)
        return
    assert same(parse_toml(text), expected)
    if nesting_bound(text) <= MAX_FAST_NESTING:
        assert same(fast(text), expected)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(PLANS), st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES))))
def test_fast_parser_accepts_exactly_what_tomllib_accepts(path: Any, edits: Any) -> None:
    text = path.read_text(encoding="utf-8-sig")
    for where, piece in edits:
        at = int(where * len(text))
        text = text[:at] + (piece or "") + text[at + (piece is None) :]
    try:
        expected = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        with pytest.raises(type(exc)):  # toml-rs did not accept it, tomllib worded the error
            parse_toml(text)
        return
    assert same(parse_toml(text), expected)


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
    monkeypatch.setattr("massnahmen.tomlparse._fast_loads", None)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert parse_toml(text) == tomllib.loads(text)
