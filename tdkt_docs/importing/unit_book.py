"""The workbook a proposing unit fills (``tdkt init --don-vi``), checked by ``tdkt check``, taken by ``tdkt nhap``.

Its sheets derive from the office workbook's schema: the unit's name and tờ trình
(the Đề nghị sheet's unit columns, as a form) and the nominations with the same
columns, dropdowns and prompts, less what the office decides (batch, appraisal).
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import openpyxl
from openpyxl.utils.cell import coordinate_from_string

from ..glossary import IssuerLevel, RecipientKind
from ..problems import Location, Problem, Severity
from ..read.blank import write_blank_workbook
from ..read.grid import titled
from ..read.records import Cells, cell_field
from ..read.schema import NOMINATIONS, Layout, Sheet
from ..read.validate import record_problem
from ..read.workbook import WorkbookData, read_workbook
from ..rules.book import Rules
from ..rules.collation import match_key, name_key
from .checks import review
from .model import OFFICE_ONLY, Entry, Source
from .words import Statement


@dataclass(frozen=True)
class UnitInfo:
    """Sheet "Đơn vị đề nghị": who proposes, with which tờ trình."""

    unit: str
    unit_head: str
    submission_no: str
    submission_date: dt.date | None
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True)
class UnitNomination:
    """One row of the unit's Đề nghị khen thưởng sheet."""

    kind: RecipientKind
    address: str
    rank: str
    name: str
    position: str
    workplace: str
    form: str
    achievement: str
    birth_year: int | None = None
    cccd: str = ""
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


_INFO_KEYS = ("unit", "unit_head", "submission_no", "submission_date")

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
    columns=tuple(c for c in NOMINATIONS.columns if c.key not in _INFO_KEYS + OFFICE_ONLY),
)
UNIT_SHEETS = (UNIT_INFO, UNIT_NOMINATIONS)
LABEL = "sổ đề nghị của đơn vị"

INTRO = (
    "HƯỚNG DẪN ĐIỀN SỔ ĐỀ NGHỊ KHEN THƯỞNG CỦA ĐƠN VỊ",
    f'1. Trang "{UNIT_INFO.title}": tên đơn vị, thủ trưởng, số và ngày tờ trình đề nghị khen thưởng.',
    f'2. Trang "{UNIT_NOMINATIONS.title}": mỗi dòng một tập thể, cá nhân hoặc hộ gia đình. Dòng 1 là tiêu đề '
    "(không sửa), dòng 2 là dòng ví dụ — ghi đè hoặc xóa khi nhập thật. Ô tô màu cam là bắt buộc; chọn ô để xem gợi ý.",
    "3. Hình thức khen thưởng chọn trong danh sách của ô. Cá nhân phải có Ông/Bà (lực lượng vũ trang: ghi cấp bậc ở "
    'cột "Cấp bậc, quân hàm"). Ngày nhập dạng ngày/tháng/năm.',
    "4. Không gộp ô (Merge), không đổi tên trang, không thêm cột.",
    "5. Trước khi gửi, kiểm tra sổ: tdkt check <tệp>.xlsx — sổ không còn lỗi thì gửi cho cơ quan thi đua, "
    "khen thưởng; cơ quan nhập thẳng vào sổ số liệu (tdkt nhap), không phải gõ lại.",
)


def write_unit_workbook(target: Path, rules: Rules, level: IssuerLevel | None = None) -> None:
    """The blank workbook a proposing unit fills and sends; the form dropdown holds the forms of ``rules`` that
    the deciding office's ``level`` may decide (all of them when the level is not known)."""
    write_blank_workbook(Path(target), rules, UNIT_SHEETS, level, intro=INTRO)


def is_unit_workbook(path: Path) -> bool:
    """Whether ``path`` is a workbook written by ``write_unit_workbook`` (by its sheet names)."""
    if not zipfile.is_zipfile(path):
        return False
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook we can open: the ordinary check reports it
        return False
    try:
        return titled(book.sheetnames, UNIT_INFO.title) is not None
    finally:
        book.close()


