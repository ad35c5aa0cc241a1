"""`massnahmen diff`: what changed between two versions of a plan, files or git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn, get_args

import typer

from massnahmen.cli.common import (
    AS_OF_HELP,
    EXIT_FAILURE,
    EXIT_FINDINGS,
    LANG_HELP,
    Failed,
    expand_plans,
    fail,
    is_portfolio,
    parse_date,
    worst_code,
)
from massnahmen.render.console import print_error
from massnahmen.render.diff import (
    REPORTERS,
    SEVERAL_REPORTERS,
    DiffResult,
    DiffResults,
    Unpaired,
)
from massnahmen.words import Lang

if TYPE_CHECKING:
    import datetime as dt

    from massnahmen.load.revisions import Revision
    from massnahmen.model import Plan
    from massnahmen.report.diff import PlanDiff

Format = Literal["text", "json"]
assert set(get_args(Format)) == set(REPORTERS) == set(SEVERAL_REPORTERS), "choices follow them"


def diff(
    old: str = typer.Argument(
        ...,
        metavar="OLD",
        help="The earlier plan: a file, REV:path (e.g. HEAD~3:plan.toml), or a folder of plans.",
    ),
    new: str | None = typer.Argument(
        None, metavar="NEW", help="The later plan file, or a folder of plans."
    ),
    rev: str | None = typer.Option(
        None,
        "--rev",
        metavar="REV",
        help="Compare each plan (files or folders) with itself at this git revision.",
    ),
    format: Format = typer.Option("text", "--format", "-f", help="Output format."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Show what changed between two versions of a plan (measures, updates, owners, fields).

    Two folders compare the plans of the same file name; --rev with a folder (or two plans)
    compares each plan with itself at that revision. The exit code is the worst of them.
    """
    from massnahmen.load.revisions import Revision, parse_version

    day = parse_date(as_of)
    if rev is not None:
        plans = [Path(old)] if new is None else [Path(old), Path(new)]
        if is_portfolio(plans):
            _report_several(_against_revision(rev, expand_plans(plans), day), lang, format)
        plan = plans[0]
        versions: list[Path | Revision] = [Revision(rev, f"./{plan.name}"), plan]
        names = [f"{rev}:{old}", old]
    elif new is None:
        raise typer.BadParameter("give OLD and NEW, or NEW and --rev REV", param_hint="NEW")
    elif Path(old).is_dir() and Path(new).is_dir():
        _report_several(_folders(Path(old), Path(new), day), lang, format)
    else:
        versions, names = [parse_version(old), parse_version(new)], [old, new]
    found = _compare(versions, names, day, several=False)
    if isinstance(found, Failed):
        raise typer.Exit(found.code)
    REPORTERS[format](DiffResult(names[0], names[1], found, lang))


def _compare(
    versions: list[Path | Revision], names: list[str], day: dt.date, *, several: bool
) -> PlanDiff | Failed:
    """The diff of two versions; Failed after saying why on stderr (with one plan, a version
    that cannot be read ends the command with its one line)."""
    later = versions[1]
    folder = later.parent if isinstance(later, Path) else Path.cwd()
    # Both are read before either is checked: a file that cannot be read is the one line of an
    # exit 2, not a line after the other version's findings.
    texts = []
    for version in versions:
        text = _read(version, folder, several)
        if isinstance(text, Failed):
            return text
        texts.append(text)
    return _compare_texts(texts, names, day)


def _compare_texts(texts: list[str], names: list[str], day: dt.date) -> PlanDiff | Failed:
    from massnahmen.report.diff import diff_plans

    before, after = [_valid(text, name, day) for text, name in zip(texts, names, strict=True)]
    if before is None or after is None:
        return Failed(names[1], "invalid plan", EXIT_FINDINGS)
    return diff_plans(before, after)


def _against_revision(
    rev: str, plans: list[Path], day: dt.date
) -> list[DiffResult | Unpaired | Failed]:
    """Each plan with itself at `rev`; a plan git has no earlier version of is new."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import Revision, read_version, revision_exists

    results: list[DiffResult | Unpaired | Failed] = []
    for plan in plans:
        names = [f"{rev}:{plan}", str(plan)]
        try:
            earlier = read_version(Revision(rev, f"./{plan.name}"), plan.parent)
        except PlanFileError as exc:
            if revision_exists(rev, plan.parent):
                results.append(Unpaired(str(plan), "new"))
            else:
                print_error(f"massnahmen: {exc}")
                results.append(Failed(names[0], str(exc), EXIT_FAILURE))
            continue
        later = _read(plan, plan.parent, several=True)
        if isinstance(later, Failed):
            results.append(later)
            continue
        found = _compare_texts([earlier, later], names, day)
        results.append(
            found if isinstance(found, Failed) else DiffResult(names[0], names[1], found)
        )
    return results


def _folders(old: Path, new: Path, day: dt.date) -> list[DiffResult | Unpaired | Failed]:
    """The plans of two folders paired by file name, in the order of the names."""
    before = {p.name: p for p in expand_plans([old])} if _has_plans(old) else {}
    after = {p.name: p for p in expand_plans([new])} if _has_plans(new) else {}
    if not before and not after:
        fail(f"{old}, {new}: no plan files (*.toml) in either folder")
    results: list[DiffResult | Unpaired | Failed] = []
    for name in sorted(before.keys() | after.keys()):
        if name not in after:
            results.append(Unpaired(str(before[name]), "old"))
        elif name not in before:
            results.append(Unpaired(str(after[name]), "new"))
        else:
            pair: list[Path | Revision] = [before[name], after[name]]
            names = [str(before[name]), str(after[name])]
            results.append(_as_result(_compare(pair, names, day, several=True), names))
    return results


def _has_plans(folder: Path) -> bool:
    return any(folder.glob("*.toml"))


def _as_result(found: PlanDiff | Failed, names: list[str]) -> DiffResult | Failed:
    return found if isinstance(found, Failed) else DiffResult(names[0], names[1], found)


def _report_several(
    results: list[DiffResult | Unpaired | Failed], lang: Lang, format: Format
) -> NoReturn:
    from dataclasses import replace

    shown = [replace(r, lang=lang) if isinstance(r, DiffResult) else r for r in results]
    SEVERAL_REPORTERS[format](DiffResults(shown, lang))
    raise typer.Exit(worst_code(results))


def _read(version: Path | Revision, folder: Path, several: bool) -> str | Failed:
    """The text of a version; with one plan, exit 2 if it cannot be read."""
    from massnahmen.load import PlanFileError
    from massnahmen.load.revisions import read_version

    try:
        return read_version(version, folder)
    except PlanFileError as exc:
        if not several:
            fail(str(exc))
        print_error(f"massnahmen: {exc}")
        return Failed(str(version), str(exc), EXIT_FAILURE)


def _valid(text: str, name: str, day: dt.date) -> Plan | None:
    """The valid plan; None after printing its errors."""
    from massnahmen.checks import check_plan
    from massnahmen.load import parse_plan

    loaded = parse_plan(text, name)
    errors = [d for d in check_plan(loaded, day) if d.severity == "error"]
    for diagnostic in errors:
        print_error(diagnostic.format())
    if errors or loaded.plan is None:
        print_error(f"{name}: invalid plan, fix the errors above first")
        return None
    return loaded.plan


def register(app: typer.Typer) -> None:
    app.command()(diff)
