"""Many plans at once: each plan's work in a worker process, on every core, when that pays.

Nothing is shared between plans: each is loaded and checked by itself, so owners and fields
never leak from one plan into another, and a finding keeps the name of its file.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

from massnahmen.words import Lang, current_lang, language

T = TypeVar("T")
# Below this much plan text in all, starting worker processes costs more than it saves.
# Measured with benchmarks/portfolio.py on 2 cores (serial time / parallel time, best of 7):
# 1.3 MB 0.97-1.03, 2.0 MB 1.12, 2.7 MB 1.19, 6.6 MB 1.34, 13 MB 1.37-1.55.
PARALLEL_BYTES = 3 * 1024 * 1024 // 2


def map_plans(
    function: Callable[[Path], T], paths: Sequence[Path], *, jobs: int | None = None
) -> Iterator[T]:
    """`function` applied to each path, results in the order of `paths`.

    Runs in worker processes (one per core, at most one per plan) when there is enough plan text
    for that to pay, else in this process. `jobs` forces the number of processes (1: none).
    `function` must be picklable (a module-level function or a partial of one).
    """
    workers = jobs if jobs is not None else default_jobs(paths)
    if workers <= 1 or len(paths) <= 1:
        return map(function, paths)
    work = partial(_in_language, current_lang(), function)  # a spawned worker starts in German
    return _map_in_processes(work, paths, min(workers, len(paths)))


def default_jobs(paths: Sequence[Path]) -> int:
    """One process per core if the plans are large enough together, else 1."""
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # reported when the plan is read
    return (os.cpu_count() or 1) if total >= PARALLEL_BYTES else 1


def _in_language(lang: Lang, function: Callable[[Path], T], path: Path) -> T:
    with language(lang):
        return function(path)


def _map_in_processes(
    function: Callable[[Path], T], paths: Sequence[Path], workers: int
) -> Iterator[T]:
    # What every worker needs is imported once, here: forked workers start with it (each would
    # otherwise spend 0.1 s of CPU importing pydantic and the model before its first plan).
    import massnahmen.checks
    import massnahmen.load  # noqa: F401

    chunk = max(1, len(paths) // (workers * 4))  # small chunks: plans differ in size
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        yield from pool.map(function, paths, chunksize=chunk)


def _context() -> BaseContext | None:
    """fork where it is safe (Linux; no threads run here), so that workers inherit what is
    imported instead of importing it again; the platform's default elsewhere."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return None
