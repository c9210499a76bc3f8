"""A worksheet as the reader sees it: saved values row by row, plus what values alone do not show.

Values come from calamine (Rust, streaming the sheet far faster than openpyxl). What
calamine does not report (hidden rows, an active filter, merged cells, formulas without
a saved value, error values such as #N/A) is read from the sheet's XML with a few
byte patterns, one pass, chunk by chunk, while calamine parses. ``Grid.of_worksheet`` wraps an openpyxl sheet
the same way, for callers that already hold one.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import posixpath
import re
import tempfile
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator
from xml.etree import ElementTree

import openpyxl
import python_calamine
from openpyxl.utils import column_index_from_string

from . import cells

Overrides = dict[int, dict[int, object]]  # row → column → value calamine cannot give


def titled(titles: Iterable[str], title: str) -> str | None:
    """The one of ``titles`` that names the sheet ``title``, however its case, spacing or accents are typed."""
    wanted = cells.header_key(title)
    return next((name for name in titles if cells.header_key(name) == wanted), None)


def same(value: object) -> object:
    return value


@dataclass
class Grid:
    title: str
    _rows: Callable[[], Iterable]
    hidden: frozenset[int] = frozenset()
    filter_ref: str = ""                                   # range of a filter that hides rows, else ""
    merged: list[tuple[str, int]] = field(default_factory=list)  # ("A5:B6", last row of the range)
    overrides: Overrides = field(default_factory=dict)
    normal: Callable[[object], object] = same  # a value as the source gives it → as openpyxl gives it

    def raw_rows(self, start: int = 1) -> Iterator[tuple[int, list]]:
        """(row number, values from column A) from row ``start`` on, each value as the source gives it: it means
        ``normal(value)``. For a reader that parses each distinct value once. Every row has the same length."""
        for number, row in islice(enumerate(self._rows(), 1), start - 1, None):
            if number in self.overrides:
                for column, value in self.overrides[number].items():
                    row.extend([None] * (column - len(row)))  # a formula cell past the last value
                    row[column - 1] = value
            yield number, row

    def rows(self, start: int = 1) -> Iterator[tuple[int, list]]:
        """(row number, values from column A) from row ``start`` on; None for an empty cell."""
        normal = self.normal
        for number, row in self.raw_rows(start):
            yield number, row if normal is same else [normal(value) for value in row]

    def let_go(self) -> None:
        """Its values are read: what holds them (calamine's copy of a whole sheet) is freed."""
        self._rows = tuple

    def head(self, n: int) -> list[list]:
        return [row for _, row in islice(self.rows(), n)]

    @classmethod
    def of_worksheet(cls, ws) -> Grid:
        """An openpyxl worksheet (any mode but read-only) as a Grid."""
        hidden = frozenset(r for r, d in ws.row_dimensions.items() if d.hidden)
        active = ws.auto_filter.ref and ws.auto_filter.filterColumn
        return cls(ws.title, lambda: (list(r) for r in ws.iter_rows(values_only=True)), hidden,
                   ws.auto_filter.ref if active else "",
                   [(m.coord, m.max_row) for m in ws.merged_cells.ranges])


class ValueBook:
    """A workbook read for values: calamine for cells, the sheet XML for the rest."""

    def __init__(self, path: Path):
        self.path = path
        with path.open("rb") as stream:  # by content: calamine picks the format from the extension otherwise
            self.book = python_calamine.CalamineWorkbook.from_filelike(stream)
        self.parts = _sheet_parts(path)
        self.titles = [m.name for m in self.book.sheets_metadata
                       if m.typ == python_calamine.SheetTypeEnum.WorkSheet]

    def grid(self, title: str) -> Grid:
        """The sheet ``title``: its XML is scanned (``_scan``) in a thread while calamine parses its values, which
        it does outside the interpreter."""
        grid = Grid(title, lambda: _values(sheet), normal=_normal)
        with zipfile.ZipFile(self.path) as archive, ThreadPoolExecutor(1, thread_name_prefix="tdkt-scan") as scanner:
            scanned = scanner.submit(_scan, archive, self.parts[title], grid) if title in self.parts else None
            sheet = self.book.get_sheet_by_name(title)
            if scanned is not None:
                scanned.result()
        return grid

    def first_piece(self, title: str, count: int, head: int) -> tuple[Grid, tuple | None]:
        """The first of ``count`` pieces of the sheet ``title`` (``piece_grid``), its whole XML scanned (hidden
        rows, filters, merged cells), with the identity its other pieces are checked against; the whole sheet, and
        None, when it cannot be cut."""
        try:
            grid, _, identity = piece_grid(self.path, title, 0, count, head)
        except (Uncuttable, OSError):  # rows it cannot place, no room for the piece's file
            return self.grid(title), None
        return grid, identity


def sheet_sizes(path: Path) -> dict[str, int]:
    """Title → bytes of XML of each of the workbook's worksheets (not its chart sheets), told from the package's
    directory, without reading (none when it cannot be read): what can be known before the workbook is opened."""
    try:
        parts = _sheet_parts(path)
        with zipfile.ZipFile(path) as archive:
            sizes = {info.filename: info.file_size for info in archive.infolist()}
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    return {title: sizes[part] for title, part in parts.items() if part.startswith("xl/worksheets/") and part in sizes}


def pieces(path: Path, title: str, most: int) -> int:
    """In how many pieces the sheet ``title`` of the workbook at ``path`` is best read by up to ``most`` processes at
    once (``piece_count``)."""
    sizes = sheet_sizes(path)
    found = titled(sizes, title)
    return 1 if found is None else piece_count(sizes[found], most)


def piece_count(size: int, most: int) -> int:
    """In how many pieces a sheet of ``size`` bytes of XML is best read by up to ``most`` processes at once: one,
    unless it is large (``SPLIT_FROM``)."""
    return 1 if most < 2 or size < SPLIT_FROM else min(most, size // _PIECE_LEAST)


SPLIT_FROM = 8 << 20
"""Bytes of a sheet's XML from which it is read in pieces by several processes at once (a year-end list of
some ten thousand rows): below it, cutting it costs more than it saves."""
_PIECE_LEAST = 4 << 20
"""Bytes of XML each piece has at least."""


FIRST_SHARE = 0.85
"""The first piece's size, as a share of each other piece's: the process that reads it also reads the other
sheets, scans the whole sheet's XML and makes records of what the others send."""


class Uncuttable(Exception):
    """The sheet's XML cannot be cut in pieces that calamine numbers as the whole (rows without their number,
    rows not where expected): it is read whole."""


class Cut:
    """Piece ``index`` of a sheet's XML cut in ``count`` pieces of whole rows (each chunk of rows goes to the
    piece its offset falls in, the first piece smaller: ``FIRST_SHARE``), written as a workbook of its own for
    calamine: the sheet's opening (without its ``<dimension>``), its first ``head`` rows (the headers, for a
    piece after the first), the piece's rows, the closing. Rows keep their numbers, so calamine places them as
    in the whole sheet. The file is a temporary one (``discard``)."""

    def __init__(self, source: zipfile.ZipFile, part: str, index: int, count: int, head: int):
        info, parts = source.getinfo(part), _value_parts(source)
        self.index, self.head = index, head
        whole = FIRST_SHARE + count - 1
        self.bounds = [info.file_size * (FIRST_SHARE + k) / whole for k in range(count - 1)]
        self.identity = tuple((i.filename, i.CRC, i.file_size) for i in map(source.getinfo, (part, *parts)))
        self.first_row: int | None = None   # the piece's first row number, None while it has none
        self.whole = False                  # it cannot be cut: read the sheet whole
        self.ready = threading.Event()      # the piece is written (or found uncuttable)
        self._head_rows, self._heading = b"", index > 0
        self._last = 0                      # the number of the last row taken in
        self._closed = False
        handle, name = tempfile.mkstemp(prefix="tdkt-manh-", suffix=".xlsx")
        os.close(handle)
        self.path = Path(name)
        try:
            self._book = zipfile.ZipFile(self.path, "w", zipfile.ZIP_STORED, allowZip64=True)
            for member in parts:
                self._book.writestr(member, source.read(member))
            self._sheet = self._book.open(part, "w", force_zip64=True)
        except BaseException:
            self.path.unlink(missing_ok=True)
            raise

    def take(self, offset: int, chunk: bytes) -> bool:
        """Take in the chunk of rows at ``offset``: True once the piece is whole (no later chunk is its). Raises
        Uncuttable for rows out of order, or a piece's first row among the first ``head``."""
        if self._closed:
            return True
        rows = self._open(chunk) if offset == 0 else chunk
        if self._heading:
            self._keep_head(rows)
        piece = sum(offset >= bound for bound in self.bounds)
        if piece < self.index:
            self._last = _last_row(rows, self._last)
            return False
        numbers = [_row_number(found.group(1)) for found in _ROW_TAG.finditer(rows)]
        if any(a >= b for a, b in zip([self._last, *numbers], numbers)):
            raise Uncuttable("rows out of order")
        if numbers and numbers[0] <= self.head and (piece > self.index or self.index):
            raise Uncuttable("a piece begins among the first rows")
        if piece > self.index:
            self.close()
            return True
        if self.first_row is None and numbers:
            self.first_row = numbers[0]
            if self.index:
                self._sheet.write(self._head_rows)
        self._last = numbers[-1] if numbers else self._last
        end = rows.find(b"</sheetData>")
        self._sheet.write(rows if end < 0 else rows[:end])
        if end >= 0:
            self.close()
        return self._closed

    def _open(self, chunk: bytes) -> bytes:
        """Write the sheet's opening; the rows of ``chunk``."""
        start = chunk.find(b"<sheetData>")
        if start < 0:
            raise Uncuttable("no <sheetData>")
        start += len(b"<sheetData>")
        self._sheet.write(_DIMENSION_TAG.sub(b"", chunk[:start]))
        return chunk[start:]

    def _keep_head(self, rows: bytes) -> None:
        """Keep the rows numbered up to ``head``, where the headers may be (a piece after the first repeats them)."""
        for found in _ROW_TAG.finditer(rows):
            if _row_number(found.group(1)) > self.head:
                self._head_rows += rows[:found.start()]
                self._heading = False
                return
        self._head_rows += rows.split(b"</sheetData>")[0]

    def close(self) -> None:
        """Write the sheet's closing: the piece's workbook is whole."""
        if not self._closed:
            self._sheet.write(b"</sheetData></worksheet>")
            self._sheet.close()
            self._book.close()
            self._closed = True

    def shows(self, offset: int) -> bool:
        """Whether the piece's grid shows the rows of the chunk at ``offset`` (taken in already): the first chunk's
        (the headers), the piece's own and later ones; those between are blank there."""
        return not self.index or offset == 0 or self.first_row is not None

    def fail(self) -> None:
        self.whole = True
        self.ready.set()

    def sheet(self, title: str) -> python_calamine.CalamineSheet:
        """The piece's values, parsed by calamine (outside the interpreter)."""
        book = python_calamine.CalamineWorkbook.from_path(str(self.path))
        try:
            return book.get_sheet_by_name(title)
        finally:
            book.close()

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self.close()
        self.path.unlink(missing_ok=True)


def piece_grid(path: Path, title: str, index: int, count: int, head: int) -> tuple[Grid, int | None, tuple]:
    """Piece ``index`` of ``count`` of the sheet ``title`` (``Cut``): its grid (the first ``head`` rows, then the
    piece's, each at its own number), its first row number (None: it has no row) and the identity of the sheet's
    XML and of what it reads with it. The sheet's XML is scanned (``_scan``) from the same opening of the package,
    the piece written meanwhile, and parsed by calamine as soon as it is whole. Raises Uncuttable."""
    grid = Grid(title, lambda: _values(sheet), normal=_normal)
    part = _sheet_parts(path)[title]
    with zipfile.ZipFile(path) as archive:
        cut = Cut(archive, part, index, count, head)
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="tdkt-scan") as scanner:
                scanned = scanner.submit(_scan, archive, part, grid, cut)
                cut.ready.wait()
                if not cut.whole:
                    sheet = cut.sheet(title)
                scanned.result()
        finally:
            cut.discard()
    if cut.whole:
        raise Uncuttable(f"piece {index} of {count}")
    return grid, cut.first_row, cut.identity


def _value_parts(source: zipfile.ZipFile) -> list[str]:
    """The parts calamine reads besides the sheet: the package's and workbook's relationships, the workbook, its
    shared strings and styles."""
    rels = ElementTree.fromstring(source.read("xl/_rels/workbook.xml.rels"))
    wanted = [_part(r.get("Target", "")) for r in rels.iter(f"{_PKG_REL}Relationship")
              if r.get("Type", "").rsplit("/", 1)[-1] in ("sharedStrings", "styles")]
    names = set(source.namelist())
    return [name for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                              *wanted) if name in names]


