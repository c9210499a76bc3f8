"""Workbooks the tool writes: inert (text stays text) and byte-stable."""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.writer.excel import ExcelWriter

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FIXED_TIME = dt.datetime(2000, 1, 1)


def put(cell, value: object) -> None:
    """Set ``cell`` to ``value``; text stays text even when it begins with "=" (never a formula)."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def cell(ws: WriteOnlyWorksheet, value: object = None, **style) -> WriteOnlyCell:
    """A cell for a row of write-only ``ws``: ``value`` set by ``put``, then ``style`` (font=, alignment=,
    number_format=…). A styled cell is written even when ``value`` is None."""
    made = WriteOnlyCell(ws)
    put(made, value)
    for name, setting in style.items():
        setattr(made, name, setting)
    return made


def append(ws: WriteOnlyWorksheet, values: Iterable) -> None:
    """Append one row to write-only ``ws``. openpyxl takes text beginning with "=" for a formula, so such text
    goes in through ``cell``, which keeps it text."""
    ws.append([cell(ws, v) if isinstance(v, str) and v.startswith("=") else v for v in values])


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    """The workbook's bytes: every cell that openpyxl took for a formula because its text begins with
    "=" is stored as the text it is (data never becomes a formula or a link), timestamps fixed.
    A write-only book was filled through ``cell`` and ``append``, which already keep text inert."""
    if not book.write_only:
        for ws in book.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.data_type == "f":
                        c.data_type = "s"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(book, _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """The archive openpyxl writes a workbook into, every entry with the same fixed time, so equal content gives
    equal bytes. A worksheet arrives as a temporary file and is copied in by chunks, never held whole."""

    def writestr(self, name: str | zipfile.ZipInfo, data: str | bytes) -> None:
        super().writestr(self._entry(name) if isinstance(name, str) else name, data)

    def write(self, filename: str, arcname: str) -> None:
        entry = self._entry(arcname)
        entry.file_size = os.path.getsize(filename)  # so an entry of more than 2 GB is written as ZIP64
        with open(filename, "rb") as source, self.open(entry, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name)  # dated 1980-01-01 00:00
        entry.compress_type = self.compression
        return entry
