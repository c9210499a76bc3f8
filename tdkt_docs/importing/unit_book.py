"""The workbook a proposing unit fills (``tdkt init --don-vi``), checked by ``tdkt check``, taken by ``tdkt nhap``.

Its sheets derive from the office workbook's schema: the unit's name and tờ trình
(the Đề nghị sheet's unit columns, as a form) and the nominations with the same
columns, dropdowns and prompts, less what the office decides (batch, appraisal).
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from ..read import cells
from ..read.blank import write_blank_workbook
from ..read.problems import ERROR, Problem
from ..read.schema import NOMINATIONS, Layout, Sheet
from ..read.workbook import WorkbookData, read_workbook
from ..rules.collation import match_key
from .checks import review
from .model import Entry, Source
from .words import Statement


@dataclass(frozen=True)
class UnitInfo:
    """Sheet "Đơn vị đề nghị": who proposes, with which tờ trình."""

    unit: str
    unit_head: str
    submission_no: str
    submission_date: dt.date | None
    rows: tuple[int, ...] = ()


@dataclass(frozen=True)
class UnitNomination:
    """One row of the unit's Đề nghị khen thưởng sheet."""

    kind: str
    address: str
    name: str
    position: str
    workplace: str
    form: str
    achievement: str
    rows: tuple[int, ...] = ()


_INFO_KEYS = ("unit", "unit_head", "submission_no", "submission_date")
_OFFICE_ONLY = ("batch", "appraisal")

UNIT_INFO = Sheet(
    key="unit_info",
    title="Đơn vị đề nghị",
    layout=Layout.FORM,
    record=UnitInfo,
    help="Tên đơn vị đề nghị, số và ngày tờ trình gửi kèm danh sách này.",
    columns=tuple(NOMINATIONS.column(key) for key in _INFO_KEYS),
)
UNIT_NOMINATIONS = replace(
    NOMINATIONS,
    record=UnitNomination,
    help="Mỗi dòng một tập thể, cá nhân hoặc hộ gia đình đơn vị đề nghị khen thưởng, theo thứ tự trong tờ trình.",
    columns=tuple(c for c in NOMINATIONS.columns if c.key not in _INFO_KEYS + _OFFICE_ONLY),
)
UNIT_SHEETS = (UNIT_INFO, UNIT_NOMINATIONS)
LABEL = "sổ đề nghị của đơn vị"

INTRO = (
    "HƯỚNG DẪN ĐIỀN SỔ ĐỀ NGHỊ KHEN THƯỞNG CỦA ĐƠN VỊ",
    f'1. Trang "{UNIT_INFO.title}": tên đơn vị, thủ trưởng, số và ngày tờ trình đề nghị khen thưởng.',
    f'2. Trang "{UNIT_NOMINATIONS.title}": mỗi dòng một tập thể, cá nhân hoặc hộ gia đình. Dòng 1 là tiêu đề '
    "(không sửa), dòng 2 là dòng ví dụ — ghi đè hoặc xóa khi nhập thật. Ô tô màu cam là bắt buộc; chọn ô để xem gợi ý.",
    "3. Hình thức khen thưởng chọn trong danh sách của ô. Cá nhân phải có Ông/Bà. Ngày nhập dạng ngày/tháng/năm.",
    "4. Không gộp ô (Merge), không đổi tên trang, không thêm cột.",
    "5. Trước khi gửi, kiểm tra sổ: tdkt check <tệp>.xlsx — sổ không còn lỗi thì gửi cho cơ quan thi đua, "
    "khen thưởng; cơ quan nhập thẳng vào sổ số liệu (tdkt nhap), không phải gõ lại.",
)


def write_unit_workbook(target: Path) -> None:
    """The blank workbook a proposing unit fills and sends."""
    write_blank_workbook(Path(target), UNIT_SHEETS, intro=INTRO)


