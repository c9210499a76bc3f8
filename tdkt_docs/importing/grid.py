"""A list laid out as a table (an Excel sheet or a Word table): headers found tolerantly, rows read.

The grid holds each cell's text; a merged cell's text is repeated in every cell it
covers. Headers may be one to three rows deep under merged title rows; the columns
are recognised by their usual names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..glossary import RecipientKind
from ..read import cells
from ..read.schema import NOMINATIONS
from ..rules.collation import match_key
from ..rules.legal import Catalogue
from . import words
from .model import OFFICE_ONLY, Entry, Group

HEADER_SEARCH_ROWS = 15
MAX_HEADER_DEPTH = 3

# Usual column names → field; every header of the office's Đề nghị sheet is known too.
_ALIASES = {
    "stt": ("STT", "TT", "Số TT", "Số thứ tự"),
    "name": ("Họ và tên", "Họ tên", "Tên tập thể", "Tên tập thể, cá nhân", "Tên tập thể/cá nhân",
             "Tập thể, cá nhân", "Họ và tên/Tên tập thể", "Tên đơn vị, cá nhân", "Họ và tên, tên tập thể",
             "Tên tập thể, họ và tên cá nhân", "Họ tên tập thể, cá nhân"),
    "address": ("Ông/Bà", "Ông, Bà", "Danh xưng"),
    "rank": ("Cấp bậc", "Quân hàm", "Quân hàm, cấp bậc", "Cấp bậc, chức vụ quân hàm"),
    "sex": ("Giới tính", "Nam/Nữ", "Nam, Nữ"),
    "male": ("Nam",),
    "female": ("Nữ",),
    "position": ("Chức vụ", "Chức danh", "Chức vụ/chức danh", "Chức vụ, chức danh"),
    "workplace": ("Đơn vị công tác", "Đơn vị", "Nơi công tác", "Cơ quan, đơn vị", "Cơ quan công tác",
                  "Cơ quan, đơn vị công tác", "Địa chỉ", "Đơn vị cấp trên", "Đơn vị, địa chỉ"),
    "position_workplace": ("Chức vụ, đơn vị công tác", "Chức vụ, đơn vị", "Chức vụ và đơn vị công tác",
                           "Chức vụ, nơi công tác", "Chức vụ, chức danh, đơn vị công tác",
                           "Chức danh, đơn vị công tác", "Chức vụ, đơn vị công tác, địa chỉ",
                           "Chức vụ, cơ quan, đơn vị công tác"),
    "form": ("Hình thức đề nghị", "Hình thức", "Hình thức khen thưởng đề nghị", "Hình thức đề nghị khen thưởng",
             "Danh hiệu", "Danh hiệu đề nghị", "Hình thức, danh hiệu đề nghị", "Danh hiệu, hình thức đề nghị",
             "Hình thức khen thưởng, danh hiệu thi đua"),
    "achievement": ("Thành tích", "Nội dung thành tích", "Tóm tắt thành tích", "Thành tích đạt được",
                    "Thành tích đề nghị khen thưởng", "Tóm tắt thành tích đề nghị khen thưởng"),
    "kind": ("Loại", "Đối tượng", "Tập thể/Cá nhân"),
    "unit": ("Đơn vị đề nghị",),
}
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def _header_key(text: str) -> str:
    """Header text compared without case, punctuation or notes in brackets."""
    text = re.sub(r"\([^)]*\)", " ", text)
    return " ".join(re.sub(r"[^\w]+", " ", match_key(text)).split())


def _alias_index() -> dict[str, str]:
    index = {_header_key(c.header): c.key for c in NOMINATIONS.columns if c.key not in OFFICE_ONLY}
    for key, aliases in _ALIASES.items():
        index.update((_header_key(alias), key) for alias in aliases)
    return index


ALIASES = _alias_index()


@dataclass
class Grid:
    """Cell texts by row; ``where(row, col)`` names a cell for the user (0-based indexes)."""

    rows: list[list[str]]
    where: Callable[[int, int], str]
    row_where: Callable[[int], str]

    def text(self, row: int, col: int | None) -> str:
        if col is None or row >= len(self.rows) or col >= len(self.rows[row]):
            return ""
        return self.rows[row][col]

    def line(self, row: int) -> str:
        """The row's distinct texts, joined: a merged title reads once."""
        return " ".join(dict.fromkeys(t for t in self.rows[row] if t))


@dataclass
class Header:
    row: int                  # first header row
    depth: int                # header rows
    columns: dict[str, int]   # field → column

    @property
    def first_data_row(self) -> int:
        return self.row + self.depth


