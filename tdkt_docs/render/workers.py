"""Rendering shared among the cores: forked workers, each given indices into a list of tasks, and this process."""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, starting workers costs more than it saves."""

TASKS_PER_WORKER = 16
"""Tasks a forked worker runs before it ends and a fresh one is forked. A worker shares the parent's memory
until it writes to it, and even reading a Python object writes its reference count: a worker that lived
through a whole year-end batch would end up holding a copy of most of the parent's data."""

_work: list[Callable[[], object]] = []  # what forked workers run, by index


def run_each(tasks: list[Callable[[], T]], here: Sequence[Callable[[], T]] = ()) -> Iterator[T]:
    """The outputs of ``here``, then of ``tasks``, in order. Rendering is pure work on data the process already
    holds, so with many tasks it is shared among the cores: forked workers, one fewer than the cores, each
    given indices into the tasks (nothing is pickled but the results), and this process, which takes its
    share too (one fewer worker copying what it touches of the data), in rounds of ``TASKS_PER_WORKER``
    tasks a process. ``here`` runs in this process first (a task that reads most of the data, such as a
    batch's summary workbook, would make a worker copy it). Forking needs Linux and a process without other
    threads (the web page runs builds in threads): elsewhere every task runs here, one by one."""
    global _work
    jobs = min(os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2))
    if len(tasks) < PARALLEL_FROM or jobs < 2 or sys.platform != "linux" or threading.active_count() > 1:
        yield from (task() for task in (*here, *tasks))
        return
    _work = tasks
    size = jobs * TASKS_PER_WORKER
    try:
        for start in range(0, len(tasks), size):
            with ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context("fork")) as pool:
                shared = _Round(pool, jobs - 1, range(start, min(start + size, len(tasks))))
                shared.feed(busy=bool(here) and not start)  # the workers are forked and start now
                if not start:
                    yield from (task() for task in here)  # meanwhile the workers have their share in hand
                yield from shared.outputs()
    finally:
        _work = []


class _Round:
    """One round of tasks: the workers take them from the front, this process from the back."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int, indices: range):
        self.pool, self.workers, self.indices = pool, workers, indices
        self.queue = deque(indices)
        self.sent: dict[int, Future] = {}
        self.done: dict[int, object] = {}

    def feed(self, busy: bool = False) -> None:
        """Two tasks in hand for every worker, so none waits while this process renders; its whole share of the
        round when this process is about to be ``busy`` with other work."""
        hand = self.workers * (TASKS_PER_WORKER if busy else 2)
        while self.queue and len(self.sent) < hand:
            index = self.queue.popleft()
            self.sent[index] = self.pool.submit(_run_at, index)

    def outputs(self) -> Iterator[object]:
        for index in self.indices:
            while index not in self.done:
                self.feed()
                for finished in [i for i, future in self.sent.items() if future.done()]:
                    self.done[finished] = self.sent.pop(finished).result()
                if index in self.done:
                    break
                if self.queue:
                    last = self.queue.pop()
                    self.done[last] = _run_at(last)
                else:
                    self.done[index] = self.sent.pop(index).result()
            yield self.done.pop(index)


def _run_at(index: int) -> object:
    return _work[index]()
