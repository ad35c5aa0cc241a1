"""The fuzzing harness: hostile values, a TOML writer of many styles, a time budget per target.

Every fuzz test runs one batch of examples in the normal test run (a few seconds). For a longer
hunt, `MASSNAHMEN_FUZZ_SECONDS=600 pytest tests/test_fuzz_*.py` repeats each target's batch until
that many seconds are spent, and the closing summary counts the inputs tried per target.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import os
import random
import re
import signal
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE

FUZZ_SECONDS = float(os.environ.get("MASSNAHMEN_FUZZ_SECONDS", "0"))
EXAMPLE_LIMIT = 10.0  # seconds one input may take before it counts as a hang
TRIED: Counter[str] = Counter()  # inputs tried per target, for the closing summary
SEED: dict[str, Any] = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


def fuzz_settings(examples: int) -> settings:
    """A batch of `examples` inputs; no per-example deadline (time_limit catches hangs)."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,  # every batch draws new inputs
        suppress_health_check=list(HealthCheck),
        print_blob=True,
        # Shrinking a plan-sized input can take minutes; the failing input is printed whole.
        phases=[Phase.explicit, Phase.generate]
        if os.environ.get("MASSNAHMEN_FUZZ_NO_SHRINK")
        else list(Phase),
    )


def keep_fuzzing(batch: Callable[[], None]) -> None:
    """Runs one batch, then more until MASSNAHMEN_FUZZ_SECONDS have passed."""
    end = time.monotonic() + FUZZ_SECONDS
    batch()
    while time.monotonic() < end:
        batch()


class Hang(Exception):
    """An input took longer than EXAMPLE_LIMIT."""


@contextlib.contextmanager
def time_limit(seconds: float = EXAMPLE_LIMIT) -> Iterator[None]:
    """Raises Hang in the block when it runs longer than `seconds` (main thread, POSIX)."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- hostile values ------------------------------------------------------------------------------

RTL_AND_COMBINING = [
    "\u202e",  # right-to-left override
    "\u202d",
    "\u2066",  # left-to-right isolate
    "\u2069",
    "\u200f",  # right-to-left mark
    "\u0301",  # combining acute accent
    "\u0338",
    "\u20dd",  # combining enclosing circle
    "\u200b",  # zero-width space
    "\ufeff",
    "\u0645\u0627\u0644",  # Arabic
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "e\u0301" * 20,
]
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")', "&P&N"]
CONTROL = ["\x00", "\x1b[31m", "\x07", "\r", "\n", "\x7f", "\u2028"]
SPECIAL = st.sampled_from(RTL_AND_COMBINING + FORMULAS + CONTROL + ["", " ", '"', "'", "\\", "]"])
hostile_text = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40),
    st.lists(st.one_of(SPECIAL, st.text(max_size=3)), max_size=6).map("".join),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "\u0301", "=", "["]), st.integers(0, 3000)),
)
hostile_id = st.one_of(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,8}", fullmatch=True),
    st.sampled_from(["../../etc/x", "CON", "a/b", "..", ".hidden", "VW-01", "vw-01", "1" * 5000]),
    hostile_text,
)
EDGE_DATES = [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1970, 1, 1), dt.date(2024, 2, 29)]
edge_dates = st.one_of(st.sampled_from(EDGE_DATES), st.dates())
huge_numbers = st.one_of(
    st.sampled_from([2**63 - 1, -(2**63), 2**31, -1, 0, 10**18]),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.sampled_from([1e308, -0.0, 5e-324]),
)
scalars = st.one_of(hostile_text, huge_numbers, st.booleans(), edge_dates)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(hostile_text, inner, max_size=3)
    ),
    max_leaves=8,
)


# --- mutations of the example plan ---------------------------------------------------------------


def key_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in `data`, tables and arrays included."""
    items: Any = []
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    found = []
    for key, value in items:
        found.append((*prefix, key))
        found.extend(key_paths(value, (*prefix, key)))
    return found