def check_unit_workbook(path: Path, rules: Rules) -> list[Problem]:
    """Every problem of a unit's workbook: the cells, then the rules the office applies to each row."""
    data = read_workbook(Path(path), UNIT_SHEETS)
    problems = list(data.problems)
    if data.one(UNIT_INFO.key) is None and not data.has_errors_in(UNIT_INFO):
        problems.append(Problem(Severity.ERROR, "don_vi.thieu", "chưa điền tên đơn vị, số và ngày tờ trình.",
                                Location(UNIT_INFO.title)))
    if not data.all(UNIT_NOMINATIONS.key) and not data.errors:
        problems.append(Problem(Severity.ERROR, "de_nghi.khong_co", "chưa có dòng đề nghị nào.",
                                Location(UNIT_NOMINATIONS.title)))
    seen: dict[tuple, int] = {}
    for nomination in data.all(UNIT_NOMINATIONS.key):
        for key, message in review(nomination.kind, nomination.address, nomination.rank, nomination.name,
                                   nomination.form, rules.catalogue):
            problems.append(record_problem(UNIT_NOMINATIONS, nomination, key, f"don_vi.{key}", f"{message}."))
        same = (nomination.kind, name_key(nomination.name), match_key(nomination.workplace), match_key(nomination.form))
        if same in seen:
            problems.append(record_problem(UNIT_NOMINATIONS, nomination, "name", "de_nghi.trung",
                                           f'trùng với dòng {seen[same]}: cùng "{nomination.name}", '
                                           "cùng đơn vị công tác, cùng hình thức."))
        seen.setdefault(same, nomination.rows[0])
    return problems


def read_unit_workbook(path: Path) -> Source:
    """The unit's rows exactly as typed; rows the reader refuses are refused with its reasons."""
    data = read_workbook(Path(path), UNIT_SHEETS)
    info = data.one(UNIT_INFO.key)
    statement = Statement(where=f'trang "{UNIT_INFO.title}"')
    if info is not None:
        statement.unit, statement.unit_head = info.unit, info.unit_head
        statement.submission_no, statement.submission_date = info.submission_no, info.submission_date
    rows = [(n.rows[0], _entry(n)) for n in data.all(UNIT_NOMINATIONS.key)] + _refused_rows(data)
    entries = [entry for _, entry in sorted(rows, key=lambda item: item[0])]
    notes = [str(p).removeprefix(f"{p.severity.label}: ") for p in data.problems if not _row_problem(p)]
    return Source(LABEL, statement, entries, notes, states_at=f'trang "{UNIT_INFO.title}" điền đủ')


def _row_problem(problem: Problem) -> bool:
    """An error in one cell of a nomination row: that row is refused."""
    return problem.is_error and problem.location.sheet == UNIT_NOMINATIONS.title and bool(problem.location.cell)


def _where(place: str) -> str:
    """"B7" → "ô B7"; a place without a cell ("dòng 7", a column the sheet lacks) as it is."""
    return place if place.startswith("dòng") else f"ô {place}"


def _entry(n: UnitNomination) -> Entry:
    where = {key: _where(place) for key, place in n.cells.items()}
    return Entry(where=where["name"], name=n.name, kind=n.kind, address=n.address, rank=n.rank, position=n.position,
                 workplace=n.workplace, form=n.form, achievement=n.achievement, cells=where)


def _refused_rows(data: WorkbookData) -> list[tuple[int, Entry]]:
    by_row: dict[int, Entry] = {}
    for problem in filter(_row_problem, data.problems):
        location = problem.location
        row = coordinate_from_string(location.cell)[1]
        entry = by_row.setdefault(row, Entry(where=f"dòng {row}"))
        entry.refused.append(f'ô {location.cell} (cột "{location.column}"): {problem.message.rstrip(".")}')
    return list(by_row.items())
