"""Memory a large build frees handed back to the system."""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys

LARGE_BLOCK = 1 << 20
"""Bytes from which the C library maps a block of its own, unmapped when freed (``map_large_blocks``)."""
_M_MMAP_THRESHOLD = -3  # malloc.h


def release_free_memory() -> None:
    """Return the C heap's free pages to the system. Reading a year-end workbook frees tens of MB that the C
    library keeps for later use (glibc's ``malloc_trim`` gives them back); elsewhere this does nothing."""
    if (libc := _glibc()) is not None:
        libc.malloc_trim(0)


def map_large_blocks() -> None:
    """Give every block of ``LARGE_BLOCK`` bytes or more its own mapping, handed back as soon as it is freed. glibc
    otherwise raises that bound as such blocks are freed, and later ones (a worker's piece of the workbook as it
    arrives, some MB) are cut from a heap that a freed block in the middle keeps from shrinking: 13 MB more at
    the peak of a 100 000-row build. Elsewhere this does nothing."""
    if (libc := _glibc()) is not None:
        libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)


@functools.cache
def _glibc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") and hasattr(libc, "mallopt") else None  # not musl
