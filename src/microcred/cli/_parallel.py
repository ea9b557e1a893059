"""Batch commands on every core: many files shared among worker processes forked from
the command, so that each inherits the code already loaded (no start-up per worker),
with the results in the order of the files.

A registrar who signs or verifies a cohort from a script gets the machine's cores, as
the platform's task queue would; ``--jobs 1`` keeps everything in the one process.
Forking is what makes this cheap, so elsewhere than Linux (where ``fork`` is not the
safe default) and for a handful of files the work stays in the process.
"""

from __future__ import annotations

__all__ = ["JOBS_OPTION", "in_order", "usable_cpus"]

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

import click

T = TypeVar("T")
R = TypeVar("R")

#: fewer files than this per worker are not worth a fork
_MIN_FILES_PER_JOB = 16


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


JOBS_OPTION = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=usable_cpus,
    show_default="the usable CPUs",
    help="Worker processes sharing the files (1: all in this process).",
)


def in_order(work: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``work`` applied to every item, the results in the items' order: in ``jobs``
    forked workers when there are enough items, else here. ``work`` must be a module
    function; what it needs besides the item it finds in module state set before this
    call (a forked worker inherits it; keys need not be picklable)."""
    jobs = min(jobs, len(items) // _MIN_FILES_PER_JOB)
    if jobs <= 1 or sys.platform != "linux":
        yield from map(work, items)
        return
    # The first item here: what it loads and caches (the document shape's JSON-LD, the
    # contexts, the schema) every worker then inherits instead of computing it again.
    yield work(items[0])
    rest = items[1:]
    sys.stdout.flush()
    sys.stderr.flush()  # a forked worker must not write the parent's buffered output again
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from pool.map(work, rest, chunksize=max(1, len(rest) // (jobs * 8)))
