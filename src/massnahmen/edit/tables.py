"""Edits that add a field of action or an owner (`add-field`, `add-owner`).

The new table goes after the last one of its kind, in that table's layout, or at the end of
the file where the plan has none yet (a plan fresh from `init`). Like `add`, the result is
checked before it is written: an unknown parent, a malformed id or e-mail address refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from massnahmen.edit.operations import Change, EditError, Refusal
from massnahmen.edit.splice import (
    SpliceError,
    append_table,
    append_to_text,
    apply_splices,
    find_block,
    toml_value,
)
from massnahmen.load import Loaded
from massnahmen.words import say

Table = Literal["fields", "owners"]


@dataclass(frozen=True)
class NewField:
    id: str
    name: str
    goal: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class NewOwner:
    id: str
    name: str
    kind: str | None = None  # unit (the default), person, external
    email: str | None = None
    parent: str | None = None


def add_field(loaded: Loaded, new: NewField) -> Change | Refusal:
    """Adds a `[[fields]]` table after the plan's last field of action."""
    keys = {"id": new.id, "name": new.name, "goal": new.goal, "description": new.description}
    summary = say("edit.field_added", field=new.id, name=new.name)
    return _add(loaded, "fields", keys, summary)


def add_owner(loaded: Loaded, new: NewOwner) -> Change | Refusal:
    """Adds an `[[owners]]` table after the plan's last owner."""
    keys = {
        "id": new.id,
        "name": new.name,
        "kind": new.kind,
        "email": new.email,
        "parent": new.parent,
    }
    summary = say("edit.owner_added", owner=new.id, name=new.name)
    return _add(loaded, "owners", keys, summary)


def _add(
    loaded: Loaded, table: Table, keys: dict[str, str | None], summary: str
) -> Change | Refusal:
    assert loaded.plan is not None, "the session edits valid plans only"
    plan = loaded.plan
    taken = _taken(loaded, table, keys["id"] or "")
    if taken is not None:
        return taken
    pairs = [(key, toml_value(value)) for key, value in keys.items() if value is not None]
    count = len(plan.fields if table == "fields" else plan.owners)
    if count == 0:
        splice = append_to_text(loaded.text, table, pairs)
    else:
        try:
            block = find_block(loaded.text, loaded.source_map, (table, count - 1))
        except SpliceError as exc:
            raise EditError(say("edit.cannot_edit", measure=table, reason=exc)) from None
        splice = append_table(block, table, pairs, like=block.start)
    text = apply_splices(loaded.text, [splice])
    region = (splice.start, splice.start + len(splice.text))
    return Change(text, keys["id"] or "", summary, count, region, table)


def _taken(loaded: Loaded, table: Table, new_id: str) -> Refusal | None:
    """An id that names a field (or an owner) of the plan already: the check would say so
    too, but not which one."""
    assert loaded.plan is not None
    items = loaded.plan.fields if table == "fields" else loaded.plan.owners
    what = say("edit.a_field" if table == "fields" else "edit.an_owner")
    for item in items:
        if item.id == new_id:
            return Refusal(say("edit.id_taken", id=new_id, what=what, name=item.name))
    return None
