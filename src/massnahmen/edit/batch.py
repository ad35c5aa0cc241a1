"""Many updates of many measures as one edit (`collect`): one lock, one check, one write.

The splices of different measures never overlap, so one pass changes every measure once; a
measure with several updates (its progress and a milestone) takes a pass each, the text read
again between passes.
"""

from __future__ import annotations

from collections.abc import Sequence

from massnahmen.edit.locate import measure_blocks
from massnahmen.edit.operations import Change, Refusal, find_measure
from massnahmen.edit.splice import Block, SpliceError, apply_splices
from massnahmen.edit.update import MeasureUpdate, measure_splices
from massnahmen.load import Loaded, parse_plan
from massnahmen.words import say


def update_measures(
    loaded: Loaded, updates: Sequence[tuple[str, MeasureUpdate]]
) -> Change | Refusal:
    """Applies each (measure id, update) in order, as `update` would one after the other."""
    pending, done, text = list(updates), [], loaded.text
    while pending:
        this_pass: dict[str, MeasureUpdate] = {}
        rest = []
        for measure_id, update in pending:
            if measure_id in this_pass:
                rest.append((measure_id, update))
            else:
                this_pass[measure_id] = update
        splices = []
        found = _places(loaded, list(this_pass))
        for measure_id, update in this_pass.items():
            made = measure_splices(loaded, measure_id, update, found.get(measure_id))
            if isinstance(made, Refusal):
                return made
            splices += made[2]
            done.append(say("edit.updated", measure=measure_id, done=", ".join(made[3])))
        text = apply_splices(loaded.text, splices)
        pending = rest
        if pending:
            loaded = parse_plan(text, loaded.file)
            if loaded.plan is None:
                return Refusal(say("edit.breaks"))
    return Change(text, "", "; ".join(done), 0, (0, len(text)), table="plan")


def _places(loaded: Loaded, measure_ids: list[str]) -> dict[str, tuple[int, Block]]:
    """Each measure's index and block, from one scan of the file's header lines."""
    if loaded.plan is None:
        return {}
    indices = {m.id: n for n, m in enumerate(loaded.plan.measures)}
    for measure_id in measure_ids:
        if measure_id not in indices:
            find_measure(loaded.plan, measure_id)  # raises, with a hint
    try:
        blocks = measure_blocks(loaded, {indices[m] for m in measure_ids})
    except SpliceError:
        return {}  # each found on its own, with its own error
    return {m: (indices[m], blocks[indices[m]]) for m in measure_ids if indices[m] in blocks}
