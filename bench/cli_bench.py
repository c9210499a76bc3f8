"""How fast `tdkt --help` answers: the CLI imports a stage only when a command needs it.

Usage: python bench/cli_bench.py [--runs 7] [--json FILE]

Each run is a fresh process of the installed ``tdkt`` command (``python -m tdkt_docs`` when it is not
installed beside this interpreter); the table shows the median.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import report, table_option  # noqa: E402

TARGET_S = 0.2


def help_seconds(runs: int) -> float:
    script = Path(sys.executable).with_name("tdkt")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "tdkt_docs"]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*command, "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    table_option(parser)
    args = parser.parse_args()
    seconds = help_seconds(args.runs)
    print(f"tdkt --help: {seconds:.3f} s (median of {args.runs} fresh processes)")
    table = [{"figure": "tdkt --help", "value": f"{seconds:.2f} s", "target": f"< {TARGET_S} s"}]
    report(table, args.json)


if __name__ == "__main__":
    main()
