"""Reporters for `check`: compiler-style text for people, one JSON document for jobs."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from massnahmen.diagnostics import Diagnostic
from massnahmen.render.console import stderr_console, wants_colour
from massnahmen.sanitize import json_text, printable

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


@dataclass(frozen=True)
class Unreadable:
    """A plan of a portfolio that could not be read (missing, not UTF-8, ...)."""

    plan: str
    message: str

    def to_json(self) -> dict[str, object]:
        return {"plan": self.plan, "failure": self.message}


@dataclass(frozen=True)
class PortfolioResult:
    """The results of several plans checked on one as-of date, in the order they were named."""

    as_of: dt.date
    plans: Sequence[CheckResult | Unreadable]

    def count(self, severity: str) -> int:
        return sum(p.count(severity) for p in self.plans if isinstance(p, CheckResult))

    def to_json(self) -> dict[str, object]:
        readable = [p for p in self.plans if isinstance(p, CheckResult)]
        return {
            "as_of": self.as_of.isoformat(),
            "valid": len(readable) == len(self.plans) and self.count("error") == 0,
            "counts": {"error": self.count("error"), "warning": self.count("warning")},
            "plans": [p.to_json() for p in self.plans],
        }


def report_text(result: CheckResult) -> None:
    """Findings to stderr, errors first, then a summary line; codes coloured on a terminal."""
    errors, warnings = result.count("error"), result.count("warning")
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    verdict = "invalid" if errors else "valid"
    summary = printable(f"{result.plan}: {verdict}, {counts} (as of {result.as_of})")
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
    sys.stdout.write(json_text(result.to_json()))


def report_text_each(result: CheckResult | Unreadable) -> None:
    """One plan of a portfolio, as soon as it is checked: its findings and its summary line."""
    if isinstance(result, Unreadable):
        sys.stderr.write(printable(f"massnahmen: {result.message}") + "\n")
    else:
        report_text(result)


def report_text_portfolio(result: PortfolioResult) -> None:
    """The closing line over all plans (each plan was reported as it came)."""
    plans = len(result.plans)
    unreadable = sum(isinstance(p, Unreadable) for p in result.plans)
    invalid = sum(isinstance(p, CheckResult) and p.count("error") > 0 for p in result.plans)
    errors, warnings = result.count("error"), result.count("warning")
    parts = [f"{plans - invalid - unreadable} valid", f"{invalid} invalid"]
    if unreadable:
        parts.append(f"{unreadable} unreadable")
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    sys.stderr.write(f"{plans} plans: {', '.join(parts)}; {counts} (as of {result.as_of})\n")


def report_json_portfolio(result: PortfolioResult) -> None:
    """One JSON object on stdout: totals and the per-plan objects of `report_json`."""
    sys.stdout.write(json_text(result.to_json()))


def _nothing(result: CheckResult | Unreadable) -> None:
    pass


REPORTERS: dict[str, Callable[[CheckResult], None]] = {"text": report_text, "json": report_json}
# For several plans: what is written as each plan is done, and what closes the report.
PORTFOLIO_REPORTERS: dict[
    str, tuple[Callable[[CheckResult | Unreadable], None], Callable[[PortfolioResult], None]]
] = {
    "text": (report_text_each, report_text_portfolio),
    "json": (_nothing, report_json_portfolio),
}
