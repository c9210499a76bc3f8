"""Print bundles: one PDF per batch, cover sheet first, every copy starting on an odd page."""
from __future__ import annotations
import io

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from pypdf import PdfWriter

from tdkt_docs.errors import UserError
from tdkt_docs.export.cover import write_cover
from tdkt_docs.export.pdf import open_pdf
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


def make_bundles(specs: Sequence[BundleSpec]) -> list[BundleInfo]:
    """Write several bundles, each after its cover sheet (drawn to PDF directly)."""
    for spec in specs:
        if not spec.items:
            raise ValueError("a bundle needs at least one item")
        _check_copies(spec.items)
    readers = [[open_pdf(item.pdf) for item in spec.items] for spec in specs]
    with tempfile.TemporaryDirectory(prefix="tdkt-bia-") as tmp:
        infos = []
        for index, (spec, spec_readers) in enumerate(zip(specs, readers)):
            rows = [(item.title, item.copies, len(r.pages)) for item, r in zip(spec.items, spec_readers)]
            cover = write_cover(spec.heading, rows, Path(tmp) / f"bia-{index:03d}.pdf")
            infos.append(_assemble(spec, spec_readers, open_pdf(cover)))
        return infos


def _assemble(spec: BundleSpec, readers, cover) -> BundleInfo:
    counts = [len(reader.pages) for reader in readers]
    starts, total = plan_starts(len(cover.pages), [(n, item.copies) for n, item in zip(counts, spec.items)])
    writer = PdfWriter()
    for page in cover.pages:
        writer.add_page(page)
    for item, reader, item_starts in zip(spec.items, readers, starts):
        _add_copies(writer, item, reader, item_starts)
    buffer = io.BytesIO()  # pypdf writes in many small pieces: gather them, then write the file at once
    writer.write(buffer)
    with atomic_path(spec.out) as tmp_out:
        tmp_out.write_bytes(buffer.getvalue())
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


def _add_copies(writer: PdfWriter, item: BundleItem, reader, starts: tuple[int, ...]) -> None:
    for copy, start in enumerate(starts, start=1):
        while len(writer.pages) < start - 1:
            writer.add_blank_page()
        for page in reader.pages:
            writer.add_page(page)
        label = item.title if len(starts) == 1 else f"{item.title} (bản {copy}/{len(starts)})"
        writer.add_outline_item(title=label, page_number=start - 1)
