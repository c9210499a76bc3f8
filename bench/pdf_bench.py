"""PDF conversion throughput: one soffice call per file versus tdkt_docs.export.convert_to_pdf.

Usage: python bench/pdf_bench.py [--n 300] [--naive-sample 10] [--jobs J] [--keep DIR] [--json FILE]

The documents are the year-end batch of bench/workload.py: n Quyết định of 10
nominations each, rendered by tdkt_docs.build. Besides the speed-up, the core
utilisation of the conversion: CPU seconds of the soffice processes (their
rusage) ÷ (wall seconds × cores). ``--json FILE`` (or $BENCH_TABLE) writes the
table rows for ``bench/run.py``.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import report, table_option  # noqa: E402
from bench.workload import write_year_end_workbook  # noqa: E402
from tdkt_docs.build import build  # noqa: E402
from tdkt_docs.documents.quyet_dinh import DOCUMENT as DECISION  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402
from tdkt_docs.export import check_pdf_fonts, convert_to_pdf, find_soffice, page_count  # noqa: E402
from tdkt_docs.export.soffice import soffice_command  # noqa: E402

UTILISATION_TARGET = 0.8


def make_decisions(root: Path, n: int) -> list[Path]:
    """The Quyết định of a year-end batch of n decisions (10 nominations each), rendered by build."""
    workbook = write_year_end_workbook(root / "cuoi-nam.xlsx", n_decisions=n)
    result = build(workbook, root / "docx", Settings())
    return [result.outdir / output.path for output in result.outputs if output.kind == DECISION.key]


def naive(soffice: Path, docs: list[Path], outdir: Path) -> float:
    """One soffice call per file, sequentially, sharing one warmed-up profile; seconds elapsed."""
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-profile-") as profile:
        warm = soffice_command(soffice, docs[:1], outdir / "warmup", Path(profile))
        subprocess.run(warm, capture_output=True, check=True)
        start = time.perf_counter()
        for doc in docs:
            subprocess.run(soffice_command(soffice, [doc], outdir, Path(profile)), capture_output=True, check=True)
        elapsed = time.perf_counter() - start
    missing = [doc for doc in docs if not (outdir / f"{doc.stem}.pdf").is_file()]
    if missing:
        raise SystemExit(f"naive conversion produced no PDF for {len(missing)} files")
    return elapsed


def children_cpu() -> float:
    """CPU seconds of every finished child process (and the children they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sharded(docs: list[Path], outdir: Path, jobs: int | None) -> tuple[list[Path], float, float]:
    """convert_to_pdf: the PDFs, wall seconds, CPU seconds of its soffice processes."""
    cpu, start = children_cpu(), time.perf_counter()
    pdfs = convert_to_pdf(docs, outdir, jobs=jobs)
    return pdfs, time.perf_counter() - start, children_cpu() - cpu


def rows(n: int, seconds: float, speed_up: float, utilisation: float) -> list[dict]:
    return [
        {"figure": f"convert_to_pdf, {n} decisions", "value": f"{seconds:.1f} s", "target": ""},
        {"figure": "convert_to_pdf speed-up over one soffice call per file", "value": f"{speed_up:.1f}×",
         "target": "as high as possible"},
        {"figure": "core utilisation during convert_to_pdf", "value": f"{utilisation:.0%}",
         "target": f"≥ {UTILISATION_TARGET:.0%}"},
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="documents to convert with convert_to_pdf")
    parser.add_argument("--naive-sample", type=int, default=10, help="documents converted the naive way")
    parser.add_argument("--jobs", type=int, default=None, help="parallel soffice processes (default: CPUs)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the files in this directory")
    table_option(parser)
    args = parser.parse_args()
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        docs = make_decisions(root, args.n)
        print(f"built {len(docs)} Quyết định .docx in {time.perf_counter() - start:.1f} s")
        sample = docs[: args.naive_sample]
        naive_s = naive(soffice, sample, root / "naive")
        naive_rate = len(sample) / naive_s
        print(f"naive, one soffice call per file: {len(sample)} docs in {naive_s:.1f} s "
              f"= {naive_rate:.2f} docs/s (measured on a sample of {len(sample)}; "
              f"extrapolated to {args.n} docs: {args.n / naive_rate:.0f} s)")
        load = os.getloadavg()[0]
        pdfs, sharded_s, cpu_s = sharded(docs, root / "pdf", args.jobs)
        sharded_rate = len(docs) / sharded_s
        jobs, cores = args.jobs or os.cpu_count(), os.cpu_count()
        utilisation = cpu_s / (sharded_s * cores)
        pages = sum(page_count(pdf) for pdf in pdfs)
        print(f"convert_to_pdf, {jobs} parallel soffice: {len(docs)} docs ({pages} pages) in {sharded_s:.1f} s "
              f"= {sharded_rate:.2f} docs/s")
        print(f"speed-up: {sharded_rate / naive_rate:.1f}x")
        print(f"soffice CPU {cpu_s:.1f} s over {sharded_s:.1f} s on {cores} cores: {utilisation:.0%} utilisation "
              f"(load average {load:.1f} before)")
        start = time.perf_counter()
        problems = [problem for pdf in pdfs for problem in check_pdf_fonts(pdf)]
        check_ms = (time.perf_counter() - start) * 1000 / len(pdfs)
        print(f"font check: {check_ms:.0f} ms/doc, {len(problems)} problems")
    table = rows(len(docs), sharded_s, sharded_rate / naive_rate, utilisation)
    report(table, args.json)


if __name__ == "__main__":
    main()
