"""Run every benchmark in bench/ (each *_bench.py) in sequence and print their reports.

Usage: python bench/run.py [NAME ...] [--quick]
NAME selects benchmarks (e.g. render, pdf); --quick runs small workloads, for a smoke check.
Exit status 1 when any benchmark failed; the others still run.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SUFFIX = "_bench"
QUICK = {
    "render": ["--n-decisions", "30"],
    "pdf": ["--n", "12", "--naive-sample", "3"],
}


def benchmarks() -> dict[str, Path]:
    """Name → script, in name order: bench/render_bench.py is "render"."""
    return {path.stem.removesuffix(SUFFIX): path for path in sorted(BENCH_DIR.glob(f"*{SUFFIX}.py"))}


def run(name: str, script: Path, quick: bool) -> bool:
    arguments = QUICK.get(name, []) if quick else []
    print(f"=== {name}: {script.name} {' '.join(arguments)}".rstrip(), flush=True)
    start = time.perf_counter()
    status = subprocess.run([sys.executable, str(script), *arguments]).returncode
    outcome = "ok" if status == 0 else f"FAILED (exit status {status})"
    print(f"=== {name}: {outcome}, {time.perf_counter() - start:.0f} s\n", flush=True)
    return status == 0


def main() -> None:
    available = benchmarks()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default: all of {', '.join(available)})")
    parser.add_argument("--quick", action="store_true", help="small workloads")
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in available]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; available: {', '.join(available)}")
    results = {name: run(name, available[name], args.quick) for name in args.names or available}
    failed = [name for name, ok in results.items() if not ok]
    if failed:
        print(f"failed: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
