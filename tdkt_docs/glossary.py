"""Vietnamese domain terms and the English names the code uses for them.

Code identifiers are English; everything a user sees is Vietnamese. This table is
the one place where the two meet. Template variables keep the Vietnamese term in
ASCII snake_case (see templates/README.md). The closed lists of values (kinds of
recipient, quarters, ways to split and order) are enums here, defined once.
"""
from __future__ import annotations

import enum

from .text import fold

TERMS: dict[str, str] = {
    # documents
    "Kế hoạch": "plan",
    "Quyết định khen thưởng": "award decision",
    "Phụ lục": "appendix",
    "Danh sách kèm theo": "attached list",
    "Tờ trình": "submission",
    "Nơi nhận": "recipients",
    "Căn cứ": "legal basis",
    "Trích yếu": "subject line",
    "Tên loại": "document type name",
    "Số, ký hiệu": "number and code",
    "Địa danh": "place name",
    "Quốc hiệu": "national title",
    "Tiêu ngữ": "motto",
    "Cơ quan chủ quản": "parent agency",
    "Cơ quan ban hành": "issuing agency",
    "Thẩm quyền ký / quyền hạn": "signing authority",
    "Chức vụ": "position",
    "Người ký": "signer",
    "Thể thức": "document format",
    # commendation
    "Thi đua, khen thưởng (TĐKT)": "emulation and commendation",
    "Đề nghị khen thưởng": "nomination",
    "Đợt khen thưởng": "batch",
    "Đơn vị trình": "proposing unit",
    "Hình thức khen thưởng": "award form",
    "Danh hiệu thi đua": "emulation title",
    "Tập thể / Cá nhân / Hộ gia đình": "collective / individual / household",
    "Thành tích": "achievement",
    "Kết quả thẩm định": "appraisal result",
    "Mức lương cơ sở": "base salary",
    "Hệ số": "coefficient",
    "Tiền thưởng": "prize money",
    "Quỹ thi đua, khen thưởng": "commendation fund",
    # award register
    "Sổ theo dõi khen thưởng": "award register",
    "Quyết định đã ký": "signed decision",
    "Ghi sổ": "record",
    "Tra cứu": "lookup (history)",
    "Điều kiện xét khen thưởng": "eligibility rule",
    "Liên tục": "consecutive (streak)",
    "Thống kê": "statistics",
    "Xuất dữ liệu": "export",
    "Căn cước công dân (CCCD)": "citizen identity number",
    "Giới tính (Nam / Nữ)": "sex (male / female)",
    "Cấp khen thưởng": "award level",
    "Bản sửa / đã thay": "correction / superseded",
    # certificates
    "Bằng khen / Giấy khen": "certificate",
    "Phôi (bằng, giấy khen in sẵn)": "pre-printed blank",
    "Bố cục phôi": "layout",
    "Ô chữ": "box",
    "Số sổ vàng": "register number",
    "Độ lệch máy in": "printer offset",
    "Tờ chỉnh máy in": "calibration sheet",
    "Bản nháp": "draft",
    "Xem trước": "preview",
    # plan appendix
    "Nhiệm vụ": "task",
    "Quý": "quarter",
    "Đơn vị chỉ đạo / thực hiện / phối hợp": "directing / executing / cooperating unit",
    "Ghi chú": "note",
    "Kỷ niệm": "anniversary",
    # workbook
    "Trang tính": "sheet",
    "Ô": "cell",
    "Cột": "column",
    "Danh mục": "choice list",
    "Hướng dẫn": "instructions",
    # import of the units' lists
    "Nhập (tdkt nhap)": "import",
    "Sổ đề nghị của đơn vị": "unit workbook",
    "Danh sách đề nghị": "nomination list",
    "Cần xem lại / Không nhận / Đã nhập": "attention / refused / already imported",
    # issuers
    "Cấp ban hành (tỉnh, sở, xã)": "issuer level",
    "Thẩm quyền ban hành": "authority line",
    "Thủ trưởng": "head (of a body)",
    "Cơ quan thẩm định": "appraising body",
    "Người thi hành (Điều 3)": "executors",
    "Cấp bậc, quân hàm": "rank",
    "Chủ hộ": "head of household",
    "Loại đợt": "batch kind",
    "Năm học": "school year",
    "Chuyên đề": "themed campaign",
    "Đột xuất": "one-off",
}


class Choice(enum.Enum):
    """A closed list of values; the value is the Vietnamese label users see and type."""

    # Members are equal only to themselves: hashed by identity, not by enum's hash of the name, which is Python
    # code (a year-end build hashes them some hundred thousand times).
    __hash__ = object.__hash__

    @property
    def label(self) -> str:
        return self.value

    @classmethod
    def labels(cls) -> tuple[str, ...]:
        return tuple(member.value for member in cls)


class RecipientKind(Choice):
    COLLECTIVE = "Tập thể"
    INDIVIDUAL = "Cá nhân"
    HOUSEHOLD = "Hộ gia đình"


class Sex(Choice):
    """Known in the award register only for a person addressed Ông or Bà."""

    FEMALE = "Nữ"
    MALE = "Nam"


class Quarter(Choice):
    Q1 = "Quý I"
    Q2 = "Quý II"
    Q3 = "Quý III"
    Q4 = "Quý IV"

    @property
    def number(self) -> int:
        return list(Quarter).index(self) + 1


