"""Build the docxtpl templates in templates/ from code, so every template is reproducible.

Run: .venv/bin/python tools/make_templates.py
Formatting follows Nghị định 30/2020/NĐ-CP and is carried by named styles, so a
secretary can adjust it in Word or LibreOffice through the style list.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tdkt_docs.files import write_bytes_atomic  # noqa: E402

FONT = "Times New Roman"
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
FIXED_TIME = datetime(2024, 1, 1, tzinfo=timezone.utc)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# Page geometry (Nghị định 30/2020, Phụ lục I): A4, margins 20/20/30/15 mm.
A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
HEADER_DISTANCE = Mm(10)
PORTRAIT_TEXT_MM = 165
LANDSCAPE_TEXT_MM = 252

HEADER_COLUMNS_MM = (62, 103)
SIGNATURE_COLUMNS_MM = (80, 85)
APPENDIX_COLUMNS_MM = (12, 95, 35, 45, 45, 20)
APPENDIX_HEADINGS = (
    "STT",
    "Nội dung thực hiện",
    "Đơn vị chỉ đạo",
    "Đơn vị thực hiện",
    "Đơn vị phối hợp",
    "Ghi chú",
)

# Paragraph style names, as the secretary sees them in the style list.
NORMAL = "Normal"
CO_QUAN_CHU_QUAN = "Cơ quan chủ quản"
CO_QUAN_BAN_HANH = "Cơ quan ban hành"
QUOC_HIEU = "Quốc hiệu"
TIEU_NGU = "Tiêu ngữ"
SO_KY_HIEU = "Số, ký hiệu"
DIA_DANH_NGAY = "Địa danh, ngày tháng"
TEN_LOAI = "Tên loại văn bản"
TRICH_YEU = "Trích yếu"
NOI_DUNG = "Nội dung"
CAN_CU = "Căn cứ"
DE_MUC_I = "Đề mục I"
DE_MUC_1 = "Đề mục 1"
NOI_NHAN = "Nơi nhận"
DANH_SACH_NOI_NHAN = "Danh sách nơi nhận"
THAM_QUYEN_KY = "Quyền hạn, chức vụ người ký"
HO_TEN_KY = "Họ tên người ký"
TIEU_DE_PHU_LUC = "Tiêu đề phụ lục"
KEM_THEO = "Kèm theo"
BANG_TIEU_DE = "Bảng - tiêu đề cột"
BANG_STT = "Bảng - số thứ tự"
BANG_NHOM = "Bảng - nhóm"
BANG_NHOM_STT = "Bảng - số nhóm"
BANG_NOI_DUNG = "Bảng - nội dung"
BANG_DON_VI = "Bảng - đơn vị"
SO_TRANG = "Số trang"
NGAT_PHAN = "Ngắt phần"
KE_CO_QUAN = "Kẻ dưới tên cơ quan"
KE_TIEU_NGU = "Kẻ dưới tiêu ngữ"
KE_TRICH_YEU = "Kẻ dưới trích yếu"
KE_PHU_LUC = "Kẻ dưới dòng kèm theo"
THAM_QUYEN_BAN_HANH = "Thẩm quyền ban hành"
QUYET_NGHI = "Quyết nghị"
TEN_DANH_SACH = "Tên danh sách"
TIEU_DE_DANH_SACH = "Tiêu đề danh sách"
NHOM_DANH_SACH = "Nhóm trong danh sách"
THANH_TICH = "Thành tích"
MUC_DANH_SACH = "Mục trong danh sách"
NHAN_MANH = "Nhấn mạnh"
SO_DIEU = "Số điều"

LEFT, CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclass(frozen=True)
class ParaStyle:
    """A named paragraph style; lengths in points or millimetres."""

    name: str
    style_id: str
    size: float
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = LEFT
    first_line_cm: float = 0
    before_pt: float = 0
    after_pt: float = 0
    keep_next: bool = False
    page_break_before: bool = False
    based_on: str = NORMAL
    line_mm: float = 0  # > 0: a centred solid line of this length (top border)
    line_area_mm: float = 0  # width of the text area the line is centred in


def _line(name: str, style_id: str, length_mm: float, area_mm: float, after_pt: float = 0) -> ParaStyle:
    return ParaStyle(name, style_id, size=1, before_pt=4, after_pt=after_pt, line_mm=length_mm, line_area_mm=area_mm)


PARAGRAPH_STYLES = (
    ParaStyle(CO_QUAN_CHU_QUAN, "CoQuanChuQuan", 13, align=CENTER),
    ParaStyle(CO_QUAN_BAN_HANH, "CoQuanBanHanh", 13, bold=True, align=CENTER),
    ParaStyle(QUOC_HIEU, "QuocHieu", 13, bold=True, align=CENTER),
    ParaStyle(TIEU_NGU, "TieuNgu", 14, bold=True, align=CENTER),
    ParaStyle(SO_KY_HIEU, "SoKyHieu", 13, align=CENTER, before_pt=6),
    ParaStyle(DIA_DANH_NGAY, "DiaDanhNgay", 14, italic=True, align=CENTER, before_pt=6),
    ParaStyle(TEN_LOAI, "TenLoai", 14, bold=True, align=CENTER, before_pt=18, keep_next=True),
    ParaStyle(TRICH_YEU, "TrichYeu", 14, bold=True, align=CENTER, keep_next=True),
    ParaStyle(NOI_DUNG, "NoiDung", 14, align=JUSTIFY, first_line_cm=1.27, before_pt=6),
    ParaStyle(CAN_CU, "CanCu", 14, italic=True, align=JUSTIFY, first_line_cm=1.27, before_pt=6, based_on=NOI_DUNG),
    ParaStyle(DE_MUC_I, "DeMucI", 14, bold=True, align=JUSTIFY, first_line_cm=1.27, before_pt=6,
              keep_next=True, based_on=NOI_DUNG),
    ParaStyle(DE_MUC_1, "DeMuc1", 14, bold=True, align=JUSTIFY, first_line_cm=1.27, before_pt=6,
              keep_next=True, based_on=NOI_DUNG),
    ParaStyle(NOI_NHAN, "NoiNhan", 12, bold=True, italic=True),
    ParaStyle(DANH_SACH_NOI_NHAN, "DanhSachNoiNhan", 11),
    ParaStyle(THAM_QUYEN_KY, "ThamQuyenKy", 14, bold=True, align=CENTER),
    ParaStyle(HO_TEN_KY, "HoTenKy", 14, bold=True, align=CENTER, before_pt=72),
    ParaStyle(TIEU_DE_PHU_LUC, "TieuDePhuLuc", 14, bold=True, align=CENTER, keep_next=True),
    ParaStyle(KEM_THEO, "KemTheo", 14, italic=True, align=CENTER, keep_next=True),
    ParaStyle(BANG_TIEU_DE, "BangTieuDe", 12, bold=True, align=CENTER, before_pt=3, after_pt=3),
    ParaStyle(BANG_STT, "BangSTT", 12, align=CENTER, before_pt=2, after_pt=2),
    ParaStyle(BANG_NHOM_STT, "BangSoNhom", 12, bold=True, align=CENTER, before_pt=2, after_pt=2),
    ParaStyle(BANG_NHOM, "BangNhom", 12, bold=True, before_pt=2, after_pt=2),
    ParaStyle(BANG_NOI_DUNG, "BangNoiDung", 12, align=JUSTIFY, before_pt=2, after_pt=2),
    ParaStyle(BANG_DON_VI, "BangDonVi", 12, before_pt=2, after_pt=2),
    ParaStyle(SO_TRANG, "SoTrang", 14, align=CENTER),
    ParaStyle(NGAT_PHAN, "NgatPhan", 1),
    _line(KE_CO_QUAN, "KeCoQuan", 22, HEADER_COLUMNS_MM[0]),
    _line(KE_TIEU_NGU, "KeTieuNgu", 61, HEADER_COLUMNS_MM[1]),
    _line(KE_TRICH_YEU, "KeTrichYeu", 40, PORTRAIT_TEXT_MM, after_pt=6),
    _line(KE_PHU_LUC, "KePhuLuc", 40, LANDSCAPE_TEXT_MM, after_pt=12),
)

# The Quyết định shares the header, title, Căn cứ, body and signature styles.
KE_HOACH_ONLY = {
    DE_MUC_I, DE_MUC_1, TIEU_DE_PHU_LUC, BANG_TIEU_DE, BANG_STT, BANG_NHOM_STT, BANG_NHOM, BANG_NOI_DUNG,
    BANG_DON_VI, NGAT_PHAN, KE_PHU_LUC,
}
QUYET_DINH_STYLES = (
    *(spec for spec in PARAGRAPH_STYLES if spec.name not in KE_HOACH_ONLY),
    ParaStyle(THAM_QUYEN_BAN_HANH, "ThamQuyenBanHanh", 14, bold=True, align=CENTER, before_pt=12, after_pt=12,
              keep_next=True),
    ParaStyle(QUYET_NGHI, "QuyetNghi", 14, bold=True, align=CENTER, before_pt=12, after_pt=6, keep_next=True),
    ParaStyle(TEN_DANH_SACH, "TenDanhSach", 14, bold=True, align=CENTER, keep_next=True, page_break_before=True),
    ParaStyle(TIEU_DE_DANH_SACH, "TieuDeDanhSach", 14, bold=True, align=CENTER, keep_next=True),
    _line(KE_PHU_LUC, "KePhuLuc", 40, PORTRAIT_TEXT_MM, after_pt=6),  # centred in the portrait text width
    ParaStyle(NHOM_DANH_SACH, "NhomDanhSach", 14, bold=True, align=JUSTIFY, first_line_cm=1.27, before_pt=6,
              keep_next=True, based_on=NOI_DUNG),
    ParaStyle(THANH_TICH, "ThanhTich", 14, italic=True, align=JUSTIFY, first_line_cm=1.27, before_pt=6,
              keep_next=True, based_on=NOI_DUNG),
    ParaStyle(MUC_DANH_SACH, "MucDanhSach", 14, align=JUSTIFY, first_line_cm=1.27, before_pt=3,
              based_on=NOI_DUNG),
)


@dataclass(frozen=True)
class CharStyle:
    name: str
    style_id: str
    bold: bool = False
    italic: bool = False


KE_HOACH_CHARACTER_STYLES = (CharStyle(NHAN_MANH, "NhanManh", italic=True),)
QUYET_DINH_CHARACTER_STYLES = (CharStyle(SO_DIEU, "SoDieu", bold=True),)

# Body of the Kế hoạch, transcribed from Bắc Ninh's 2024 plan; *…* marks emphasis.
PROSE_BEFORE_APPENDIX_NOTE = (
    (NOI_DUNG, 'Để công tác thi đua, khen thưởng của tỉnh đạt hiệu quả thiết thực góp phần thực hiện thắng lợi các mục tiêu, nhiệm vụ kinh tế - xã hội năm {{ nam }}, UBND tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm {{ nam }} cụ thể như sau:'),
    (DE_MUC_I, 'I. MỤC ĐÍCH, YÊU CẦU'),
    (DE_MUC_1, '1. Mục đích'),
    (NOI_DUNG, 'Tăng cường vai trò lãnh đạo của các cấp ủy Đảng, chính quyền, đặc biệt là vai trò, trách nhiệm của người đứng đầu trong lãnh đạo tổ chức thực hiện phong trào thi đua và công tác khen thưởng; tuyên truyền chủ trương, đường lối của Đảng, tư tưởng về thi đua yêu nước của Chủ tịch Hồ Chí Minh; chính sách, pháp luật của Nhà nước về thi đua, khen thưởng, nhằm nâng cao nhận thức của cán bộ, đảng viên về vai trò, vị trí và tầm quan trọng của công tác thi đua, khen thưởng trong tình hình mới.'),
    (NOI_DUNG, 'Các địa phương, cơ quan, đơn vị tổ chức thực hiện tốt các phong trào thi đua; tiếp tục đổi mới, đẩy mạnh phong trào thi đua yêu nước trên mọi lĩnh vực; tổ chức các phong trào thi đua sâu rộng, thiết thực chào mừng kỷ niệm {{ ky_niem.thanh_lap_dang.so_nam }} năm ngày thành lập Đảng Cộng sản Việt Nam ({{ ky_niem.thanh_lap_dang.tu }} - {{ ky_niem.thanh_lap_dang.den }}); {{ ky_niem.sinh_nhat_bac.so_nam }} năm ngày sinh Chủ tịch Hồ Chí Minh ({{ ky_niem.sinh_nhat_bac.tu }} - {{ ky_niem.sinh_nhat_bac.den }}); {{ ky_niem.loi_keu_goi_thi_dua.so_nam }} năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc ({{ ky_niem.loi_keu_goi_thi_dua.tu }} - {{ ky_niem.loi_keu_goi_thi_dua.den }}); {{ ky_niem.cach_mang_thang_tam.so_nam }} năm Cách mạng Tháng Tám và Quốc khánh 02/9 ({{ ky_niem.cach_mang_thang_tam.nam_goc }} - {{ nam }}); phát huy sức mạnh của cả hệ thống chính trị, các tầng lớp nhân dân, cộng đồng doanh nghiệp tích cực hưởng ứng tham gia; nâng cao chất lượng, hiệu quả các phong trào thi đua trong thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị, góp phần hoàn thành thắng lợi các mục tiêu, nhiệm vụ năm {{ nam }}.'),
    (DE_MUC_1, '2. Yêu cầu'),
    (NOI_DUNG, 'Các cấp, các ngành, các địa phương, cơ quan, đơn vị tiếp tục hưởng ứng tổ chức, triển khai có hiệu quả các phong trào thi đua trên tất cả các lĩnh vực của đời sống xã hội, với mục tiêu hướng mạnh về cơ sở, phát huy nội lực để phát triển kinh tế - xã hội nhanh và bền vững;'),
    (NOI_DUNG, 'Công tác khen thưởng đảm bảo dân chủ, chính xác, công khai, minh bạch, kịp thời, đúng đối tượng, đúng thành tích. Chú trọng khen thưởng tập thể nhỏ, công nhân, nông dân, người lao động trực tiếp sản xuất; tập thể, cá nhân có thành tích đột xuất, dũng cảm cứu người, tài sản của Nhà nước và nhân dân...;'),
    (NOI_DUNG, 'Nâng cao chất lượng công tác thi đua, khen thưởng; kịp thời biểu dương các tập thể, cá nhân lập thành tích đặc biệt xuất sắc trong công tác, lao động sản xuất trên địa bàn tỉnh.'),
    (DE_MUC_I, 'II. NỘI DUNG THỰC HIỆN'),
    (NOI_DUNG, '1. Tiếp tục đẩy mạnh nghiên cứu, quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ái quốc; Chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước về công tác thi đua, khen thưởng; tổ chức, triển khai có hiệu quả Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng; Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ Quy định chi tiết thi hành một số điều của Luật Thi đua, Khen thưởng;'),
    (NOI_DUNG, '- Tăng cường sự lãnh đạo của cấp uỷ Đảng, chính quyền, sự phối hợp giữa chính quyền với Mặt trận Tổ quốc và các đoàn thể nhân dân trong việc chỉ đạo, tổ chức thực hiện các phong trào thi đua trong thời kỳ công nghiệp hóa, hiện đại hóa đất nước và hội nhập kinh tế quốc tế, tiếp tục tổ chức triển khai thực hiện nghiêm túc, chất lượng các nội dung của Nghị quyết Trung ương 4 khóa XII; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về *“Đẩy mạnh Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”*.'),
    (NOI_DUNG, '2. Đẩy mạnh các phong trào thi đua yêu nước góp phần thực hiện thắng lợi các nhiệm vụ phát triển kinh tế, xã hội năm {{ nam }}'),
    (NOI_DUNG, '- Tiếp tục thực hiện 05 nội dung thi đua trọng tâm do Thủ tướng Chính phủ phát động tại Đại hội Thi đua yêu nước toàn quốc lần thứ X với chủ đề *“Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc”*;'),
    (NOI_DUNG, '- Tiếp tục thực hiện các phong trào thi đua: *“Vì người nghèo - Không để ai bị bỏ lại phía sau”*; *“Doanh nghiệp Bắc Ninh hội nhập và phát triển”*; *“Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”*; *“Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”*...'),
    (NOI_DUNG, '3. Đẩy mạnh công tác phát hiện, bồi dưỡng, nhân rộng, tuyên truyền điển hình tiên tiến; công tác xây dựng điển hình tiên tiến phải được thực hiện từ cơ sở và chỉ đạo thực hiện đồng bộ tốt cả 4 khâu: Phát hiện - bồi dưỡng - tổng kết - nhân rộng điển hình tiên tiến.'),
    (NOI_DUNG, '4. Nâng cao chất lượng hoạt động của Hội đồng Thi đua - Khen thưởng; nâng cao chất lượng công tác nghiên cứu khoa học, đề tài, sáng kiến kinh nghiệm ở cơ sở. Phát huy vai trò, trách nhiệm của các thành viên Hội đồng Thi đua - Khen thưởng trong việc tham mưu cho cấp ủy đảng, chính quyền tổ chức triển khai các phong trào thi đua; đôn đốc, kiểm tra, giám sát việc thực hiện chính sách, pháp luật về thi đua, khen thưởng, kịp thời phát hiện những nhân tố mới, những thành tích đặc biệt xuất sắc để khen thưởng hoặc đề nghị cấp trên khen thưởng.'),
    (NOI_DUNG, '5. Khen thưởng phải gắn với kết quả thực hiện nhiệm vụ chính trị; sơ kết, tổng kết các phong trào thi đua, thực hiện kế hoạch, nhiệm vụ chính trị của từng địa phương, cơ quan, đơn vị. Nâng cao chất lượng công tác bình xét khen thưởng, chống mọi biểu hiện hình thức, bệnh thành tích trong thi đua, khen thưởng.'),
    (NOI_DUNG, '6. Thường trực Hội đồng Thi đua - Khen thưởng tỉnh (Sở Nội vụ) xây dựng kế hoạch kiểm tra công tác thi đua khen thưởng đối với các Sở, ban, ngành, địa phương, đơn vị trên địa bàn tỉnh.'),
    (NOI_DUNG, '7. Bố trí sắp xếp, lựa chọn đội ngũ cán bộ, công chức, viên chức làm công tác thi đua khen thưởng; tập huấn nghiệp vụ cho đội ngũ công chức, viên chức làm công tác thi đua, khen thưởng ở các cấp, các ngành, địa phương, cơ quan, đơn vị đáp ứng yêu cầu, nhiệm vụ trong tình hình mới.'),
)

PROSE_AFTER_APPENDIX_NOTE = (
    (DE_MUC_I, 'III. TỔ CHỨC THỰC HIỆN'),
    (NOI_DUNG, '1. Các Sở, ban, ngành, các tổ chức đoàn thể; các huyện, thị xã, thành phố; các Doanh nghiệp trong tỉnh bám sát chương trình, kế hoạch công tác, những chủ đề trọng tâm, trọng điểm; tổ chức phát động các phong trào thi đua phải được nhiều tổ chức cá nhân tham gia theo đúng hướng, đúng chủ đề. Đánh giá, bình xét, tổng hợp, báo cáo kết quả phong trào thi đua và đề nghị khen thưởng theo đúng trình tự, thủ tục, thời gian, quy định.'),
    (NOI_DUNG, '2. Các Cụm, khối thi đua; các địa phương, cơ quan, đơn vị thực hiện nghiêm túc công tác thi đua khen thưởng theo đúng Kế hoạch:'),
    (NOI_DUNG, '- Xây dựng kế hoạch chi tiết triển khai thực hiện nhiệm vụ công tác thi đua khen thưởng năm {{ nam }};'),
    (NOI_DUNG, '- Tổ chức các hoạt động nhân dịp kỷ niệm {{ ky_niem.thanh_lap_dang.so_nam }} năm Ngày thành lập Đảng Cộng sản Việt Nam ({{ ky_niem.thanh_lap_dang.tu }} - {{ ky_niem.thanh_lap_dang.den }}); {{ ky_niem.sinh_nhat_bac.so_nam }} năm Ngày sinh Chủ tịch Hồ Chí Minh ({{ ky_niem.sinh_nhat_bac.tu }} - {{ ky_niem.sinh_nhat_bac.den }}); {{ ky_niem.cach_mang_thang_tam.so_nam }} năm Cách mạng Tháng Tám và Quốc khánh 02/9 ({{ ky_niem.cach_mang_thang_tam.nam_goc }} - {{ nam }}); {{ ky_niem.loi_keu_goi_thi_dua.so_nam }} năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc ({{ ky_niem.loi_keu_goi_thi_dua.tu }} - {{ ky_niem.loi_keu_goi_thi_dua.den }}); tổ chức các hoạt động thiết thực tạo không khí thi đua sôi nổi, động viên các tầng lớp nhân dân, phát huy tinh thần đoàn kết, ý chí tự lực, tự cường, vượt qua mọi khó khăn, thi đua xây dựng và bảo vệ Tổ quốc.'),
    (NOI_DUNG, '3. Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí; Báo Bắc Ninh; Đài Phát thanh và Truyền hình tỉnh; Cổng thông tin điện tử tỉnh kịp thời tuyên truyền chủ trương của Đảng, chính sách pháp luật của Nhà nước về công tác thi đua, khen thưởng và thành quả thi đua yêu nước trên tất cả các lĩnh vực. Qua đó, làm chuyển biến nhận thức của cán bộ, đảng viên và nhân dân về vai trò, vị trí và tầm quan trọng của công tác thi đua, khen thưởng trong thời kỳ mới; phát hiện và nêu gương các doanh nghiệp, doanh nhân tiêu biểu, nông dân sản xuất kinh doanh giỏi có những mô hình sản xuất mới, hiệu quả ổn định và sáng tạo, có đóng góp lớn cho phát triển kinh tế xã hội của tỉnh.'),
    (NOI_DUNG, '4. Đề nghị Ban Tuyên giáo Tỉnh ủy tăng cường tuyên truyền tấm gương người tốt, việc tốt, các điển hình tiên tiến trong các phong trào thi đua trên mọi lĩnh vực của đời sống xã hội tại các chuyên trang, chuyên mục trong cuốn Thông tin sinh hoạt Chi bộ hàng tháng.'),
    (NOI_DUNG, '5. Đề nghị Ủy ban MTTQ tỉnh và các đoàn thể vận động đoàn viên, hội viên và các tầng lớp nhân dân đoàn kết, năng động, sáng tạo, đẩy mạnh các phong trào thi đua yêu nước, phấn đấu hoàn thành thắng lợi các nhiệm vụ được giao.'),
    (NOI_DUNG, '6. Ban Thi đua - Khen thưởng, Sở Nội vụ (Cơ quan thường trực của Hội đồng Thi đua - Khen thưởng tỉnh) đẩy mạnh công tác tham mưu thực hiện nhiệm vụ quản lý Nhà nước về công tác thi đua, khen thưởng trên địa bàn tỉnh đảm bảo chất lượng, hiệu quả, đúng quy định. Hướng dẫn, theo dõi, đôn đốc, kiểm tra, giám sát việc thực hiện Kế hoạch này của các Cụm, Khối thi đua, các địa phương, cơ quan, đơn vị kịp thời báo cáo UBND tỉnh./.'),
)

APPENDIX_NOTE = "(Có phụ lục chi tiết kèm theo)"
QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"

Item = tuple[str, str]  # (paragraph style name, text with *emphasis*/**Điều** marks and template tags)


# --- template tags -----------------------------------------------------------

def each(var: str, seq: str, style: str, *, never_empty: bool = False) -> list[Item]:
    """One paragraph per element of ``seq``; ``never_empty`` keeps one blank paragraph
    for an empty list (a table cell must hold at least one paragraph)."""
    source = f"{seq} or ['']" if never_empty else seq
    return [
        (style, f"{{%p for {var} in {source} %}}"),
        (style, f"{{{{ {var} }}}}"),
        (style, "{%p endfor %}"),
    ]


def when(condition: str, items: list[Item], style: str) -> list[Item]:
    """Paragraphs kept only when ``condition`` is true."""
    return [(style, f"{{%p if {condition} %}}"), *items, (style, "{%p endif %}")]


# --- document, styles, metadata ---------------------------------------------

def new_document(title: str, paragraph_styles: tuple[ParaStyle, ...] = PARAGRAPH_STYLES,
                 character_styles: tuple[CharStyle, ...] = KE_HOACH_CHARACTER_STYLES) -> Document:
    """An empty document with Times New Roman defaults and only the given named styles."""
    doc = Document()
    _drop_unused_parts(doc)
    _set_doc_defaults(doc)
    _prune_styles(doc, keep={"Normal", "DefaultParagraphFont", "TableNormal", "NoList"})
    for spec in paragraph_styles:
        add_paragraph_style(doc, spec)
    for spec in character_styles:
        add_character_style(doc, spec)
    _set_metadata(doc, title)
    return doc


def _drop_unused_parts(doc: Document) -> None:
    unused = {RT.CUSTOM_XML, STYLES_WITH_EFFECTS, RT.THUMBNAIL}
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in unused]:
            rels.pop(r_id)


def _set_doc_defaults(doc: Document) -> None:
    old = doc.styles.element.find(qn("w:docDefaults"))
    new = parse_xml(
        f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
        '<w:sz w:val="28"/><w:szCs w:val="28"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
        '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    old.getparent().replace(old, new)


def _prune_styles(doc: Document, keep: set[str]) -> None:
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            root.remove(style)


def add_paragraph_style(doc: Document, spec: ParaStyle) -> None:
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = doc.styles[spec.based_on]
    style.quick_style = True
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold or None
    style.font.italic = spec.italic or None
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.first_line_indent = Cm(spec.first_line_cm)
    fmt.space_before = Pt(spec.before_pt)
    fmt.space_after = Pt(spec.after_pt)
    fmt.keep_with_next = spec.keep_next or None
    fmt.page_break_before = spec.page_break_before or None
    if spec.line_mm:
        side = Mm((spec.line_area_mm - spec.line_mm) / 2)
        fmt.left_indent = fmt.right_indent = side
        _add_top_border(style.element.get_or_add_pPr())


def add_character_style(doc: Document, spec: CharStyle) -> None:
    style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.CHARACTER)
    style.style_id = spec.style_id
    style.font.bold = spec.bold or None
    style.font.italic = spec.italic or None


def _add_top_border(p_pr) -> None:
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    )
    later = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc", "w:rPr")
    _insert_before(p_pr, border, later)


def _insert_before(parent, child, successors: tuple[str, ...]) -> None:
    """Insert ``child`` before the first existing successor (schema order), else append."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def _set_metadata(doc: Document, title: str) -> None:
    props = doc.core_properties
    props.title = title
    props.author = props.comments = ""
    props.language = "vi-VN"
    props.created = props.modified = FIXED_TIME


