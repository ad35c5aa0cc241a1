"""New plans from the templates shipped with the package (src/massnahmen/templates/*.toml).

A template is a valid plan with comments that guide the officer; `--authority` and `--title` are
spliced into its `[plan]` table like any other edit, so the comments stay.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

from massnahmen.checks import check_plan
from massnahmen.edit.operations import EditError
from massnahmen.edit.splice import Splice, apply_splices, find_block, set_key, toml_value
from massnahmen.files import atomic_write
from massnahmen.load import parse_plan
from massnahmen.words import say

TEMPLATES = ("empty", "county")
_PLAN_KEYS = ["title", "authority", "version", "state", "adopted_on", "adopted_by"]


def template_text(name: str, authority: str | None = None, title: str | None = None) -> str:
    """The text of template `name` with the plan's authority and title filled in."""
    text = resources.files("massnahmen").joinpath("templates", f"{name}.toml").read_text("utf-8")
    loaded = parse_plan(text, name)
    block = find_block(text, loaded.source_map, ("plan",))
    splices: list[Splice | None] = [
        set_key(block, key, toml_value(value), _PLAN_KEYS)
        for key, value in (("title", title), ("authority", authority))
        if value is not None
    ]
    return apply_splices(text, [s for s in splices if s is not None])


def write_new_plan(path: Path, text: str, *, force: bool, today: dt.date) -> None:
    """Writes a new plan file; EditError if it exists (unless `force`) or cannot be written."""
    errors = [d for d in check_plan(parse_plan(text, str(path)), today) if d.severity == "error"]
    assert not errors, f"a template gives an invalid plan: {errors}"
    if path.is_dir():
        raise EditError(say("edit.is_folder", path=path))
    if path.exists() and not force:
        raise EditError(say("edit.exists", path=path))
    target = path.resolve()
    if not target.parent.is_dir():
        raise EditError(say("edit.no_folder", path=path, folder=target.parent))
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise EditError(say("edit.cannot_write", path=path, reason=exc.strerror or exc)) from None
