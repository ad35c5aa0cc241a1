"""Joining a related-tables workbook's measures to its fields of action, owners and each
other by the ids the measures name; what names nothing is reported and left out."""

from __future__ import annotations

from massnahmen.importer.build import Draft, Named, Problem, key_of
from massnahmen.importer.mapping import MeasuresMap


def join_fields(
    drafts: list[Draft], fields: list[Named] | None, problems: list[Problem]
) -> list[Named]:
    """Fields by the key the measures name; an unknown key becomes a field of its own."""
    if fields is None:
        known: dict[str, Named] = {}
        for draft in drafts:
            known.setdefault(draft.field_key, Named(draft.field_key, draft.field_key))
        return list(known.values())
    keys = {f.key for f in fields}
    for draft in drafts:
        if draft.field_key not in keys:
            problems.append(
                Problem(
                    draft.where,
                    "",
                    draft.field_key,
                    "no field of action has this id; a field of that name was added",
                )
            )
            fields.append(Named(draft.field_key, f"Handlungsfeld {draft.field_key}"))
            keys.add(draft.field_key)
    return fields


def join_owners(
    drafts: list[Draft], owners: list[Named] | None, problems: list[Problem]
) -> list[Named]:
    if owners is None:
        found: dict[str, Named] = {}
        for draft in drafts:
            for keys in (draft.owner_keys, draft.contributor_keys):
                for n, name in enumerate(keys):
                    keys[n] = key_of(name)
                    found.setdefault(keys[n], Named(keys[n], name))
        return list(found.values())
    known = {o.key for o in owners}
    for draft in drafts:
        for keys in (draft.owner_keys, draft.contributor_keys):
            for name in list(keys):
                if key_of(name) not in known:
                    problems.append(
                        Problem(
                            draft.where, "", name, "no owner has this id; left out, kept in notes"
                        )
                    )
                    draft.kept.append(f"Unbekannte Zuständigkeit: {name}")
                    keys.remove(name)
            keys[:] = [key_of(k) for k in keys]
    return owners


def resolve_measure_refs(drafts: list[Draft], spec: MeasuresMap, problems: list[Problem]) -> None:
    ids = {d.source_id for d in drafts if d.source_id}
    for draft in drafts:
        for refs, what in ((draft.depends_on, "dependency"), (draft.related, "related measure")):
            for ref in list(refs):
                if ref not in ids:
                    problems.append(
                        Problem(
                            draft.where, "", ref, f"no measure has this id; the {what} is left out"
                        )
                    )
                    refs.remove(ref)
