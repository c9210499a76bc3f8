"""The input workbook, declared once.

Every sheet and column is declared here with its Vietnamese header, type, whether
it is required, its allowed values and its help text. The blank workbook
(``tdkt init``), the validation (``tdkt check``) and the reader all derive from it.
"""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from . import cells
from ..glossary import (Appraisal, BatchKind, Choice, DocumentName, IssuerLevel, Order, Quarter, RecipientKind, Split,
                        Verb)
from .records import (Agency, Batch, DecisionBasis, LegalBasisLine, Nomination, PlanInfo, Recipient, SignedNumber,
                      Task)

if TYPE_CHECKING:
    from ..rules.book import Rules


class ValueType(enum.Enum):
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
    kind: ValueType = ValueType.TEXT
    required: bool = False
    choices: tuple[str, ...] | Callable[[], tuple[str, ...]] = ()  # dropdown values, or where to get them
    strict: bool = True          # only the choices are allowed (else they are suggestions)
    minimum: int | None = None   # smallest allowed number (INT columns)
    aliases: dict[str, str] = field(default_factory=dict)  # other spellings -> choice
    header_aliases: tuple[str, ...] = ()  # headers of earlier versions, still read
    defaulted: bool = False      # workbooks of earlier versions lack it: a missing row or column reads as empty,
                                 # unreported here (rules/issuer.py says which default stands in)
    help: str = ""
    example: object = None
    width: int = 24

    @property
    def enum(self) -> type[Choice] | None:
        """The enum whose members this column's values become, if any."""
        return self.choices if isinstance(self.choices, type) and issubclass(self.choices, Choice) else None

    def options(self, rules: Rules | None = None, level: IssuerLevel | None = None) -> tuple[str, ...]:
        """The dropdown values; those read from the rules data need ``rules`` (and the issuer's level)."""
        if self.enum:
            return self.enum.labels()
        if callable(self.choices):
            return tuple(self.choices(rules, level)) if rules is not None else ()
        return self.choices

    @property
    def empty(self) -> object:
        if self.kind is ValueType.LINES:
            return ()
        return None if self.enum or self.kind is not ValueType.TEXT else ""


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    layout: Layout
    record: type  # a TABLE sheet's: its fields are the columns, in order, then rows and cells (made positionally)
    columns: tuple[Column, ...]
    help: str
    optional: bool = False  # workbooks of earlier versions lack it: its absence is reported where it matters

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _catalogue_names(rules: Rules, level: IssuerLevel | None) -> tuple[str, ...]:
    """The forms and titles the issuer's level may award (a named function: a sheet is sent to the processes
    that read its pieces, pickled)."""
    return rules.catalogue.names(level)


_QUARTER_ALIASES = {
    alias: quarter.label
    for quarter in Quarter
    for alias in (str(quarter.number), quarter.label.split()[1], f"quý {quarter.number}", f"q{quarter.number}")
}
SIGNERS = ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
           "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")
SIGNER_NAME = Column("signer", "Họ tên người ký", required=True, width=22, help="Không ghi học hàm, học vị.",
                     example="Nguyễn Hương Giang")

