"""Rendering throughput of a year-end batch of Quyết định: tdkt_docs.build versus a new DocxTemplate per document.

Usage: python bench/render_bench.py [--n-decisions 300] [--per-decision 10] [--keep DIR]

One generated workbook; in the same run:
  build       tdkt_docs.build.build end to end (read, checks, compose, render, format check, write);
  render_all  the render step alone on the composed plans (compiled templates + format check), in one
              process (a build shares it among the cores);
  compiled    CompiledTemplate.render alone (no format check), to show what the check costs;
  naive       per decision a new docxtpl.DocxTemplate, render (autoescape, StrictUndefined), save.
It also times build's stages one by one (read, compose, render_all, summaries), each alone.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.workload import write_year_end_workbook  # noqa: E402
from tdkt_docs.build import Renderer, attachment, build, prepare  # noqa: E402
from tdkt_docs.compose.document import Composition, DocumentPlan  # noqa: E402
from tdkt_docs.documents.quyet_dinh import DOCUMENT as DECISION  # noqa: E402
from tdkt_docs.render.docx import CompiledTemplate  # noqa: E402
from tdkt_docs.rules.book import Rules  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402

SETTINGS = Settings()


def decisions(composition: Composition) -> list[DocumentPlan]:
    return [plan for plan in composition.documents if plan.kind == DECISION.key]


def decision_plans(workbook: Path) -> list[DocumentPlan]:
    """The composed Quyết định of the workbook, as build renders them."""
    return decisions(prepare(workbook, SETTINGS).composition)


def build_decisions(workbook: Path, outdir: Path) -> list[Path]:
    """Our way, end to end; the decision files written."""
    result = build(workbook, outdir, SETTINGS)
    return [result.outdir / output.path for output in result.outputs if output.kind == DECISION.key]


def render_all(plans: list[DocumentPlan]) -> list:
    """Compiled templates with the per-document format check, as build renders, in this process alone."""
    return Renderer(SETTINGS, Rules(SETTINGS)).render_all(plans)


def render_compiled(plans: list[DocumentPlan]) -> list[bytes]:
    """Compiled templates without the format check."""
    templates = {name: CompiledTemplate(SETTINGS.template(name)) for name in {plan.template for plan in plans}}
    return [templates[plan.template].render(plan.context) for plan in plans]


def render_naive(plans: list[DocumentPlan], outdir: Path) -> list[Path]:
    """The naive way: a new DocxTemplate per document, rendered strictly and saved."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    paths = []
    for plan in plans:
        document = DocxTemplate(SETTINGS.template(plan.template))
        document.render(plan.context, env, autoescape=True)
        paths.append(outdir / plan.filename)
        paths[-1].parent.mkdir(parents=True, exist_ok=True)
        document.save(paths[-1])
    return paths


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


def run(n_decisions: int, per_decision: int, root: Path) -> dict[str, float]:
    """Generate the workbook under root, run every way; seconds per way (and for generating)."""
    seconds = {}
    seconds["generate"], workbook = timed(write_year_end_workbook, root / "cuoi-nam.xlsx", n_decisions, per_decision)
    seconds["build"], built = timed(build_decisions, workbook, root / "build")
    seconds["prepare"], prepared = timed(prepare, workbook, SETTINGS)
    plans = decisions(prepared.composition)
    seconds["render_all"], outputs = timed(render_all, plans)
    seconds["summaries"], _ = timed(lambda: [attachment(a) for a in prepared.composition.attachments])
    seconds["compiled"], rendered = timed(render_compiled, plans)
    seconds["naive"], naive = timed(render_naive, plans, root / "naive")
    counts = {len(built), len(outputs), len(rendered), len(naive)}
    if counts != {n_decisions}:
        raise SystemExit(f"expected {n_decisions} decisions from every way, got {sorted(counts)}")
    return seconds


def report(seconds: dict[str, float], n_decisions: int, per_decision: int) -> list[str]:
    labels = {
        "build": "build() end to end",
        "render_all": "render_all (compiled + format check)",
        "compiled": "compiled templates, no format check",
        "naive": "naive, new DocxTemplate per document",
    }
    lines = [f"workload: {n_decisions} decisions × {per_decision} nominations "
             f"= {n_decisions * per_decision} nominations (workbook written in {seconds['generate']:.1f} s)"]
    rate = {way: n_decisions / seconds[way] for way in labels}
    lines += [f"{labels[way]:<40} {seconds[way]:7.2f} s  {rate[way]:7.1f} decisions/s" for way in labels]
    lines.append(f"speed-up vs naive: render_all {rate['render_all'] / rate['naive']:.1f}x, "
                 f"build end to end {rate['build'] / rate['naive']:.1f}x, "
                 f"compiled without check {rate['compiled'] / rate['naive']:.1f}x")
    stages = {"read + resolve + review + compose": seconds["prepare"],
              "render + format check": seconds["render_all"], "summary workbook": seconds["summaries"]}
    lines.append("build stages, each timed alone (build overlaps rendering and the summaries on every core): "
                 + ", ".join(f"{stage} {s:.2f} s" for stage, s in stages.items()))
    lines.append(f"format check: {(seconds['render_all'] - seconds['compiled']) * 1000 / n_decisions:.1f} ms/decision")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-decisions", type=int, default=300, help="decisions (tờ trình) in the batch")
    parser.add_argument("--per-decision", type=int, default=10, help="nominations per decision")
    parser.add_argument("--keep", type=Path, default=None, help="keep the files in this (new or empty) directory")
    args = parser.parse_args()
    if args.keep and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"{args.keep} is not empty: a rebuild over earlier files would time hashing, not writing")
    with tempfile.TemporaryDirectory(prefix="tdkt-render-bench-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        seconds = run(args.n_decisions, args.per_decision, root)
    print("\n".join(report(seconds, args.n_decisions, args.per_decision)))


if __name__ == "__main__":
    main()
