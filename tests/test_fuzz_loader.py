"""Fuzzing the loader and every check: whatever the file holds, located findings, never a crash."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from massnahmen.checks import check_plan
from massnahmen.diagnostics import Diagnostic
from massnahmen.load import Loaded, PlanFileError, load_plan, parse_plan
from tests.fuzzing import (
    EDGE_DATES,
    TRIED,
    Styler,
    fuzz_settings,
    keep_fuzzing,
    loads_or_none,
    plan_mutations,
    styles,
    time_limit,
    values,
)

AS_OF = st.one_of(st.sampled_from(EDGE_DATES), st.dates())


def assert_located(loaded: Loaded, as_of: dt.date) -> list[Diagnostic]:
    """Every check runs; every finding has a line, within the file, and prints on one line."""
    findings = check_plan(loaded, as_of)
    lines = loaded.text.count("\n") + 1
    for finding in findings:
        assert finding.line is not None, finding
        assert 1 <= finding.line <= lines, finding
        assert "\n" not in finding.format(), finding
    if loaded.plan is None:
        assert any(f.severity == "error" for f in findings)
    return findings


def test_random_bytes(tmp_path: Path) -> None:
    @given(st.one_of(st.binary(max_size=500), st.text(max_size=200).map(str.encode)))
    @fuzz_settings(200)
    def batch(raw: bytes) -> None:
        TRIED["loader: random bytes"] += 1
        path = tmp_path / "plan.toml"
        path.write_bytes(raw)
        with time_limit():
            try:
                loaded = load_plan(path)
            except PlanFileError as exc:
                assert "\n" not in str(exc)
                return
            assert_located(loaded, dt.date(2024, 6, 1))

    keep_fuzzing(batch)


def test_random_toml_in_any_style() -> None:
    @given(styles, st.dictionaries(st.text(max_size=8), values, max_size=6), AS_OF)
    @fuzz_settings(150)
    def batch(style: int, document: dict[str, Any], as_of: dt.date) -> None:
        TRIED["loader: random TOML"] += 1
        text = Styler(style).document(document)
        assert loads_or_none(text) == document, text  # the writer says what it was given
        with time_limit():
            assert_located(parse_plan(text, "plan.toml"), as_of)

    keep_fuzzing(batch)


def test_mutated_example_in_any_style() -> None:
    @given(styles, plan_mutations(), AS_OF)
    @fuzz_settings(150)
    def batch(style: int, document: dict[str, Any], as_of: dt.date) -> None:
        TRIED["loader+checks: mutated example"] += 1
        text = Styler(style).document(document)
        assert loads_or_none(text) == document, text
        with time_limit():
            findings = assert_located(parse_plan(text, "plan.toml"), as_of)
        for finding in findings:  # a wrong value is found on the line of its key (lines end
            # at "\n" only, as in TOML: not at the U+2028 or U+0085 a string may hold)
            key = finding.path[-1] if finding.path else None
            if finding.code != "E002" or finding.message.startswith("missing key"):
                continue
            if isinstance(key, str) and key.isidentifier():
                line = text.split("\n")[finding.line - 1]  # type: ignore[operator]
                assert key in line or "[" in line, (finding, line)

    keep_fuzzing(batch)


def test_bytes_mutations_of_the_example() -> None:
    from tests.conftest import EXAMPLE

    seed = EXAMPLE.read_bytes()

    @given(st.lists(st.tuples(st.integers(0, len(seed)), st.binary(max_size=8)), max_size=6))
    @fuzz_settings(150)
    def batch(edits: list[tuple[int, bytes]]) -> None:
        TRIED["loader+checks: byte edits of the example"] += 1
        raw = bytearray(seed)
        for at, chunk in edits:
            raw[at : at + len(chunk)] = chunk
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return
        with time_limit():
            assert_located(parse_plan(text, "plan.toml"), dt.date(2025, 3, 18))

    keep_fuzzing(batch)
