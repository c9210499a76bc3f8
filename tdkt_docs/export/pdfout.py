"""A PDF written object by object into memory, with pages copied from other PDFs.

Each object a copied page uses (contents, fonts, images) is copied once, whatever the number
of pages that show it, byte for byte: streams are not decoded again. A copied page shows what
the source page shows; its links and tagging are left out (the file is for printing).

Written after an earlier PDF, the objects are an incremental update of it: new objects, and
new versions of some of its objects under their numbers, then a cross-reference section
for those alone.
"""
from __future__ import annotations

import functools
import io
from typing import Sequence

from pypdf import PageObject
from pypdf.generic import (ArrayObject, DictionaryObject, IndirectObject, NameObject, NumberObject, PdfObject,
                           StreamObject)

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"  # 1.7: no older than any LibreOffice or reportlab PDF copied in
SKIPPED_PAGE_KEYS = ("/Parent", "/Annots", "/StructParents")  # the source's page tree, links and tagging


class PdfOut:
    """Objects numbered in the order they are reserved, from 1 or after those of the PDF ``base`` (``size``
    numbers); ``finish`` adds the cross-reference table."""

    def __init__(self, base: bytes = b"", size: int = 1):
        self.buffer = io.BytesIO()
        self.buffer.write(base or HEADER)
        self.base = base
        self.offsets: dict[int, int] = {}
        self.size = size  # the next free object number
        self._copies: dict[tuple[int, int], int] = {}  # (source PDF, its object number) → number here
        self._pending: list[tuple[int, IndirectObject]] = []

    def reserve(self) -> int:
        number, self.size = self.size, self.size + 1
        return number

    def write(self, number: int, body: bytes) -> int:
        self.offsets[number] = self.buffer.tell()
        self.buffer.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
        return number

    def add(self, body: bytes) -> int:
        return self.write(self.reserve(), body)

    def page(self, page: PageObject, parent: int) -> int:
        """A new page object showing ``page`` of another PDF, a kid of the page tree node ``parent``."""
        entries = b"".join(_name(key) + self.encode(value) for key, value in page.items()
                           if key not in SKIPPED_PAGE_KEYS)
        return self.add(b"<</Parent %d 0 R%s>>" % (parent, entries))

    def blank(self, parent: int, size: tuple[int, int]) -> int:
        return self.add(b"<</Type/Page/Parent %d 0 R/MediaBox [0 0 %d %d]/Resources <<>>>>" % (parent, *size))

    def page_tree(self, number: int, kids: Sequence[int]) -> None:
        refs = b" ".join(b"%d 0 R" % kid for kid in kids)
        self.write(number, b"<</Type/Pages/Count %d/Kids [%s]>>" % (len(kids), refs))

    def outline(self, marks: Sequence[tuple[str, int]]) -> int:
        """An outline of (title, page object) marks, in order; returns its root. The k-th mark (from 0)
        is object root + 1 + k, so that an update can write it again."""
        root = self.reserve()
        for _ in marks:
            self.reserve()
        for index, (title, page) in enumerate(marks):
            self.mark(root, index, len(marks), title, page)
        self.write(root, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (root + 1, root + len(marks),
                                                                                     len(marks)))
        return root

    def mark(self, root: int, index: int, count: int, title: str, page: int) -> None:
        """The ``index``-th of the ``count`` marks of the outline ``root``: ``title``, showing ``page``."""
        links = b"".join(b"/%s %d 0 R" % (key, root + 1 + other)
                         for key, other in ((b"Prev", index - 1), (b"Next", index + 1)) if 0 <= other < count)
        self.write(root + 1 + index, b"<</Title %s/Parent %d 0 R%s/Dest [%d 0 R/Fit]>>"
                   % (_text(title), root, links, page))

    def finish(self, root: int) -> bytes:
        """The whole file: every object copied, then the cross-reference section and the trailer naming
        ``root`` (and, in an update, the section before)."""
        while self._pending:
            number, reference = self._pending.pop()
            self.write(number, self.encode(reference.get_object()))
        start = self.buffer.tell()
        rows = {0: b"0000000000 65535 f \n"}  # the head of the free list, in an update too: readers expect it
        rows.update({n: b"%010d 00000 n \n" % offset for n, offset in self.offsets.items()})
        earlier = b"/Prev %d" % previous_section(self.base) if self.base else b""
        self.buffer.write(b"xref\n" + b"".join(b"%d %d\n" % (run[0], len(run)) + b"".join(rows[n] for n in run)
                                              for run in _runs(sorted(rows))))
        self.buffer.write(b"trailer\n<</Size %d/Root %d 0 R%s>>\nstartxref\n%d\n%%%%EOF\n"
                          % (self.size, root, earlier, start))
        return self.buffer.getvalue()

    def encode(self, value: PdfObject) -> bytes:
        """``value`` in PDF syntax after a space, the objects it refers to copied (numbered now, written by
        ``finish``)."""
        if isinstance(value, IndirectObject):
            return b" %d 0 R" % self._copy(value)
        if isinstance(value, StreamObject):
            data = value._data  # pypdf keeps the stream as stored there (still compressed) in _data
            entries = b"".join(_name(k) + self.encode(v) for k, v in value.items() if k != "/Length")
            return b"<</Length %d%s>>\nstream\n%s\nendstream" % (len(data), entries, data)
        if isinstance(value, DictionaryObject):
            return b"<<%s>>" % b"".join(_name(k) + self.encode(v) for k, v in value.items())
        if isinstance(value, ArrayObject):
            return b"[%s]" % b" ".join(self.encode(item) for item in value)
        if type(value) is NumberObject:
            return b" %d" % value
        buffer = io.BytesIO()
        buffer.write(b" ")
        value.write_to_stream(buffer)
        return buffer.getvalue()

    def _copy(self, reference: IndirectObject) -> int:
        key = (id(reference.pdf), reference.idnum)
        if key not in self._copies:
            self._copies[key] = self.reserve()
            self._pending.append((self._copies[key], reference))
        return self._copies[key]


def previous_section(pdf: bytes) -> int:
    """Where the last cross-reference section of ``pdf`` starts."""
    return int(pdf[pdf.rindex(b"startxref"):].split()[1])


def updates(pdf: bytes) -> int:
    """How many incremental updates ``pdf`` has had (one cross-reference section each)."""
    return pdf.count(b"\nstartxref\n") - 1


def _runs(numbers: Sequence[int]) -> list[list[int]]:
    """``numbers`` (sorted) cut into runs of consecutive ones."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


@functools.cache
def _name(name: str) -> bytes:
    buffer = io.BytesIO()
    NameObject(name).write_to_stream(buffer)
    return buffer.getvalue()


def _text(text: str) -> bytes:
    """A PDF text string in UTF-16 with its byte order mark, written in hex."""
    return b"<FEFF%s>" % text.encode("utf-16-be").hex().upper().encode("ascii")
