"""The splicer edits TOML however the officer laid it out, or says why it cannot."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.edit import MeasureUpdate, update_measure
from massnahmen.edit.operations import Change, EditError
from massnahmen.edit.splice import find_block, set_key, toml_value, value_span
from massnahmen.load import parse_plan
from massnahmen.load.sourcemap import SourceMap

HEAD = 'format = 1\n[plan]\ntitle = "T"\nauthority = "A"\n[[fields]]\nid = "F"\nname = "F"\n'
DAY = dt.date(2026, 1, 15)


def _update(text: str, **changes: object) -> str:
    changes = changes or {"note": "n"}
    outcome = update_measure(parse_plan(text, "p.toml"), "F-1", MeasureUpdate(DAY, **changes))  # type: ignore[arg-type]
    assert isinstance(outcome, Change)
    return outcome.text


def test_a_comment_behind_a_value_stays() -> None:
    text = (
        HEAD
        + '[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"  # seit 2023\n'
    )
    assert 'status = "on_hold"  # seit 2023\n' in _update(text, status="on_hold")


def test_a_multi_line_title_is_replaced_whole() -> None:
    text = (
        HEAD + '[[measures]]\nid = "F-1"\ntitle = """\nlang\n"""\nfield = "F"\nstatus = "planned"\n'
    )
    assert _update(text, title="kurz") == text.replace('"""\nlang\n"""', '"kurz"')


def test_comment_like_lines_ending_a_multi_line_string_stay_inside_it() -> None:
    notes = 'notes = """\n# kein Kommentar\n"""\n'
    text = HEAD + f'[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n{notes}'
    after = _update(text, note="n")
    assert tomllib.loads(after)["measures"][0]["notes"] == "# kein Kommentar\n"
    assert after.endswith(notes + '\n[[measures.updates]]\ndate = 2026-01-15\nnote = "n"\n')


def test_comments_before_the_next_measure_stay_before_it() -> None:
    second = '# --- zweites Feld ---\n[[measures]]\nid = "F-2"\ntitle = "Y"\nfield = "F"\n'
    second += 'status = "planned"\n'
    text = (
        HEAD + '[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n\n' + second
    )
    after = _update(text, note="n")
    assert after.endswith('note = "n"\n\n' + second)


def test_indented_updates_are_followed() -> None:
    text = HEAD + (
        '[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n'
        '  [[measures.updates]]\n  date = 2025-01-01\n  note = "a"\n'
    )
    assert _update(text, note="b").endswith(
        '  note = "a"\n  [[measures.updates]]\n  date = 2026-01-15\n  note = "b"\n'
    )


@pytest.mark.usefixtures("english")
def test_a_measure_in_an_inline_array_cannot_be_edited() -> None:
    inline = 'measures = [{id = "F-1", title = "X", field = "F", status = "planned"}]\n'
    with pytest.raises(EditError, match="F-1 cannot be edited: it is written as an inline table"):
        _update(inline + HEAD)


def test_value_span_of_dates_numbers_arrays_and_strings() -> None:
    text = 'a = 2024-01-01 # c\nb = 12.5\nc = ["x", "y#z"]  # d\nd = \'lit\'\n'
    spans = [value_span(text, text.index(key)) for key in ("a =", "b =", "c =", "d =")]
    assert [text[s.start : s.end] for s in spans] == ["2024-01-01", "12.5", '["x", "y#z"]', "'lit'"]


def test_a_missing_key_goes_after_its_nearest_predecessor() -> None:
    text = '[plan]\ntitle = "T"\nstate = "draft"\n'
    block = find_block(text, SourceMap.scan(text), ("plan",))
    splice = set_key(block, "authority", '"A"', ["title", "authority", "state"])
    assert splice is not None and (splice.start, splice.text) == (
        text.index("state"),
        'authority = "A"\n',
    )


@given(st.text(max_size=60))
@settings(deadline=None)  # a loaded CI machine is not a failure
def test_any_string_is_written_so_that_tomllib_reads_it_back(value: str) -> None:
    assert tomllib.loads(f"x = {toml_value(value)}")["x"] == value


def test_header_like_lines_in_a_string_fall_back_to_the_full_index() -> None:
    tricky = 'description = """\n[[measures]]\nid = "nope"\n"""\n'
    text = HEAD + (
        f'[[measures]]\nid = "F-0"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n{tricky}\n'
        '[[measures]]\nid = "F-1"\ntitle = "Y"\nfield = "F"\nstatus = "planned"\n'
    )
    assert _update(text) == text + '\n[[measures.updates]]\ndate = 2026-01-15\nnote = "n"\n'


def test_a_sub_table_apart_from_its_measure_is_not_edited() -> None:
    text = HEAD + (
        '[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n'
        '[[owners]]\nid = "O"\nname = "O"\n[[measures.updates]]\ndate = 2025-01-01\n'
    )
    with pytest.raises(EditError, match="its sub-tables stand apart from it"):
        _update(text)


def test_huge_values_are_edited_in_linear_time() -> None:
    lines = "\n".join(f"# Zeile {n}" for n in range(20_000))
    huge = f'description = "{"x" * 2_000_000}"\nnotes = """\n{lines}"""\n'
    text = HEAD + f'[[measures]]\nid = "F-1"\ntitle = "X"\nfield = "F"\nstatus = "planned"\n{huge}'
    after = _update(text, title="Y", note="n")
    assert after == text.replace('title = "X"', 'title = "Y"') + (
        '\n[[measures.updates]]\ndate = 2026-01-15\nnote = "n"\n'
    )
