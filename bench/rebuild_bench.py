"""Rebuilds with --pdf after no change and after one changed nomination, against the full --pdf build.

Usage: python bench/rebuild_bench.py [--n 300] [--per-decision 10] [--json FILE]

One year-end workbook (bench/workload.py: n decisions of per-decision nominations, all in one batch, so
one print bundle holds every decision), then in this run, into one folder:
  full       ``build(..., pdf=True)`` into an empty folder;
  no change  the same build again, nothing changed;
  one row    the build again after ONE cell changed: the position (Chức vụ) of one person, on a copy of the
             workbook edited with openpyxl.
Each rebuild is reported as a fraction of the full build, with what it redid (files written, PDFs
converted, bundles remade and how many of those were updated rather than rewritten). ``--json FILE`` (or $BENCH_TABLE) writes the table rows for ``bench/run.py``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import report, table_option  # noqa: E402
from bench.workload import write_year_end_workbook  # noqa: E402
from tdkt_docs.build import build  # noqa: E402
from tdkt_docs.export.pdfout import updates  # noqa: E402
from tdkt_docs.export.publish import BUNDLE_DIR  # noqa: E402
from tdkt_docs.read.schema import NOMINATIONS  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402

NO_CHANGE_TARGET = 0.10
ONE_ROW_TARGET = 0.20
NEW_POSITION = "Phó Giám đốc"


@dataclass(frozen=True)
class Run:
    """One build: seconds, and what it wrote (paths relative to the output folder)."""

    seconds: float
    written: int     # .docx and summaries written
    pdfs: int        # PDFs converted
    bundles: int     # print bundles remade
    updated: int     # of which written as an incremental update of the earlier file


def edit_one_position(workbook: Path, target: Path) -> Path:
    """A copy of ``workbook`` with the position of the first person who has one changed."""
    shutil.copyfile(workbook, target)
    book = openpyxl.load_workbook(target)
    sheet = book[NOMINATIONS.title]
    header = next(c.header for c in NOMINATIONS.columns if c.key == "position")
    column = next(cell.column for cell in sheet[1] if cell.value == header)
    cell = next(row[0] for row in sheet.iter_rows(min_row=2, min_col=column, max_col=column) if row[0].value)
    cell.value = NEW_POSITION
    book.save(target)
    return target


def stamps(folder: Path) -> dict[Path, int]:
    """Every file of ``folder`` (manifest aside) with its modification time: a file rewritten gets a new one."""
    return {p.relative_to(folder): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file() and p.name != "manifest.json"}


def timed_build(workbook: Path, out: Path) -> Run:
    before = stamps(out) if out.is_dir() else {}
    start = time.perf_counter()
    build(workbook, out, Settings(), pdf=True)
    seconds = time.perf_counter() - start
    redone = [path for path, stamp in stamps(out).items() if before.get(path) != stamp]
    bundles = [p for p in redone if p.parts[0] == BUNDLE_DIR]
    pdfs = [p for p in redone if p.suffix == ".pdf" and p not in bundles]
    updated = sum(path in before and updates((out / path).read_bytes()) > 0 for path in bundles)
    return Run(seconds, len(redone) - len(pdfs) - len(bundles), len(pdfs), len(bundles), updated)


def measure(n_decisions: int, per_decision: int, root: Path) -> dict[str, Run]:
    workbook = write_year_end_workbook(root / "cuoi-nam.xlsx", n_decisions, per_decision)
    edited = edit_one_position(workbook, root / "cuoi-nam-sua-mot-dong.xlsx")
    out = root / "out"
    return {"full": timed_build(workbook, out), "no_change": timed_build(workbook, out),
            "one_row": timed_build(edited, out)}


def describe(name: str, run: Run) -> str:
    return (f"{name}: {run.seconds:.1f} s, {run.written} files written (.docx, summaries), "
            f"{run.pdfs} PDFs converted, {run.bundles} bundles remade ({run.updated} as an update of the earlier "
            "file)")


def rows(runs: dict[str, Run], n_decisions: int) -> list[dict]:
    full = runs["full"].seconds
    return [
        {"figure": f"full --pdf build, {n_decisions} decisions", "value": f"{full:.1f} s", "target": ""},
        {"figure": "no-change --pdf rebuild ÷ full", "value": f"{runs['no_change'].seconds / full:.0%}",
         "target": f"≤ {NO_CHANGE_TARGET:.0%}"},
        {"figure": "one-row --pdf rebuild ÷ full", "value": f"{runs['one_row'].seconds / full:.0%}",
         "target": f"≤ {ONE_ROW_TARGET:.0%}"},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="decisions (tờ trình) in the workbook")
    parser.add_argument("--per-decision", type=int, default=10, help="nominations per decision")
    table_option(parser)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="tdkt-rebuild-bench-") as tmp:
        runs = measure(args.n, args.per_decision, Path(tmp))
    for name, run in runs.items():
        print(describe(name.replace("_", " "), run))
    table = rows(runs, args.n)
    report(table, args.json)


if __name__ == "__main__":
    main()
