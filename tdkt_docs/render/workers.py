"""Rendering shared among the cores: forked workers, each sent what a task needs, and this process."""
from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, Sequence, TypeVar

A = TypeVar("A")
T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, starting workers costs more than it saves."""


@dataclass(frozen=True)
class Task(Generic[A, T]):
    """A piece of work in two steps: ``given`` makes its input in this process; ``run`` makes the output from
    it, here or in a worker. ``run`` reads nothing of this process's data but that input and what every task
    shares (templates, the checker): a worker is forked once for all tasks, and one that read the data itself
    would come to hold a copy of it (even reading a Python object writes its reference count)."""

    given: Callable[[], A]
    run: Callable[[A], T]

    def __call__(self) -> T:
        return self.run(self.given())


_work: Sequence[Task] = ()  # what forked workers run, by index


def run_each(tasks: Sequence[Task], here: Sequence[Callable[[], T]] = ()) -> Iterator[T]:
    """The outputs of ``here``, then of ``tasks``, in order. With many tasks they are shared among the cores:
    workers, one fewer than the cores, forked once, and this process, which takes its share too. Workers take
    tasks from the front, this process from the back; a worker is sent each task's input, made and pickled
    here. ``here`` runs in this process first (a task that reads most of the data, such as a batch's summary
    workbook, would make a worker copy it), once every worker has its share of the tasks in hand. Forking needs
    Linux and a process without other threads (the web page runs builds in threads): elsewhere every task runs
    here, one by one."""
    global _work
    jobs = min(os.cpu_count() or 1, len(tasks) // (PARALLEL_FROM // 2))
    if len(tasks) < PARALLEL_FROM or jobs < 2 or sys.platform != "linux" or threading.active_count() > 1:
        yield from (task() for task in (*here, *tasks))
        return
    _work = tasks
    pool = ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context("fork"))
    try:
        shared = _Shared(pool, jobs - 1, len(tasks))
        if here:
            shared.feed(hand=len(tasks) // jobs)
            yield from (task() for task in here)
        yield from shared.outputs()
    except BaseException:
        pool.shutdown(cancel_futures=True)  # an error: what is not started yet is not run
        raise
    finally:
        pool.shutdown()
        _work = ()


class _Shared:
    """The tasks shared out: sent to the workers from the front, taken by this process from the back."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int, count: int):
        self.pool, self.workers, self.count = pool, workers, count
        self.queue = deque(range(count))
        self.sent: dict[int, Future] = {}
        self.done: dict[int, object] = {}

    def feed(self, hand: int = 2) -> None:
        """``hand`` tasks in hand for every worker: two, so none waits while this process runs one; a worker's
        whole share when this process is about to be busy with other work."""
        while self.queue and len(self.sent) < self.workers * hand:
            index = self.queue.popleft()
            given = pickle.dumps(_work[index].given(), pickle.HIGHEST_PROTOCOL)  # held as bytes until sent
            self.sent[index] = self.pool.submit(_run_at, index, given)

    def outputs(self) -> Iterator[object]:
        for index in range(self.count):
            while index not in self.done:
                self.feed()
                for finished in [i for i, future in self.sent.items() if future.done()]:
                    self.done[finished] = self.sent.pop(finished).result()
                if index in self.done:
                    break
                if self.queue:
                    last = self.queue.pop()
                    self.done[last] = _work[last]()
                else:
                    self.done[index] = self.sent.pop(index).result()
            yield self.done.pop(index)


def _run_at(index: int, given: bytes) -> object:
    return _work[index].run(pickle.loads(given))
