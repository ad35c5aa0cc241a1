"""What of a plan may go on the public page: the `[publish]` rules in one place.

People's e-mail addresses never appear: the page model has no place for any address, and a
person owner's address is also taken out of every text that is published (an officer may have
pasted it into a note). The rest follows the plan's `[publish]` table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from massnahmen.diagnostics import Diagnostic, did_you_mean

if TYPE_CHECKING:
    from massnahmen.model import Measure, Owner, Plan

REMOVED = "[…]"  # what stands where a person's e-mail address was


class Rules:
    """The `[publish]` settings of one plan, applied to its parts."""

    def __init__(self, plan: Plan) -> None:
        self.settings = plan.publish
        self._fields = set(self.settings.exclude_fields)
        self._measures = set(self.settings.exclude_measures)
        self._owners = {owner.id: owner for owner in plan.owners}
        self.attributes: list[Any] = getattr(plan, "attributes", [])  # issue 15's model part
        addresses = sorted(
            {o.email.strip() for o in plan.owners if o.kind == "person" and o.email}, key=len
        )
        addresses = [a for a in addresses if a]
        self._addresses = (
            re.compile("|".join(re.escape(a) for a in reversed(addresses)), re.IGNORECASE)
            if addresses
            else None
        )

    def field_shown(self, field_id: str) -> bool:
        return field_id not in self._fields

    def measure_shown(self, measure: Measure) -> bool:
        return measure.field not in self._fields and measure.id not in self._measures

    def owner_name(self, owner_id: str | None) -> str | None:
        """The owner as the page names it: units and partners by name, people only if the plan
        allows it."""
        owner: Owner | None = self._owners.get(owner_id) if owner_id else None
        if owner is None or (owner.kind == "person" and not self.settings.person_names):
            return None
        return self.text(owner.name)

    def text(self, value: str | None) -> str | None:
        """A text from the plan with any person's e-mail address taken out."""
        if value is None or self._addresses is None or "@" not in value:
            return value  # most texts hold no address: no pattern run for them
        return self._addresses.sub(REMOVED, value)

    def note(self, value: str | None) -> str | None:
        return self.text(value) if self.settings.notes else None

    def update_note(self, value: str | None) -> str | None:
        return self.text(value) if self.settings.update_notes else None


def unknown_exclusions(plan: Plan, file: str | None = None) -> Iterator[Diagnostic]:
    """An id in `exclude_fields` or `exclude_measures` that names nothing: a typo there would
    publish what was meant to stay off the page, so `publish` refuses it (E002)."""
    tables = (
        ("exclude_fields", "field", [f.id for f in plan.fields]),
        ("exclude_measures", "measure", [m.id for m in plan.measures]),
    )
    for key, kind, known in tables:
        ids = set(known)
        for n, value in enumerate(getattr(plan.publish, key)):
            if value not in ids:
                hint = did_you_mean(value, known)
                message = f'[publish] {key}: no {kind} "{value}"{hint}'
                yield Diagnostic("E002", "error", message, path=("publish", key, n), file=file)
