"""Writing the site into its folder: every file whole, the index last, and nothing left over.

A folder is only written into if it is new, empty, or was written by `publish` before (it holds
the list of files that run wrote, `MANIFEST`). Files of an earlier run that the site no longer
has, such as the page of a measure that `[publish]` now leaves out, are removed; files others
put there (an `.htaccess`, the municipality's logo) stay.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from massnahmen.errors import CannotRun
from massnahmen.files import atomic_write_many, remove_stale_temporaries_under
from massnahmen.words import say

MANIFEST = ".massnahmen-site"
_MANIFEST_HEAD = "# the files massnahmen publish wrote here; it removes them when they go\n"


class FolderRefused(CannotRun):
    """The folder holds files that `publish` did not write: it is not written into."""


def write_site(folder: Path, files: Iterable[tuple[str, bytes]]) -> tuple[int, int]:
    """Writes the site's files (relative POSIX paths) into `folder`; returns how many files were
    written and how many of an earlier run removed. CannotRun (FolderRefused) if it cannot."""
    try:
        return _write_site(folder, files)
    except OSError as exc:
        reason = exc.strerror or exc
        raise CannotRun(say("msg.folder_unwritable", folder=folder, reason=reason)) from None


def _write_site(folder: Path, files: Iterable[tuple[str, bytes]]) -> tuple[int, int]:
    earlier = _earlier_files(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries_under(folder)  # of a run that was killed
    names: list[str] = []

    def targets() -> Iterable[tuple[Path, bytes]]:
        for name, data in files:
            path = folder.joinpath(*_parts(name))
            path.parent.mkdir(parents=True, exist_ok=True)
            names.append(name)
            yield path, data
        # In the same batch: a failure leaves the earlier site and its list as they were.
        listed = _MANIFEST_HEAD + "".join(f"{name}\n" for name in names)
        yield folder / MANIFEST, listed.encode()

    atomic_write_many(targets())
    removed = 0
    for name in sorted(earlier - set(names)):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(folder.joinpath(*_parts(name)))
            removed += 1
    return len(names), removed


def _earlier_files(folder: Path) -> set[str]:
    """The files an earlier run wrote; FolderRefused if the folder holds others' files only."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        if folder.is_dir() and any(folder.iterdir()):
            raise FolderRefused(
                f"{folder}: holds files that publish did not write; give an empty or a new folder"
            ) from None
        return set()
    return {
        line for line in text.splitlines() if line and not line.startswith("#") and _inside(line)
    }


def _inside(name: str) -> bool:
    """Whether a manifest line names a file inside the folder (one edited by hand must not make
    publish remove a file elsewhere)."""
    path = PurePosixPath(name)
    return bool(path.parts) and not path.is_absolute() and ".." not in path.parts


def _parts(name: str) -> tuple[str, ...]:
    if not _inside(name):
        raise ValueError(f"{name}: not a file inside the site's folder")  # a fault of ours
    return PurePosixPath(name).parts