_ROW_TAG = re.compile(rb"<row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_DIMENSION_TAG = re.compile(rb"<dimension\b[^>]*/>")


def _last_row(rows: bytes, last: int) -> int:
    """The number of the last row in ``rows``, else ``last``."""
    start = rows.rfind(b"<row")
    found = _ROW_TAG.match(rows, start) if start >= 0 else None
    return _row_number(found.group(1)) if found else last


def _row_number(attributes: bytes) -> int:
    if (found := _ROW_NUMBER.search(attributes)) is None:
        raise Uncuttable("a row without its number")
    return int(found.group(1))


def _values(sheet: python_calamine.CalamineSheet) -> Iterator[list]:
    """The sheet's rows from column A (calamine's start at the first column used)."""
    if sheet.start is None:
        return iter(())
    if not sheet.start[1]:
        return sheet.iter_rows()
    offset = [None] * sheet.start[1]
    return (offset + row for row in sheet.iter_rows())


def _normal(value: object) -> object:
    """calamine's value as openpyxl gives it: None for empty, int for a whole number, datetime for a date
    (the values ``Grid.rows`` overrides with are the same either way)."""
    if value == "":
        return None
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _sheet_parts(path: Path) -> dict[str, str]:
    """Sheet title → its XML part in the package."""
    with zipfile.ZipFile(path) as archive:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")}
    parts = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        parts[sheet.get("name")] = _part(targets.get(sheet.get(_REL), ""))
    return parts


def _part(target: str) -> str:
    """The package part a relationship of the workbook points to."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


_DIMENSION = re.compile(rb'<dimension\b[^>]*\bref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')
_DIMENSION_SEARCH = 4096


def sheet_rows(path: Path, title: str) -> int | None:
    """The last row the sheet ``title`` of the workbook at ``path`` says it uses (its ``<dimension>``, in the
    first bytes of its XML), read without reading the sheet; None when the file or the sheet does not say."""
    try:
        parts = _sheet_parts(path)
        if (found := titled(parts, title)) is None:
            return None
        with zipfile.ZipFile(path) as archive, archive.open(parts[found]) as stream:
            found = _DIMENSION.search(stream.read(_DIMENSION_SEARCH))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    return None if found is None else int(found.group(1) or 1)


_CHUNK = 1 << 18
"""Bytes of sheet XML scanned at a time: small enough that what the scanning thread frees is not kept in its own
heap (chunks of 1 MB raised the peak of a 100 000-row build by 9 MB)."""
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|<row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+(\d+))"')
_FILTER = re.compile(rb'<autoFilter\b[^>]*\bref="([^"]+)"[^>]*?(?:/>|>(.*?)</autoFilter>)', re.S)
_FORMULA_CELL = re.compile(rb'<c\b([^>]*)>\s*<f\b[^>]*?(?:/>|>[^<]*</f>)\s*(?:<v>([^<]*)</v>|<v/>)?')
_ERROR_CELL = re.compile(rb'<c\b([^>]*\bt="e"[^>]*)>(?:\s*<f\b[^>]*?(?:/>|>[^<]*</f>))?\s*<v>([^<]*)</v>')
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')


def _scan(archive: zipfile.ZipFile, part: str, grid: Grid, cut: Cut | None = None) -> None:
    """Fill ``grid`` with what the sheet's XML says beyond values; one pass, whole rows per chunk. With ``cut``,
    the rows of its piece are written meanwhile: ``cut.ready`` is set once they all are (calamine may parse
    them), or once the sheet is found uncuttable."""
    path = Path(archive.filename)
    uncached: list[tuple[int, int]] = []
    hidden: set[int] = set()
    chunk = b""
    try:
        with archive.open(part) as stream:
            for start, chunk in _row_chunks(stream):
                if cut is not None and not cut.ready.is_set():
                    _cut_into(cut, start, chunk)
                if b'hidden="1"' in chunk or b'hidden="true"' in chunk:  # not LibreOffice's hidden="false"
                    hidden.update(int(a or b) for a, b in _HIDDEN_ROW.findall(chunk))
                if cut is None or cut.shows(start):
                    _overrides(chunk, grid, uncached)
        grid.hidden = frozenset(hidden)
        grid.merged = [(ref.decode(), int(last)) for ref, last in _MERGE.findall(chunk)]
        if (active := _FILTER.search(chunk)) and b"<filterColumn" in (active.group(2) or b""):
            grid.filter_ref = active.group(1).decode()
        if cut is not None and not cut.ready.is_set():  # the sheet ends within the piece
            cut.close()
            cut.ready.set()
        _formulas_into(path, grid, uncached)
    except BaseException:
        if cut is not None and not cut.ready.is_set():
            cut.fail()  # not cut: the sheet is read whole
        raise


def _cut_into(cut: Cut, start: int, chunk: bytes) -> None:
    """Write the chunk at ``start`` into the piece ``cut``, and tell once the piece is whole (``Cut.ready``)."""
    try:
        if cut.take(start, chunk):
            cut.ready.set()
    except (Uncuttable, OSError):  # a disk full or unwritable: read whole all the same
        cut.fail()


def _row_chunks(stream) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) of the sheet's XML in chunks of whole rows (the first with what precedes the rows, the
    last with what follows them), cut the same way however often it is read."""
    rest, offset = b"", 0
    while True:
        data = stream.read(_CHUNK)
        buffer = rest + data
        cut = len(buffer) if not data else buffer.rfind(b"</row>") + len(b"</row>")
        if data and cut < len(b"</row>"):  # no whole row yet
            rest = buffer
            continue
        chunk, rest = buffer[:cut], buffer[cut:]
        yield offset, chunk
        offset += len(chunk)
        if not data:
            return


def _overrides(chunk: bytes, grid: Grid, uncached: list[tuple[int, int]]) -> None:
    """Note the chunk's formulas without a saved value in ``uncached``, and give ``grid`` its error values."""
    if b"<f" in chunk:
        uncached += [_cell(attrs) for attrs, value in _FORMULA_CELL.findall(chunk) if not value]
    if b't="e"' in chunk:
        for attrs, value in _ERROR_CELL.findall(chunk):
            if (cell := _cell(attrs)) is not None:
                grid.overrides.setdefault(cell[0], {})[cell[1]] = value.decode()


def _formulas_into(path: Path, grid: Grid, uncached: list[tuple[int, int]]) -> None:
    if uncached := set(uncached) - {None}:
        for (row, column), formula in _formulas(path, grid.title, uncached).items():
            grid.overrides.setdefault(row, {})[column] = formula


def _cell(attrs: bytes) -> tuple[int, int] | None:
    """(row, column) of a cell's attributes; None when it has no reference (allowed, never seen in practice)."""
    if (found := _REF.search(attrs)) is None:
        return None
    letters, row = found.groups()
    return int(row), column_index_from_string(letters.decode())


def _formulas(path: Path, title: str, wanted: set[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """The formula text of the cells that have none saved: read again with openpyxl (rare: files saved by
    programs that do not calculate)."""
    book = openpyxl.load_workbook(path, data_only=False, read_only=True)
    try:
        last = max(row for row, _ in wanted)
        return {(cell.row, cell.column): cells.UncachedFormula(cell.value)
                for row in book[title].iter_rows(max_row=last) for cell in row
                if getattr(cell, "row", None) and (cell.row, cell.column) in wanted}
    finally:
        book.close()
