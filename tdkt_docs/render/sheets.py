"""Long data tables written straight as SpreadsheetML, streamed sheet by sheet into the archive.

openpyxl spends about 35 µs on a cell, write-only mode included, and the other writers measured no better than
twice as fast; a summary of 30 000 awardees has 300 000 cells. Its sheets need only text, whole numbers, a bold
or money style, column widths and a frozen header row, so they are written here directly (about 1 µs a cell).
Text is always stored as text (never a formula, whatever it begins with); equal sheets give equal bytes.
"""
from __future__ import annotations

import enum
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple
from xml.sax.saxutils import quoteattr

from openpyxl.utils import get_column_letter

from .xlsx import FixedTimeZip

MONEY = "#,##0"  # Excel's built-in number format 3


class Style(enum.IntEnum):
    """A cell's look, by its index in the styles part below."""

    PLAIN = 0
    HEADER = 1  # Times New Roman bold, wrapped, centred vertically
    MONEY = 2
    BOLD = 3
    BOLD_MONEY = 4


@dataclass(frozen=True, slots=True)
class Styled:
    """A value written with a style other than plain; a styled empty cell is still written."""

    value: str | int | None
    style: Style


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
<font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
<alignment vertical="center" wrapText="1"/></xf>\
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE = (_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         '<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>'
         '<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>'
         '</cp:coreProperties>')
_ROOT_RELS = (_HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">'
              f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
              'core-properties" Target="docProps/core.xml"/></Relationships>')

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 does not allow
_FLUSH_ROWS = 2000


class Column(NamedTuple):
    """A sheet's column. ``repeated``: it holds a few values over and over (a decision, a form), each written
    once, in the workbook's shared strings, and referred to by number."""

    header: str
    width: int
    repeated: bool = False


class SharedStrings:
    """The workbook's table of shared strings: each text of the ``Column.repeated`` columns, numbered in the
    order it first comes."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, value: str) -> int:
        number = self.numbers.get(value)
        if number is None:
            number = self.numbers[value] = len(self.numbers)
        return number

    def write(self, stream: io.RawIOBase) -> None:
        stream.write((_HEAD + f'<sst xmlns="{_MAIN_NS}" uniqueCount="{len(self.numbers)}">').encode())
        texts = iter(self.numbers)
        while chunk := list(islice(texts, _FLUSH_ROWS)):
            stream.write("".join(f'<si><t xml:space="preserve">{text(value)}</t></si>' for value in chunk)
                         .encode("utf-8", "replace"))
        stream.write(b"</sst>")


class SheetWriter:
    """Rows of one sheet, appended in order."""

    def __init__(self, stream: io.RawIOBase, columns: list[Column], shared: SharedStrings):
        self._stream = stream
        self._heads = [f'<c r="{get_column_letter(i)}' for i in range(1, len(columns) + 1)]  # a cell, up to its row
        self._shared = [shared.number if column.repeated else None for column in columns]
        self._pending: list[str] = []
        self.rows = 0

    def row(self, values: Iterable[str | int | Styled | None]) -> None:
        """The next row: one value per column."""
        self.rows += 1
        number = str(self.rows)
        cells = []
        for head, shared, value in zip(self._heads, self._shared, values, strict=True):
            kind = type(value)
            if kind is str:
                if value and shared:
                    cells.append(f'{head}{number}" t="s"><v>{shared(value)}</v></c>')
                elif value:
                    cells.append(f'{head}{number}" t="inlineStr"><is><t xml:space="preserve">{text(value)}'
                                 "</t></is></c>")
            elif kind is int:
                cells.append(f'{head}{number}"><v>{value}</v></c>')
            elif kind is Styled:
                cells.append(_styled(f'{head}{number}" s="{int(value.style)}"', value.value))
            elif value is not None:
                raise TypeError(f"a data sheet holds text and whole numbers, not {kind.__name__}")
        self._pending.append(f'<row r="{number}">{"".join(cells)}</row>')
        if len(self._pending) >= _FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        self._stream.write("".join(self._pending).encode("utf-8", "replace"))
        self._pending.clear()


def _styled(start: str, value: str | int | None) -> str:
    """A styled cell (``start``: its opening tag up to the style); empty, it is still written."""
    if type(value) is str and value:
        return f'{start} t="inlineStr"><is><t xml:space="preserve">{text(value)}</t></is></c>'
    if type(value) is int:
        return f"{start}><v>{value}</v></c>"
    if value is None or value == "":  # an empty cell, as Excel saves it
        return f"{start}/>"
    raise TypeError(f"a data sheet holds text and whole numbers, not {type(value).__name__}")


@lru_cache(maxsize=1 << 12)  # most columns repeat a few values
def text(value: str) -> str:
    """``value`` as XML character data: markup escaped, characters XML 1.0 forbids (control codes) dropped."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _FORBIDDEN.sub("", value) if _FORBIDDEN.search(value) else value


