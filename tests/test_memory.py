"""Memory freed during a build goes back to the system."""
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
