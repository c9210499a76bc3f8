"""Writes the sample workbooks under data/mau/<body>/ from the data below.

Run: .venv/bin/python tools/make_samples.py
The 2024 sample reproduces Bắc Ninh's Kế hoạch công tác thi đua, khen thưởng năm 2024 (its prose is the
template in data/mau/bac-ninh-2024/mau/ke-hoach.docx, the province's own).
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tdkt_docs.read.blank import write_filled_workbook  # noqa: E402
from tdkt_docs.rules.book import Rules  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402

RULES = Rules(Settings())

BAN_TDKT = "Ban Thi đua - Khen thưởng, Sở Nội vụ"
BAN_TDKT_LOWER = "Ban Thi đua - khen thưởng, Sở Nội vụ"
CUM_DBSH = "Cụm trưởng cụm TĐ các tỉnh ĐBSH"

AGENCY_2024 = {
    "level": "Cấp tỉnh", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
    "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh", "head": "Chủ tịch",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "appraiser": "Giám đốc Sở Nội vụ",
    "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính"),
    "fund": "Quỹ thi đua, khen thưởng của tỉnh", "archive": "VT, NC", "verb": "tặng",
}

# Bắc Ninh's own Căn cứ: its quy chế thi đua, khen thưởng (QĐ 13/2024, replaced by QĐ 86/2025 from 15/12/2025).
DECISION_BASIS_BAC_NINH = [
    {"text": "Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh ban hành "
             "Quy chế về công tác thi đua, khen thưởng của tỉnh Bắc Ninh",
     "start": dt.date(2024, 5, 31), "end": dt.date(2025, 12, 14)},
    {"text": "Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh ban hành "
             "Quy định về công tác thi đua, khen thưởng tỉnh Bắc Ninh",
     "start": dt.date(2025, 12, 15)},
]

PLAN_2024 = {
    "year": 2024, "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
    "signer": "Nguyễn Hương Giang", "archive": "VT, NC, CVP",
}

LEGAL_BASIS_2024 = [
    "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015",
    "Căn cứ Luật Thi đua, khen thưởng năm 2022",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ Quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng",
    "Căn cứ Nghị quyết số 237/NQ-HĐND ngày 19/12/2023 của Hội đồng nhân dân tỉnh về mục tiêu, "
    "nhiệm vụ và các giải pháp chủ yếu phát triển kinh tế - xã hội năm 2024",
    "Căn cứ Chỉ thị số 01/CT-UBND ngày 09/01/2024 của UBND tỉnh về những nhiệm vụ trọng tâm và giải pháp "
    "chủ yếu chỉ đạo, điều hành thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024",
]

RECIPIENTS_2024 = [
    ("Kế hoạch", "Ban TĐKT Trung ương", "để b/c", 1),
    ("Kế hoạch", "Cụm Thi đua các tỉnh ĐBSH", "để b/c", 1),
    ("Kế hoạch", "TTTU, HĐND, UBND tỉnh", "", 3),
    ("Kế hoạch", "Chủ tịch, các PCT Hội đồng TĐKT tỉnh", "", 1),
    ("Kế hoạch", "Thành viên Hội đồng TĐKT tỉnh", "", 1),
    ("Kế hoạch", "Trưởng các khối thi đua của tỉnh năm 2024", "", 1),
    ("Kế hoạch", "Các Sở, ban, ngành, đoàn thể tỉnh", "", 1),
    ("Kế hoạch", "TT Huyện ủy, Thị ủy, Thành ủy; HĐND, UBND, HĐ TĐKT các huyện, thị xã, thành phố", "", 1),
    ("Kế hoạch", "Các cơ quan, doanh nghiệp TW, địa phương trên địa bàn tỉnh", "", 1),
    ("Kế hoạch", "Phòng Nội vụ các huyện, thị xã, thành phố", "", 1),
]

# (quý, nội dung, đơn vị chỉ đạo, đơn vị thực hiện, đơn vị phối hợp); a tuple is one line per item.
TASKS_2024 = [
    ("Quý I", "Ban hành Kế hoạch Phát động phong trào thi đua “30 ngày đêm hoàn thành di chuyển nghĩa trang, "
     "mộ chí, dự án đầu tư xây dựng đường Vành đai 4 - Vùng Thủ đô Hà Nội, đoạn qua địa phận tỉnh Bắc Ninh”",
     "UBND tỉnh", BAN_TDKT, "Sở Giao thông vận tải"),
    ("Quý I", "Ban hành Kế hoạch thực hiện Phong trào thi đua “Dân vận khéo” tỉnh Bắc Ninh năm 2024",
     "UBND tỉnh", BAN_TDKT, ""),
    ("Quý I", "Ban hành Quyết định về việc tổ chức Cùm, Khối thi đua của tỉnh năm 2024", "UBND tỉnh", BAN_TDKT, ""),
    ("Quý I", "Xây dựng Kế hoạch Công tác thi đua, khen thưởng năm 2024", "UBND tỉnh", BAN_TDKT, ""),
    ("Quý I", "Tổ chức đăng ký thi đua cho các tập thể, cá nhân tại các địa phương, đơn vị; Tổ chức ký kết giao "
     "ước thi đua giữa các đơn vị thành viên trong cụm, khối thi đua của tỉnh và các cụm khối thi đua của các "
     "cơ quan, địa phương, đơn vị. Triển khai đăng ký đến các xã, phường, thị trấn hoàn thành trong quý I năm 2024",
     "Hội đồng TĐKT tỉnh",
     ("- Các địa phương, đơn vị;", "- Cụm trưởng, Khối trưởng các Cụm, Khối thi đua"),
     "Các địa phương, đơn vị, các Cụm, Khối thi đua"),
    ("Quý I", ("Các địa phương, đơn vị, các Cụm, Khối thi đua:",
               "- Xây dựng Kế hoạch, tổ chức các hoạt động nhân dịp kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản "
               "Việt Nam (03/02/1930 - 03/02/2024); 134 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890-19/5/2024); "
               "79 năm Cách mạng Tháng Tám và Quốc khánh 02/9; 76 năm ngày Bác Hồ ra lời kêu gọi thi đua Ái quốc "
               "(11/6/1948 - 11/6/2024)"),
     "UBND tỉnh", "Các địa phương, đơn vị được UBND tỉnh giao", "Các địa phương, đơn vị, các Cụm, Khối thi đua"),
    ("Quý I", "Trình khen thưởng thành tích cao đột tổng kết năm 2023", "UBND tỉnh", BAN_TDKT,
     ("Các Cụm, Khối thi đua;", "Các địa phương, đơn vị")),
    ("Quý I", "Xây dựng Kế hoạch kiểm tra công tác thi đua, khen thưởng của Hội đồng TĐKT tỉnh",
     "Hội đồng TĐKT tỉnh", BAN_TDKT, "Các địa phương, đơn vị có tên trong Kế hoạch"),
    ("Quý I", "Quyết định Ban hành Quy chế về công tác Thi đua, khen thưởng của tỉnh Bắc Ninh",
     "UBND tỉnh", BAN_TDKT, ""),
    ("Quý I", "Tham dự Hội nghị tổng kết công tác thi đua năm 2023 của Cụm thi đua các tỉnh Đồng bằng sông Hồng",
     CUM_DBSH, BAN_TDKT, ""),
    ("Quý II", "Hội đồng khoa học ngành giáo dục và các huyện, thị xã, thành phố xét duyệt đề tài, sáng kiến kinh "
     "nghiệm, lựa chọn sáng kiến đề nghị Hội đồng sáng kiến cấp tỉnh xét duyệt công nhận cho các cá nhân thuộc "
     "ngành Giáo dục",
     "UBND tỉnh", "Hội đồng sáng kiến cấp tỉnh", "Hội đồng sáng kiến ngành giáo dục và các huyện, thị xã, thành phố"),
    ("Quý II", "Đánh giá kết quả công tác thi đua, khen thưởng 6 tháng đầu năm, phương hướng nhiệm vụ trọng tâm "
     "6 tháng cuối năm",
     "Hội đồng TĐKT tỉnh", "Cụm trưởng, Khối trưởng các khối thi đua", "Các đơn vị thuộc các Cụm, Khối thi đua"),
    ("Quý II", "Tham dự sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm của Cụm Thi đua các tỉnh đồng bằng "
     "sông Hồng.", CUM_DBSH, BAN_TDKT, ""),
    ("Quý II", "Xét duyệt khen thưởng thành tích công tác đền ơn đáp nghĩa nhân ngày Thương binh liệt sỹ 27/7.",
     "UBND tỉnh", "Sở Lao động, Thương binh và Xã hội", BAN_TDKT_LOWER),
    ("Quý II", "Xét duyệt khen cao, khen thưởng tổng kết ngành giáo dục năm học 2023 - 2024.",
     ("UBND tỉnh;", "Hội đồng TĐKT tỉnh"),
     ("- Sở Giáo dục và Đào tạo;", "- Các huyện, thị xã, thành phố."), BAN_TDKT_LOWER),
    ("Quý III", "Hội đồng khoa học cơ sở xét duyệt đề tài, sáng kiến kinh nghiệm của địa phương, đơn vị, lựa chọn "
     "sáng kiến đủ điều kiện đề nghị Hội đồng sáng kiến cấp tỉnh xét duyệt công nhận.",
     "Hội đồng sáng kiến cấp tỉnh", "Hội đồng sáng kiến cấp tỉnh",
     "Hội đồng sáng kiến ngành giáo dục và các huyện, thị xã, thành phố"),
    ("Quý III", "Tổng kết công tác và phong trào thi đua ngành giáo dục năm học 2023 - 2024.",
     "Thường trực Hội đồng TĐKT tỉnh", "Sở Giáo dục và Đào tạo", BAN_TDKT_LOWER),
    ("Quý III", "Tổ chức tập huấn, triển khai Luật Thi đua - Khen thưởng năm 2022 và các văn bản hướng dẫn thi hành.",
     "Hội đồng TĐKT tỉnh", BAN_TDKT_LOWER, "Các địa phương, đơn vị, các Cụm, Khối thi đua"),
    ("Quý IV", "Học tập kinh nghiệm công tác thi đua, khen thưởng do Cụm thi đua các tỉnh Đồng bằng sông Hồng tổ chức",
     CUM_DBSH, BAN_TDKT_LOWER, ""),
    ("Quý IV", "Tiến hành thanh tra, kiểm tra theo Kế hoạch của Hội đồng TĐKT tỉnh",
     "Hội đồng TĐKT tỉnh", BAN_TDKT_LOWER, ""),
    ("Quý IV", "Các Cụm, Khối thi đua, các địa phương, cơ quan, đơn vị tổ chức đợt thi đua hoàn thành mục tiêu nhiệm "
     "vụ năm 2024. Đồng thời đánh giá kết quả thực hiện các phong trào thi đua về Sở Nội vụ qua (Ban Thi đua - "
     "Khen thưởng)",
     "Hội đồng TĐKT tỉnh", "Cụm trưởng, Khối trưởng các Cụm, Khối thi đua", BAN_TDKT_LOWER),
    ("Quý IV", "Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2024", "UBND tỉnh",
     ("- Cụm trưởng, Khối trưởng các khối thi đua;", "- Các địa phương, cơ quan, đơn vị."), BAN_TDKT_LOWER),
    ("Quý IV", "Xét duyệt khen thưởng thành tích công tác năm 2024 (Hồ sơ gửi về Ban Thi đua - Khen thưởng, "
     "Sở Nội vụ)", "Hội đồng TĐKT tỉnh",
     ("- Cụm trưởng, Khối trưởng các khối thi đua;", "- Các địa phương, cơ quan, đơn vị"), BAN_TDKT_LOWER),
    ("Quý IV", "Xây dựng chương trình, kế hoạch công tác thi đua, khen thưởng năm 2025", "UBND tỉnh",
     BAN_TDKT_LOWER, ""),
    ("Quý IV", "Tham mưu xây dựng Quyết định chia Cụm, Khối thi đua năm 2025", "UBND tỉnh", BAN_TDKT_LOWER, ""),
]


D = dt.date
BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
CSTD = "Chiến sĩ thi đua cấp tỉnh"
TLDXS = "Tập thể lao động xuất sắc"
CO = "Cờ thi đua của Ủy ban nhân dân tỉnh"

RECIPIENTS_QD_2024 = [
    ("Quyết định khen thưởng", "Chủ tịch, các PCT UBND tỉnh", "", 1),
    ("Quyết định khen thưởng", "Ban Thi đua - Khen thưởng, Sở Nội vụ", "", 2),
]
# From 15/12/2025 the Sở Nội vụ's unit is the Phòng Thi đua, khen thưởng (QĐ 86/2025/QĐ-UBND Điều 6).
RECIPIENTS_QD_2026 = [
    ("Quyết định khen thưởng", "Chủ tịch, các PCT UBND tỉnh", "", 1),
    ("Quyết định khen thưởng", "Phòng Thi đua, khen thưởng, Sở Nội vụ", "", 2),
]

BATCH_KEYS = ("name", "quarter", "signing", "position", "signer", "submission_no", "submission_date",
              "first_number", "split", "order", "archive")
BATCHES_2024 = [
    ("Quý I/2024", "Quý I", D(2024, 3, 25), "CHỦ TỊCH", "Nguyễn Hương Giang", "35/TTr-SNV", D(2024, 3, 18),
     None, "Theo tờ trình", "Như đề nghị", "VT, NC"),
    ("Quý II/2024", "Quý II", D(2024, 6, 20), "PHÓ CHỦ TỊCH", "Vương Quốc Tuấn", "88/TTr-SNV", D(2024, 6, 12),
     None, "Theo tờ trình", "Như đề nghị", "VT, NC"),
    ("Quý III/2024", "Quý III", D(2024, 9, 24), "CHỦ TỊCH", "Vương Quốc Tuấn", "142/TTr-SNV", D(2024, 9, 16),
     1205, "Theo tờ trình", "Theo vần tên", "VT, NC"),
    ("Cuối năm 2024", "Quý IV", D(2024, 12, 26), "CHỦ TỊCH", "Vương Quốc Tuấn", "215/TTr-SNV", D(2024, 12, 18),
     None, "Theo hình thức", "Như đề nghị", "VT, NC"),
]

NOMINATION_KEYS = ("batch", "unit", "submission_no", "submission_date", "kind", "address", "name", "position",
                   "workplace", "form", "achievement", "appraisal")
GD = ("Sở Giáo dục và Đào tạo", "25/TTr-SGDĐT", D(2024, 3, 8))
TD = ("UBND huyện Tiên Du", "12/TTr-UBND", D(2024, 3, 5))
LD = ("Sở Lao động, Thương binh và Xã hội", "40/TTr-SLĐTBXH", D(2024, 6, 3))
CA = ("Công an tỉnh", "210/TTr-CAT", D(2024, 9, 5))
YT = ("Sở Y tế", "198/TTr-SYT", D(2024, 9, 9))
NV = ("Sở Nội vụ", "201/TTr-SNV", D(2024, 12, 10))
TS = ("UBND thành phố Từ Sơn", "310/TTr-UBND", D(2024, 12, 12))
NAM_HOC = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2022 - 2023"
NTM = "Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới"
DOND = "Đã có thành tích xuất sắc trong công tác đền ơn đáp nghĩa năm 2024"
NAM_2024 = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024"
NOMINATIONS_2024 = [
    ("Quý I/2024", *GD, "Tập thể", "", "Phòng Giáo dục Trung học", "", "Sở Giáo dục và Đào tạo", BK, NAM_HOC, "Đạt"),
    ("Quý I/2024", *GD, "Cá nhân", "Bà", "Nguyễn Thị Thu Hà", "Trưởng phòng Giáo dục Trung học",
     "Sở Giáo dục và Đào tạo", BK, NAM_HOC, "Đạt"),
    ("Quý I/2024", *GD, "Cá nhân", "Ông", "Trần Văn Hùng", "Hiệu trưởng Trường THPT Thuận Thành số 1",
     "Sở Giáo dục và Đào tạo", BK, NAM_HOC, "Đạt"),
    ("Quý I/2024", *TD, "Hộ gia đình", "Ông", "Nguyễn Văn Tư", "", "thôn Lũng Giang, thị trấn Lim, huyện Tiên Du",
     BK, "Đã có thành tích xuất sắc trong hiến đất xây dựng đường giao thông nông thôn", "Đạt"),
    ("Quý I/2024", *TD, "Cá nhân", "Ông", "Lê Văn Nam", "Chủ tịch UBND xã Hoàn Sơn", "huyện Tiên Du", BK, NTM, "Đạt"),
    ("Quý II/2024", *LD, "Tập thể", "", "Phòng Người có công", "", "Sở Lao động, Thương binh và Xã hội", BK, DOND, "Đạt"),
    ("Quý II/2024", *LD, "Cá nhân", "Bà", "Phạm Thị Lan", "Chuyên viên Phòng Người có công",
     "Sở Lao động, Thương binh và Xã hội", BK, DOND, "Đạt"),
    ("Quý II/2024", *LD, "Cá nhân", "Ông", "Ngô Quang Huy", "Giám đốc Trung tâm Điều dưỡng người có công",
     "Sở Lao động, Thương binh và Xã hội", BK, DOND, "Đạt"),
    ("Quý II/2024", *LD, "Cá nhân", "Ông", "Đỗ Văn Khải", "Chuyên viên Văn phòng Sở",
     "Sở Lao động, Thương binh và Xã hội", BK, DOND, "Không đạt"),
    ("Quý III/2024", *CA, "Tập thể", "", "Phòng Cảnh sát giao thông", "", "Công an tỉnh", CO,
     "Đã có thành tích xuất sắc dẫn đầu phong trào thi đua Vì an ninh Tổ quốc năm 2024", "Đạt"),
    ("Quý III/2024", *CA, "Cá nhân", "Ông", "Nguyễn Văn An", "Đội trưởng Đội Tuần tra, kiểm soát",
     "Phòng Cảnh sát giao thông, Công an tỉnh", BK, "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông", "Đạt"),
    ("Quý III/2024", *CA, "Cá nhân", "Ông", "Đặng Văn Dũng", "Cán bộ Đội Tuần tra, kiểm soát",
     "Phòng Cảnh sát giao thông, Công an tỉnh", BK, "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông", "Đạt"),
    ("Quý III/2024", *CA, "Cá nhân", "Bà", "Dương Thị Mai", "Cán bộ Phòng Tham mưu", "Công an tỉnh", BK,
     "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông", "Đạt"),
    ("Quý III/2024", *YT, "Cá nhân", "Bà", "Trần Thị Ánh", "Phó Giám đốc Bệnh viện Đa khoa tỉnh", "Sở Y tế", BK,
     "Đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024", "Đạt"),
    ("Quý III/2024", *YT, "Cá nhân", "Ông", "Hoàng Minh Đức", "Trưởng khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh",
     "Sở Y tế", BK, "Đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024", "Đạt"),
    ("Cuối năm 2024", *NV, "Tập thể", "", "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "", "Sở Nội vụ",
     TLDXS, "Đã hoàn thành xuất sắc nhiệm vụ năm 2024", "Đạt"),
    ("Cuối năm 2024", *NV, "Cá nhân", "Ông", "Nguyễn Đức Thịnh", "Trưởng phòng Công chức, viên chức", "Sở Nội vụ",
     CSTD, "Đã có 03 năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2022 - 2024)", "Đạt"),
    ("Cuối năm 2024", *NV, "Cá nhân", "Bà", "Vũ Thị Hoà", "Chuyên viên Phòng Công chức, viên chức", "Sở Nội vụ",
     BK, NAM_2024, "Đạt"),
    ("Cuối năm 2024", *TS, "Tập thể", "", "UBND phường Đồng Nguyên", "", "thành phố Từ Sơn", BK, NAM_2024, "Đạt"),
    ("Cuối năm 2024", *TS, "Cá nhân", "Ông", "Lý Văn Sơn", "Chủ tịch UBND phường Đồng Nguyên", "thành phố Từ Sơn",
     BK, NAM_2024, "Đạt"),
    ("Cuối năm 2024", *TS, "Tập thể", "", "Phòng Kinh tế", "", "UBND thành phố Từ Sơn", TLDXS,
     "Đã hoàn thành xuất sắc nhiệm vụ năm 2024", "Đạt"),
]


def sample_2024() -> dict:
    task_keys = ("quarter", "content", "directing", "executing", "cooperating")
    return {
        "agency": AGENCY_2024,
        "plan": PLAN_2024,
        "legal_basis": [{"text": t} for t in LEGAL_BASIS_2024],
        "recipients": [dict(zip(("document", "name", "note", "copies"), r))
                       for r in RECIPIENTS_2024 + RECIPIENTS_QD_2024],
        "tasks": [dict(zip(task_keys, t)) for t in TASKS_2024],
        "decision_basis": DECISION_BASIS_BAC_NINH,
        "batches": [dict(zip(BATCH_KEYS, b)) for b in BATCHES_2024],
        "nominations": [dict(zip(NOMINATION_KEYS, n)) for n in NOMINATIONS_2024],
    }


GD26 = ("Sở Giáo dục và Đào tạo", "18/TTr-SGDĐT", D(2026, 3, 2))
KB26 = ("UBND phường Kinh Bắc", "09/TTr-UBND", D(2026, 3, 4))
LN26 = ("UBND xã Lục Ngạn", "11/TTr-UBND", D(2026, 3, 5))
HK1 = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ học kỳ I năm học 2025 - 2026"
SAT_NHAP = "Đã có thành tích xuất sắc trong thực hiện sắp xếp tổ chức bộ máy, chính quyền địa phương hai cấp"
NOMINATIONS_2026 = [
    ("Quý I/2026", *GD26, "Tập thể", "", "Trường THPT Chuyên Bắc Ninh", "", "Sở Giáo dục và Đào tạo", BK, HK1, "Đạt"),
    ("Quý I/2026", *GD26, "Cá nhân", "Bà", "Nguyễn Thị Minh Nguyệt", "Giáo viên Trường THPT Chuyên Bắc Ninh",
     "Sở Giáo dục và Đào tạo", BK, HK1, "Đạt"),
    ("Quý I/2026", *KB26, "Tập thể", "", "Văn phòng HĐND và UBND phường Kinh Bắc", "", "", BK, SAT_NHAP, "Đạt"),
    ("Quý I/2026", *KB26, "Cá nhân", "Ông", "Trịnh Văn Long", "Phó Chủ tịch UBND phường Kinh Bắc", "", BK,
     SAT_NHAP, "Đạt"),
    ("Quý I/2026", *LN26, "Hộ gia đình", "Bà", "Hoàng Thị Sen", "", "thôn Kép, xã Lục Ngạn", BK,
     "Đã có thành tích xuất sắc trong hiến đất làm đường giao thông", "Đạt"),
]


def sample_2026() -> dict:
    """A 2026 batch of the merged tỉnh Bắc Ninh under NĐ 152/2025 (no Kế hoạch)."""
    batch = ("Quý I/2026", "Quý I", D(2026, 3, 20), "PHÓ CHỦ TỊCH", "Mai Sơn", "27/TTr-SNV", D(2026, 3, 12),
             None, "Theo tờ trình", "Theo vần tên", "VT, NC")
    return {
        "agency": AGENCY_2024,
        "plan": {},
        "decision_basis": DECISION_BASIS_BAC_NINH,
        "recipients": [dict(zip(("document", "name", "note", "copies"), r)) for r in RECIPIENTS_QD_2026],
        "batches": [dict(zip(BATCH_KEYS, batch))],
        "nominations": [dict(zip(NOMINATION_KEYS, n)) for n in NOMINATIONS_2026],
    }


# UBND tỉnh Đồng Nai, Quý I/2026: the Chủ tịch's Bằng khen, signed by a Phó Chủ tịch, after the Sở Nội vụ's
# appraisal. Names of people are fictitious. The number of Đồng Nai's quy chế thi đua, khen thưởng is not
# known here, so the "Căn cứ quyết định" sheet is present and empty: the decisions cite the national lines only.
AGENCY_DONG_NAI = {
    "level": "Cấp tỉnh", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH ĐỒNG NAI",
    "short_name": "UBND tỉnh Đồng Nai", "code": "UBND", "place": "Đồng Nai", "head": "Chủ tịch",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "appraiser": "Giám đốc Sở Nội vụ",
    "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính"),
    "fund": "Quỹ thi đua, khen thưởng của tỉnh", "archive": "VT, KGVX", "verb": "tặng",
}
NOMINATION_KEYS_RANK = NOMINATION_KEYS[:6] + ("rank",) + NOMINATION_KEYS[6:]
NN26 = ("Sở Nông nghiệp và Môi trường", "31/TTr-SNNMT", D(2026, 3, 3))
CA26 = ("Công an tỉnh", "125/TTr-CAT", D(2026, 3, 5))
RUNG = "Đã có thành tích xuất sắc trong công tác quản lý, bảo vệ rừng năm 2025"
TOI_PHAM = "Đã có thành tích xuất sắc trong đấu tranh phòng, chống tội phạm năm 2025"
NOMINATIONS_DONG_NAI = [
    ("Quý I/2026", *NN26, "Tập thể", "", "", "Chi cục Kiểm lâm", "", "Sở Nông nghiệp và Môi trường", BK, RUNG, "Đạt"),
    ("Quý I/2026", *NN26, "Cá nhân", "Bà", "", "Nguyễn Thị Thanh Tâm", "Chi cục trưởng Chi cục Kiểm lâm",
     "Sở Nông nghiệp và Môi trường", BK, RUNG, "Đạt"),
    ("Quý I/2026", *CA26, "Tập thể", "", "", "Phòng Cảnh sát hình sự", "", "Công an tỉnh", BK, TOI_PHAM, "Đạt"),
    ("Quý I/2026", *CA26, "Cá nhân", "", "Thượng tá", "Phạm Văn Quang", "Trưởng phòng Cảnh sát hình sự",
     "Công an tỉnh", BK, TOI_PHAM, "Đạt"),
]


def sample_dong_nai() -> dict:
    batch = ("Quý I/2026", "Quý I", D(2026, 3, 24), "PHÓ CHỦ TỊCH", "Trần Quốc Bảo", "45/TTr-SNV", D(2026, 3, 16),
             None, "Theo tờ trình", "Như đề nghị", "VT, KGVX")
    return {
        "agency": AGENCY_DONG_NAI,
        "plan": {},
        "decision_basis": [],
        "recipients": [{"document": "Quyết định khen thưởng", "name": "Chủ tịch, các PCT UBND tỉnh"}],
        "batches": [dict(zip(BATCH_KEYS, batch))],
        "nominations": [dict(zip(NOMINATION_KEYS_RANK, n)) for n in NOMINATIONS_DONG_NAI],
    }


# Sở Giáo dục và Đào tạo tỉnh Bắc Ninh, năm học 2025 - 2026: the Giám đốc's own awards (Luật Thi đua, khen thưởng
# Điều 80 khoản 1), proposed by two schools, appraised by the Văn phòng Sở, signed by a Phó Giám đốc. The number of
# the UBND tỉnh's decision on the Sở's functions is not known here, so it is left out; a real workbook adds it with
# "Trước luật, nghị định". People's names are fictitious.
AGENCY_SO_GDDT = {
    "level": "Sở, ban, ngành", "parent": "UBND TỈNH BẮC NINH", "name_line_1": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "short_name": "Sở Giáo dục và Đào tạo", "code": "SGDĐT", "place": "Bắc Ninh", "head": "Giám đốc",
    "authority": "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO", "appraiser": "Chánh Văn phòng Sở",
    "executors": ("Chánh Văn phòng Sở",), "fund": "Quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
    "archive": "VT, VP", "verb": "tặng",
}
HT26 = ("Trường THPT Hàn Thuyên", "25/TTr-THPTHT", D(2026, 5, 11))
LTT26 = ("Trường THPT Lý Thái Tổ", "18/TTr-THPTLTT", D(2026, 5, 12))
NAM_HOC_XS = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025 - 2026"
NAM_HOC_TOT = "Đã hoàn thành tốt nhiệm vụ năm học 2025 - 2026"
SANG_KIEN = "Đã hoàn thành xuất sắc nhiệm vụ năm học 2025 - 2026 và có sáng kiến được công nhận"
GK, LDTT, CSTDCS, TTLDTT = "Giấy khen", "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến"
NOMINATIONS_SO_GDDT = [
    ("Năm học 2025-2026", *HT26, "Tập thể", "", "Tổ Toán - Tin", "", "Trường THPT Hàn Thuyên", GK, NAM_HOC_XS, "Đạt"),
    ("Năm học 2025-2026", *HT26, "Cá nhân", "Bà", "Nguyễn Thị Hương", "Tổ trưởng Tổ Toán - Tin",
     "Trường THPT Hàn Thuyên", GK, NAM_HOC_XS, "Đạt"),
    ("Năm học 2025-2026", *HT26, "Cá nhân", "Ông", "Trần Đức Mạnh", "Giáo viên", "Trường THPT Hàn Thuyên", LDTT,
     NAM_HOC_TOT, "Đạt"),
    ("Năm học 2025-2026", *HT26, "Tập thể", "", "Tổ Ngữ văn", "", "Trường THPT Hàn Thuyên", TTLDTT, NAM_HOC_TOT,
     "Đạt"),
    ("Năm học 2025-2026", *LTT26, "Cá nhân", "Bà", "Lê Thị Thu Trang", "Giáo viên", "Trường THPT Lý Thái Tổ", LDTT,
     NAM_HOC_TOT, "Đạt"),
    ("Năm học 2025-2026", *LTT26, "Cá nhân", "Ông", "Phạm Văn Tuấn", "Phó Hiệu trưởng", "Trường THPT Lý Thái Tổ",
     CSTDCS, SANG_KIEN, "Đạt"),
    ("Năm học 2025-2026", *LTT26, "Cá nhân", "Bà", "Đỗ Thị Ngọc Anh", "Giáo viên", "Trường THPT Lý Thái Tổ", GK,
     NAM_HOC_XS, "Đạt"),
]


def sample_so_gddt() -> dict:
    batch = ("Năm học 2025-2026", None, D(2026, 5, 29), "PHÓ GIÁM ĐỐC", "Đào Thị Hồng Vân", "42/TTr-VP",
             D(2026, 5, 20), None, "Theo hình thức", "Như đề nghị", "VT, VP")
    return {
        "agency": AGENCY_SO_GDDT,
        "plan": {},
        "decision_basis": [{**DECISION_BASIS_BAC_NINH[1], "position": "Sau luật, nghị định"}],
        "recipients": [{"document": "Quyết định khen thưởng", "name": "Giám đốc, các Phó Giám đốc Sở"}],
        "batches": [{**dict(zip(BATCH_KEYS, batch)), "kind": "Năm học"}],
        "nominations": [dict(zip(NOMINATION_KEYS, n)) for n in NOMINATIONS_SO_GDDT],
    }


# UBND phường Kinh Bắc (tỉnh Bắc Ninh), 2026: its Kế hoạch (on the built-in neutral plan template), a Giấy khen
# batch and the Gia đình văn hóa of the year (no prize money). People's names are fictitious.
AGENCY_KINH_BAC = {
    "level": "Cấp xã", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "PHƯỜNG KINH BẮC",
    "short_name": "UBND phường Kinh Bắc", "code": "UBND", "place": "Kinh Bắc", "head": "Chủ tịch",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC",
    "appraiser": "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
    "executors": ("Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", "Trưởng phòng Văn hóa - Xã hội"),
    "fund": "Quỹ thi đua, khen thưởng của Ủy ban nhân dân phường Kinh Bắc", "archive": "VT, VP", "verb": "tặng",
}
PLAN_KINH_BAC = {"year": 2026, "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
                 "signer": "Nguyễn Văn Khánh", "archive": "VT, VP"}
# Texts in force in 2026 only (the 2015 local government law and NĐ 98/2023 are not).
LEGAL_BASIS_KINH_BAC = [
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh "
    "vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
    "Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03/12/2025 của Ủy ban nhân dân tỉnh ban hành Quy định về công tác "
    "thi đua, khen thưởng tỉnh Bắc Ninh",
]
RECIPIENTS_KINH_BAC = [
    ("Kế hoạch", "Thường trực Đảng ủy, Thường trực HĐND phường", "để b/c", 1),
    ("Kế hoạch", "Chủ tịch, các Phó Chủ tịch UBND phường", "", 1),
    ("Kế hoạch", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "", 1),
    ("Kế hoạch", "Các tổ dân phố", "", 1),
    ("Quyết định khen thưởng", "Chủ tịch, các Phó Chủ tịch UBND phường", "", 1),
]
VP_KB = "Văn phòng HĐND và UBND phường"
TASKS_KINH_BAC = [
    ("Quý I", "Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2026", "UBND phường", VP_KB, ""),
    ("Quý I", "Tổ chức đăng ký thi đua cho các tập thể, cá nhân, hộ gia đình trên địa bàn phường", "UBND phường",
     VP_KB, "Các tổ dân phố"),
    ("Quý II", "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2026", "UBND phường", VP_KB, "Các tổ dân phố"),
    ("Quý IV", "Bình xét danh hiệu “Gia đình văn hóa” năm 2026 (hoàn thành trước ngày 25/11/2026)", "UBND phường",
     "Phòng Văn hóa - Xã hội", "Các tổ dân phố"),
    ("Quý IV", "Tổng kết công tác thi đua, khen thưởng năm 2026", "UBND phường", VP_KB,
     ("Phòng Văn hóa - Xã hội;", "Các tổ dân phố")),
]
VH26 = ("Phòng Văn hóa - Xã hội", "Trưởng phòng Văn hóa - Xã hội", "08/TTr-VHXH", D(2026, 3, 16))
TDP5 = ("Tổ dân phố số 5", "Tổ trưởng Tổ dân phố số 5", "05/TTr-TDP", D(2026, 11, 24))
DO_THI = "Đã có thành tích xuất sắc trong phong trào xây dựng đô thị văn minh năm 2025"
GDVH = "Gia đình văn hóa"
GDVH_2026 = "Đã đạt tiêu chuẩn danh hiệu “Gia đình văn hóa” năm 2026"
DIA_CHI_TDP5 = "Tổ dân phố số 5, phường Kinh Bắc"
NOMINATION_KEYS_HEAD = NOMINATION_KEYS[:2] + ("unit_head",) + NOMINATION_KEYS[2:]
NOMINATIONS_KINH_BAC = [
    ("Quý I/2026", *VH26, "Tập thể", "", "Tổ dân phố số 5", "", "phường Kinh Bắc", GK, DO_THI, "Đạt"),
    ("Quý I/2026", *VH26, "Cá nhân", "Ông", "Ngô Văn Hải", "Tổ trưởng Tổ dân phố số 5", "phường Kinh Bắc", GK,
     DO_THI, "Đạt"),
    ("Quý I/2026", *VH26, "Hộ gia đình", "Bà", "Nguyễn Thị Lan", "", DIA_CHI_TDP5, GK,
     "Đã có thành tích xuất sắc trong hiến đất mở rộng đường ngõ, xóm năm 2025", "Đạt"),
    ("Gia đình văn hóa 2026", *TDP5, "Hộ gia đình", "Ông", "Nguyễn Văn Bình", "", DIA_CHI_TDP5, GDVH, GDVH_2026, "Đạt"),
    ("Gia đình văn hóa 2026", *TDP5, "Hộ gia đình", "Bà", "Trần Thị Hoa", "", DIA_CHI_TDP5, GDVH, GDVH_2026, "Đạt"),
    ("Gia đình văn hóa 2026", *TDP5, "Hộ gia đình", "Ông", "Hộ ông Lý Văn Tư", "", DIA_CHI_TDP5, GDVH, GDVH_2026,
     "Đạt"),
]


def sample_kinh_bac() -> dict:
    task_keys = ("quarter", "content", "directing", "executing", "cooperating")
    batches = [
        ("Quý I/2026", "Quý I", D(2026, 3, 27), "CHỦ TỊCH", "Nguyễn Văn Khánh", "12/TTr-VP", D(2026, 3, 20),
         None, "Theo tờ trình", "Như đề nghị", "VT, VP"),
        ("Gia đình văn hóa 2026", "Quý IV", D(2026, 12, 4), "PHÓ CHỦ TỊCH", "Đặng Thị Thu Hà", "95/TTr-VP",
         D(2026, 11, 28), None, "Theo tờ trình", "Như đề nghị", "VT, VP"),
    ]
    return {
        "agency": AGENCY_KINH_BAC,
        "plan": PLAN_KINH_BAC,
        "legal_basis": [{"text": t} for t in LEGAL_BASIS_KINH_BAC],
        "recipients": [dict(zip(("document", "name", "note", "copies"), r)) for r in RECIPIENTS_KINH_BAC],
        "tasks": [dict(zip(task_keys, t)) for t in TASKS_KINH_BAC],
        "decision_basis": [DECISION_BASIS_BAC_NINH[1]],
        "batches": [{**dict(zip(BATCH_KEYS, b)), "kind": kind}
                    for b, kind in zip(batches, ("Theo quý", "Tổng kết năm"))],
        "nominations": [dict(zip(NOMINATION_KEYS_HEAD, n)) for n in NOMINATIONS_KINH_BAC],
    }


SAMPLES = {
    "bac-ninh-2024/tdkt-2024.xlsx": sample_2024,
    "bac-ninh-2026/tdkt-2026-bac-ninh-moi.xlsx": sample_2026,
    "dong-nai-2026/tdkt-2026-dong-nai.xlsx": sample_dong_nai,
    "so-gddt-bac-ninh/tdkt-nam-hoc-2025-2026.xlsx": sample_so_gddt,
    "phuong-kinh-bac/tdkt-2026-phuong-kinh-bac.xlsx": sample_kinh_bac,
}


def main() -> None:
    for name, content in SAMPLES.items():
        target = ROOT / "data" / "mau" / name
        write_filled_workbook(target, content(), RULES)
        print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
