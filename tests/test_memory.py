"""Memory freed during a build goes back to the system."""
import os
import subprocess
import sys

import pytest

FRAGMENTED = """
import os
from tdkt_docs.memory import release_free_memory

def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

blocks = [bytes(4000) for _ in range(50_000)]  # 200 MB of C heap
kept = blocks[::20]  # a block kept here and there: the freed space lies between, not at the top of the heap
del blocks
before = resident_mb()
release_free_memory()
print(before, resident_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_memory_between_live_blocks_is_given_back():
    done = subprocess.run([sys.executable, "-c", FRAGMENTED], capture_output=True, text=True, check=True)
    before, after = map(float, done.stdout.split())
    assert before > 150 and after < before - 100, (before, after)


LARGE = """
import os, sys
from tdkt_docs.memory import map_large_blocks

def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

if sys.argv[1] == "mapped":
    map_large_blocks()
first = bytearray(16 << 20)
del first  # a large block freed: glibc now takes blocks of up to 16 MB from its heap
block = bytearray(b"x" * (12 << 20))  # as a worker's piece of the workbook arrives
kept = [bytearray(200) for _ in range(2000)]  # what is made of it, after it in the heap
before = resident_mb()
del block
print(before, resident_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_a_large_block_is_handed_back_as_soon_as_it_is_freed():
    def freed(mode: str) -> float:
        done = subprocess.run([sys.executable, "-c", LARGE, mode], capture_output=True, text=True, check=True)
        before, after = map(float, done.stdout.split())
        return before - after
    assert freed("mapped") > 10
    if not any(name.startswith("MALLOC_") for name in os.environ):  # glibc as it comes
        assert freed("heap") < 2  # without it the block stays with the process (the case the setting is for)
