"""tdkt build at year-end scale, against the naive loop and the write-only floor, measured side by side.

Usage: python bench/scale_bench.py [--sizes 3000 30000] [--repeat 5] [--memory 100000] [--json FILE]

For each size one generated workbook (3 000 nominations: 300 decisions of 10; larger: 100 per decision, so
30 000 make 300 decisions and 100 000 make 1 000), then in this run:
  read       read + validate (``tdkt_docs.read.load``), in ms per row;
  build      ``build()`` end to end into an empty folder (no PDF);
  naive      the same composed contexts, each rendered by a new DocxTemplate and saved;
  floor      the bytes build wrote (every file, pre-rendered), written again with plain ``write_bytes``;
  no change  ``build()`` again into the same folder, nothing changed.
Peak memory: a separate process runs one full build of ``--memory`` nominations; the peak is the largest
sum, sampled every 50 ms, of the proportional set size (PSS: shared pages divided among the processes
sharing them) of that process and the workers it forks. Timings are medians of ``--repeat`` runs at every
size; a ratio is the median of each run's own (its two ways measured one after the other, the machine's speed
drifting less between them than between runs).
``--json FILE`` (or $BENCH_TABLE) writes the table rows for ``bench/run.py``.
"""
from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.render_bench import render_naive  # noqa: E402
from bench.run import report, table_option  # noqa: E402
from bench.workload import write_year_end_workbook  # noqa: E402
from tdkt_docs.build import build, prepare  # noqa: E402
from tdkt_docs.read import load  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402

SETTINGS = Settings()
READ_TARGET_MS = 0.1
NAIVE_TARGET = 3.0
MEMORY_TARGET_MB = 300
RATIOS = {"naive_ratio": ("naive", "build"), "floor_ratio": ("build", "floor"),
          "no_change_ratio": ("no_change", "build")}
"""The ratios the table shows, each the median of every run's own."""


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


def written(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def write_all(files: dict[Path, bytes], folder: Path) -> None:
    """The floor: the same files, already rendered, written one by one."""
    for relative, data in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def one_run(workbook: Path, nominations: int, root: Path) -> dict[str, float]:
    seconds = {}
    seconds["read"], data = timed(load, workbook)
    if data.errors:
        raise SystemExit(f"the generated workbook has errors: {data.errors[0]}")
    del data  # the build starts as it does from the command line: nothing read yet
    gc.collect()
    seconds["build"], _ = timed(build, workbook, root / "build", SETTINGS)
    plans = prepare(workbook, SETTINGS).composition.documents
    seconds["naive"], _ = timed(render_naive, plans, root / "naive")
    files = written(root / "build")
    seconds["floor"], _ = timed(write_all, files, root / "floor")
    seconds["no_change"], _ = timed(build, workbook, root / "build", SETTINGS)
    seconds["documents"] = len(plans)
    return seconds


def shape(nominations: int) -> tuple[int, int]:
    """(decisions, nominations per decision) of a workload."""
    per_decision = 10 if nominations <= 3000 else 100
    return nominations // per_decision, per_decision


def measure(nominations: int, repeat: int, root: Path) -> dict[str, float]:
    """Median seconds of each way over ``repeat`` runs, and the median of each run's ratios (``RATIOS``), on one
    workbook of ``nominations`` rows."""
    workbook = write_year_end_workbook(root / f"cuoi-nam-{nominations}.xlsx", *shape(nominations))
    runs = []
    for index in range(repeat):
        folder = root / f"{nominations}-{index}"
        folder.mkdir()
        runs.append(one_run(workbook, nominations, folder))
    medians = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    ratios = {name: statistics.median(run[a] / run[b] for run in runs) for name, (a, b) in RATIOS.items()}
    return medians | ratios


def peak_memory_mb(nominations: int, root: Path) -> float:
    """The largest PSS, in MB, of a fresh process running one full build of ``nominations`` rows with its
    forked workers (the workbook is made first, in this process)."""
    workbook = write_year_end_workbook(root / f"bo-nho-{nominations}.xlsx", *shape(nominations))
    build_process = subprocess.Popen([sys.executable, __file__, "--peak-build", str(workbook), str(root / "bo-nho")])
    peak = 0
    while build_process.poll() is None:
        peak = max(peak, sum(_pss_kb(pid) for pid in _tree(build_process.pid)))
        time.sleep(0.05)
    if build_process.returncode:
        raise SystemExit(f"the peak-memory build failed ({build_process.returncode})")
    return peak / 1024


def _tree(root: int) -> list[int]:
    """``root`` and every process descended from it."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grown = {root}, True
    while grown:
        grown = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grown = True
    return sorted(tree)


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:")), 0)


def peak_build(workbook: Path, outdir: Path) -> None:
    build(workbook, outdir, SETTINGS)


def rows(sizes: dict[int, dict[str, float]], memory: tuple[int, float] | None) -> list[dict]:
    """The table rows: figure, measured value, target."""
    table = []
    for n, s in sizes.items():
        label = f"{n:,}".replace(",", " ")
        table += [
            {"figure": f"read + validate, {label} rows", "value": f"{s['read'] * 1000 / n:.3f} ms/row",
             "target": f"≤ {READ_TARGET_MS} ms/row"},
            {"figure": f"build, {label} rows ({s['documents']:.0f} documents)", "value": f"{s['build']:.1f} s",
             "target": ""},
            {"figure": f"naive loop ÷ build, {label} rows", "value": f"{s['naive_ratio']:.2f}×",
             "target": f"≥ {NAIVE_TARGET:g}×"},
            {"figure": f"build ÷ write-only floor, {label} rows", "value": f"{s['floor_ratio']:.1f}×",
             "target": "as low as possible"},
            {"figure": f"no-change rebuild ÷ build, {label} rows", "value": f"{s['no_change_ratio']:.2f}",
             "target": "small"},
        ]
    if memory:
        n, mb = memory
        label = f"{n:,}".replace(",", " ")
        table.append({"figure": f"peak memory (PSS with workers), build of {label} rows", "value": f"{mb:.0f} MB",
                      "target": f"≤ {MEMORY_TARGET_MB} MB at 100 000 rows"})
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000], help="nominations per workbook")
    parser.add_argument("--repeat", type=int, default=5, help="runs at every size (median)")
    parser.add_argument("--memory", type=int, default=100000, help="nominations of the peak-memory build (0: skip)")
    table_option(parser)
    parser.add_argument("--peak-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_build:
        return peak_build(*args.peak_build)
    with tempfile.TemporaryDirectory(prefix="tdkt-scale-bench-") as tmp:
        root = Path(tmp)
        sizes = {n: measure(n, args.repeat, root) for n in sorted(args.sizes)}
        memory = (args.memory, peak_memory_mb(args.memory, root)) if args.memory else None
    table = rows(sizes, memory)
    report(table, args.json)


if __name__ == "__main__":
    main()
