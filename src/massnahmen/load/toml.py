"""Reading TOML text into data: toml-rs where it is safe, tomllib for everything else.

toml-rs (Rust) reads a plan of 10,000 measures in 0.06 s of CPU where tomllib needs 0.85 s, and
gives the same data (a differential fuzz of 110,000 mutated plans found no difference in what
either accepts or returns). Two things keep tomllib in charge: every text toml-rs refuses goes to
tomllib, which decides and words the error (E001 keeps its messages and positions), and a text
that nests arrays or inline tables deeply goes to tomllib directly, because toml-rs overflows
the C stack on such nesting and would crash the process instead of raising.

A large plan is read in pieces: the head (everything before the first `[[measures]]` line), then
runs of measures of about a megabyte each, every piece cut where a line starts with
`[[measures]]`. toml-rs builds its own tree of a document before it makes Python objects of it;
on the whole text of 100,000 measures that tree costs 450 MB more than the data, a piece's tree
a few MB. The pieces' data is exactly the whole text's data: a cut inside a multi-line string or
array leaves the piece before it unterminated, which no parser accepts, so every cut that parses
is between two tables; the head must not define `measures` and each piece must define nothing
else. Whenever that is not so, or any piece is refused, the whole text is parsed as one (and
refused there with tomllib's message).
"""

from __future__ import annotations

import array
import itertools
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

# Real plans nest values two or three deep; toml-rs is safe far beyond this even on the 1 MB
# stack of a Windows main thread.
MAX_FAST_NESTING = 100
# Strings and comments, so that brackets inside them do not count as nesting.
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*+"""(?:"(?!"))?"?'
    r"|'''(?:[^']|'(?!''))*+'''(?:'(?!'))?'?"
    r'|"(?:[^"\\\n]|\\.)*+"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
)
_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # +1 and -1 as signed bytes
_NOT_BRACKET = bytes(c for c in range(256) if c not in b"[{]}")


def _load_fast() -> Callable[[str], dict[str, Any]] | None:
    try:
        import toml_rs
    except ImportError:
        return None

    def loads(text: str) -> dict[str, Any]:
        return toml_rs.loads(text, toml_version="1.0.0")

    return loads


_fast_loads = _load_fast()
# Where a plan is cut into pieces, and about how large a piece is (characters or bytes).
PIECE_KEY = "measures"
PIECE_SIZE = 1 << 20


class NotInPieces(Exception):
    """The document cannot be read piece by piece: it must be read (and judged) as a whole."""


def parse_toml(text: str) -> dict[str, Any]:
    """The data of a TOML document; raises tomllib.TOMLDecodeError or RecursionError."""
    if len(text) > PIECE_SIZE:
        try:
            return _join(parse_pieces(text[start:end] for start, end in cuts(text)))
        except NotInPieces:
            pass
    return _parse_whole(text)


def cuts(document: str | bytes, size: int | None = None) -> Iterator[tuple[int, int]]:
    """Where the pieces of a document start and end: the head, then runs of `[[measures]]`
    tables of about `size` each (characters or bytes, as the document)."""
    size = PIECE_SIZE if size is None else size
    mark: Any = f"\n[[{PIECE_KEY}]]"
    if isinstance(document, bytes):
        mark = mark.encode()
    start, end = 0, document.find(mark)
    while end >= 0:
        yield start, end + 1  # each piece keeps its last line break
        start = end + 1
        end = document.find(mark, start + size)
    yield start, len(document)


def parse_pieces(pieces: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The data of each piece of a document cut by `cuts`: the head's, then each run's (a dict
    with only the measures). Raises NotInPieces when the pieces do not make up the document."""
    for number, piece in enumerate(pieces):
        try:
            data = _parse_whole(piece)
        except (tomllib.TOMLDecodeError, RecursionError):  # the whole text words the error
            raise NotInPieces from None
        if number == 0 and PIECE_KEY in data:
            raise NotInPieces
        if number > 0 and (list(data) != [PIECE_KEY] or not isinstance(data[PIECE_KEY], list)):
            raise NotInPieces
        yield data


def _join(pieces: Iterator[dict[str, Any]]) -> dict[str, Any]:
    data = next(pieces)
    for piece in pieces:
        data.setdefault(PIECE_KEY, []).extend(piece[PIECE_KEY])
    return data


def _parse_whole(text: str) -> dict[str, Any]:
    if _fast_loads is not None and nesting_bound(text) <= MAX_FAST_NESTING:
        try:
            return _fast_loads(text)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # a refusal (or a Rust panic, which pyo3 raises as BaseException)
            pass
    return tomllib.loads(text)


def nesting_bound(text: str) -> int:
    """At least as deep as the deepest nesting of arrays, inline tables and table headers."""
    opens = text.count("[") + text.count("{")
    if opens <= MAX_FAST_NESTING:
        return opens  # no need to look closer
    code = _NOT_CODE.sub("", text).encode("utf-8", "surrogatepass")
    steps = array.array("b", code.translate(_STEP, _NOT_BRACKET))
    return max(itertools.accumulate(steps), default=0)
