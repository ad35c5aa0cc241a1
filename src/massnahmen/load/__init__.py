"""Reading a plan file: TOML, then the model, with every problem located in the file.

`load_plan` never raises for anything wrong inside the file: syntax and schema problems come back
as diagnostics (E001, E002). It raises `PlanFileError` only when there is no file to read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from massnahmen.bulk import paused_gc
from massnahmen.diagnostics import Diagnostic, SubjectKind, did_you_mean
from massnahmen.load.sourcemap import SourceMap
from massnahmen.load.toml import NotInPieces, cuts, parse_pieces, parse_toml
from massnahmen.model import TABLE_MODELS, Measure, Plan
from massnahmen.model_types import using_horizons
from massnahmen.words import say

MAX_PLAN_BYTES = 64 * 1024 * 1024
# What a command holds in memory grows with the number of tables more than with the bytes: a
# table costs 1.5 to 2.6 KB once parsed, validated and checked. 1,000,000 tiny owners (48 MB)
# took 2.6 GB; 400,000 tables stay near 1 GB. 100,000 measures with their updates are 294,415.
# (Counted as `[[` and `{` in the bytes: an upper bound, found in milliseconds.)
MAX_PLAN_TABLES = 400_000
_SUBJECTS: dict[str, SubjectKind] = {"measures": "measure", "fields": "field", "owners": "owner"}
_ITEM_NAMES = {
    "meetings": "meeting",
    "updates": "update",
    "attributes": "attribute",
    "milestones": "milestone",
    "indicators": "indicator",
    "values": "measured value",
    **_SUBJECTS,
}
# German words officers type for keys, so that "did you mean" finds the English key.
_GERMAN_KEYS = {
    "titel": "title",
    "bezeichnung": "title",
    "massnahme": "title",
    "handlungsfeld": "field",
    "verantwortlich": "owner",
    "zuständig": "owner",
    "federführung": "owner",
    "beteiligte": "contributors",
    "beschreibung": "description",
    "prioritaet": "priority",
    "priorität": "priority",
    "beginn": "start",
    "frist": "deadline",
    "termin": "deadline",
    "fortschritt": "progress",
    "kosten": "budget_eur",
    "haushaltsmittel": "budget_eur",
    "förderung": "funding",
    "beschluss": "decision",
    "abhaengigkeiten": "depends_on",
    "abhängigkeiten": "depends_on",
    "bemerkung": "notes",
    "notizen": "notes",
    "kennzahl": "indicator",
    "datum": "date",
    "notiz": "note",
    "ziel": "goal",
    "art": "kind",
    "aktiv": "active",
    "massnahmen": "measures",
    "maßnahmen": "measures",
    "handlungsfelder": "fields",
    "verantwortliche": "owners",
    "sitzungen": "meetings",
    "meilensteine": "milestones",
    "kennzahlen": "indicators",
    "merkmale": "attributes",
    "zusatzmerkmale": "attributes",
    "bewertung": "rating",
    "einschätzung": "rating",
    "übergeordnet": "parent",
    "horizonte": "horizons",
    "zielwert": "target",
    "ausgangswert": "baseline",
    "einheit": "unit",
    "erreicht": "done_on",
    "fällig": "due",
}
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


class PlanFileError(Exception):
    """The plan file cannot be read at all (missing, a folder, not UTF-8, empty)."""


@dataclass
class Loaded:
    """A plan as read: the model (None if it could not be built) and where its keys stand."""

    file: str
    text: str
    data: dict[str, Any] | None
    plan: Plan | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @cached_property
    def source_map(self) -> SourceMap:
        """Where keys stand; scanned only when a finding needs a position."""
        return SourceMap.scan(self.text)


def read_text(path: Path) -> str:
    """The file's text without a byte-order mark; PlanFileError with one line if unreadable."""
    return decode_text(read_bytes(path), path)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; PlanFileError with one line if missing, a folder, too large, unreadable,
    or not a regular file at all: a FIFO would hang every command and `/dev/zero` be read until
    memory runs out (its size is 0), so they are refused before a byte is read. At most
    MAX_PLAN_BYTES are read, whatever the size said (a file that grows meanwhile)."""
    if path.is_dir():
        raise PlanFileError(f"{path}: is a folder, not a plan file")
    try:
        fd = os.open(path, _READ_FLAGS)  # O_NONBLOCK: opening a FIFO does not wait for a writer
    except FileNotFoundError:
        raise PlanFileError(f"{path}: no such file") from None
    except PermissionError:
        raise PlanFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(f"{path}: is a folder, not a plan file")
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(say("not_regular_plan", path=path))
        if info.st_size > MAX_PLAN_BYTES:
            raise PlanFileError(f"{path}: {info.st_size:,} bytes is too large for a plan file")
        raw = _read_at_most(fd, MAX_PLAN_BYTES + 1, info.st_size)
    except PermissionError:
        raise PlanFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise PlanFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError(say("plan_grew", path=path, limit=f"{MAX_PLAN_BYTES:,}"))
    tables = raw.count(b"[[") + raw.count(b"{")
    if tables > MAX_PLAN_TABLES:
        limit = f"{MAX_PLAN_TABLES:,}"
        raise PlanFileError(say("too_many_tables", path=path, count=f"{tables:,}", limit=limit))
    return raw


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_at_most(fd: int, limit: int, size: int) -> bytes:
    """Up to `limit` bytes from `fd`: one read of the stated size, more only if it grew."""
    chunks = [os.read(fd, min(max(size, 1 << 16), limit))]
    total = len(chunks[0])
    while chunks[-1] and total < limit:
        chunks.append(os.read(fd, min(1 << 20, limit - total)))
        total += len(chunks[-1])
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def decode_text(raw: bytes, path: Path) -> str:
    """Plan bytes as text, without a byte-order mark; PlanFileError if not UTF-8 or empty."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(
            f"{path}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"
        ) from None
    text = text.removeprefix("\ufeff")
    if not text or text.isspace():  # what strip() would leave empty, without a copy
        raise PlanFileError(f"{path}: the file is empty; `massnahmen init` writes a new plan")
    return text


