"""The year's statistics workbook: totals by form and level, by kind, by quarter and batch, by
proposing unit, women where the sex is known, and a chart.

Bộ Nội vụ's reporting forms (TT 18/2025/TT-BNV) were not available with their biểu numbers, so
each table is named by what it counts; none claims a biểu code."""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..glossary import RecipientKind, Sex
from ..render.sheets import MONEY
from ..render.xlsx import workbook_bytes
from .year import YearAward, issuers

BOLD = Font(name="Times New Roman", bold=True)
COUNTS = [RecipientKind.COLLECTIVE.label, RecipientKind.INDIVIDUAL.label, "trong đó nữ", "cá nhân chưa rõ giới tính",
          RecipientKind.HOUSEHOLD.label, "Tổng số", "Tiền thưởng (đồng)"]
BY_FORM = "Theo hình thức và cấp"
CHART = "Biểu đồ"
NO_QUARTER = "Không theo quý"  # a batch for the year, a school year, a theme or a sudden deed


def _counts(members: list[YearAward]) -> list[int]:
    people = [a for a in members if a.kind is RecipientKind.INDIVIDUAL]
    return [sum(a.kind is RecipientKind.COLLECTIVE for a in members), len(people),
            sum(a.sex is Sex.FEMALE for a in people), sum(a.sex is None for a in people),
            sum(a.kind is RecipientKind.HOUSEHOLD for a in members), len(members),
            sum(a.amount for a in members)]


def _table(ws: Worksheet, title: str, keys: list[str], awards: list[YearAward],
           key: Callable[[YearAward], tuple]) -> None:
    ws.append([title])
    ws.cell(1, 1).font = BOLD
    ws.append(keys + COUNTS)
    for cell in ws[2]:
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    groups: dict[tuple, list[YearAward]] = defaultdict(list)
    for award in awards:
        groups[key(award)].append(award)
    for group, members in groups.items():
        ws.append(list(group) + _counts(members))
    ws.append(["Cộng"] + [None] * (len(keys) - 1) + _counts(awards))
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    for row in ws.iter_rows(min_row=3, min_col=len(keys) + len(COUNTS)):
        row[0].number_format = MONEY
    for index, width in enumerate([34] * len(keys) + [11] * (len(COUNTS) - 1) + [18], start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(index)].width = width
    ws.freeze_panes = "A3"


def statistics_workbook(year: int, awards: list[YearAward], register_name: str) -> bytes:
    book = openpyxl.Workbook()
    about = book.active
    about.title = "Thông tin"
    for line in (
        [f"THỐNG KÊ KHEN THƯỞNG NĂM {year}"],
        ["Nguồn số liệu", f"Sổ theo dõi khen thưởng: {register_name}"],
        ["Cơ quan ban hành", "; ".join(issuers(awards)) or "(chưa có khen thưởng nào)"],
        ["Số quyết định", len({(a.issuer, a.number, a.signed) for a in awards})],
        ["Số lượt khen thưởng", len(awards)],
        ["Giới tính", "Chỉ tính được với cá nhân ghi Ông/Bà; các trường hợp khác ghi ở cột chưa rõ giới tính."],
        ["Lưu ý", "Các bảng được đặt tên theo nội dung thống kê. Số hiệu biểu mẫu báo cáo của Bộ Nội vụ "
                  "(Thông tư 18/2025/TT-BNV) chưa được đối chiếu nên không ghi; khi báo cáo, chép số liệu "
                  "vào đúng biểu mẫu được giao."],
    ):
        about.append(line)
    about.cell(1, 1).font = BOLD
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 22, 100
    _table(book.create_sheet(BY_FORM), f"Số lượt khen thưởng năm {year} theo cấp và hình thức",
           ["Cấp khen thưởng", "Hình thức khen thưởng"], awards, lambda a: (a.level, a.form))
    _table(book.create_sheet("Theo quý, đợt"), f"Số lượt khen thưởng năm {year} theo quý và đợt",
           ["Quý", "Đợt"], awards, lambda a: (a.quarter or NO_QUARTER, a.batch or "Không rõ đợt"))
    _table(book.create_sheet("Theo đơn vị trình"), f"Số lượt khen thưởng năm {year} theo đơn vị trình",
           ["Đơn vị trình"], awards, lambda a: (a.proposing_unit or "Không rõ đơn vị trình",))
    _chart(book, book[BY_FORM])
    return workbook_bytes(book)


def _chart(book: openpyxl.Workbook, table: Worksheet) -> None:
    """A chart sheet: tập thể, cá nhân and hộ gia đình per form (the table's body rows)."""
    last = table.max_row - 1  # above the "Cộng" row
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = table.cell(1, 1).value
    for column in (3, 4, 7):  # Tập thể, Cá nhân, Hộ gia đình
        chart.add_data(Reference(table, min_col=column, min_row=2, max_row=max(last, 3)), titles_from_data=True)
    chart.set_categories(Reference(table, min_col=2, min_row=3, max_row=max(last, 3)))
    chart.y_axis.title = "Số lượt"
    sheet = book.create_chartsheet(CHART)
    sheet.add_chart(chart)
