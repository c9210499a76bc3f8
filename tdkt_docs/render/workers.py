"""Work shared among the cores: processes forked before the workbook is read, sent each task's input."""
from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from queue import SimpleQueue
from typing import Callable, Generic, Iterator, Sequence, TypeVar

from ..errors import UserError
from ..memory import release_free_memory

A = TypeVar("A")
T = TypeVar("T")

PARALLEL_FROM = 40
"""Tasks from which they are shared among the cores: below it, sending them costs more than it saves."""

MAX_JOBS = 8
"""Processes at most, this one included: each worker holds its own templates and rendering memory."""

_work: Callable | None = None  # what a forked worker runs on each input it is sent
_ready: Callable[[], None] | None = None  # what a forked worker does first, while nothing is sent yet


def cores() -> int:
    """The cores this process may run on (its affinity, which a container's CPU set narrows), at least 1."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Workers(Generic[A, T]):
    """Processes, one fewer than the cores (``MAX_JOBS`` at most), forked when this is made: made before the
    workbook is read, they share with this process only what it holds then (modules, settings, the renderer).
    Data read later never reaches them but as the inputs they are sent, so they never come to hold a copy of it
    (a process forked later would, page by page, as either process wrote to what they shared: even reading a
    Python object writes its reference count). Each runs ``work`` on the inputs it is sent, as this process
    does on its own share, and meanwhile other tasks it is given (``submit``: the pieces of a large sheet while
    this process reads the first). ``size``: how many there are.

    Forking needs Linux and a process without other threads (the web page runs builds in threads): elsewhere,
    with one job, or when the system refuses the processes, there are no workers and every task runs here, one
    by one."""

    def __init__(self, work: Callable[[A], T], jobs: int | None = None, expected: int | None = None,
                 ready: Callable[[], None] | None = None, ready_later: bool = False):
        """``jobs``: the processes to work in, this one included (by default, one per core). ``expected``: about
        how many tasks will come, when that can be told beforehand: fewer than ``PARALLEL_FROM`` and no worker
        is started (the tasks all run here). ``ready``: what each worker does as soon as it is forked, while this
        process reads what the tasks need (what it raises is ignored: the tasks meet it again); with
        ``ready_later``, once it has run the first task it is sent (``submit``: a piece of the workbook, read
        meanwhile), or before the first input."""
        global _work, _ready
        self.work = work
        self.size = min(jobs or cores(), MAX_JOBS) - 1
        self.pool: ProcessPoolExecutor | None = None
        self._unready = False  # ready, not yet sent
        few = expected is not None and expected < PARALLEL_FROM
        if few or self.size < 1 or sys.platform != "linux" or threading.active_count() > 1:
            self.size = 0
            return
        _work, _ready = work, ready
        try:
            self.pool = ProcessPoolExecutor(self.size, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_serve, initargs=(os.getpid(),))
            self.pool.submit(int).result()  # the processes are forked now
            self._unready = ready is not None
            if not ready_later:
                self._send_ready()
        except (OSError, NotImplementedError, BrokenProcessPool):  # no processes, no shared semaphores: alone
            self.close()

    def __enter__(self) -> Workers[A, T]:
        return self

    def __exit__(self, kind, error, trace) -> None:
        self.close(cancel=kind is not None)

    def close(self, cancel: bool = False) -> None:
        """End the workers (``cancel``: after an error, what is not started yet is not run)."""
        global _work, _ready
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=cancel)
            self.pool = None
        self.size = 0
        if _work is self.work:
            _work = _ready = None

    def submit(self, task: Callable[..., T], *args) -> Future | None:
        """``task(*args)`` run by a worker (``task`` a module's function), to a future of its output pickled
        (``pickle.loads`` it): the worker lets go of all the task used before it renders; None without workers."""
        if self.pool is None:
            return None
        try:
            sent = self.pool.submit(_apart, task, *args)
            self._send_ready()
            return sent
        except RuntimeError:  # a worker ended (BrokenProcessPool): rendering says so; the task is left to the caller
            return None

    def _send_ready(self) -> None:
        """Send each worker ``ready``, not waited for (each takes the next task when idle), once."""
        if self._unready:
            self._unready = False
            for _ in range(self.size):
                self.pool.submit(_get_ready)

    def run_each(self, inputs: Sequence[Callable[[], A]], here: Sequence[Callable[[], T]] = (),
                 finished: Callable[[A], bool] = lambda given: False,
                 first: Callable[[], None] = lambda: None) -> Iterator[tuple[int, T]]:
        """(position, output) of each task as it is done: the tasks are ``here``, then ``work`` on each of
        ``inputs``, numbered in that order; an input that is ``finished`` already is its own output. Each input
        is made here; with many, workers are sent them, pickled, from the front and this process takes them
        from the back (a finished input is never sent). ``first``, then ``here``, run in this process before
        the rest (a task that reads most of the data, such as a batch's summary workbook, would make a worker
        copy it), each once every worker has its fair share of the inputs left in hand; what ``first`` raises
        ends the run."""
        if self.pool is None or len(inputs) < PARALLEL_FROM:
            first()
            yield from ((position, task()) for position, task in enumerate(here))
            yield from ((len(here) + index, _done(self.work, finished, given()))
                        for index, given in enumerate(inputs))
            return
        try:
            with quick_handoffs():
                yield from self._share(inputs, here, finished, first)
        except BrokenProcessPool:  # a worker ended, whether sent an input (its output never comes) or not yet
            raise UserError("Một tiến trình phụ đang tạo văn bản đã dừng đột ngột (thường do máy thiếu bộ nhớ), "
                            "chưa ghi văn bản nào. Hãy đóng bớt chương trình khác rồi chạy lại.") from None

    def _share(self, inputs: Sequence[Callable[[], A]], here: Sequence[Callable[[], T]],
               finished: Callable[[A], bool], first: Callable[[], None]) -> Iterator[tuple[int, T]]:
        self._send_ready()
        shared = _Shared(self.pool, self.size, self.work, inputs, finished)
        shared.feed(share=True)
        first()
        for position, task in enumerate(here):
            shared.feed(share=True)  # topped up before each task of this process's own: none runs out meanwhile
            yield position, task()
        yield from ((len(here) + index, output) for index, output in shared.outputs())


HANDOFF_SECONDS = 0.0001
"""How soon a thread that asks for the interpreter gets it while tasks are shared (Python's default: 5 ms). The
pool's manager thread takes the interpreter back twice for each input sent (it empties a wake-up pipe, one
message per input): as long as this process sends one input every half millisecond or so (each worker's share,
drafted one by one), a longer wait than a quarter of that keeps the manager from ever catching up, and the
workers wait until this process stops sending (0,5 ms: a tenth of a second, before any worker began)."""


@contextlib.contextmanager
def quick_handoffs() -> Iterator[None]:
    """A thread that asks for the interpreter gets it within ``HANDOFF_SECONDS``: the threads that carry inputs
    to the workers and their outputs back (the process pool's), however busy this process is with its own share
    (at the default 5 ms a worker finished with its input waits for the next); the reading of a workbook, back
    from each wait outside the interpreter, beside the thread that reads the templates. Builds in threads (the
    web page) overlap: the first to begin sets it, the last to end puts back what was there before."""
    global _handing, _before
    with _handoff_lock:
        if not _handing:
            _before = sys.getswitchinterval()
            sys.setswitchinterval(HANDOFF_SECONDS)
        _handing += 1
    try:
        yield
    finally:
        with _handoff_lock:
            _handing -= 1
            if not _handing:
                sys.setswitchinterval(_before)


_handoff_lock = threading.Lock()
_handing = 0  # blocks within quick_handoffs now
_before = 0.005  # the switch interval before the first of them


IN_HAND = 4
"""Inputs sent to each worker and not yet back, as this process works on its own: with two, a worker often
waited for its next (each input and each output waits for a thread of this process to get the interpreter). At
the end this process waits for at most that many."""


class _Shared:
    """The inputs shared out: sent to the workers from the front, taken by this process from the back."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int, work: Callable, inputs: Sequence[Callable],
                 finished: Callable[[object], bool]):
        self.pool, self.workers, self.work, self.inputs, self.finished = pool, workers, work, inputs, finished
        self.queue = deque(range(len(inputs)))
        self.sent: dict[int, Future] = {}
        self.back: SimpleQueue[int] = SimpleQueue()  # what was sent, as it comes back
        self.done: list[tuple[int, object]] = []

    def feed(self, share: bool = False) -> None:
        """Inputs in hand for every worker: ``IN_HAND``, so none waits while this process runs one of its own;
        with ``share``, its fair share of the inputs not done yet (this process keeps one such share for itself),
        before this process is busy with other work. What came back is taken in first."""
        while not self.back.empty():
            self._receive(self.back.get())
        hand = max(IN_HAND, (len(self.queue) + len(self.sent)) // (self.workers + 1)) if share else IN_HAND
        while self.queue and len(self.sent) < self.workers * hand:
            index = self.queue.popleft()
            given = self.inputs[index]()
            if self.finished(given):
                self.done.append((index, given))
                continue
            sent = self.sent[index] = self.pool.submit(_run, pickle.dumps(given, pickle.HIGHEST_PROTOCOL))
            sent.add_done_callback(lambda _, index=index: self.back.put(index))

    def outputs(self) -> Iterator[tuple[int, object]]:
        while self.queue or self.sent or self.done:
            self.feed()
            if not self.done:
                if self.queue:
                    index = self.queue.pop()
                    self.done.append((index, _done(self.work, self.finished, self.inputs[index]())))
                else:  # nothing left but what the workers hold: wait for the first of it back
                    self._receive(self.back.get())
            yield from self.done
            self.done.clear()

    def _receive(self, index: int) -> None:
        self.done.append((index, self.sent.pop(index).result()))


def _done(work: Callable, finished: Callable[[object], bool], given: object) -> object:
    """The output of ``given``: itself when it is ``finished`` already."""
    return given if finished(given) else work(given)


def _serve(parent: int) -> None:
    """A worker leaves Ctrl+C to this process, which ends it, and ends when this process does, however that ends
    (killed, it could not end its workers, which would hold its output pipes open)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, ctypes.c_ulong(signal.SIGKILL)) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")
    if os.getppid() != parent:  # this process ended before that was asked
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _get_ready() -> None:
    with contextlib.suppress(Exception):
        _ready()


def _apart(task: Callable, *args) -> bytes:
    """``task(*args)`` pickled, once all else it made is freed and the memory handed back (a task such as
    reading a piece of a sheet leaves tens of MB in cycles and in the C heap)."""
    output = pickle.dumps(task(*args), pickle.HIGHEST_PROTOCOL)
    gc.collect()
    release_free_memory()
    return output


def _run(given: bytes) -> object:
    return _work(pickle.loads(given))
