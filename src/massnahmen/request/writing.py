"""Writing the request files: `DIR/<owner>.xlsx` (and `.eml`), each atomically, named by the
one sanitiser of owner ids that `remind` uses too."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from massnahmen.errors import CannotRun
from massnahmen.files import atomic_write
from massnahmen.report.remind import owner_file_names

if TYPE_CHECKING:
    from massnahmen.model import Plan


def request_file_name(plan: Plan, owner_id: str, suffix: str = ".xlsx") -> str:
    """The file name of an owner's request: the same as its reminder's but for the suffix."""
    return owner_file_names(plan, suffix)[owner_id]


def write_requests(out_dir: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Writes each `name: data` into `out_dir` (created if missing); CannotRun if it cannot."""
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            atomic_write(out_dir / name, data)
            written.append(out_dir / name)
    except OSError as exc:
        raise CannotRun(f"{out_dir}: {exc.strerror or exc}") from None
    return written
