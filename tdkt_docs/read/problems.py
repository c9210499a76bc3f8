"""Problems found in a workbook, each pointing at sheet, cell and column."""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "Lỗi"
WARNING = "Cảnh báo"


@dataclass(frozen=True)
class Problem:
    severity: str
    sheet: str
    message: str
    cell: str = ""
    column: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f'trang "{self.sheet}"'
        if self.cell:
            where += f", ô {self.cell}"
        if self.column:
            where += f' (cột "{self.column}")'
        return f"{self.severity}: {where}: {self.message}"


def summary(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "Không có lỗi."
    return f"{errors} lỗi, {warnings} cảnh báo."
