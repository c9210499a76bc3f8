"""Print bundles: one PDF per batch, cover sheet first, every copy starting on an odd page."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from pypdf import PdfWriter

from tdkt_docs.errors import UserError
from tdkt_docs.export.cover import write_cover
from tdkt_docs.export.pdf import convert_to_pdf, open_pdf
from tdkt_docs.files import atomic_path

Converter = Callable[[Sequence[Path], Path], list[Path]]


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


def make_bundle(
    items: Sequence[BundleItem], out: Path, *, heading: str, converter: Converter = convert_to_pdf
) -> BundleInfo:
    """Write the print bundle ``out``; ``converter`` turns the cover .docx into PDF."""
    if not items:
        raise ValueError("a bundle needs at least one item")
    _check_copies(items)
    readers = [open_pdf(item.pdf) for item in items]
    counts = [len(reader.pages) for reader in readers]
    with tempfile.TemporaryDirectory(prefix="tdkt-bia-") as tmp:
        rows = [(item.title, item.copies, count) for item, count in zip(items, counts)]
        cover_docx = write_cover(heading, rows, Path(tmp) / "bia.docx")
        (cover_pdf,) = converter([cover_docx], Path(tmp) / "pdf")
        cover = open_pdf(cover_pdf)
        starts, total = plan_starts(len(cover.pages), [(n, item.copies) for n, item in zip(counts, items)])
        writer = PdfWriter()
        for page in cover.pages:
            writer.add_page(page)
        for item, reader, item_starts in zip(items, readers, starts):
            _add_copies(writer, item, reader, item_starts)
        with atomic_path(Path(out)) as tmp_out:
            writer.write(tmp_out)
    entries = tuple(
        BundleEntry(item.title, item.pdf, count, item.copies, item_starts)
        for item, count, item_starts in zip(items, counts, starts)
    )
    blanks = total - len(cover.pages) - sum(count * item.copies for count, item in zip(counts, items))
    return BundleInfo(Path(out), total, len(cover.pages), blanks, entries)


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
