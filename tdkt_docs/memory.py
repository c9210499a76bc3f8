"""Memory a large build frees handed back to the system."""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys


def release_free_memory() -> None:
    """Return the C heap's free pages to the system. Reading a year-end workbook frees tens of MB that the C
    library keeps for later use (glibc's ``malloc_trim`` gives them back); elsewhere this does nothing."""
    if (trim := _malloc_trim()) is not None:
        trim(0)


@functools.cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # a C library without it (musl)
        return None