AGENCY = Sheet(
    key="agency",
    title="Cơ quan",
    layout=Layout.FORM,
    record=Agency,
    help="Cơ quan ban hành và cách viết của cơ quan, dùng chung cho mọi văn bản. Các dòng từ \"Chức danh thủ "
         "trưởng\" trở xuống để trống thì dùng cách viết thường gặp của cấp ban hành (tdkt check báo rõ).",
    columns=(
        Column("level", "Cấp ban hành", choices=IssuerLevel, defaulted=True,
               help="Cấp tỉnh (UBND tỉnh), Sở, ban, ngành, Cấp xã (UBND xã, phường, đặc khu) hoặc cơ quan, đơn vị "
                    "khác. Quyết định chỉ có các hình thức khen thưởng mà cấp này được quyết định.",
               example="Cấp tỉnh"),
        Column("parent", "Cơ quan chủ quản",
               help="Chỉ điền khi cơ quan ban hành có cơ quan cấp trên trực tiếp "
                    "(ví dụ Sở ghi ỦY BAN NHÂN DÂN TỈNH BẮC NINH). UBND tỉnh, xã để trống.",
               example=""),
        Column("name_line_1", "Tên cơ quan ban hành (dòng 1)", required=True,
               help="Viết in hoa, đúng như ở đầu văn bản.", example="ỦY BAN NHÂN DÂN"),
        Column("name_line_2", "Tên cơ quan ban hành (dòng 2)",
               help="Phần còn lại của tên nếu tên dài hai dòng.", example="TỈNH BẮC NINH"),
        Column("short_name", "Tên cơ quan viết gọn", required=True,
               help='Dùng trong câu "(Kèm theo Quyết định số … của Chủ tịch …)".', example="UBND tỉnh Bắc Ninh"),
        Column("code", "Chữ viết tắt trong ký hiệu", required=True,
               help="Phần sau loại văn bản trong ký hiệu, ví dụ KH-UBND, QĐ-SGDĐT.", example="UBND"),
        Column("place", "Địa danh", required=True,
               help='Địa danh ghi trước ngày tháng: "Bắc Ninh, ngày …".', example="Bắc Ninh"),
        Column("head", "Chức danh thủ trưởng", defaulted=True,
               help="Người đứng đầu, người ký quyết định: Chủ tịch, Giám đốc, Hiệu trưởng…; cấp phó ký thì "
                    "văn bản tự ghi KT. …", example="Chủ tịch"),
        Column("authority", "Thẩm quyền ban hành", defaulted=True,
               help="Dòng in hoa dưới trích yếu quyết định; để trống thì ghép chức danh thủ trưởng với tên cơ quan.",
               example="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"),
        Column("appraiser", "Đề nghị của (cơ quan thẩm định)", defaulted=True,
               help='Người đứng đầu cơ quan thẩm định trong câu "… và đề nghị của … tại Tờ trình số …".',
               example="Giám đốc Sở Nội vụ"),
        Column("appraising_body", "Cơ quan thẩm định", defaulted=True,
               help="Cơ quan viết Tờ trình đề nghị khen thưởng (ví dụ Sở Nội vụ; ở sở là Văn phòng).",
               example="Sở Nội vụ"),
        Column("appraising_head", "Chức danh thủ trưởng cơ quan thẩm định", defaulted=True,
               help="Người ký Tờ trình: Giám đốc, Chánh Văn phòng…; cấp phó ký thì Tờ trình tự ghi KT. …",
               example="Giám đốc"),
        Column("executors", "Người thi hành (Điều 3)", ValueType.LINES, defaulted=True,
               help="Mỗi người một dòng; thủ trưởng các đơn vị trình được thêm sau.",
               example=("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính")),
        Column("fund", "Quỹ chi thưởng (Điều 2)", defaulted=True,
               help='Câu "…, trích từ <quỹ> năm …".', example="Quỹ thi đua, khen thưởng của tỉnh"),
        Column("archive", "Nơi lưu quyết định", defaulted=True,
               help='Dòng cuối Nơi nhận "- Lưu: …" khi đợt khen thưởng không ghi.', example="VT, NC"),
        Column("verb", "Danh hiệu thi đua: tặng hay công nhận", choices=Verb, defaulted=True,
               help='"tặng" (như Luật Thi đua, khen thưởng) hoặc "công nhận" (cách viết cũ còn dùng).',
               example="tặng"),
    ),
)

BASIS_POSITIONS = ("Trước luật, nghị định", "Sau luật, nghị định")

DECISION_BASIS = Sheet(
    key="decision_basis",
    title="Căn cứ quyết định",
    layout=Layout.TABLE,
    record=DecisionBasis,
    optional=True,
    help="Các dòng căn cứ riêng của cơ quan trong quyết định khen thưởng (quy chế thi đua, khen thưởng của tỉnh; "
         "quyết định quy định chức năng của sở…). Các căn cứ luật, nghị định do phần mềm tự thêm theo ngày ký.",
    columns=(
        Column("text", "Nội dung căn cứ", required=True, width=100,
               help='Bắt đầu bằng "Căn cứ …"; dấu ; cuối dòng do phần mềm thêm.',
               example="Ví dụ: Căn cứ Quyết định số …/…/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh ban hành Quy định "
                       "về công tác thi đua, khen thưởng tỉnh …"),
        Column("start", "Áp dụng từ ngày", ValueType.DATE, width=14,
               help="Quyết định ký từ ngày này mới in dòng này (ngày văn bản có hiệu lực); trống là luôn in.",
               example=None),
        Column("end", "Đến ngày", ValueType.DATE, width=14,
               help="Ngày cuối văn bản còn hiệu lực; trống là đến nay.", example=None),
        Column("position", "Vị trí", choices=BASIS_POSITIONS, width=22,
               help="In trước hay sau các căn cứ luật, nghị định (mặc định: sau).", example=None),
    ),
)

