"""Rendering shared among the cores: forked workers, each given indices into a list of tasks."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, starting workers costs more than it saves."""

TASKS_PER_WORKER = 32
"""Tasks a forked worker runs before it ends and a fresh one is forked. A worker shares the parent's memory
until it writes to it, and even reading a Python object writes its reference count: a worker that lived
through a whole year-end batch would end up holding a copy of most of the parent's data."""

_work: list[Callable[[], object]] = []  # what forked workers run, by index


def run_each(tasks: list[Callable[[], T]], here: Sequence[Callable[[], T]] = ()) -> Iterator[T]:
    """The outputs of ``here``, then of ``tasks``, in order. Rendering is pure work on data the process already
    holds, so with many tasks they are forked out to one worker per core, each given indices into the tasks
    (nothing is pickled but the results), in rounds of ``TASKS_PER_WORKER`` tasks a worker; ``here`` runs in
    this process meanwhile (a task that reads most of the data, such as a batch's summary workbook, would make
    a worker copy it). Forking needs Linux and a process without other threads (the web page runs builds in
    threads): elsewhere every task runs here, one by one."""
    global _work
    jobs = min(os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2))
    if len(tasks) < PARALLEL_FROM or jobs < 2 or sys.platform != "linux" or threading.active_count() > 1:
        yield from (task() for task in (*here, *tasks))
        return
    _work = tasks
    size = jobs * TASKS_PER_WORKER
    try:
        for start in range(0, len(tasks), size):
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                done = pool.map(_run_at, range(start, min(start + size, len(tasks))))  # forked and started now
                if not start:
                    yield from (task() for task in here)
                yield from done
    finally:
        _work = []


def _run_at(index: int) -> object:
    return _work[index]()