class Split(Choice):
    """How a batch's nominations are grouped into decisions."""

    BY_SUBMISSION = "Theo tờ trình"
    BY_FORM = "Theo hình thức"


class Order(Choice):
    """The order of a decision's attached list."""

    AS_PROPOSED = "Như đề nghị"
    ALPHABETICAL = "Theo vần tên"


class Appraisal(Choice):
    PASSED = "Đạt"
    FAILED = "Không đạt"
    PENDING = "Chưa thẩm định"


class DocumentName(Choice):
    """Documents a Nơi nhận line can belong to."""

    PLAN = "Kế hoạch"
    DECISION = "Quyết định khen thưởng"
    SUBMISSION = "Tờ trình"


class IssuerLevel(Choice):
    """Who issues: the level of the body whose head decides (Luật Thi đua, khen thưởng 2022 Điều 79–80)."""

    PROVINCE = "Cấp tỉnh"
    DEPARTMENT = "Sở, ban, ngành"
    COMMUNE = "Cấp xã"
    OTHER = "Cơ quan, đơn vị khác"

    @property
    def key(self) -> str:
        """The key the data files use: tinh, so, xa, khac."""
        return {"PROVINCE": "tinh", "DEPARTMENT": "so", "COMMUNE": "xa", "OTHER": "khac"}[self.name]

    @classmethod
    def from_key(cls, key: str) -> IssuerLevel:
        return next(level for level in cls if level.key == key)


class BatchKind(Choice):
    """What a batch of decisions is for; a quarter is optional."""

    QUARTER = "Theo quý"
    YEAR = "Tổng kết năm"
    SCHOOL_YEAR = "Năm học"
    THEME = "Chuyên đề"
    SUDDEN = "Đột xuất"


BATCH_WORD = "đợt"
COMMON_LEADS = ("tổng kết", "sơ kết", "cuối năm", "năm học", "đột xuất", "chuyên đề")
"""Leading words of a batch name that are common nouns, lower-case mid-sentence as the 2024 Bắc Ninh Kế hoạch
writes them ("đợt tổng kết năm 2023", "sơ kết", "6 tháng cuối năm", "năm học 2023 - 2024", "đột xuất") and the
Bằng khen "theo đợt hoặc chuyên đề"; any other name ("Quý I/2024") is kept as typed."""


def batch_words(name: str) -> str:
    """A batch's name as it reads after the word "đợt": "Quý I/2024" as typed; "Đợt 1/2024", "dot 1/2024" →
    "1/2024" (the word not doubled); "Tổng kết năm 2025" → "tổng kết năm 2025"."""
    cut = len(BATCH_WORD)
    rest = name[cut:].lstrip(" :-–")
    if fold(name[:cut]) == fold(BATCH_WORD) and rest and not name[cut].isalpha():
        name = rest
    lead = next((lead for lead in COMMON_LEADS if f"{name.casefold()} ".startswith(lead + " ")), "")
    return name[:len(lead)].lower() + name[len(lead):]


class Verb(Choice):
    """How a decision confers a danh hiệu: "tặng" (the law's word) or "công nhận" (older practice)."""

    GIVE = "tặng"
    RECOGNISE = "công nhận"


RANKS = (
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá", "Trung tá", "Thiếu tá",
    "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Thượng sĩ", "Trung sĩ", "Hạ sĩ", "Binh nhất", "Binh nhì",
)
"""Cấp bậc, quân hàm of the army and the police: written before the name instead of Ông/Bà."""


_RANK_PREFIXES = tuple(rank.casefold() + " " for rank in RANKS)
_RANK_FIRST_WORDS = frozenset(prefix.split(" ", 1)[0] for prefix in _RANK_PREFIXES)  # đại, thượng, … binh


def rank_of(name: str) -> str:
    """The rank a name was typed with ("Thượng tá Lê Hoàng Phúc" → "Thượng tá"), or "". Most names are told
    by their first word alone."""
    if name.split(" ", 1)[0].casefold() not in _RANK_FIRST_WORDS:
        return ""
    folded = name.casefold()
    if not folded.startswith(_RANK_PREFIXES):
        return ""
    return next(rank for rank, prefix in zip(RANKS, _RANK_PREFIXES) if folded.startswith(prefix))


HOUSEHOLD_WORDS = ("hộ", "gia", "đình", "ông", "bà")


def household_named(name: str) -> bool:
    """A household's name typed whole: "Hộ ông Lý Văn Tư", "Hộ gia đình bà Hoàng Thị Sen"."""
    return name.split(" ", 1)[0].casefold() == "hộ"


def person_of(name: str) -> str:
    """The person's own name: a leading rank or "Hộ gia đình ông" taken off."""
    rank = rank_of(name)
    if rank:
        return name[len(rank):].strip()
    words = name.split()
    if household_named(name):
        while words and words[0].casefold() in HOUSEHOLD_WORDS:
            words.pop(0)
    return " ".join(words)


def kept_name(kind: RecipientKind | None, name: str) -> str:
    """A name as the register keeps it and lists match it: a collective's as written; a person's or a
    household's without the rank or "Hộ gia đình ông" typed with it."""
    return name if kind is RecipientKind.COLLECTIVE else person_of(name)
