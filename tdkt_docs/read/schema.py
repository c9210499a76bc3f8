"""The input workbook, declared once.

Every sheet and column is declared here with its Vietnamese header, type, whether
it is required, its allowed values and its help text. The blank workbook
(``tdkt init``), the validation (``tdkt check``) and the reader all derive from it.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Callable

from . import cells
from .records import Agency, LegalBasisLine, PlanInfo, Recipient, Task


class Kind(enum.Enum):
    """Column types: the parser that turns a raw cell into a value."""

    TEXT = (cells.as_text, "chữ")
    LINES = (cells.as_lines, "chữ, mỗi ý một dòng (Alt+Enter)")
    INT = (cells.as_int, "số nguyên")
    YEAR = (cells.as_year, "năm (4 chữ số)")
    DATE = (cells.as_date, "ngày (ngày/tháng/năm)")

    def __init__(self, parse: Callable[[object], object], label: str) -> None:
        self.parse = parse
        self.label = label


class Layout(enum.Enum):
    FORM = "form"    # one record: labels in column A, values in column B, help in column C
    TABLE = "table"  # many records: headers in row 1, one record per row below


@dataclass(frozen=True)
class Column:
    key: str                     # record field
    header: str                  # Vietnamese header (or form label)
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()  # dropdown values
    strict: bool = True          # only the choices are allowed (else they are suggestions)
    aliases: dict[str, str] = field(default_factory=dict)  # other spellings -> choice
    help: str = ""
    example: object = None
    width: int = 24

    @property
    def empty(self) -> object:
        return () if self.kind is Kind.LINES else (None if self.kind in (Kind.INT, Kind.YEAR, Kind.DATE) else "")


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    layout: Layout
    record: type
    columns: tuple[Column, ...]
    help: str

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")
_QUARTER_ALIASES = {
    alias: quarter
    for n, quarter in enumerate(QUARTERS, start=1)
    for alias in (str(n), quarter.split()[1], f"quý {n}", f"q{n}", f"quý {quarter.split()[1]}")
}
DOCUMENTS = ("Kế hoạch", "Quyết định khen thưởng")

AGENCY = Sheet(
    key="agency",
    title="Cơ quan",
    layout=Layout.FORM,
    record=Agency,
    help="Thông tin cơ quan ban hành, dùng chung cho mọi văn bản.",
    columns=(
        Column("parent", "Cơ quan chủ quản",
               help="Chỉ điền khi cơ quan ban hành có cơ quan cấp trên trực tiếp "
                    "(ví dụ Sở Nội vụ ghi ỦY BAN NHÂN DÂN TỈNH BẮC NINH). UBND tỉnh để trống.",
               example=""),
        Column("name_line_1", "Tên cơ quan ban hành (dòng 1)", required=True,
               help="Viết in hoa, đúng như ở đầu văn bản.", example="ỦY BAN NHÂN DÂN"),
        Column("name_line_2", "Tên cơ quan ban hành (dòng 2)",
               help="Phần còn lại của tên nếu tên dài hai dòng.", example="TỈNH BẮC NINH"),
        Column("short_name", "Tên cơ quan viết gọn", required=True,
               help='Dùng trong câu "(Kèm theo Kế hoạch số … của …)".', example="UBND tỉnh Bắc Ninh"),
        Column("code", "Chữ viết tắt trong ký hiệu", required=True,
               help="Phần sau loại văn bản trong ký hiệu, ví dụ KH-UBND, QĐ-UBND.", example="UBND"),
        Column("place", "Địa danh", required=True,
               help='Địa danh ghi trước ngày tháng: "Bắc Ninh, ngày …".', example="Bắc Ninh"),
    ),
)

PLAN = Sheet(
    key="plan",
    title="Kế hoạch",
    layout=Layout.FORM,
    record=PlanInfo,
    help="Thông tin của Kế hoạch công tác thi đua, khen thưởng trong năm.",
    columns=(
        Column("year", "Năm kế hoạch", Kind.YEAR, required=True,
               help="Mọi năm và số năm kỷ niệm trong văn bản tính theo năm này.", example=2024),
        Column("number", "Số văn bản", Kind.INT,
               help="Để trống khi chưa lấy số: văn bản để chỗ trống cho văn thư ghi tay.", example=None),
        Column("issued", "Ngày ban hành", Kind.DATE,
               help="Để trống khi chưa ký; nhập dạng ngày/tháng/năm, ví dụ 05/01/2024.", example=None),
        Column("authority", "Thẩm quyền ký", choices=("TM. ỦY BAN NHÂN DÂN",), strict=False,
               help="Dòng trên chức vụ người ký; Kế hoạch của UBND tỉnh ghi TM. ỦY BAN NHÂN DÂN.",
               example="TM. ỦY BAN NHÂN DÂN"),
        Column("position", "Chức vụ người ký", required=True,
               choices=("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), strict=False,
               help="Phó Chủ tịch ký thì văn bản tự thêm dòng KT. CHỦ TỊCH.", example="CHỦ TỊCH"),
        Column("signer", "Họ tên người ký", required=True,
               help="Không ghi học hàm, học vị.", example="Nguyễn Hương Giang"),
        Column("archive", "Nơi lưu",
               help='Dòng cuối của Nơi nhận, ví dụ VT, NC, CVP cho "- Lưu: VT, NC, CVP."',
               example="VT, NC, CVP"),
    ),
)

LEGAL_BASIS = Sheet(
    key="legal_basis",
    title="Căn cứ",
    layout=Layout.TABLE,
    record=LegalBasisLine,
    help="Mỗi dòng một căn cứ, theo thứ tự in trong Kế hoạch. Dấu ; cuối dòng do phần mềm thêm.",
    columns=(
        Column("text", "Nội dung căn cứ", required=True, width=100,
               help='Bắt đầu bằng "Căn cứ …".',
               example="Ví dụ: Căn cứ Luật Thi đua, khen thưởng năm 2022"),
    ),
)

RECIPIENTS = Sheet(
    key="recipients",
    title="Nơi nhận",
    layout=Layout.TABLE,
    record=Recipient,
    help='Mỗi dòng một nơi nhận. Dấu "- " đầu dòng và dấu ; cuối dòng do phần mềm thêm; '
         'dòng "Lưu: …" lấy từ ô Nơi lưu.',
    columns=(
        Column("document", "Văn bản", required=True, choices=DOCUMENTS, width=26,
               help="Văn bản có nơi nhận này.", example="Kế hoạch"),
        Column("name", "Nơi nhận", required=True, width=60,
               help="Tên nơi nhận như in trong văn bản.", example="Ví dụ: Ban TĐKT Trung ương"),
        Column("note", "Ghi chú", width=16,
               help="In trong ngoặc sau tên, ví dụ để b/c.", example="để b/c"),
        Column("copies", "Số bản", Kind.INT, width=10,
               help="Số bản in gửi nơi này; để trống là 1.", example=1),
    ),
)

TASKS = Sheet(
    key="tasks",
    title="Phụ lục",
    layout=Layout.TABLE,
    record=Task,
    help="Bảng Phụ lục thực hiện nhiệm vụ: mỗi dòng một nhiệm vụ, theo thứ tự trong từng quý. "
         "Một ô có nhiều đơn vị thì mỗi đơn vị một dòng (Alt+Enter).",
    columns=(
        Column("quarter", "Quý", required=True, choices=QUARTERS, aliases=_QUARTER_ALIASES,
               width=10, help="Quý thực hiện: Quý I, Quý II, Quý III hoặc Quý IV.", example="Quý I"),
        Column("content", "Nội dung thực hiện", Kind.LINES, required=True, width=60,
               help="Nội dung nhiệm vụ.", example=("Ví dụ: Xây dựng Kế hoạch công tác thi đua, khen thưởng",)),
        Column("directing", "Đơn vị chỉ đạo", Kind.LINES, width=24,
               help="Mỗi đơn vị một dòng.", example=("UBND tỉnh",)),
        Column("executing", "Đơn vị thực hiện", Kind.LINES, width=30,
               help="Mỗi đơn vị một dòng.", example=("Sở Nội vụ",)),
        Column("cooperating", "Đơn vị phối hợp", Kind.LINES, width=30,
               help="Mỗi đơn vị một dòng.", example=()),
        Column("note", "Ghi chú", Kind.LINES, width=16, help="", example=()),
    ),
)

SHEETS: tuple[Sheet, ...] = (AGENCY, PLAN, LEGAL_BASIS, RECIPIENTS, TASKS)
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
