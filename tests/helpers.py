"""Helpers for tests: running the CLI as a user would."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_tdkt(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed CLI as a user would; returns the completed process."""
    return subprocess.run([sys.executable, "-m", "tdkt_docs", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")
