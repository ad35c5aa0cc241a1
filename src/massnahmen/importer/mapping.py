"""The mapping file (TOML) of a related-tables workbook: which sheets and columns hold the
measures, fields of action and owners, and the columns that join them.

    mapping = 1
    [fields]    sheet, id, name, [short, goal, description]
    [owners]    sheet, id, name, [short, kind, email]
    [measures]  sheet, title, field, [id, owner, owners, contributors, …, list_separator]
    [measures.notes]   label = column: kept as "label: text" in notes
    [measures.update]  date, note, status, progress, default_date

Without [fields] ([owners]) the measure's field (owner) column holds names, as in a flat sheet.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from massnahmen.diagnostics import did_you_mean
from massnahmen.errors import CannotRun

Column = Annotated[str, Field(min_length=1)]
Columns = Column | list[Column]


class MappingError(CannotRun):
    """The mapping file cannot be used; the message is one line for the person."""


class TableMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sheet: str | None = None  # default: the only sheet (a CSV file), else required
    header_row: Annotated[int, Field(ge=1)] | None = None  # 1-based; found when left out


class PlanMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    authority: str | None = None
    version: str | None = None
    state: Literal["draft", "adopted"] | None = None
    adopted_on: dt.date | None = None
    adopted_by: str | None = None


class FieldsMap(TableMap):
    id: Column
    name: Column
    short: Column | None = None
    goal: Column | None = None
    description: Column | None = None


class OwnersMap(TableMap):
    id: Column
    name: Column
    short: Column | None = None
    kind: Column | None = None
    email: Column | None = None


class UpdateMap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: Column | None = None
    note: Column | None = None
    status: Column | None = None
    progress: Column | None = None
    default_date: dt.date | None = None  # for rows with a note but no date: the source's "Stand"


class MeasuresMap(TableMap):
    title: Column
    field: Column | None = None
    id: Column | None = None
    owner: Column | None = None
    owners: Column | None = None  # a list: the first is the owner, the others contributors
    contributors: Column | None = None
    description: Columns | None = None
    goal: Column | None = None
    priority: Column | None = None
    start: Column | None = None
    deadline: Column | None = None
    status: Column | None = None
    progress: Column | None = None
    budget: Column | None = None
    budget_reserved: Column | None = None
    funding: Column | None = None
    funding_ends: Column | None = None
    decision: Column | None = None
    depends_on: Column | None = None
    related: Column | None = None
    related_as: Literal["notes", "depends_on"] = "notes"
    services: Column | None = None
    tags: Column | None = None
    indicator: Column | None = None
    list_separator: Annotated[str, Field(min_length=1)] = ",;"
    notes: Column | dict[str, Column] | None = None
    update: UpdateMap | None = None


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mapping: Literal[1]
    plan: PlanMap = PlanMap()
    fields: FieldsMap | None = None
    owners: OwnersMap | None = None
    measures: MeasuresMap


def load_mapping(path: Path) -> Mapping:
    """Reads and validates a mapping file; MappingError with one line per problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise MappingError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{path}: invalid TOML: {exc}") from None
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        raise MappingError("\n".join(_problem(path, e) for e in exc.errors())) from None


def _problem(path: Path, error: ErrorDetails) -> str:
    """One mapping problem in TOML words: missing key, unknown key (with a hint), bad value."""
    loc = [str(part) for part in error["loc"] if isinstance(part, str)]
    loc = [part for part in loc if part not in ("str", "dict[str,str]")]
    table, key = ".".join(loc[:-1]), loc[-1] if loc else ""
    where = f"[{table}] " if table else ""
    if error["type"] == "missing":
        return f'{path}: {where}missing key "{key}"'
    if error["type"] == "extra_forbidden":
        model: type[BaseModel] = Mapping
        for part in loc[:-1]:
            inner = model.model_fields.get(part)
            found = getattr(inner, "annotation", None)
            candidates = [a for a in getattr(found, "__args__", (found,)) if isinstance(a, type)]
            model = next((a for a in candidates if issubclass(a, BaseModel)), model)
        return f'{path}: {where}unknown key "{key}"{did_you_mean(key, model.model_fields)}'
    return f'{path}: {where}key "{key}": {error["msg"]}'
