"""How fast `tdkt --help` answers, and `tdkt build` of the 2024 sample without PDF: the CLI imports a stage only
when a command needs it, and a build neither the PDF libraries when it makes no PDF nor SQLAlchemy when there is
no register file.

Usage: python bench/cli_bench.py [--runs 7] [--json FILE]

Each run is a fresh process of the installed ``tdkt`` command (``python -m tdkt_docs`` when it is not
installed beside this interpreter); the table shows the median.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import SAMPLE_2024 as SAMPLE, report, table_option  # noqa: E402

TARGET_S = 0.2


def seconds(runs: int, *arguments: str) -> float:
    """Median wall time of ``tdkt arguments``, each run a fresh process; "{run}" in an argument is the run's
    number (a build into a folder of its own each time, not a rebuild that finds nothing changed)."""
    script = Path(sys.executable).with_name("tdkt")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "tdkt_docs"]
    times = []
    for run in range(runs):
        start = time.perf_counter()
        subprocess.run([*command, *(a.replace("{run}", str(run)) for a in arguments)], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    table_option(parser)
    args = parser.parse_args()
    help_s = seconds(args.runs, "--help")
    print(f"tdkt --help: {help_s:.3f} s (median of {args.runs} fresh processes)")
    with tempfile.TemporaryDirectory() as folder:
        build_s = seconds(max(1, args.runs // 2), "build", str(SAMPLE), "-o", str(Path(folder) / "lan-{run}"),
                          "--so-theo-doi", str(Path(folder) / "chua-co.sqlite"))
    print(f"tdkt build {SAMPLE.name} (no PDF, no register): {build_s:.2f} s (median of fresh processes)")
    table = [{"figure": "tdkt --help", "value": f"{help_s:.2f} s", "target": f"< {TARGET_S} s"},
             {"figure": "tdkt build, 2024 sample, no PDF (a fresh process)", "value": f"{build_s:.2f} s",
              "target": ""}]
    report(table, args.json)


if __name__ == "__main__":
    main()