class DataBook:
    """A workbook of data sheets, each with a frozen, bold header row and set column widths."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._archive = FixedTimeZip(self._buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._titles: list[str] = []
        self._shared = SharedStrings()

    @contextmanager
    def sheet(self, title: str, columns: list[tuple[str, int] | Column]) -> Iterator[SheetWriter]:
        """A sheet named ``title`` whose columns are ``Column``s or (header, width) pairs; rows go through the
        writer."""
        self._titles.append(title)
        columns = [Column(*column) for column in columns]
        cols = "".join(f'<col min="{i}" max="{i}" width="{column.width}" customWidth="1"/>'
                       for i, column in enumerate(columns, start=1))
        # Opened by name: dated 1980-01-01 00:00 like every entry, and compressed fast (long, repetitive XML).
        # No ZIP64 header unless needed: Excel takes one on a small entry for a damaged file.
        with self._archive.open(f"xl/worksheets/sheet{len(self._titles)}.xml", "w") as stream:
            stream.write((_HEAD + f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheetViews>'
                          '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
                          'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
                          f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols>'
                          '<sheetData>').encode())
            writer = SheetWriter(stream, columns, self._shared)
            writer.row([Styled(column.header, Style.HEADER) for column in columns])
            yield writer
            writer.flush()
            stream.write(b"</sheetData></worksheet>")

    def finish(self) -> bytes:
        """The workbook's bytes; the book takes no more sheets."""
        sheets = range(1, len(self._titles) + 1)
        shared = bool(self._shared.numbers)
        if shared:
            with self._archive.open("xl/sharedStrings.xml", "w") as stream:
                self._shared.write(stream)
        self._write("xl/workbook.xml", _HEAD + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><sheets>' + "".join(
            f'<sheet name={quoteattr(title)} sheetId="{i}" r:id="rId{i}"/>'
            for i, title in zip(sheets, self._titles)) + "</sheets></workbook>")
        self._write("xl/_rels/workbook.xml.rels", _HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">' + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in sheets) + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL_NS}/styles" '
            'Target="styles.xml"/>' + (f'<Relationship Id="rId{len(sheets) + 2}" Type="{_REL_NS}/sharedStrings" '
                                       'Target="sharedStrings.xml"/>' if shared else "") + "</Relationships>")
        self._write("xl/styles.xml", _STYLES)
        self._write("docProps/core.xml", _CORE)
        self._write("_rels/.rels", _ROOT_RELS)
        self._write("[Content_Types].xml", _content_types(sheets, shared))
        self._archive.close()
        return self._buffer.getvalue()

    def _write(self, name: str, part: str) -> None:
        self._archive.writestr(name, part.encode("utf-8"))


def _content_types(sheets: range, shared: bool) -> str:
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{sml}.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sml}.worksheet+xml"/>'
                      for i in sheets)
            + f'<Override PartName="/xl/styles.xml" ContentType="{sml}.styles+xml"/>'
            + (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{sml}.sharedStrings+xml"/>' if shared else "")
            + '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>')