def load_plan(path: Path) -> Loaded:
    """Reads and validates a plan file."""
    return parse_plan(read_text(path), str(path))


def load_model(path: Path) -> Plan | None:
    """The model of a plan file, read with as little memory as it takes; None if anything in the
    file is wrong (`load_plan` then says what and where). PlanFileError if there is no file.

    For reports, which need the model and no positions in the file: the file is never held as
    one text or one dict. Its bytes are cut into the pieces `tomlparse.cuts` makes, and each
    piece is decoded, parsed and validated on its own, so that the data of only one piece exists
    beside the model. At 100,000 measures that halves the peak of loading.
    """
    raw = read_bytes(path)
    with paused_gc():
        return _model_in_pieces(raw)


def _model_in_pieces(raw: bytes) -> Plan | None:
    texts = (_decoded(raw, start, end) for start, end in cuts(raw))
    try:
        pieces = parse_pieces(texts)
        plan = Plan.model_validate(next(pieces))
        with using_horizons(plan.settings.horizons):
            measures = [
                m for piece in pieces for m in _measures().validate_python(piece["measures"])
            ]
    except (NotInPieces, UnicodeDecodeError, ValidationError):
        return None
    return plan.model_copy(update={"measures": measures}) if measures else plan


def _decoded(raw: bytes, start: int, end: int) -> str:
    text = raw[start:end].decode("utf-8")
    return text.removeprefix("\ufeff") if start == 0 else text


@cache
def _measures() -> TypeAdapter[list[Measure]]:
    return TypeAdapter(list[Measure])


def parse_plan(text: str, file: str) -> Loaded:
    """Parses and validates plan text; `file` names it in diagnostics."""
    with paused_gc():
        return _parse_plan(text, file)


def _parse_plan(text: str, file: str) -> Loaded:
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        return Loaded(file, text, None, None, [_syntax_error(exc, text, file)])
    except RecursionError:
        line = _deepest_line(text)
        message = "invalid TOML: arrays or tables nested too deeply"
        problem = Diagnostic("E001", "error", message, file=file, line=line, column=1)
        return Loaded(file, text, None, None, [problem])
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        loaded = Loaded(file, text, data, None)
        source_map = loaded.source_map
        loaded.diagnostics = [_schema_error(e, data, source_map, file) for e in exc.errors()]
        return loaded
    return Loaded(file, text, data, plan)


def _deepest_line(text: str) -> int:
    """The line with the most opening brackets, where a too-deep nesting most likely starts."""
    counts = [line.count("[") + line.count("{") for line in text.split("\n")]
    return counts.index(max(counts)) + 1


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, file: str) -> Diagnostic:
    message = str(exc)
    found = _TOML_POSITION.search(message)
    line = column = None
    if found:
        line, column = int(found[1]), int(found[2])
        message = message[: found.start()]
    elif message.endswith("(at end of document)"):
        # The end of the document is a place too: the end of its last line.
        message = message.removesuffix(" (at end of document)")
        line = text.count("\n") + 1
        column = len(text) - (text.rfind("\n") + 1) + 1
    return Diagnostic(
        "E001", "error", f"invalid TOML: {message}", file=file, line=line, column=column
    )


