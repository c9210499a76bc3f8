"""The one kind of problem every stage reports: severity, stable code, location, Vietnamese message."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "Lỗi"
    WARNING = "Cảnh báo"

    @property
    def label(self) -> str:
        return self.value


ROW = "dòng "
"""How a place in a sheet that is a row, not a cell, begins ("dòng 7": a column the sheet lacks)."""


@dataclass(frozen=True)
class Location:
    """Where a problem is: a workbook cell, or a document's paragraph or table cell."""

    sheet: str = ""
    cell: str = ""
    column: str = ""
    document: str = ""
    paragraph: str = ""  # 'đoạn 12 "…"', or a table cell 'bảng 1, hàng 2, ô 3'

    def __str__(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f'trang "{self.sheet}"')
        if self.cell:
            place = self.cell if self.cell.startswith(ROW) else f"ô {self.cell}"  # a row: its column is not there
            parts.append(place + (f' (cột "{self.column}")' if self.column else ""))
        elif self.column:
            parts.append(f'cột "{self.column}"')
        if self.document:
            parts.append(f'văn bản "{self.document}"')
        if self.paragraph:
            parts.append(self.paragraph)
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    severity: Severity
    code: str            # stable, e.g. "o.bat_buoc", "quoc_hieu.chu"
    message: str         # Vietnamese
    location: Location = field(default_factory=Location)
    expected: str = ""   # format findings: what NĐ 30 requires
    found: str = ""      # … and what the document has

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = str(self.location)
        return f"{self.severity.label}: {where}: {self.message}" if where else f"{self.severity.label}: {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def summary(problems: list[Problem]) -> str:
    if not problems:
        return "Không có lỗi."
    count = len(errors(problems))
    return f"{count} lỗi, {len(problems) - count} cảnh báo."
