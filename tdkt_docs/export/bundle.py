"""Print bundles: one PDF per batch, cover sheet first, every copy starting on an odd page.

A bundle records the SHA-256 of each item PDF in its catalog (under /PieceInfo, where a PDF keeps an
application's own data). Made again with the same items (titles, PDFs, copies) where only some PDFs
changed, the earlier bundle is updated rather than rewritten: the changed items' pages, the page list,
their outline entries and, when page counts changed, the cover are appended as an incremental update;
every other page stays as it is, and its PDF is not read. After ``MAX_UPDATES`` updates, or when more
than a quarter of the items changed, the bundle is written afresh.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from pypdf import PdfReader

from tdkt_docs.errors import UserError
from tdkt_docs.export.cover import PAGE, cover_pdf
from tdkt_docs.export.pdf import open_pdf
from tdkt_docs.export.pdfout import PdfOut, updates
from tdkt_docs.files import atomic_path
from tdkt_docs.manifest import file_sha256

PIECE = "/TDKT"  # this program's entry in /PieceInfo
MAX_UPDATES = 10
CHANGED_SHARE = 4  # update only when at most one item in this many changed


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


def make_bundles(specs: Sequence[BundleSpec], readers: Mapping[Path, PdfReader] | None = None,
                 earlier: Mapping[Path, BundleInfo] | None = None) -> list[BundleInfo]:
    """Write several bundles, each after its cover sheet (drawn to PDF directly). ``readers`` are PDFs
    already open; any other item PDF is opened here when needed. ``earlier`` describes bundles already
    at some of the ``out`` paths, which may then be updated."""
    for spec in specs:
        if not spec.items:
            raise ValueError("a bundle needs at least one item")
        _check_copies(spec.items)
    opened = dict(readers or {})

    def reader(pdf: Path) -> PdfReader:
        if pdf not in opened:
            opened[pdf] = open_pdf(pdf)
        return opened[pdf]

    infos = []
    for spec in specs:
        shas = [file_sha256(item.pdf) for item in spec.items]
        known = (earlier or {}).get(spec.out)
        update = known and _update(spec, shas, known, reader)
        infos.append(update or _assemble(spec, shas, reader))
    return infos


def _assemble(spec: BundleSpec, shas: list[str], reader: Callable[[Path], PdfReader]) -> BundleInfo:
    out = PdfOut()
    tree = out.reserve()
    counts = [len(reader(item.pdf).pages) for item in spec.items]
    cover = [out.page(page, tree) for page in _cover(spec, counts).pages]
    layout = _lay_out(spec, counts, cover, lambda index, copy: [out.page(page, tree) for page in
                                                                 reader(spec.items[index].pdf).pages],
                      lambda: out.blank(tree, PAGE))
    out.page_tree(tree, layout.kids)
    outline = out.outline(layout.marks)
    return _save(spec, out.finish(out.add(_catalog(tree, outline, shas))), counts, layout)


def _update(spec: BundleSpec, shas: list[str], known: BundleInfo,
            reader: Callable[[Path], PdfReader]) -> BundleInfo | None:
    """``known`` updated to hold ``spec`` (the same items as before); None when it should be written afresh."""
    if [(e.title, e.pdf, e.copies) for e in known.entries] != [(i.title, i.pdf, i.copies) for i in spec.items]:
        return None
    data = spec.out.read_bytes()
    if updates(data) >= MAX_UPDATES:
        return None
    before = PdfReader(io.BytesIO(data), strict=True)  # written here: no repair pass over every object
    catalog = before.trailer["/Root"]
    recorded = [str(sha) for sha in catalog.get("/PieceInfo", {}).get(PIECE, {}).get("/Private", [])]
    changed = {index for index, (old, new) in enumerate(zip(recorded, shas)) if old != new}
    if len(recorded) != len(shas) or len(changed) * CHANGED_SHARE > len(shas):
        return None
    out = PdfOut(data, int(before.trailer["/Size"]))
    tree, outline = catalog.raw_get("/Pages").idnum, catalog.raw_get("/Outlines").idnum
    kids = [kid.idnum for kid in catalog["/Pages"]["/Kids"]]
    counts = [len(reader(item.pdf).pages) if index in changed else entry.pages
              for index, (item, entry) in enumerate(zip(spec.items, known.entries))]
    if counts == [entry.pages for entry in known.entries]:
        cover = kids[:known.cover_pages]
    else:
        cover = [out.page(page, tree) for page in _cover(spec, counts).pages]
    blanks = _blank_pages(kids, known)

    def pages(index: int, copy: int) -> list[int]:
        if index in changed:
            return [out.page(page, tree) for page in reader(spec.items[index].pdf).pages]
        start = known.entries[index].starts[copy] - 1
        return kids[start:start + counts[index]]

    layout = _lay_out(spec, counts, cover, pages, lambda: blanks.pop() if blanks else out.blank(tree, PAGE))
    out.page_tree(tree, layout.kids)
    for mark, ((title, page), owner) in enumerate(zip(layout.marks, layout.owners)):
        if owner in changed:
            out.mark(outline, mark, len(layout.marks), title, page)
    root = out.write(before.trailer.raw_get("/Root").idnum, _catalog(tree, outline, shas))
    return _save(spec, out.finish(root), counts, layout)


@dataclass
class _Layout:
    cover: int  # pages
    kids: list[int]  # the page objects, in order
    marks: list[tuple[str, int]]  # outline: (title, first page object) of every copy
    owners: list[int]  # the item each mark belongs to
    starts: list[tuple[int, ...]]
    total: int


def _lay_out(spec: BundleSpec, counts: list[int], cover: list[int], pages: Callable[[int, int], list[int]],
             blank: Callable[[], int]) -> _Layout:
    """The page objects after ``cover``: each copy's ``pages(item, copy)``, a ``blank()`` before any copy
    that would start on an even page."""
    starts, total = plan_starts(len(cover), [(n, item.copies) for n, item in zip(counts, spec.items)])
    layout = _Layout(len(cover), list(cover), [], [], starts, total)
    for index, (item, item_starts) in enumerate(zip(spec.items, starts)):
        for copy, start in enumerate(item_starts):
            layout.kids += [blank() for _ in range(start - 1 - len(layout.kids))]
            layout.kids += pages(index, copy)
            title = item.title if len(item_starts) == 1 else f"{item.title} (bản {copy + 1}/{len(item_starts)})"
            layout.marks.append((title, layout.kids[start - 1]))
            layout.owners.append(index)
    return layout


def _blank_pages(kids: list[int], known: BundleInfo) -> list[int]:
    """The blank pages of the bundle ``known`` (page objects ``kids``)."""
    used = set(range(known.cover_pages))
    for entry in known.entries:
        for start in entry.starts:
            used.update(range(start - 1, start - 1 + entry.pages))
    return [kid for index, kid in enumerate(kids) if index not in used]


def _cover(spec: BundleSpec, counts: list[int]) -> PdfReader:
    rows = [(item.title, item.copies, count) for item, count in zip(spec.items, counts)]
    return PdfReader(io.BytesIO(cover_pdf(spec.heading, rows)))


def _catalog(tree: int, outline: int, shas: list[str]) -> bytes:
    modified = dt.datetime.now(dt.timezone.utc).strftime("D:%Y%m%d%H%M%SZ").encode("ascii")
    recorded = b" ".join(b"(%s)" % sha.encode("ascii") for sha in shas)
    return (b"<</Type/Catalog/Pages %d 0 R/Outlines %d 0 R/PieceInfo <<%s <</LastModified (%s)/Private [%s]>>>>>>"
            % (tree, outline, PIECE.encode("ascii"), modified, recorded))


def _save(spec: BundleSpec, data: bytes, counts: list[int], layout: _Layout) -> BundleInfo:
    with atomic_path(spec.out) as tmp_out:
        tmp_out.write_bytes(data)  # gathered in memory: one write
    entries = tuple(BundleEntry(item.title, item.pdf, count, item.copies, item_starts)
                    for item, count, item_starts in zip(spec.items, counts, layout.starts))
    blanks = layout.total - layout.cover - sum(count * item.copies for count, item in zip(counts, spec.items))
    return BundleInfo(spec.out, layout.total, layout.cover, blanks, entries)


def _check_copies(items: Sequence[BundleItem]) -> None:
    wrong = [f"“{item.title}” ({item.copies})" for item in items if item.copies < 1]
    if wrong:
        raise UserError("Số bản in phải từ 1 trở lên: " + ", ".join(wrong) + ".")
