"""PDF conversion throughput: one soffice call per file versus tdkt_docs.export.convert_to_pdf.

Usage: python bench/pdf_bench.py [--n 300] [--naive-sample 10] [--jobs J] [--keep DIR]

The documents are the year-end batch of bench/workload.py: n Quyết định of 10
nominations each, rendered by tdkt_docs.build.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.workload import write_year_end_workbook  # noqa: E402
from tdkt_docs.build import build  # noqa: E402
from tdkt_docs.documents.quyet_dinh import DOCUMENT as DECISION  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402
from tdkt_docs.export import check_pdf_fonts, convert_to_pdf, find_soffice, page_count  # noqa: E402
from tdkt_docs.export.soffice import soffice_command  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="documents to convert with convert_to_pdf")
    parser.add_argument("--naive-sample", type=int, default=10, help="documents converted the naive way")
    parser.add_argument("--jobs", type=int, default=None, help="parallel soffice processes (default: CPUs)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the files in this directory")
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
        start = time.perf_counter()
        pdfs = convert_to_pdf(docs, root / "pdf", jobs=args.jobs)
        sharded_s = time.perf_counter() - start
        sharded_rate = len(docs) / sharded_s
        jobs = args.jobs or os.cpu_count()
        pages = sum(page_count(pdf) for pdf in pdfs)
        print(f"convert_to_pdf, {jobs} shards: {len(docs)} docs ({pages} pages) in {sharded_s:.1f} s "
              f"= {sharded_rate:.2f} docs/s")
        print(f"speed-up: {sharded_rate / naive_rate:.1f}x")
        start = time.perf_counter()
        problems = [problem for pdf in pdfs for problem in check_pdf_fonts(pdf)]
        check_ms = (time.perf_counter() - start) * 1000 / len(pdfs)
        print(f"font check: {check_ms:.0f} ms/doc, {len(problems)} problems")


if __name__ == "__main__":
    main()