def is_unit_workbook(path: Path) -> bool:
    """Whether ``path`` is a workbook written by ``write_unit_workbook`` (by its sheet names)."""
    if not zipfile.is_zipfile(path):
        return False
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook we can open: the ordinary check reports it
        return False
    try:
        return cells.header_key(UNIT_INFO.title) in {cells.header_key(name) for name in book.sheetnames}
    finally:
        book.close()


def check_unit_workbook(path: Path) -> list[Problem]:
    """Every problem of a unit's workbook: the cells, then the rules the office applies to each row."""
    data = read_workbook(Path(path), UNIT_SHEETS)
    problems = list(data.problems)
    if data.one(UNIT_INFO.key) is None and not any(p.sheet == UNIT_INFO.title for p in problems):
        problems.append(Problem(ERROR, UNIT_INFO.title, "chưa điền tên đơn vị, số và ngày tờ trình."))
    if not data.all(UNIT_NOMINATIONS.key) and not data.errors:
        problems.append(Problem(ERROR, UNIT_NOMINATIONS.title, "chưa có dòng đề nghị nào."))
    seen: dict[tuple, int] = {}
    for nomination in data.all(UNIT_NOMINATIONS.key):
        row = nomination.rows[0]
        for key, message in review(nomination.kind, nomination.address, nomination.name, nomination.form):
            problems.append(_problem(key, row, f"{message}."))
        same = (nomination.kind, match_key(nomination.name), match_key(nomination.workplace), match_key(nomination.form))
        if same in seen:
            problems.append(_problem("name", row, f'trùng với dòng {seen[same]}: cùng "{nomination.name}", '
                                                  "cùng đơn vị công tác, cùng hình thức."))
        seen.setdefault(same, row)
    return problems


def _problem(key: str, row: int, message: str) -> Problem:
    index = next(i for i, c in enumerate(UNIT_NOMINATIONS.columns, start=1) if c.key == key)
    return Problem(ERROR, UNIT_NOMINATIONS.title, message, cell=f"{get_column_letter(index)}{row}",
                   column=UNIT_NOMINATIONS.column(key).header)


def read_unit_workbook(path: Path) -> Source:
    """The unit's rows exactly as typed; rows the reader refuses are refused with its reasons."""
    data = read_workbook(Path(path), UNIT_SHEETS)
    info = data.one(UNIT_INFO.key)
    statement = Statement(where=f'trang "{UNIT_INFO.title}"')
    if info is not None:
        statement.unit, statement.unit_head = info.unit, info.unit_head
        statement.submission_no, statement.submission_date = info.submission_no, info.submission_date
    entries = [_entry(n) for n in data.all(UNIT_NOMINATIONS.key)]
    entries += _refused_rows(data)
    entries.sort(key=lambda e: int(re.sub(r"\D", "", e.where) or 0))
    notes = [str(p).removeprefix(f"{p.severity}: ") for p in data.problems
             if not (p.is_error and p.sheet == UNIT_NOMINATIONS.title and p.cell)]
    return Source(LABEL, statement, entries, notes, states_at=f'trang "{UNIT_INFO.title}" điền đủ')


def _where(key: str, row: int) -> str:
    index = next(i for i, c in enumerate(UNIT_NOMINATIONS.columns, start=1) if c.key == key)
    return f"ô {get_column_letter(index)}{row}"


def _entry(n: UnitNomination) -> Entry:
    row = n.rows[0]
    return Entry(where=_where("name", row), name=n.name, kind=n.kind, address=n.address, position=n.position,
                 workplace=n.workplace, form=n.form, achievement=n.achievement,
                 cells={c.key: _where(c.key, row) for c in UNIT_NOMINATIONS.columns})


def _refused_rows(data: WorkbookData) -> list[Entry]:
    by_row: dict[int, Entry] = {}
    for problem in data.errors:
        if problem.sheet != UNIT_NOMINATIONS.title or not problem.cell:
            continue
        row = int(re.sub(r"\D", "", problem.cell))
        entry = by_row.setdefault(row, Entry(where=_where("name", row)))
        entry.refused.append(f'ô {problem.cell} (cột "{problem.column}"): {problem.message.rstrip(".")}')
    return list(by_row.values())
