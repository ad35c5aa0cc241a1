"""`massnahmen diff`: what changed between two versions of a plan, files or git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import typer

from massnahmen.cli.common import AS_OF_HELP, EXIT_FINDINGS, LANG_HELP, fail, parse_date
from massnahmen.labels import Lang
from massnahmen.render.console import print_error
from massnahmen.render.diff import REPORTERS, DiffResult

if TYPE_CHECKING:
    import datetime as dt

    from massnahmen.model import Plan
    from massnahmen.revisions import Revision

Format = Literal["text", "json"]
assert set(get_args(Format)) == set(REPORTERS), "--format choices follow the registry"


def diff(
    old: str = typer.Argument(
        ..., metavar="OLD", help="The earlier plan: a file, or REV:path (e.g. HEAD~3:plan.toml)."
    ),
    new: str | None = typer.Argument(None, metavar="NEW", help="The later plan file."),
    rev: str | None = typer.Option(
        None,
        "--rev",
        metavar="REV",
        help="Compare the plan with itself at this git revision; then give only the plan.",
    ),
    format: Format = typer.Option("text", "--format", "-f", help="Output format."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP, metavar="DATE"),
    lang: Lang = typer.Option("de", "--lang", help=LANG_HELP),
) -> None:
    """Show what changed between two versions of a plan (measures, updates, owners, fields)."""
    from massnahmen.diff import diff_plans
    from massnahmen.revisions import Revision, parse_version

    day = parse_date(as_of)
    if rev is not None:
        if new is not None:
            raise typer.BadParameter("with --rev give only the plan (NEW)", param_hint="--rev")
        plan = Path(old)
        versions: list[Path | Revision] = [Revision(rev, f"./{plan.name}"), plan]
        names = [f"{rev}:{old}", old]
    elif new is None:
        raise typer.BadParameter("give OLD and NEW, or NEW and --rev REV", param_hint="NEW")
    else:
        versions, names = [parse_version(old), parse_version(new)], [old, new]
    later = versions[1]
    folder = later.parent if isinstance(later, Path) else Path.cwd()
    # Both are read before either is checked: a file that cannot be read is the one line of an
    # exit 2, not a line after the other version's findings.
    texts = [_read(v, folder) for v in versions]
    before, after = [_valid(text, name, day) for text, name in zip(texts, names, strict=True)]
    if before is None or after is None:
        raise typer.Exit(EXIT_FINDINGS)
    REPORTERS[format](DiffResult(names[0], names[1], diff_plans(before, after), lang))


def _read(version: Path | Revision, folder: Path) -> str:
    """The text of a version; exit 2 if it cannot be read."""
    from massnahmen.loader import PlanFileError
    from massnahmen.revisions import read_version

    try:
        return read_version(version, folder)
    except PlanFileError as exc:
        fail(str(exc))


def _valid(text: str, name: str, day: dt.date) -> Plan | None:
    """The valid plan; None after printing its errors."""
    from massnahmen.checks import check_plan
    from massnahmen.loader import parse_plan

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