PATHS = key_paths(SEED)
# Keys that refer to something else in the plan or name it: a mutation there tests references.
_NAMING_KEYS = ("id", "title", "name", "owner", "field", "parent", "deadline", "due", "rating")
ID_PATHS = [p for p in PATHS if p[-1] in _NAMING_KEYS or p[-2:-1] == ("attributes",)]


def mutated(data: Any, path: tuple[Any, ...], value: Any, delete: bool = False) -> Any:
    """A copy of `data` with the value at `path` replaced (or its key deleted)."""
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    if delete and not rest:
        del copy[head]
    else:
        copy[head] = mutated(copy[head], tuple(rest), value, delete)
    return copy


@st.composite
def plan_mutations(draw: st.DrawFn) -> dict[str, Any]:
    """The example plan with a few keys deleted, retyped, made huge, hostile or edge dates."""
    data: Any = SEED
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ID_PATHS if draw(st.booleans()) else PATHS))
        with contextlib.suppress(KeyError, IndexError, TypeError):
            if draw(st.integers(0, 4)) == 0:
                data = mutated(data, path, None, delete=True)
            else:
                leaf = draw(st.one_of(values, hostile_id, edge_dates, huge_numbers))
                data = mutated(data, path, leaf)
    return dict(data)


# --- TOML in many styles -------------------------------------------------------------------------

_BASIC_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_BASIC_ESCAPES["\r"] = "\\r"


def _basic(text: str, newlines: bool = False) -> str:
    out = []
    for ch in text:
        if newlines and ch == "\n":
            out.append(ch)
        elif ch in _BASIC_ESCAPES:
            out.append(_BASIC_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _is_control(ch: str) -> bool:
    return (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F


class Styler:
    """Writes TOML for a value, choosing among the forms TOML allows by a seeded random.

    (A seed, not hypothesis draws: a plan needs thousands of choices, and a draw each is slow.)
    """

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, n: int) -> int:
        return self.random.randrange(n)

    def key(self, key: str) -> str:
        bare = key != "" and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
        choice = self.pick(3)
        if bare and choice == 0:
            return key
        if choice == 1 and "'" not in key and not any(_is_control(c) or c == "\n" for c in key):
            return f"'{key}'"
        return _basic(key)

    def string(self, text: str) -> str:
        choice = self.pick(4)
        plain = not any(_is_control(c) for c in text)
        if choice == 1 and plain and "'" not in text and "\n" not in text:
            return f"'{text}'"
        literal = not any(_is_control(c) and c != "\n" for c in text)
        if choice == 2 and literal and "'''" not in text and not text.endswith("'"):
            first = "\n" if text.startswith("\n") or self.pick(2) else ""
            return "'''" + first + text + "'''"
        if choice == 3:
            body = _basic(text, newlines=True)[1:-1]
            if '"""' not in body and not body.endswith('"'):
                first = "\n" if body.startswith("\n") or self.pick(2) else ""
                return '"""' + first + body + '"""'
        return _basic(text)

    def value(self, value: Any, depth: int = 0) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            if value >= 0 and self.pick(3) == 0:
                return hex(value)
            return f"+{value}" if value >= 0 and self.pick(4) == 0 else str(value)
        if isinstance(value, float):
            if math.isinf(value):
                return "inf" if value > 0 else "-inf"
            return repr(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, str):
            return self.string(value)
        if isinstance(value, list):
            comment = " # comment" if self.pick(4) == 0 else ""
            gap = "\n  " if comment or self.pick(3) == 0 else " "
            items = [self.value(v, depth + 1) for v in value]
            trailing = "," if items and self.pick(3) == 0 else ""
            return "[" + comment + gap + ("," + gap).join(items) + trailing + gap + "]"
        if isinstance(value, dict):
            pairs = [f"{self.key(str(k))} = {self.value(v, depth + 1)}" for k, v in value.items()]
            return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
        raise TypeError(type(value))

    def document(self, data: dict[str, Any]) -> str:
        """Top-level scalars first, then tables as headers, inline tables or dotted keys."""
        lines: list[str] = []
        tables: list[tuple[str, Any]] = []
        for key, value in data.items():
            table = isinstance(value, dict) and bool(value)
            array = isinstance(value, list) and value and all(isinstance(v, dict) for v in value)
            if (table or array) and self.pick(4):
                tables.append((key, value))
            else:
                lines.append(f"{self.key(key)} = {self.value(value)}")
        for key, value in tables:
            lines.append("")
            if isinstance(value, dict):
                lines.append(
                    f"[ {self.key(key)} ]  # table" if self.pick(2) else f"[{self.key(key)}]"
                )
                lines.extend(self.pairs(value))
                continue
            for item in value:
                lines.append(f"[[{self.key(key)}]]")
                nested = [
                    (k, v)
                    for k, v in item.items()
                    if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)
                ]
                nested = [(k, v) for k, v in nested if self.pick(2)]
                lines.extend(self.pairs({k: v for k, v in item.items() if (k, v) not in nested}))
                for sub, entries in nested:
                    for entry in entries:
                        lines.append(f"[[{self.key(key)}.{self.key(sub)}]]")
                        lines.extend(self.pairs(entry))
        newline = "\r\n" if self.pick(5) == 0 else "\n"
        return newline.join(lines) + newline

    def pairs(self, table: dict[str, Any]) -> list[str]:
        lines = []
        for k, v in table.items():
            if isinstance(v, dict) and v and self.pick(3) == 0:  # dotted keys: a.b = 1
                lines.extend(f"{self.key(k)}.{line}" for line in self.pairs(v))
            else:
                comment = "  # note" if self.pick(5) == 0 else ""
                lines.append(f"{self.key(k)} = {self.value(v)}{comment}")
        return lines


