"""What `import` tells: the cells it could not map and its remarks, the check of the written plan,
and a summary line."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.diagnostics import printable
from massnahmen.render.console import print_error

if TYPE_CHECKING:
    from massnahmen.diagnostics import Diagnostic
    from massnahmen.importer import Imported


def report_import(
    imported: Imported, source: Path, output: Path, findings: list[Diagnostic], today: dt.date
) -> None:
    """Unmapped cells and remarks, then errors in full and warnings counted, on stderr; the
    summary on stdout."""
    for problem in imported.problems:
        print_error(printable(problem.format(source.name)))
    for remark in imported.remarks:
        print_error(printable(f"{source.name}: {remark}"))
    errors = [d for d in findings if d.severity == "error"]
    for diagnostic in errors:
        print_error(diagnostic.format())
    warnings = Counter(d.code for d in findings if d.severity == "warning")
    plan = imported.plan
    verdict = "invalid" if errors else "valid"
    counted = ", ".join(f"{code} ×{n}" for code, n in sorted(warnings.items()))
    print_error(
        printable(
            f"{output}: {verdict}, {len(errors)} error{'s' * (len(errors) != 1)}, "
            f"{sum(warnings.values())} warning{'s' * (sum(warnings.values()) != 1)} "
            f"(as of {today})" + (f": {counted}; `massnahmen check` lists them" if warnings else "")
        )
    )
    if errors:
        print_error(printable(f"{output}: written all the same; fix the errors above in the file"))
    cells = len(imported.problems)
    sys.stdout.write(
        printable(
            f"{output}: {len(plan.measures)} measures, {len(plan.fields)} fields of action, "
            f"{len(plan.owners)} owners from {source.name}; "
            f"{cells} item{'s' * (cells != 1)} not mapped"
        )
        + "\n"
    )
