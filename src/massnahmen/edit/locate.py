"""Finding one measure in a large plan without indexing the whole file.

An edit needs the line index of one measure only. Scanning every key of a 10,000-measure plan
costs as much as parsing it, so the measure's region is first looked up by its header lines
and then proven: tomllib reads the region alone and must give exactly the measure the whole
file gave. Only if that fails (a header-like line inside a multi-line string, an unusual layout)
is the whole file indexed.
"""

from __future__ import annotations

import itertools
import re
import tomllib

from massnahmen.edit.splice import Block, find_block
from massnahmen.load import Loaded
from massnahmen.load.sourcemap import Path, SourceMap

_HEADER = re.compile(r"^[ \t]*\[(\[)?[ \t]*([^\]\n]*?)[ \t]*\]", re.M)


def measure_block(loaded: Loaded, index: int) -> Block:
    """The block of measure `index`; raises SpliceError if it cannot be edited."""
    region = _measure_region(loaded, index)
    if region is None:
        return find_block(loaded.text, loaded.source_map, ("measures", index))
    start, end = region
    return find_block(
        loaded.text, region_map(loaded.text, start, end, index), ("measures", index), end
    )


def region_map(text: str, start: int, end: int, index: int, *, lines: bool = False) -> SourceMap:
    """The line index of the measure standing in text[start:end], as measure `index` of the
    whole text (with the line starts of the whole text if `lines`, for findings)."""
    part = SourceMap.scan(text[start:end])
    prefix: Path = ("measures", 0)

    def moved(path: Path) -> Path:
        return ("measures", index, *path[2:])

    offsets = {moved(p): o + start for p, o in part.offsets.items() if p[:2] == prefix}
    headers = [(o + start, moved(p)) for o, p in part.headers if p[:2] == prefix]
    line_starts = [0]
    if lines:
        line_starts += itertools.accumulate(len(line) + 1 for line in text.split("\n"))
    return SourceMap(offsets, line_starts, headers)


def _measure_region(loaded: Loaded, index: int) -> tuple[int, int] | None:
    """From the measure's `[[measures]]` line to the next header that is not its sub-table,
    if reading that region alone gives the measure; else None."""
    text, count = loaded.text, -1
    start = end = None
    for header in _HEADER.finditer(text):
        name = header[2].replace(" ", "")
        is_measure, is_sub = bool(header[1]) and name == "measures", name.startswith("measures.")
        if start is None:
            count += is_measure
            if is_measure and count == index:
                start = header.start()
        elif end is None:
            if not is_sub:
                end = header.start()
                if is_measure:
                    break
        elif is_measure:
            break
        elif is_sub:
            return None  # a sub-table apart from its measure: let the full index judge
    if start is None:
        return None
    end = len(text) if end is None else end
    try:
        alone = tomllib.loads(text[start:end])
    except tomllib.TOMLDecodeError:
        return None
    measures = (loaded.data or {}).get("measures")
    if not isinstance(measures, list) or alone != {"measures": [measures[index]]}:
        return None
    return start, end


def measure_blocks(loaded: Loaded, indices: set[int]) -> dict[int, Block]:
    """The blocks of many measures from one scan of the header lines: what `measure_block`
    finds for each, without scanning the file once per measure. A measure whose region is not
    proven (see `_measure_region`) is left out; its caller finds it with `measure_block`."""
    text = loaded.text
    headers = [
        (h.start(), bool(h[1]) and h[2].replace(" ", "") == "measures", h[2].replace(" ", ""))
        for h in _HEADER.finditer(text)
    ]
    measures = (loaded.data or {}).get("measures")
    starts = [n for n, (_, is_measure, _) in enumerate(headers) if is_measure]
    found: dict[int, Block] = {}
    for index, n in enumerate(starts):
        if index not in indices or not isinstance(measures, list) or index >= len(measures):
            continue
        following = headers[n + 1 : starts[index + 1] if index + 1 < len(starts) else None]
        own = list(itertools.takewhile(lambda h: h[2].startswith("measures."), following))
        if any(h[2].startswith("measures.") for h in following[len(own) :]):
            continue  # a sub-table apart from its measure
        start = headers[n][0]
        end = (
            following[len(own)][0]
            if len(own) < len(following)
            else _next(starts, index, headers, len(text))
        )
        try:
            alone = tomllib.loads(text[start:end])
        except tomllib.TOMLDecodeError:
            continue
        if alone != {"measures": [measures[index]]}:
            continue
        found[index] = find_block(
            text, region_map(text, start, end, index), ("measures", index), end
        )
    return found


def _next(starts: list[int], index: int, headers: list[tuple[int, bool, str]], size: int) -> int:
    return headers[starts[index + 1]][0] if index + 1 < len(starts) else size
