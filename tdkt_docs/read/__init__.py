"""Read stage: workbook → typed, validated records."""
from __future__ import annotations

from pathlib import Path

from .validate import validate
from .workbook import WorkbookData, read_workbook


def load(path: Path) -> WorkbookData:
    """Read every sheet and run the cross-row checks; problems are collected, not raised."""
    data = read_workbook(Path(path))
    data.problems += validate(data)
    return data