# --- page, header, numbering ------------------------------------------------

def setup_page(section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def add_page_number_header(section) -> None:
    """Centred PAGE field in the top margin; nothing on the section's first page."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.style = SO_TRANG
    _add_page_field(number)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = SO_TRANG


def _add_page_field(paragraph) -> None:
    runs = (
        '<w:fldChar w:fldCharType="begin"/>',
        '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        "<w:t>1</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    )
    for inner in runs:
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>"))


def restart_page_numbering(section) -> None:
    sect_pr = section._sectPr
    later = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:docGrid")
    _insert_before(sect_pr, parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="1"/>'), later)


def add_landscape_section(doc: Document):
    """Start a landscape section on a new page, numbered from 1 with its own header.

    The paragraph that now carries the previous section's properties is styled
    as a near-invisible section break.
    """
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    doc.paragraphs[-1].style = NGAT_PHAN
    setup_page(section, landscape=True)
    restart_page_numbering(section)
    add_page_number_header(section)
    return section


# --- paragraphs ----------------------------------------------------------------

def add_runs(paragraph, text: str) -> None:
    """Add ``text`` as runs; ``**…**`` becomes a bold "Điều n." run, ``*…*`` an emphasis run."""
    for index, part in enumerate(re.split(r"\*\*([^*]+)\*\*|\*([^*]+)\*", text)):
        if part:
            paragraph.add_run(part, style=(None, SO_DIEU, NHAN_MANH)[index % 3])


def add_items(container, items: list[Item]) -> None:
    for style, text in items:
        add_runs(container.add_paragraph(style=style), text)


def fill_cell(cell, items: list[Item]) -> None:
    (style, text), rest = items[0], items[1:]
    cell.paragraphs[0].style = style
    add_runs(cell.paragraphs[0], text)
    add_items(cell, rest)


# --- tables --------------------------------------------------------------------

def add_table(container, widths_mm: tuple[float, ...], *, bordered: bool, side_margin_mm: float = 0,
              top_margin_pt: float = 0):
    """A fixed-layout table whose columns sum to ``widths_mm``; borders black single or none."""
    widths = [Mm(w) for w in widths_mm]
    table = container.add_table(rows=0, cols=len(widths))
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(width.twips))
    edge = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' if bordered else '<w:{0} w:val="nil"/>'
    borders = "".join(edge.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    side = Mm(side_margin_mm).twips
    top = Pt(top_margin_pt).twips
    tbl_pr = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblW w:w="{sum(w.twips for w in widths)}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{side}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{side}" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    table._tbl.replace(table._tbl.tblPr, tbl_pr)
    return table


def add_row(table, *, repeat_header: bool = False, valign=WD_CELL_VERTICAL_ALIGNMENT.TOP):
    """A row that never splits across pages; ``repeat_header`` repeats it on every page."""
    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))
    if repeat_header:
        tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for cell in row.cells:
        cell.vertical_alignment = valign
    return row


def add_tag_row(table, tag: str, style: str) -> None:
    """A row holding only a ``{%tr %}`` tag; docxtpl replaces the whole row by the tag."""
    row = add_row(table)
    for index, cell in enumerate(row.cells):
        fill_cell(cell, [(style, tag if index == 0 else "")])


# --- document blocks -----------------------------------------------------------

def add_national_header(doc: Document) -> None:
    """Borderless header table: agency and Số on the left, Quốc hiệu, Tiêu ngữ and date on the right."""
    table = add_table(doc, HEADER_COLUMNS_MM, bordered=False)
    top, bottom = add_row(table), add_row(table)
    fill_cell(top.cells[0], [
        *when("co_quan_chu_quan", [(CO_QUAN_CHU_QUAN, "{{ co_quan_chu_quan }}")], CO_QUAN_CHU_QUAN),
        *each("dong", "co_quan_ban_hanh", CO_QUAN_BAN_HANH),
        (KE_CO_QUAN, ""),
    ])
    fill_cell(top.cells[1], [(QUOC_HIEU, QUOC_HIEU_TEXT), (TIEU_NGU, TIEU_NGU_TEXT), (KE_TIEU_NGU, "")])
    fill_cell(bottom.cells[0], [(SO_KY_HIEU, "Số: {{ so_ky_hieu }}")])
    fill_cell(bottom.cells[1], [(DIA_DANH_NGAY, "{{ dia_danh }}, {{ ngay_ban_hanh }}")])


def add_title(doc: Document, kind: str, summary: str) -> None:
    add_items(doc, [(TEN_LOAI, kind), (TRICH_YEU, summary), (KE_TRICH_YEU, "")])


def add_signature_block(doc: Document) -> None:
    """Borderless table: Nơi nhận on the left, quyền hạn/chức vụ and name on the right."""
    table = add_table(doc, SIGNATURE_COLUMNS_MM, bordered=False, top_margin_pt=12)
    row = add_row(table)
    fill_cell(row.cells[0], [
        (NOI_NHAN, "{%p if noi_nhan %}"),
        (NOI_NHAN, "Nơi nhận:"),
        *each("dong", "noi_nhan", DANH_SACH_NOI_NHAN),
        (NOI_NHAN, "{%p else %}"),
        (DANH_SACH_NOI_NHAN, ""),
        (NOI_NHAN, "{%p endif %}"),
    ])
    fill_cell(row.cells[1], [*each("dong", "chu_ky.tham_quyen", THAM_QUYEN_KY), (HO_TEN_KY, "{{ chu_ky.ho_ten }}")])


def add_task_table(doc: Document) -> None:
    """Appendix table: repeated header row, a group row per quarter, then its tasks."""
    table = add_table(doc, APPENDIX_COLUMNS_MM, bordered=True, side_margin_mm=1.5)
    center = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    header = add_row(table, repeat_header=True, valign=center)
    for cell, heading in zip(header.cells, APPENDIX_HEADINGS):
        fill_cell(cell, [(BANG_TIEU_DE, heading)])
    add_tag_row(table, "{%tr for q in phu_luc.quy %}", BANG_DON_VI)
    group = add_row(table, valign=center)
    fill_cell(group.cells[0], [(BANG_NHOM_STT, "{{ q.so_la_ma }}")])
    fill_cell(group.cells[1], [(BANG_NHOM, "{{ q.ten }}")])
    for cell in group.cells[2:]:
        fill_cell(cell, [(BANG_DON_VI, "")])
    add_tag_row(table, "{%tr for nv in q.nhiem_vu %}", BANG_DON_VI)
    task = add_row(table, valign=center)
    fill_cell(task.cells[0], [(BANG_STT, "{{ nv.stt }}")])
    fill_cell(task.cells[1], each("dong", "nv.noi_dung", BANG_NOI_DUNG, never_empty=True))
    for cell, field in zip(task.cells[2:], ("don_vi_chi_dao", "don_vi_thuc_hien", "don_vi_phoi_hop", "ghi_chu")):
        fill_cell(cell, each("dong", f"nv.{field}", BANG_DON_VI, never_empty=True))
    add_tag_row(table, "{%tr endfor %}", BANG_DON_VI)
    add_tag_row(table, "{%tr endfor %}", BANG_DON_VI)


def add_ke_hoach_appendix(doc: Document) -> None:
    """Everything after the section break, kept only when ``phu_luc`` is given."""
    add_items(doc, [
        (TIEU_DE_PHU_LUC, "{%p if phu_luc %}"),
        (TIEU_DE_PHU_LUC, "PHỤ LỤC THỰC HIỆN NHIỆM VỤ NĂM {{ nam }}"),
        (KEM_THEO, "(Kèm theo Kế hoạch số {{ so_ky_hieu }}, {{ ngay_ban_hanh }} của {{ co_quan_viet_gon }})"),
        (KE_PHU_LUC, ""),
    ])
    add_task_table(doc)
    add_items(doc, [(NGAT_PHAN, ""), (NGAT_PHAN, "{%p endif %}")])


def build_ke_hoach() -> Document:
    doc = new_document("Kế hoạch công tác thi đua, khen thưởng")
    setup_page(doc.sections[0], landscape=False)
    add_page_number_header(doc.sections[0])
    add_national_header(doc)
    add_title(doc, "KẾ HOẠCH", "Công tác thi đua, khen thưởng năm {{ nam }}")
    add_items(doc, each("dong", "can_cu", CAN_CU))
    add_items(doc, list(PROSE_BEFORE_APPENDIX_NOTE))
    add_items(doc, when("phu_luc", [(NOI_DUNG, APPENDIX_NOTE)], NOI_DUNG))
    add_items(doc, list(PROSE_AFTER_APPENDIX_NOTE))
    add_signature_block(doc)
    add_landscape_section(doc)
    add_ke_hoach_appendix(doc)
    return doc


def add_decision_body(doc: Document) -> None:
    """Thẩm quyền ban hành, Căn cứ lines, "QUYẾT ĐỊNH:" and Điều 1–3 with a bold "Điều n."."""
    add_items(doc, [
        (THAM_QUYEN_BAN_HANH, "{{ tham_quyen_ban_hanh }}"),
        *each("dong", "can_cu", CAN_CU),
        (QUYET_NGHI, "QUYẾT ĐỊNH:"),
        *((NOI_DUNG, f"**Điều {n}.** {{{{ dieu_{n} }}}}") for n in (1, 2, 3)),
    ])


def add_attached_list(doc: Document) -> None:
    """The "DANH SÁCH" on a new page: group headings, achievement sub-headings and entries."""
    add_items(doc, [
        (TEN_DANH_SACH, "DANH SÁCH"),
        (TIEU_DE_DANH_SACH, "{{ danh_sach.tieu_de }}"),
        (KEM_THEO, "{{ danh_sach.kem_theo }}"),
        (KE_PHU_LUC, ""),
        (MUC_DANH_SACH, "{%p for d in danh_sach.dong %}"),
        (NHOM_DANH_SACH, '{%p if d.kieu == "nhom" %}'),
        (NHOM_DANH_SACH, "{{ d.noi_dung }}"),
        (THANH_TICH, '{%p elif d.kieu == "thanh_tich" %}'),
        (THANH_TICH, "{{ d.noi_dung }}"),
        (MUC_DANH_SACH, "{%p else %}"),
        (MUC_DANH_SACH, "{{ d.noi_dung }}"),
        (MUC_DANH_SACH, "{%p endif %}"),
        (MUC_DANH_SACH, "{%p endfor %}"),
    ])


def build_quyet_dinh() -> Document:
    doc = new_document("Quyết định khen thưởng", QUYET_DINH_STYLES, QUYET_DINH_CHARACTER_STYLES)
    setup_page(doc.sections[0], landscape=False)
    add_page_number_header(doc.sections[0])
    add_national_header(doc)
    add_title(doc, "QUYẾT ĐỊNH", "{{ trich_yeu }}")
    add_decision_body(doc)
    add_signature_block(doc)
    add_attached_list(doc)
    return doc


# --- output --------------------------------------------------------------------

def save_reproducibly(doc: Document, target: Path) -> None:
    """Save with fixed zip timestamps so identical input gives identical bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    write_bytes_atomic(target, out.getvalue())


TEMPLATES = {"ke-hoach.docx": build_ke_hoach, "quyet-dinh.docx": build_quyet_dinh}


def main() -> None:
    for name, build in TEMPLATES.items():
        target = ROOT / "templates" / name
        save_reproducibly(build(), target)
        print(f"Đã ghi {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
