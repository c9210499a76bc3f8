"""Rendering shared among the cores: forked workers, each given indices into a list of tasks."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, starting workers costs more than it saves."""

TASKS_PER_WORKER = 32
"""Tasks a forked worker runs before it ends and a fresh one is forked. A worker shares the parent's memory
until it writes to it, and even reading a Python object writes its reference count: a worker that lived
through a whole year-end batch would end up holding a copy of most of the parent's data."""

_work: list[Callable[[], object]] = []  # what forked workers run, by index


def run_each(tasks: list[Callable[[], T]]) -> Iterator[T]:
    """The tasks' outputs in order. Rendering is pure work on data the process already holds, so with many
    tasks it is forked out to one worker per core, each given indices into the tasks (nothing is pickled
    but the results), in rounds of ``TASKS_PER_WORKER`` tasks a worker. Forking needs Linux and a process
    without other threads (the web page runs builds in threads): elsewhere the tasks run here, one by one."""
    global _work
    jobs = min(os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2))
    if len(tasks) < PARALLEL_FROM or jobs < 2 or sys.platform != "linux" or threading.active_count() > 1:
        yield from (task() for task in tasks)
        return
    _work = tasks
    size = jobs * TASKS_PER_WORKER
    try:
        for start in range(0, len(tasks), size):
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                yield from pool.map(_run_at, range(start, min(start + size, len(tasks))))
    finally:
        _work = []


def _run_at(index: int) -> object:
    return _work[index]()
