"""Writes the sample workbooks under data/mau/ from the data below.

Run: .venv/bin/python tools/make_samples.py
The 2024 sample reproduces Bắc Ninh's Kế hoạch công tác thi đua, khen thưởng năm 2024.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tdkt_docs.read.blank import write_filled_workbook  # noqa: E402

BAN_TDKT = "Ban Thi đua - Khen thưởng, Sở Nội vụ"
BAN_TDKT_LOWER = "Ban Thi đua - khen thưởng, Sở Nội vụ"
CUM_DBSH = "Cụm trưởng cụm TĐ các tỉnh ĐBSH"

AGENCY_2024 = {
    "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
    "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh",
}

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


def sample_2024() -> dict:
    task_keys = ("quarter", "content", "directing", "executing", "cooperating")
    return {
        "agency": AGENCY_2024,
        "plan": PLAN_2024,
        "legal_basis": [{"text": t} for t in LEGAL_BASIS_2024],
        "recipients": [dict(zip(("document", "name", "note", "copies"), r)) for r in RECIPIENTS_2024],
        "tasks": [dict(zip(task_keys, t)) for t in TASKS_2024],
    }


def main() -> None:
    target = ROOT / "data" / "mau" / "tdkt-2024.xlsx"
    write_filled_workbook(target, sample_2024())
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
