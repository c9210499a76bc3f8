"""Print bundles: one PDF per batch, cover sheet first, every copy starting on an odd page."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from pypdf import PdfReader

from tdkt_docs.errors import UserError
from tdkt_docs.export.cover import PAGE, cover_pdf
from tdkt_docs.export.pdf import open_pdf
from tdkt_docs.export.pdfout import PdfOut
from tdkt_docs.files import atomic_path


@dataclass(frozen=True)
class BundleItem:
    title: str
    pdf: Path
    copies: int = 1


@dataclass(frozen=True)
class BundleEntry:
    """Where one item landed: ``starts`` holds the 1-based first page of each copy."""

    title: str
    pdf: Path
    pages: int
    copies: int
    starts: tuple[int, ...]


@dataclass(frozen=True)
class BundleInfo:
    path: Path
    total_pages: int
    cover_pages: int
    blank_pages: int
    entries: tuple[BundleEntry, ...]


def plan_starts(cover_pages: int, layout: Sequence[tuple[int, int]]) -> tuple[list[tuple[int, ...]], int]:
    """First page of every copy and the total page count.

    ``layout`` is (pages, copies) per item. A blank page follows any part (cover included) that
    ends on an odd page, so each copy starts on an odd page, i.e. on a fresh sheet in duplex.
    """
    used, starts = cover_pages, []
    for pages, copies in layout:
        item_starts = []
        for _ in range(copies):
            used += used % 2
            item_starts.append(used + 1)
            used += pages
        starts.append(tuple(item_starts))
    return starts, used


def make_bundle(items: Sequence[BundleItem], out: Path, *, heading: str) -> BundleInfo:
    """Write the print bundle ``out``, its cover sheet first."""
    return make_bundles([BundleSpec(tuple(items), Path(out), heading)])[0]


@dataclass(frozen=True)
class BundleSpec:
    items: tuple[BundleItem, ...]
    out: Path
    heading: str


def make_bundles(specs: Sequence[BundleSpec], readers: Mapping[Path, PdfReader] | None = None) -> list[BundleInfo]:
    """Write several bundles, each after its cover sheet (drawn to PDF directly). ``readers`` are PDFs
    already open; any other item PDF is opened here."""
    for spec in specs:
        if not spec.items:
            raise ValueError("a bundle needs at least one item")
        _check_copies(spec.items)
    opened = dict(readers or {})
    for item in (item for spec in specs for item in spec.items if item.pdf not in opened):
        opened[item.pdf] = open_pdf(item.pdf)
    return [_assemble(spec, [opened[item.pdf] for item in spec.items]) for spec in specs]


def _assemble(spec: BundleSpec, readers: Sequence[PdfReader]) -> BundleInfo:
    counts = [len(reader.pages) for reader in readers]
    cover = PdfReader(io.BytesIO(cover_pdf(spec.heading, [(item.title, item.copies, count)
                                                         for item, count in zip(spec.items, counts)])))
    starts, total = plan_starts(len(cover.pages), [(n, item.copies) for n, item in zip(counts, spec.items)])
    out = PdfOut()
    tree = out.reserve()
    kids = [out.page(page, tree) for page in cover.pages]
    marks = []
    for item, reader, item_starts in zip(spec.items, readers, starts):
        for copy, start in enumerate(item_starts, start=1):
            kids += [out.blank(tree, PAGE) for _ in range(start - 1 - len(kids))]
            kids += [out.page(page, tree) for page in reader.pages]
            marks.append((item.title if len(item_starts) == 1 else f"{item.title} (bản {copy}/{len(item_starts)})",
                          kids[start - 1]))
    out.page_tree(tree, kids)
    outline = out.outline(marks)
    data = out.finish(out.add(b"<</Type/Catalog/Pages %d 0 R/Outlines %d 0 R>>" % (tree, outline)))
    with atomic_path(spec.out) as tmp_out:
        tmp_out.write_bytes(data)  # gathered in memory: one write
    entries = tuple(
        BundleEntry(item.title, item.pdf, count, item.copies, item_starts)
        for item, count, item_starts in zip(spec.items, counts, starts)
    )
    blanks = total - len(cover.pages) - sum(count * item.copies for count, item in zip(counts, spec.items))
    return BundleInfo(spec.out, total, len(cover.pages), blanks, entries)


def _check_copies(items: Sequence[BundleItem]) -> None:
    wrong = [f"“{item.title}” ({item.copies})" for item in items if item.copies < 1]
    if wrong:
        raise UserError("Số bản in phải từ 1 trở lên: " + ", ".join(wrong) + ".")
