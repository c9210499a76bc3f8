"""Workbooks the tool writes with openpyxl: inert (text stays text), byte-stable, their text in UTF-8. Long data
sheets are written by ``sheets.DataBook`` instead."""
from __future__ import annotations

import datetime as dt
import functools
import io
import os
import shutil
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.writer.excel import ExcelWriter

from ..files import atomic_path

FIXED_TIME = dt.datetime(2000, 1, 1)


def put(cell, value: object) -> None:
    """Set ``cell`` to ``value``; text stays text even when it begins with "=" (never a formula)."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def save_workbook(book: openpyxl.Workbook, target: Path) -> None:
    """``book`` written over ``target`` in one step (``files.atomic_path``), its sheets' text in UTF-8."""
    _utf8_sheets()
    with atomic_path(target) as tmp:
        book.save(tmp)


@functools.cache
def _utf8_sheets() -> None:
    """Left to itself, openpyxl writes a sheet's text as ASCII, every other letter a character reference ("ố" as
    "&#7889;": seven bytes for three), which every reader then decodes one by one (calamine reads a 30 000-row
    sheet so a third slower). From the first call on, every sheet openpyxl writes in this process is written in
    UTF-8, as Excel writes: the same text, the same XML otherwise (no declaration, which UTF-8 needs none of). An
    openpyxl that no longer writes sheets through this module keeps its own way, which is as correct."""
    try:
        from openpyxl.worksheet import _writer
    except ImportError:
        return
    if hasattr(_writer, "xmlfile"):
        _writer.xmlfile = functools.partial(_writer.xmlfile, encoding="utf-8")


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    """The workbook's bytes: every cell that openpyxl took for a formula because its text begins with
    "=" is stored as the text it is (data never becomes a formula or a link), timestamps fixed."""
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    c.data_type = "s"
    book.properties.created = book.properties.modified = FIXED_TIME
    _utf8_sheets()
    buffer = io.BytesIO()
    ExcelWriter(book, FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()


class FixedTimeZip(zipfile.ZipFile):
    """A workbook's archive, every entry with the same fixed time, so equal content gives equal bytes: the one
    openpyxl writes into (a worksheet arrives as a temporary file and is copied in by chunks), and ``DataBook``'s."""

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