PLAN = Sheet(
    key="plan",
    title="Kế hoạch",
    layout=Layout.FORM,
    record=PlanInfo,
    help="Thông tin của Kế hoạch công tác thi đua, khen thưởng trong năm.",
    columns=(
        Column("year", "Năm kế hoạch", ValueType.YEAR, required=True,
               help="Mọi năm và số năm kỷ niệm trong văn bản tính theo năm này.", example=2024),
        Column("number", "Số văn bản", ValueType.INT, minimum=1,
               help="Để trống khi chưa lấy số: văn bản để chỗ trống cho văn thư ghi tay.", example=None),
        Column("issued", "Ngày ban hành", ValueType.DATE,
               help="Để trống khi chưa ký; nhập dạng ngày/tháng/năm, ví dụ 05/01/2024.", example=None),
        Column("authority", "Thẩm quyền ký", choices=("TM. ỦY BAN NHÂN DÂN",), strict=False,
               help="Dòng trên chức vụ người ký; Kế hoạch của UBND tỉnh ghi TM. ỦY BAN NHÂN DÂN.",
               example="TM. ỦY BAN NHÂN DÂN"),
        Column("position", "Chức vụ người ký", required=True, choices=SIGNERS, strict=False,
               help="Phó Chủ tịch ký thì văn bản tự thêm dòng KT. CHỦ TỊCH.", example="CHỦ TỊCH"),
        SIGNER_NAME,
        Column("archive", "Nơi lưu",
               help='Dòng cuối của Nơi nhận, ví dụ VT, NC, CVP cho "- Lưu: VT, NC, CVP."; để trống thì lấy dòng '
                    '"Nơi lưu quyết định" của trang "Cơ quan".',
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
         'dòng "Lưu: …" lấy từ ô Nơi lưu; quyết định khen thưởng tự ghi dòng "- Như Điều 3;" đầu tiên.',
    columns=(
        Column("document", "Văn bản", required=True, choices=DocumentName, width=26,
               help="Văn bản có nơi nhận này.", example="Kế hoạch"),
        Column("name", "Nơi nhận", required=True, width=60,
               help="Tên nơi nhận như in trong văn bản.", example="Ví dụ: Ban TĐKT Trung ương"),
        Column("note", "Ghi chú", width=16,
               help="In trong ngoặc sau tên, ví dụ để b/c.", example="để b/c"),
        Column("copies", "Số bản", ValueType.INT, width=10, minimum=1,
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
        Column("quarter", "Quý", required=True, choices=Quarter, aliases=_QUARTER_ALIASES,
               width=10, help="Quý thực hiện: Quý I, Quý II, Quý III hoặc Quý IV.", example="Quý I"),
        Column("content", "Nội dung thực hiện", ValueType.LINES, required=True, width=60,
               help="Nội dung nhiệm vụ.", example=("Ví dụ: Xây dựng Kế hoạch công tác thi đua, khen thưởng",)),
        Column("directing", "Đơn vị chỉ đạo", ValueType.LINES, width=24,
               help="Mỗi đơn vị một dòng.", example=("UBND tỉnh",)),
        Column("executing", "Đơn vị thực hiện", ValueType.LINES, width=30,
               help="Mỗi đơn vị một dòng.", example=("Sở Nội vụ",)),
        Column("cooperating", "Đơn vị phối hợp", ValueType.LINES, width=30,
               help="Mỗi đơn vị một dòng.", example=()),
        Column("note", "Ghi chú", ValueType.LINES, width=16, help="", example=()),
    ),
)

ADDRESSES = ("Ông", "Bà")

BATCHES = Sheet(
    key="batches",
    title="Đợt khen thưởng",
    layout=Layout.TABLE,
    record=Batch,
    help="Mỗi dòng một đợt trình thủ trưởng ký quyết định khen thưởng: theo quý, tổng kết năm, năm học, "
         "chuyên đề hoặc đột xuất.",
    columns=(
        Column("name", "Đợt", required=True, width=18,
               help="Tên đợt, dùng ở trang Đề nghị khen thưởng để gắn đề nghị vào đợt.", example="Ví dụ: Quý I/2024"),
        Column("kind", "Loại đợt", choices=BatchKind, width=14, defaulted=True,
               help="Theo quý, Tổng kết năm, Năm học, Chuyên đề (một phong trào) hoặc Đột xuất; để trống là theo quý.",
               example=None),
        Column("quarter", "Quý", choices=Quarter, aliases=_QUARTER_ALIASES, width=10,
               help="Quý của đợt, nếu có (đợt cuối năm chọn Quý IV; đợt năm học, chuyên đề có thể để trống).",
               example="Quý I"),
        Column("signing", "Ngày ký dự kiến", ValueType.DATE, required=True, width=14,
               help="Mức lương cơ sở, hệ số tiền thưởng và các căn cứ được chọn theo ngày này.",
               example=dt.date(2024, 3, 25)),
        Column("position", "Chức vụ người ký", required=True, choices=SIGNERS, strict=False, width=18,
               help="Chức danh thủ trưởng (CHỦ TỊCH, GIÁM ĐỐC…) hoặc cấp phó (PHÓ CHỦ TỊCH…); cấp phó ký thì "
                    "quyết định ghi KT. CHỦ TỊCH / PHÓ CHỦ TỊCH.", example="CHỦ TỊCH"),
        SIGNER_NAME,
        Column("submission_no", "Số tờ trình thẩm định", required=True, width=18,
               header_aliases=("Số tờ trình Sở Nội vụ",),
               help="Tờ trình của cơ quan thẩm định (Sở Nội vụ, Văn phòng…) đề nghị khen thưởng, ví dụ 15/TTr-SNV.",
               example="15/TTr-SNV"),
        Column("submission_date", "Ngày tờ trình thẩm định", ValueType.DATE, required=True, width=14,
               header_aliases=("Ngày tờ trình Sở Nội vụ",),
               help="Ngày của tờ trình thẩm định.", example=dt.date(2024, 3, 18)),
        Column("appraisal_position", "Chức vụ người ký tờ trình", choices=SIGNERS, strict=False, width=18,
               defaulted=True, help="Thủ trưởng cơ quan thẩm định hoặc cấp phó (PHÓ GIÁM ĐỐC…); để trống thì chưa "
                                    "tạo Tờ trình của đợt.", example=None),
        Column("appraisal_signer", "Người ký tờ trình", width=22, defaulted=True,
               help="Họ tên người ký Tờ trình thẩm định; để trống thì chưa tạo Tờ trình của đợt.", example=None),
        Column("first_number", "Số quyết định đầu tiên", ValueType.INT, width=12, minimum=1,
               help="Để trống nếu văn thư sẽ ghi số; có số thì các quyết định được đánh số liên tiếp.", example=None),
        Column("split", "Chia quyết định", choices=Split, width=16,
               help="Theo tờ trình (mặc định): mỗi hình thức của mỗi tờ trình một quyết định. "
                    "Theo hình thức: gộp các tờ trình cùng hình thức.", example="Theo tờ trình"),
        Column("order", "Thứ tự danh sách", choices=Order, width=16,
               help="Như đề nghị (mặc định) hoặc Theo vần tên (A, Ă, Â, B…, theo tên rồi họ đệm).",
               example="Như đề nghị"),
        Column("archive", "Nơi lưu", width=14,
               help='Dòng cuối Nơi nhận "- Lưu: …"; để trống thì lấy dòng "Nơi lưu quyết định" của trang "Cơ quan".',
               example="VT, NC"),
    ),
)

NOMINATIONS = Sheet(
    key="nominations",
    title="Đề nghị khen thưởng",
    layout=Layout.TABLE,
    record=Nomination,
    help="Mỗi dòng một tập thể, cá nhân hoặc hộ gia đình được đề nghị khen thưởng, theo thứ tự trong tờ trình.",
    columns=(
        Column("batch", "Đợt", required=True, width=14, help="Tên đợt, đúng như ở trang Đợt khen thưởng.",
               example="Quý I/2024"),
        Column("unit", "Đơn vị trình", required=True, width=28, help="Đơn vị có tờ trình đề nghị.",
               example="Sở Giáo dục và Đào tạo"),
        Column("unit_head", "Thủ trưởng đơn vị trình", width=28,
               help="Chức danh ghi ở Điều 3 và câu Xét đề nghị; để trống thì tự suy ra (Sở → Giám đốc Sở …).",
               example=""),
        Column("submission_no", "Số tờ trình", required=True, width=16, example="45/TTr-SGDĐT",
               help="Số, ký hiệu tờ trình của đơn vị."),
        Column("submission_date", "Ngày tờ trình", ValueType.DATE, required=True, width=13,
               example=dt.date(2024, 3, 8), help="Ngày của tờ trình."),
        Column("kind", "Loại", required=True, choices=RecipientKind, width=13, example="Cá nhân",
               help="Tập thể, Cá nhân hoặc Hộ gia đình."),
        Column("address", "Ông/Bà", choices=ADDRESSES, width=8, example="Ông",
               help="Bắt buộc với cá nhân; với hộ gia đình là chủ hộ."),
        Column("rank", "Cấp bậc, quân hàm", width=14, example="", defaulted=True,
               help='Lực lượng vũ trang: "Thượng tá", "Đại úy"… in trước họ tên thay cho Ông/Bà.'),
        Column("name", "Họ tên / Tên tập thể", required=True, width=28, example="Ví dụ: Nguyễn Văn An",
               help="Họ và tên cá nhân, chủ hộ (danh sách in \"Hộ gia đình ông/bà …\"), hoặc tên tập thể."),
        Column("position", "Chức vụ", width=24, example="Trưởng phòng Giáo dục Trung học",
               help="Chức vụ của cá nhân (để trống với tập thể)."),
        Column("workplace", "Đơn vị công tác", width=30, example="Sở Giáo dục và Đào tạo",
               help="Cơ quan, đơn vị; với tập thể là đơn vị cấp trên; với hộ gia đình là địa chỉ."),
        Column("form", "Hình thức khen thưởng", required=True, width=34, strict=False,
               choices=_catalogue_names,
               example="Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
               help="Hình thức hoặc danh hiệu mà cơ quan ban hành được quyết định (danh sách theo cấp ban hành)."),
        Column("achievement", "Thành tích", required=True, width=50,
               example="Đã có thành tích xuất sắc trong công tác năm 2024",
               help="Nội dung thành tích, in ở Điều 1 và trên bằng: Đã có thành tích xuất sắc …"),
        Column("appraisal", "Kết quả thẩm định", choices=Appraisal, width=14, example="Đạt",
               help="Chỉ đề nghị Đạt (hoặc để trống) mới được đưa vào quyết định."),
        Column("birth_year", "Năm sinh", ValueType.YEAR, width=10, defaulted=True,
               help="Không bắt buộc; giúp sổ theo dõi phân biệt hai người trùng họ tên.", example=None),
        Column("cccd", "Số CCCD", width=16, defaulted=True,
               help="Không bắt buộc; số căn cước công dân (12 chữ số) giúp nhận ra một người qua các năm.",
               example=""),
    ),
)

SIGNED = Sheet(
    key="signed",
    title="Quyết định đã ký",
    layout=Layout.TABLE,
    record=SignedNumber,
    optional=True,
    help="Sau khi quyết định được ký và văn thư cho số: mỗi dòng một quyết định, ghi số và ngày ký để lệnh "
         '"tdkt ghi-so" ghi vào sổ theo dõi khen thưởng và lệnh "tdkt in-bang" in lên bằng khen, giấy khen.',
    columns=(
        Column("batch", "Đợt", required=True, width=18, help="Tên đợt, đúng như ở trang Đợt khen thưởng.",
               example="Quý I/2024"),
        Column("document", "Tệp văn bản", required=True, width=52,
               help="Tên tệp quyết định do tdkt build tạo (ví dụ qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx), "
                    "hoặc số thứ tự của quyết định trong đợt (1, 2, …).",
               example="qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx"),
        Column("number", "Số quyết định", required=True, width=18,
               help="Số văn thư đã cho, ví dụ 125 hoặc 125/QĐ-UBND.", example="125/QĐ-UBND"),
        Column("signed", "Ngày ký", ValueType.DATE, required=True, width=14,
               help="Ngày ghi trên quyết định đã ký.", example=dt.date(2024, 3, 25)),
    ),
)

SHEETS: tuple[Sheet, ...] = (AGENCY, PLAN, LEGAL_BASIS, RECIPIENTS, TASKS, DECISION_BASIS, BATCHES, NOMINATIONS,
                             SIGNED)
HELP_SHEET = "Hướng dẫn"
LISTS_SHEET = "Danh mục"
