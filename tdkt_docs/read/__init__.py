"""Read stage: workbook → typed, validated records."""
from __future__ import annotations

from pathlib import Path

from . import cells, legacy
from .validate import validate
from .workbook import WorkbookData, read_workbook


def load(path: Path) -> WorkbookData:
    """Read every sheet and run the cross-row checks; problems are collected, not raised. What reading
    memoised of the cells (up to tens of thousands of texts) is let go once the workbook is read."""
    try:
        data = read_workbook(Path(path))
        data.problems += validate(data)
    finally:
        cells.forget()
        legacy.forget()
    return data