styles = st.integers(0, 2**32)  # the seed of a Styler


def loads_or_none(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return None


TEXT_KEYS = frozenset(
    {"title", "authority", "version", "adopted_by", "committee", "note", "name", "goal"}
    | {"description", "funding", "decision", "indicator", "notes", "tags"}
    | {"unit", "choices", "personal"}
)
DATE_KEYS = frozenset(
    {"adopted_on", "date", "start", "funding_ends", "deadline"}
    | {"done_on", "due", "baseline_date", "target_date"}
)
NUMBER_KEYS = frozenset({"baseline", "target", "value", "co2"})


@st.composite
def hostile_plans(draw: st.DrawFn) -> dict[str, Any]:
    """The example plan, still valid in form, with hostile texts, edge dates and huge numbers."""
    chance = draw(st.sampled_from([0.02, 0.1, 0.5]))
    rng = random.Random(draw(st.integers(0, 2**32)))

    def walk(value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if rng.random() >= chance:
            return value
        if key in TEXT_KEYS and isinstance(value, str):
            return draw(hostile_text)
        if key in DATE_KEYS and isinstance(value, dt.date):
            return draw(edge_dates)
        if key in ("due_soon_days", "stale_days", "max_open_per_owner"):
            return draw(st.sampled_from([0, 1, 2**63 - 1, 10**6]))
        if key == "budget_eur":
            return draw(st.sampled_from([0.0, 1e308, 5e-324, 1e15]))
        if key in NUMBER_KEYS:
            return draw(st.sampled_from([0, -1, 1e308, -1e308, 5e-324, 2**63 - 1, 0.5]))
        if key == "indicator_tolerance":
            return draw(st.sampled_from([0, 1e308, 5e-324, 2**63 - 1]))
        return value

    return dict(walk(SEED, ""))


# --- the terminal target -------------------------------------------------------------------------

# What must never reach a terminal from a file: C0 controls but newline and tab (ESC among them),
# DEL, C1 controls (U+009B is CSI on 8-bit terminals), bidi overrides, embeddings and isolates.
UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_terminal_safe(text: str, what: str = "output", *, csv: bool = False) -> None:
    """No control or bidi-override character in `text` (CSV's own CRLF row ends aside)."""
    if csv:
        text = text.replace("\r\n", "\n")
    found = UNSAFE_FOR_TERMINAL.search(text)
    assert found is None, f"{what}: {found[0]!r} at {found.start()}: {text[:2000]!r}"
