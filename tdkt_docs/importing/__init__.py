"""Taking in the proposing units' nomination lists: their own workbook, any Excel list, a Word Danh sách."""
from __future__ import annotations

from .report import format_result
from .run import Defaults, FileReport, ImportResult, import_files, read_source
from .unit_book import check_unit_workbook, is_unit_workbook, write_unit_workbook

__all__ = ["Defaults", "FileReport", "ImportResult", "import_files", "read_source", "format_result",
           "check_unit_workbook", "is_unit_workbook", "write_unit_workbook"]
