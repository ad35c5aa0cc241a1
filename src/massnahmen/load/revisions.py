"""Earlier versions of a plan kept in git: `REV:path` read with `git show`.

Plans kept in git are the natural way to version them; `diff HEAD~3:plan.toml plan.toml` then
shows what changed. Raises `PlanFileError` with one line whenever git cannot give the text.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from massnahmen.load import MAX_PLAN_BYTES, PlanFileError, read_text

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")  # C:\plan.toml is a Windows path, not a revision
GIT_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Revision:
    """A file at a git revision: `rev` and `path` as in `git show REV:path`."""

    rev: str
    path: str

    def __str__(self) -> str:
        return f"{self.rev}:{self.path}"


def parse_version(spec: str) -> Path | Revision:
    """A plan file, or `REV:path` when `spec` is no existing file and names a revision."""
    rev, colon, path = spec.partition(":")
    if not colon or not rev or Path(spec).exists() or _DRIVE.match(spec):
        return Path(spec)
    return Revision(rev, path)


def read_version(version: Path | Revision, git_folder: Path) -> str:
    """The plan's text: from the file, or from `git show` run in `git_folder`."""
    if isinstance(version, Path):
        return read_text(version)
    return _decode(git_show(version, git_folder), str(version))


def git_show(revision: Revision, folder: Path) -> bytes:
    """`git show REV:path` in `folder`; PlanFileError with git's own words if it fails."""
    if revision.rev.startswith("-"):  # would be read as an option of git show
        raise PlanFileError(f'{revision}: "{revision.rev}" is not a git revision')
    try:
        done = subprocess.run(
            ["git", "show", str(revision)],
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise PlanFileError(
            f"{revision}: git is not installed, so revisions cannot be read"
        ) from None
    except subprocess.TimeoutExpired:
        raise PlanFileError(
            f"{revision}: git show took more than {GIT_TIMEOUT_SECONDS} s"
        ) from None
    except OSError as exc:
        raise PlanFileError(
            f"{revision}: git cannot run in {folder} ({exc.strerror or exc})"
        ) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").splitlines()
        words = " ".join(re.sub(r"^(fatal|error|hint): ", "", line) for line in said if line)
        raise PlanFileError(f"{revision}: git show failed: {words or f'exit {done.returncode}'}")
    if len(done.stdout) > MAX_PLAN_BYTES:
        raise PlanFileError(f"{revision}: {len(done.stdout):,} bytes is too large for a plan file")
    return done.stdout


def revision_exists(rev: str, folder: Path) -> bool:
    """Whether git in `folder` knows `rev` as a commit (so that a file it cannot show at `rev`
    was not there yet, rather than the revision being wrong)."""
    if rev.startswith("-"):
        return False
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"],
            cwd=folder,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanFileError(f"{name}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise PlanFileError(f"{name}: the file is empty")
    return text
