"""Running the CLI as a user would, and reading generated .docx."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "mau"
SAMPLE_2024 = SAMPLES / "bac-ninh-2024" / "tdkt-2024.xlsx"
SAMPLE_2026 = SAMPLES / "bac-ninh-2026" / "tdkt-2026-bac-ninh-moi.xlsx"
TEMPLATES = ROOT / "tdkt_docs" / "templates"


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run_tdkt(*args, cwd: Path | None = None) -> Ran:
    """The ``tdkt`` command run in this process (click's CliRunner), as a user would type it."""
    from click.testing import CliRunner

    from tdkt_docs.cli import cli

    with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
        result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="tdkt", catch_exceptions=False)
    return Ran(result.exit_code, result.stdout, result.stderr)


def run_tdkt_process(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed ``tdkt`` in a process of its own: for the few end-to-end tests."""
    return subprocess.run([sys.executable, "-m", "tdkt_docs", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def edited_template(folder: Path, name: str, old: str, new: str) -> Path:
    """A copy of the shipped template ``name`` in ``folder`` where the run holding ``old`` reads ``new`` instead,
    as a user leaves it after typing over a tag in Word."""
    import docx

    document = docx.Document(str(TEMPLATES / name))
    cells = (cell for table in document.tables for row in table.rows for cell in row.cells)
    paragraphs = [*document.paragraphs, *(p for cell in cells for p in cell.paragraphs)]
    run = next(r for p in paragraphs for r in p.runs if old in r.text)
    run.text = run.text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    document.save(folder / name)
    return folder / name


def collapse(text: str) -> str:
    return " ".join(text.split())


def docx_blocks(document) -> list[str]:
    """The document's visible text in reading order, whitespace collapsed.

    A paragraph is one block. A data table (six or more columns) gives one block per
    row, its cells joined by tabs, a cell's paragraphs joined by spaces. A layout
    table (header, signature) gives one block per non-empty paragraph of each cell.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                blocks.append(collapse(item.text))
        elif isinstance(item, Table) and len(item.columns) >= 6:
            for row in item.rows:
                blocks.append("\t".join(collapse(" ".join(p.text for p in c.paragraphs)) for c in row.cells))
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    blocks += [collapse(p.text) for p in cell.paragraphs if p.text.strip()]
    return blocks


def style_chain(style):
    """A python-docx style and the styles it is based on."""
    while style is not None:
        yield style
        style = style.base_style


def doc_default(document, tag: str, attr: str) -> str | None:
    from docx.oxml.ns import qn

    r_pr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    element = r_pr.find(qn(tag))
    return None if element is None else element.get(qn(attr))


def resolved(document, paragraph, run, prop: str):
    """Font property as Word resolves it: run, its character style, paragraph style chain, defaults."""
    fonts = [run.font, *(s.font for s in style_chain(run.style)), *(s.font for s in style_chain(paragraph.style))]
    for font in fonts:
        value = getattr(font, prop)
        if value is not None:
            return value.pt if prop == "size" else value
    if prop == "size":
        return int(doc_default(document, "w:sz", "w:val")) / 2
    if prop == "name":
        return doc_default(document, "w:rFonts", "w:ascii")
    return False


def year_end_content(n_decisions: int, per_decision: int) -> dict:
    """The benchmarks' year-end workbook content (bench/workload.py), distinct names throughout."""
    sys.path.insert(0, str(ROOT / "bench"))
    from workload import year_end_content as content
    return content(n_decisions, per_decision)


def current_umask() -> int:
    """The process's umask (reading it means setting it: it is put back at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
