"""The line index finds keys, table headers and array elements, whatever the TOML style."""

from __future__ import annotations

from massnahmen.load.sourcemap import SourceMap

TEXT = '''\
# comment with [[measures]] in it
format = 1
[plan]
title = """
[[measures]] inside a string
"""
"authority" = 'A'

[[measures]]
id = "A-1"  # trailing comment
tags = [
  "x",  # one
  "y",
]
meta = { owner = "FB1", list = [1, 2] }

[[measures.updates]]
date = 2024-01-01

[[measures]]
id = "A-2"

[[measures.updates]]
date = 2024-01-01

[[measures.updates]]
note = "second"
'''


def test_positions_of_keys_tables_and_elements() -> None:
    positions = SourceMap.scan(TEXT).positions
    assert positions[("plan", "title")] == (4, 1)
    assert positions[("plan", "authority")] == (7, 1)
    assert positions[("measures", 0)] == (9, 1)
    assert positions[("measures", 0, "tags", 1)] == (13, 3)
    assert positions[("measures", 0, "meta", "owner")] == (15, 10)
    assert positions[("measures", 0, "meta", "list", 1)] == (15, 36)
    assert positions[("measures", 1, "updates", 1, "note")] == (27, 1)


def test_missing_key_falls_back_to_its_table_header() -> None:
    assert SourceMap.scan(TEXT).locate(("measures", 1, "updates", 0, "status")) == (23, 1)


def test_crlf_lines_are_counted_once() -> None:
    positions = SourceMap.scan(TEXT.replace("\n", "\r\n")).positions
    assert positions[("measures", 1, "updates", 1, "note")] == (27, 1)


def test_every_kind_of_string_is_skipped_whole() -> None:
    text = 'a = ["x\\"y", \'lit\', """ml "" q\n[[x]]""", \'\'\'ml \' l\'\'\', "end"]\nb = 1\n'
    positions = SourceMap.scan(text).positions
    assert positions[("a", 3)] == (2, 11)
    assert positions[("a", 4)] == (2, 25)
    assert positions[("b",)] == (3, 1)


def test_a_long_string_in_an_array_is_scanned_in_one_pass() -> None:
    text = 'tags = ["' + "ä" * 5_000_000 + '"]\nnext = 1\n'
    assert SourceMap.scan(text).positions[("next",)] == (2, 1)
