"""Work shared among the cores: processes forked before the workbook is read, sent each task's input."""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Callable, Generic, Iterator, Sequence, TypeVar

A = TypeVar("A")
T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, sending them costs more than it saves."""

_work: Callable | None = None  # what a forked worker runs on each input it is sent


class Workers(Generic[A, T]):
    """Processes, one fewer than the cores, forked when this is made: made before the workbook is read, they
    share with this process only what it holds then (modules, settings, the renderer). Data read later never
    reaches them but as the inputs they are sent, so they never come to hold a copy of it (a process forked
    later would, page by page, as either process wrote to what they shared: even reading a Python object writes
    its reference count). Each runs ``work`` on the inputs it is sent, as this process does on its own share.

    Forking needs Linux and a process without other threads (the web page runs builds in threads): elsewhere
    there are no workers and every task runs here, one by one. So it is with one job."""

    def __init__(self, work: Callable[[A], T], jobs: int | None = None):
        """``jobs``: the processes to work in, this one included (by default, one per core)."""
        global _work
        self.work = work
        jobs = jobs or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        if jobs >= 2 and sys.platform == "linux" and threading.active_count() == 1:
            _work = work
            self.pool = ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_serve, initargs=(os.getpid(),))
            self.pool.submit(int)  # the processes are forked now, not at the first task
            self.size = jobs - 1

    def __enter__(self) -> Workers[A, T]:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close(cancel=kind is not None)

    def close(self, cancel: bool = False) -> None:
        """End the workers (``cancel``: after an error, what is not started yet is not run)."""
        global _work
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=cancel)
            self.pool, _work = None, None

    def run_each(self, inputs: Sequence[Callable[[], A]], here: Sequence[Callable[[], T]] = ()) -> Iterator[T]:
        """The outputs of ``here``, then ``work`` on each of ``inputs``, in order. Each input is made here; with
        many, workers take them from the front, pickled, and this process from the back. ``here`` runs in this
        process first (a task that reads most of the data, such as a batch's summary workbook, would make a
        worker copy it), once every worker has its share of the inputs in hand."""
        if self.pool is None or len(inputs) < PARALLEL_FROM:
            yield from (task() for task in here)
            yield from (self.work(given()) for given in inputs)
            return
        shared = _Shared(self.pool, self.size, self.work, inputs)
        if here:
            shared.feed(hand=len(inputs) // (self.size + 1))
            yield from (task() for task in here)
        yield from shared.outputs()


class _Shared:
    """The inputs shared out: sent to the workers from the front, taken by this process from the back."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int, work: Callable, inputs: Sequence[Callable]):
        self.pool, self.workers, self.work, self.inputs = pool, workers, work, inputs
        self.queue = deque(range(len(inputs)))
        self.sent: dict[int, Future] = {}
        self.done: dict[int, object] = {}

    def feed(self, hand: int = 2) -> None:
        """``hand`` inputs in hand for every worker: two, so none waits while this process runs one; a worker's
        whole share when this process is about to be busy with other work."""
        while self.queue and len(self.sent) < self.workers * hand:
            index = self.queue.popleft()
            given = pickle.dumps(self.inputs[index](), pickle.HIGHEST_PROTOCOL)  # held as bytes until sent
            self.sent[index] = self.pool.submit(_run, given)

    def outputs(self) -> Iterator[object]:
        for index in range(len(self.inputs)):
            while index not in self.done:
                self.feed()
                for finished in [i for i, future in self.sent.items() if future.done()]:
                    self.done[finished] = self.sent.pop(finished).result()
                if index in self.done:
                    break
                if self.queue:
                    last = self.queue.pop()
                    self.done[last] = self.work(self.inputs[last]())
                else:
                    self.done[index] = self.sent.pop(index).result()
            yield self.done.pop(index)


def _serve(parent: int) -> None:
    """A worker leaves Ctrl+C to this process, which ends it, and ends when this process does, however that ends
    (killed, it could not end its workers, which would hold its output pipes open)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # this process ended before that was asked
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _run(given: bytes) -> object:
    return _work(pickle.loads(given))
