"""Workbooks the tool writes: inert (text stays text) and byte-stable."""
from __future__ import annotations

import datetime as dt
import io

import openpyxl

from ..files import deterministic_zip

FIXED_TIME = dt.datetime(2000, 1, 1)


def put(cell, value: object) -> None:
    """Set ``cell`` to ``value``; text stays text even when it begins with "=" (never a formula)."""
    cell.value = value
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"


def workbook_bytes(book: openpyxl.Workbook) -> bytes:
    """The workbook's bytes: every cell that openpyxl took for a formula because its text begins with
    "=" is stored as the text it is (data never becomes a formula or a link), timestamps fixed."""
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic_zip(buffer.getvalue())
