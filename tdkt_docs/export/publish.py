"""Signing copies for a build: a PDF beside every .docx and one print bundle per group.

A PDF is reused when the manifest says it was made from the same .docx bytes (its page
count is the manifest's), and a bundle when its inputs (titles, copies, PDF bytes) are
the same, so a rebuild with unchanged input converts nothing. A PDF is read at most once
in a build: a new one right after conversion, for its fonts, pages and bundle; a reused
one only when its bundle is made again.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from pypdf import PdfReader

from ..errors import UserError
from ..files import TEMP_PREFIX
from ..manifest import Entry, file_sha256
from .bundle import BundleEntry, BundleInfo, BundleItem, BundleSpec, make_bundles
from .fonts import font_problems
from .pdf import convert_to_pdf, open_pdf
from .standing import BUNDLE_KIND, PDF_KIND, reusable

BUNDLE_DIR = "in-ky"


@dataclass(frozen=True)
class SigningDocument:
    """A written .docx the secretaries will print: where it is and how many copies."""

    path: str       # relative to the output folder
    title: str
    group: str      # bundle it belongs to
    copies: int
    sha256: str     # of the .docx as written (the manifest's): not read again here


def export(outdir: Path, documents: Sequence[SigningDocument], previous: dict[str, dict], *,
           bundle_name: Callable[[str], str], progress: Callable[[int], None] | None = None,
           landed: Callable[[Entry], None] = lambda entry: None) -> list[Entry]:
    """PDFs and bundles for ``documents``; returns their manifest entries, each also given to ``landed``
    as soon as its file is in place."""
    pdf_entries, readers = _pdfs(outdir, documents, previous, progress)
    for entry in pdf_entries:
        landed(entry)
    bundles = _bundles(outdir, documents, pdf_entries, previous, bundle_name, readers)
    for entry in bundles:
        landed(entry)
    return pdf_entries + bundles


def _pdf_path(docx: str) -> str:
    return str(Path(docx).with_suffix(".pdf"))


def _pdfs(outdir: Path, documents: Sequence[SigningDocument], previous: dict[str, dict],
          progress: Callable[[int], None] | None) -> tuple[list[Entry], dict[Path, PdfReader]]:
    """The PDF entries, and the PDFs converted now, open (by path)."""
    stale = [doc for doc in documents if not reusable(outdir, _pdf_path(doc.path), doc.sha256, previous)]
    if progress and len(stale) < len(documents):
        progress(len(documents) - len(stale))
    readers = _convert(outdir, [doc.path for doc in stale], progress)
    entries = []
    for doc in documents:
        path = _pdf_path(doc.path)
        reader = readers.get(outdir / path)
        sha, pages = ((file_sha256(outdir / path), len(reader.pages)) if reader
                      else (previous[path]["sha256"], previous[path]["pages"]))  # reused: checked by reusable
        entries.append(Entry(kind=PDF_KIND, path=path, sha256=sha, title=doc.title, pages=pages,
                             extra={"tu": doc.path, "tu_sha256": doc.sha256}))
    return entries, readers


def _convert(outdir: Path, docx_paths: Sequence[str], progress: Callable[[int], None] | None
             ) -> dict[Path, PdfReader]:
    """Convert under unique names in one sharded run; open each PDF once and check its fonts before
    anything is moved in place. Returns the PDFs in place, open."""
    if not docx_paths:
        return {}
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX + "pdf-", dir=outdir) as tmp:
        staged = []
        for index, rel in enumerate(docx_paths):
            link = Path(tmp) / f"{index:05d}-{Path(rel).name}"
            _link_or_copy(outdir / rel, link)
            staged.append(link)
        pdfs = convert_to_pdf(staged, Path(tmp) / "pdf", progress=progress)
        readers = [open_pdf(pdf) for pdf in pdfs]
        problems = [problem for pdf, reader in zip(pdfs, readers) for problem in font_problems(reader, pdf.name)]
        if problems:
            raise UserError("Bản PDF dùng phông thay thế hoặc thiếu chữ tiếng Việt, chưa ghi PDF nào. "
                            "Hãy cài fonts-liberation2 (xem README) rồi chạy lại:\n"
                            + "\n".join(f"  {p}" for p in problems))
        placed = {}
        for rel, pdf, reader in zip(docx_paths, pdfs, readers):
            placed[outdir / _pdf_path(rel)] = reader
            os.replace(pdf, outdir / _pdf_path(rel))
        return placed


def _link_or_copy(source: Path, link: Path) -> None:
    try:
        os.link(source, link)
    except OSError:
        link.write_bytes(source.read_bytes())


def _bundles(outdir: Path, documents: Sequence[SigningDocument], pdf_entries: list[Entry],
             previous: dict[str, dict], bundle_name: Callable[[str], str],
             readers: dict[Path, PdfReader]) -> list[Entry]:
    shas = {e.path: e.sha256 for e in pdf_entries}
    groups: dict[str, list[SigningDocument]] = {}
    for doc in documents:
        groups.setdefault(doc.group, []).append(doc)
    specs, entries, earlier = [], [], {}
    for group, members in groups.items():
        path = f"{BUNDLE_DIR}/{bundle_name(group)}.pdf"
        items = tuple(BundleItem(d.title, outdir / _pdf_path(d.path), d.copies) for d in members)
        heading = f"Bộ văn bản in để ký: {group}"
        key = _bundle_key(heading, [(d.title, d.copies, shas[_pdf_path(d.path)]) for d in members])
        old = previous.get(path)
        intact = old and (outdir / path).is_file() and file_sha256(outdir / path) == old.get("sha256")
        if intact and old.get("extra", {}).get("dau_vao_sha256") == key:
            entries.append(Entry(**old))
            continue
        specs.append((BundleSpec(items, outdir / path, heading), path, key))
        if intact and old.get("title") == heading:
            earlier[outdir / path] = _bundle_info(outdir, old)
    if specs:
        infos = make_bundles([spec for spec, _, _ in specs], readers, earlier)
        entries += [_bundle_entry(outdir, spec.heading, path, key, info)
                    for (spec, path, key), info in zip(specs, infos)]
    return entries


def _bundle_key(heading: str, parts: list[tuple[str, int, str]]) -> str:
    return hashlib.sha256(repr((heading, parts)).encode("utf-8")).hexdigest()


def _bundle_entry(outdir: Path, heading: str, path: str, key: str, info: BundleInfo) -> Entry:
    return Entry(
        kind=BUNDLE_KIND, path=path, sha256=file_sha256(outdir / path), title=heading, pages=info.total_pages,
        extra={
            "dau_vao_sha256": key, "trang_bia": info.cover_pages, "trang_trang": info.blank_pages,
            "van_ban": [{"ten": e.title, "pdf": str(e.pdf.relative_to(outdir)), "so_trang": e.pages,
                         "so_ban": e.copies, "trang_bat_dau": list(e.starts)} for e in info.entries],
        },
    )


def _bundle_info(outdir: Path, entry: dict) -> BundleInfo:
    """The bundle a manifest entry describes (the inverse of ``_bundle_entry``)."""
    extra = entry["extra"]
    return BundleInfo(outdir / entry["path"], entry["pages"], extra["trang_bia"], extra["trang_trang"], tuple(
        BundleEntry(e["ten"], outdir / e["pdf"], e["so_trang"], e["so_ban"], tuple(e["trang_bat_dau"]))
        for e in extra["van_ban"]))
