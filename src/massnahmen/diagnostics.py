"""Findings about a plan: what is wrong, how bad, about which measure, and where in the file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from massnahmen.sanitize import printable
from massnahmen.words import Lang, label, say

__all__ = ["Diagnostic", "did_you_mean", "printable", "sort_key"]

Severity = Literal["error", "warning"]
SubjectKind = Literal["measure", "field", "owner"]
SEVERITY_RANK: dict[str, int] = {"warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. `path` is the key path in the plan; `line`/`column` are filled from it."""

    code: str
    severity: Severity
    message: str
    subject: str | None = None
    kind: SubjectKind | None = None
    path: tuple[str | int, ...] = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def format(self) -> str:
        """`plan.toml:48:1: E103 measure VW-07: unknown owner "FB9" (did you mean "FB3"?)`."""
        where = ":".join(str(part) for part in (self.file, self.line, self.column) if part)
        kind = label(f"finding.kind.{self.kind}") if self.kind else ""
        about = f" {kind} {self.subject}" if self.kind and self.subject else ""
        return printable(f"{where}: {self.code}{about}: {self.message}")

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "subject": self.subject,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
        }


_CLOSE_CANDIDATES = 2_000  # difflib compares with each: more would make many findings quadratic


def did_you_mean(word: str, candidates: Iterable[str], lang: Lang = "en") -> str:
    """` (meinten Sie „FB3“?)` / ` (did you mean "FB3"?)` when a candidate is close, else ``.

    Of many candidates only those of about the same length and the same first letter are
    compared, at most 2,000: 100,000 unknown owners among 100,000 owners must stay linear."""
    pool = list(candidates)
    if len(pool) > _CLOSE_CANDIDATES:
        head = word[:1].casefold()
        pool = [c for c in pool if abs(len(c) - len(word)) <= 2 and c[:1].casefold() == head][
            :_CLOSE_CANDIDATES
        ]
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return say("finding.did_you_mean", lang, word=close[0]) if close else ""


def sort_key(diagnostic: Diagnostic) -> tuple[int, int, int, str]:
    """Errors before warnings, then in file order."""
    return (
        -SEVERITY_RANK[diagnostic.severity],
        diagnostic.line or 0,
        diagnostic.column or 0,
        diagnostic.code,
    )