def find_header(grid: Grid) -> Header | None:
    """The header rows that name the most known columns (one of them a name column)."""
    best: Header | None = None
    rows = min(len(grid.rows), HEADER_SEARCH_ROWS + MAX_HEADER_DEPTH)
    names_a_column = [bool(_match_columns(grid, row, 1)) for row in range(rows)]
    for row in range(min(len(grid.rows), HEADER_SEARCH_ROWS)):
        for depth in range(1, MAX_HEADER_DEPTH + 1):
            if row + depth > rows or not names_a_column[row + depth - 1]:
                break  # every header row names a column by itself: title rows above are not headers
            columns = _match_columns(grid, row, depth)
            if "name" in columns and (best is None or len(columns) > len(best.columns)):
                best = Header(row, depth, columns)
    if best is not None:
        name_header = grid.text(best.row, best.columns["name"])
        while (best.depth < MAX_HEADER_DEPTH and best.first_data_row < len(grid.rows)
               and grid.text(best.first_data_row, best.columns["name"]) == name_header):
            best.depth += 1  # a name header merged down over rows that brought nothing new
    return best


def _match_columns(grid: Grid, row: int, depth: int) -> dict[str, int]:
    found: dict[str, int] = {}
    width = max(len(r) for r in grid.rows[row:row + depth])
    for col in range(width):
        levels = list(dict.fromkeys(t for t in (grid.text(r, col) for r in range(row, row + depth)) if t))
        if not levels:
            continue
        tries = [levels[-1], " ".join(levels), *reversed(levels[:-1])]
        key = next((ALIASES[k] for k in map(_header_key, tries) if k in ALIASES), None)
        if key and key not in found:
            found[key] = col
    return found


def read_rows(grid: Grid, header: Header, notes: list[str], catalogue: Catalogue) -> list[Entry]:
    """The nominations under ``header``, with group headings, achievement lines and signatures handled."""
    entries: list[Entry] = []
    group = Group()
    numbered = "stt" in header.columns
    for row in range(header.first_data_row, len(grid.rows)):
        line = grid.line(row)
        if not line or _is_column_numbers(grid, row):
            continue
        text = {key: grid.text(row, col) for key, col in header.columns.items()}
        stt = text.get("stt", "")
        if not re.fullmatch(r"\d{1,4}[.)]?", stt):
            if any(words.is_signature(t) for t in grid.rows[row] if t):
                break
            texts = {t for t in grid.rows[row] if t}
            alone = len(texts) == 1 or (len(texts) == 2 and stt in texts)
            if alone and (_group_line(line, group, catalogue) or words.is_total(line)):
                continue
            name = text.get("name", "")
            if name and words.is_total(name):  # "Tổng cộng" with the counts in their columns
                continue
            if (numbered and stt) or not name or _header_key(name) in ALIASES or len(name.split()) > 12:
                notes.append(f"{grid.row_where(row)}: bỏ qua dòng không phải đề nghị: \"{_short(line)}\".")
                continue
        entries.append(_entry(grid, row, header, text, group, catalogue))
    return entries


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _is_column_numbers(grid: Grid, row: int) -> bool:
    texts = [t for t in grid.rows[row] if t]
    return len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts)


def _group_line(line: str, group: Group, catalogue: Catalogue) -> bool:
    """A heading or achievement line above a group of rows: remember it for the rows below."""
    if (kind := words.heading_kind(line)):
        group.kind, group.achievement = kind, ""
        return True
    if words.is_achievement(line):
        group.achievement = words.achievement_text(line)
        return True
    if (form := words.heading_form(line, catalogue)) is not None:
        group.form = form.name
        return True
    return False


def _entry(grid: Grid, row: int, header: Header, text: dict[str, str], group: Group, catalogue: Catalogue) -> Entry:
    entry = Entry(where=grid.where(row, header.columns["name"]),
                  cells={key: grid.where(row, col) for key, col in header.columns.items()})
    household, name = words.split_household(text.get("name", ""))
    entry.address, entry.name = words.split_address(name)
    entry.kind = (words.kind_of(text.get("kind", "")) or group.kind
                  or (RecipientKind.HOUSEHOLD if household else None))
    entry.address = (words.address_of(text.get("address", "")) or words.address_of(text.get("sex", ""))
                     or ("Ông" if text.get("male") else "Bà" if text.get("female") else "") or entry.address)
    entry.rank = text.get("rank", "")
    entry.position, entry.workplace = text.get("position", ""), text.get("workplace", "")
    if text.get("position_workplace"):
        position, workplace, decided = words.split_position(text["position_workplace"])
        entry.position, entry.workplace = entry.position or position, entry.workplace or workplace
        if not decided:
            entry.attention.append(f'không tách được chức vụ và đơn vị công tác trong "{text["position_workplace"]}"'
                                   f"; đã ghi cả vào cột Chức vụ, hãy tách lại ({entry.at('position_workplace')})")
    entry.form = text.get("form", "") or group.form
    entry.achievement = text.get("achievement", "") or group.achievement
    entry.unit, entry.unit_head = text.get("unit", ""), text.get("unit_head", "")
    entry.submission_no = text.get("submission_no", "")
    if text.get("submission_date"):
        try:
            entry.submission_date = cells.as_date(text["submission_date"])
        except cells.CellError as exc:
            entry.refused.append(f"ngày tờ trình ({entry.at('submission_date')}): {exc}")
    if entry.form and catalogue.find(entry.form) is None and (named := words.form_in(entry.form, catalogue)):
        entry.form = named.name  # "Đề nghị tặng Bằng khen …"
    return entry
