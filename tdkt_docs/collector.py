"""The garbage collector during a build.

A build reads and composes hundreds of thousands of objects that live until it ends. Meanwhile the collector
runs less often (a larger youngest generation), and once a stage is done what it made is frozen (``settle``):
no collection walks it again. Each build unfreezes at its end (what another build froze, its garbage included,
would otherwise never be collected while builds overlap). Builds may run in threads (the web page): the
collector is the process's, so the first to start eases it, the last to end restores its thresholds, having
first put all a build made, when it ended well, in the oldest generation with the rest, none of it counted as new
(it holds no cycles and goes as it is let go; counted, it would set off a collection at once that finds nothing).
"""
from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

FIRST_GENERATION = 100_000
"""Objects made between two collections of the youngest generation during a build (Python's default: 700)."""

_lock = threading.Lock()
_active = 0
_threshold: tuple[int, ...] = ()


@contextlib.contextmanager
def spared() -> Iterator[None]:
    global _active, _threshold
    with _lock:
        if not _active:
            _threshold = gc.get_threshold()
            gc.set_threshold(FIRST_GENERATION, *_threshold[1:])
        _active += 1
    ended = False
    try:
        yield
        ended = True
    finally:
        with _lock:
            _active -= 1
            if not _active and ended:  # what the build made joins the oldest generation, none counted as new
                gc.freeze()  # (after a failure, the young generation's next collection finds its traceback's cycles)
            gc.unfreeze()  # another build still running freezes its own objects again at its next stage
            if not _active:
                gc.set_threshold(*_threshold)


def settle() -> None:
    """What exists now lives until the build ends: no collection walks it again (only within ``spared``)."""
    if _active:
        gc.freeze()
