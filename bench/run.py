"""Run every benchmark in bench/ (each *_bench.py) in sequence, then print one table of every figure.

Usage: python bench/run.py [NAME ...] [--quick]
NAME selects benchmarks (e.g. scale, render, pdf); --quick runs small workloads, for a smoke check.
Each benchmark prints its own details; one that writes table rows (a JSON list of {figure, value,
target}) to the file named by $BENCH_TABLE has them in the final table.
Exit status 1 when any benchmark failed; the others still run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
SAMPLE_2024 = BENCH_DIR.parent / "data" / "mau" / "bac-ninh-2024" / "tdkt-2024.xlsx"  # the 2024 sample workbook
SUFFIX = "_bench"
QUICK = {
    "render": ["--n-decisions", "30"],
    "pdf": ["--n", "12", "--naive-sample", "3"],
    "scale": ["--sizes", "100", "300", "--repeat", "1", "--memory", "300"],
    "rebuild": ["--n", "12"],
    "cli": ["--runs", "3"],
}


def benchmarks() -> dict[str, Path]:
    """Name → script, in name order: bench/render_bench.py is "render"."""
    return {path.stem.removesuffix(SUFFIX): path for path in sorted(BENCH_DIR.glob(f"*{SUFFIX}.py"))}


def run(name: str, script: Path, quick: bool, table: Path) -> bool:
    arguments = QUICK.get(name, []) if quick else []
    print(f"=== {name}: {script.name} {' '.join(arguments)}".rstrip(), flush=True)
    start = time.perf_counter()
    status = subprocess.run([sys.executable, str(script), *arguments],
                            env={**os.environ, "BENCH_TABLE": str(table)}).returncode
    outcome = "ok" if status == 0 else f"FAILED (exit status {status})"
    print(f"=== {name}: {outcome}, {time.perf_counter() - start:.0f} s\n", flush=True)
    return status == 0


def table_rows(tables: dict[str, Path]) -> list[dict]:
    """The rows every benchmark wrote, in benchmark order."""
    return [row for path in tables.values() if path.is_file() and path.stat().st_size
            for row in json.loads(path.read_text(encoding="utf-8"))]


def table_option(parser) -> None:
    """``--json FILE``: where a benchmark writes its table rows (default: $BENCH_TABLE, set by ``main``)."""
    parser.add_argument("--json", type=Path, default=os.environ.get("BENCH_TABLE"),
                        help="write the table rows to this file (default: $BENCH_TABLE, set by bench/run.py)")


def report(table: list[dict], json_path: Path | None) -> None:
    """Hand the rows to bench/run.py (which prints them with every benchmark's), or print them here."""
    if json_path:
        json_path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    else:
        print_table(table)


def print_table(rows: list[dict]) -> None:
    header = {"figure": "figure", "value": "value", "target": "target"}
    widths = [max(len(str(row[key])) for row in [header, *rows]) for key in ("figure", "value")]
    for row in [header, None, *rows]:
        if row is None:
            print("-" * (sum(widths) + 4 + len("target")))
        else:
            print(f"{row['figure']:<{widths[0]}}  {row['value']:>{widths[1]}}  {row['target']}".rstrip())


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
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        tables = {name: Path(tmp) / f"{name}.json" for name in args.names or available}
        results = {name: run(name, available[name], args.quick, tables[name]) for name in tables}
        rows = table_rows(tables)
    if rows:
        print("=== all figures, one run")
        print_table(rows)
    failed = [name for name, ok in results.items() if not ok]
    if failed:
        print(f"failed: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
