"""Reporters for `check`: compiler-style text for people, one JSON document for jobs."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from massnahmen.diagnostics import Diagnostic
from massnahmen.render.console import stderr_console, wants_colour

_STYLE = {"error": "bold red", "warning": "yellow"}


@dataclass(frozen=True)
class CheckResult:
    """The findings about one plan file on one as-of date."""

    plan: str
    as_of: dt.date
    findings: Sequence[Diagnostic]

    def count(self, severity: str) -> int:
        return sum(1 for d in self.findings if d.severity == severity)

    def to_json(self) -> dict[str, object]:
        return {
            "plan": self.plan,
            "as_of": self.as_of.isoformat(),
            "valid": self.count("error") == 0,
            "counts": {"error": self.count("error"), "warning": self.count("warning")},
            "findings": [d.to_json() for d in self.findings],
        }


def report_text(result: CheckResult) -> None:
    """Findings to stderr, errors first, then a summary line; codes coloured on a terminal."""
    errors, warnings = result.count("error"), result.count("warning")
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    verdict = "invalid" if errors else "valid"
    summary = f"{result.plan}: {verdict}, {counts} (as of {result.as_of})"
    if not wants_colour(sys.stderr):
        sys.stderr.writelines(d.format() + "\n" for d in result.findings)
        sys.stderr.write(summary + "\n")
        return
    from rich.markup import escape

    console = stderr_console()
    for diagnostic in result.findings:
        style = _STYLE[diagnostic.severity]
        line = escape(diagnostic.format())
        console.print(line.replace(f" {diagnostic.code}", f" [{style}]{diagnostic.code}[/]", 1))
    style = "bold red" if errors else "green"
    console.print(escape(summary).replace(f": {verdict},", f": [{style}]{verdict}[/],", 1))


def report_json(result: CheckResult) -> None:
    """One JSON object on stdout, the shape SPEC gives."""
    sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")


REPORTERS: dict[str, Callable[[CheckResult], None]] = {"text": report_text, "json": report_json}
