"""What every kind of source file is read into, before it joins the office workbook."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..glossary import RecipientKind
from ..read import cells, legacy
from .words import Statement

OFFICE_ONLY = ("batch", "appraisal")  # columns of the Đề nghị sheet the office fills, never read from a unit's file


@dataclass
class Entry:
    """One nomination as a source file gives it; empty strings are "not stated"."""

    where: str                       # 'ô B7', 'đoạn 12', 'bảng 2, dòng 5'
    name: str = ""
    kind: RecipientKind | None = None
    address: str = ""
    rank: str = ""                   # cấp bậc, quân hàm
    position: str = ""
    workplace: str = ""
    form: str = ""
    achievement: str = ""
    unit: str = ""                   # only when the list has a column for it
    unit_head: str = ""
    submission_no: str = ""
    submission_date: dt.date | None = None
    attention: list[str] = field(default_factory=list)   # imported, to be looked at
    refused: list[str] = field(default_factory=list)     # not imported
    cells: dict[str, str] = field(default_factory=dict)  # field -> its own cell, when known

    def at(self, key: str) -> str:
        return self.cells.get(key, self.where)


@dataclass
class Group:
    """What a heading or an achievement line above a group of rows says about the rows below it."""

    kind: RecipientKind | None = None
    form: str = ""
    achievement: str = ""


@dataclass
class Source:
    """A source file read: what it says about itself, its entries and notes about the reading."""

    label: str                       # 'sổ của đơn vị', 'danh sách Excel', …
    statement: Statement
    entries: list[Entry]
    notes: list[str] = field(default_factory=list)
    states_at: str = 'dòng "(Kèm theo Tờ trình số … ngày … của …)" hay tiêu đề của đơn vị'  # where a list says who sends it


class TextReader:
    """Cell and paragraph text: cleaned, legacy TCVN3/VNI converted with a note as the reader does."""

    def __init__(self, notes: list[str]) -> None:
        self.notes = notes

    def __call__(self, raw: object, where: str) -> str:
        if cells.is_blank(raw):
            return ""
        if isinstance(raw, str):  # legacy text converted before cleaning: TCVN3 writes "ư" as a soft hyphen
            raw = cells.excel_text(raw)[0]
            if (converted := legacy.convert_cell(raw)):
                raw, message = converted
                self.notes.append(f"{where}: {message}")
        return cells.as_text(raw)
