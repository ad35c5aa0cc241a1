"""Editing a plan file without losing anything: the core of `init`, `add`, `add-field`,
`add-owner` and `update`.

The text is changed by splicing (splice.py) at the places the loader's line index names, so
that comments and layout outside the edited lines stay byte for byte. Every edit is checked
before it is written, under a lock, atomically (session.py). No typer, no rich: the command
line renders what these functions return.
"""

from massnahmen.edit.operations import Change, EditError, NewMeasure, Refusal, add_measure
from massnahmen.edit.session import EditResult, edit_plan
from massnahmen.edit.tables import NewField, NewOwner, add_field, add_owner
from massnahmen.edit.update import MeasureUpdate, update_measure

__all__ = [
    "Change",
    "EditError",
    "EditResult",
    "MeasureUpdate",
    "NewField",
    "NewMeasure",
    "NewOwner",
    "Refusal",
    "add_field",
    "add_measure",
    "add_owner",
    "edit_plan",
    "update_measure",
]