def _schema_error(
    error: ErrorDetails, data: dict[str, Any], source_map: SourceMap, file: str
) -> Diagnostic:
    loc = tuple(error["loc"])
    if loc and loc[-1] == "[key]":  # a table's key, not its value, is wrong: the key's place
        loc = loc[:-1]
    subject, kind = _subject(loc, data)
    line_col = source_map.locate(loc)
    if error["type"] == "missing":
        _, context = _where(loc[:-1], subject is not None)
        message = f"missing key {_quote(loc[-1])}{context}"
    elif error["type"] == "extra_forbidden":
        model = _table_model(loc[:-1])
        hint = _key_hint(str(loc[-1]), model) if model else ""
        _, context = _where(loc[:-1], subject is not None)
        message = f"unknown key {_quote(loc[-1])}{context}{hint}"
    else:
        key, context = _where(loc, subject is not None)
        message = f"{key}{context}: {_problem(error, loc)}"
    return Diagnostic("E002", "error", message, subject, kind, loc, file, *line_col)


def _subject(loc: tuple[Any, ...], data: dict[str, Any]) -> tuple[str | None, SubjectKind | None]:
    if len(loc) >= 2 and loc[0] in _SUBJECTS and isinstance(loc[1], int):
        item = data.get(loc[0], [])[loc[1]]
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
            return item["id"], _SUBJECTS[loc[0]]
    return None, None


def _where(loc: tuple[Any, ...], has_subject: bool) -> tuple[str, str]:
    """Names a key path in TOML words: (`key "progress"`, ` in update 2`)."""
    keys: list[str] = []
    context: list[str] = []
    n = 0
    while n < len(loc):
        part, following = loc[n], loc[n + 1] if n + 1 < len(loc) else None
        if part in _ITEM_NAMES and isinstance(following, int) and not keys:
            if not (has_subject and n == 0):
                context.append(f"{_ITEM_NAMES[part]} {following + 1}")
            n += 2
            continue
        if n == 0 and part in ("plan", "settings", "publish"):
            context.append(f"[{part}]")
        elif isinstance(part, int):
            keys.append(f" item {part + 1}")
        else:
            keys.append(f".{part}" if keys else str(part))
        n += 1
    key = "".join(keys)
    head, _, items = key.partition(" ")
    named = f"key {_quote(head)}{' ' + items if items else ''}" if key else "value"
    return named, f" in {', '.join(context)}" if context else ""


def _key_hint(key: str, model: type[Any]) -> str:
    german = _GERMAN_KEYS.get(key.lower())
    if german in model.model_fields:
        return f' (did you mean "{german}"?)'
    return did_you_mean(key, model.model_fields)


def _problem(error: ErrorDetails, loc: tuple[Any, ...]) -> str:
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    if kind == "literal_error" and loc == ("format",):
        return f"format {_show(value)} is not supported; this version reads format 1"
    if kind == "literal_error":
        return f"{_show(value)} is not one of {ctx.get('expected', '')}"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = "at least" if kind == "greater_than_equal" else "at most"
        return f"must be {bound} {ctx.get('ge', ctx.get('le'))}, not {_show(value)}"
    if kind == "string_pattern_mismatch":
        return (
            f"{_show(value)} is not an id (letters, digits, '-', '_' and '.', "
            "starting with a letter or digit)"
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    expected = _EXPECTED.get(kind)
    if expected:
        return f"expected {expected}, not {_toml_type(value)} {_show(value)}".rstrip()
    return error["msg"]


_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "date_type": "a date such as 2024-06-30 (without quotes)",
    "list_type": "an array",
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
    "date_from_datetime_inexact": "a date without a time",
    "int_from_float": "an integer",
    "finite_number": "a finite number",
}


def _table_model(loc: tuple[Any, ...]) -> type[Any] | None:
    names = [part for part in loc if isinstance(part, str)]
    return TABLE_MODELS.get(names[-1] if names else None)


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, dt.datetime):
        return "a date-time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a value"


def _show(value: object) -> str:
    if isinstance(value, str):
        return _quote(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | dt.date):
        return str(value)[:40]
    return ""


def _quote(value: object) -> str:
    return '"' + str(value).replace('"', '\\"') + '"'
