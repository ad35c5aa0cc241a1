"""Which versions `diff` compares: two files, two folders (plans of the same file name), or
plans and a git revision; each pair read and compared by diff.py, one outcome per plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.errors import CannotRun, UsageProblem
from massnahmen.report.diff import PlanDiff, diff_plans
from massnahmen.run.outcome import Outcome, Run
from massnahmen.words import say

if TYPE_CHECKING:
    from massnahmen.load.revisions import Revision


@dataclass(frozen=True)
class VersionDiff:
    """Two versions of a plan compared, as the user named them (a path or REV:path); or a plan
    only one side has (`only_in`: "old" or "new", and `diff` None)."""

    old: str
    new: str
    diff: PlanDiff | None = None
    only_in: str | None = None
    invalid: tuple[str, ...] = ()  # the versions whose errors stop the diff


def diff_versions(old: str, new: str | None, rev: str | None, as_of: dt.date) -> Run[VersionDiff]:
    """What `diff OLD NEW` or `diff PLAN… --rev REV` compares, one outcome per plan.

    Two folders compare the plans of the same file name; `--rev` with a folder (or two plans)
    compares each plan with itself at that revision.
    """
    from massnahmen.load.revisions import Revision, parse_version
    from massnahmen.run.plans import plan_paths

    if rev is not None:
        paths = plan_paths([Path(old)] if new is None else [Path(old), Path(new)])
        if paths.several:
            return Run(_against_revision(rev, paths.paths, as_of), several=True, as_of=as_of)
        plan = paths.paths[0]
        versions: list[Path | Revision] = [Revision(rev, f"./{plan.name}"), plan]
        names = [f"{rev}:{old}", old]
    elif new is None:
        raise UsageProblem(say("msg.old_and_new"), "NEW")
    elif Path(old).is_dir() and Path(new).is_dir():
        return Run(_folders(Path(old), Path(new), as_of), several=True, as_of=as_of)
    else:
        versions, names = [parse_version(old), parse_version(new)], [old, new]
    return Run([_compare(versions, names, as_of)], as_of=as_of)


def _compare(
    versions: Sequence[Path | Revision], names: list[str], as_of: dt.date
) -> Outcome[VersionDiff]:
    """The diff of two versions. Both are read before either is checked: a file that cannot be
    read is the one line of an exit 2, not a line after the other version's findings."""
    later = versions[1]
    folder = later.parent if isinstance(later, Path) else Path.cwd()
    texts = []
    for version in versions:
        text = _read(version, folder)
        if not isinstance(text, str):
            return text
        texts.append(text)
    return _compare_texts(texts, names, as_of)


def _compare_texts(texts: list[str], names: list[str], as_of: dt.date) -> Outcome[VersionDiff]:
    from massnahmen.load import parse_plan
    from massnahmen.run.plans import INVALID, errors_of

    plans, findings, invalid = [], [], []
    for text, name in zip(texts, names, strict=True):
        loaded = parse_plan(text, name)
        errors = errors_of(loaded, as_of) if loaded.plan is not None else loaded.diagnostics
        plans.append(loaded.plan)
        findings += errors
        if errors or loaded.plan is None:
            invalid.append(name)
    before, after = plans
    if invalid or before is None or after is None:
        refused = VersionDiff(names[0], names[1], invalid=tuple(invalid))
        return Outcome(names[1], refused, tuple(findings), refusal=INVALID)
    return Outcome(names[1], VersionDiff(names[0], names[1], diff_plans(before, after)))


def _against_revision(
    rev: str, plans: list[Path], as_of: dt.date
) -> Iterator[Outcome[VersionDiff]]:
    """Each plan with itself at `rev`; a plan git has no earlier version of is new."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import Revision, read_version, revision_exists

    for plan in plans:
        names = [f"{rev}:{plan}", str(plan)]
        try:
            earlier = read_version(Revision(rev, f"./{plan.name}"), plan.parent)
        except PlanFileError as exc:
            if revision_exists(rev, plan.parent):
                yield Outcome(str(plan), VersionDiff(str(plan), str(plan), only_in="new"))
            else:
                yield Outcome(names[0], failure=str(exc))
            continue
        later = _read(plan, plan.parent)
        yield (
            later if not isinstance(later, str) else _compare_texts([earlier, later], names, as_of)
        )


def _folders(old: Path, new: Path, as_of: dt.date) -> Iterator[Outcome[VersionDiff]]:
    """The plans of two folders paired by file name, in the order of the names."""
    from massnahmen.run.plans import folder_plans

    before = {p.name: p for p in folder_plans(old)}
    after = {p.name: p for p in folder_plans(new)}
    if not before and not after:
        raise CannotRun(say("msg.no_plans_in_either", old=old, new=new))
    for name in sorted(before.keys() | after.keys()):
        if name not in after:
            path = str(before[name])
            yield Outcome(path, VersionDiff(path, path, only_in="old"))
        elif name not in before:
            path = str(after[name])
            yield Outcome(path, VersionDiff(path, path, only_in="new"))
        else:
            pair: list[Path | Revision] = [before[name], after[name]]
            yield _compare(pair, [str(before[name]), str(after[name])], as_of)


def _read(version: Path | Revision, folder: Path) -> str | Outcome[VersionDiff]:
    """The text of a version, or the outcome of one that cannot be read."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import read_version

    try:
        return read_version(version, folder)
    except PlanFileError as exc:
        return Outcome(str(version), failure=str(exc))
