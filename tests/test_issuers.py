"""Each issuer's documents are right: UBND tỉnh Đồng Nai, Sở Giáo dục và Đào tạo, UBND phường Kinh Bắc, and a
body set up from `tdkt init --cap xa` alone; forms outside an issuer's authority are refused; earlier workbooks
still build and say what they lack."""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tdkt_docs.build import build, prepare
from tdkt_docs.check.document import check_document
from tdkt_docs.check.rulebook import Rulebook
from tdkt_docs.problems import Severity

from helpers import ROOT, SAMPLES, docx_blocks, run_tdkt
from support.workbooks import decisions, person

DONG_NAI = SAMPLES / "dong-nai-2026" / "tdkt-2026-dong-nai.xlsx"
SO_GDDT = SAMPLES / "so-gddt-bac-ninh" / "tdkt-nam-hoc-2025-2026.xlsx"
KINH_BAC = SAMPLES / "phuong-kinh-bac" / "tdkt-2026-phuong-kinh-bac.xlsx"
UNVERIFIED = "Chưa đối chiếu với văn bản chính thức"

QUOC_HIEU = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
LUAT_72 = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"
LUAT_TDKT = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"
ND_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền "
          "trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, "
          "khen thưởng;")
ND_86 = ("Căn cứ Nghị định số 86/2023/NĐ-CP của Chính phủ quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét "
         "tặng danh hiệu “Gia đình văn hóa”; “Thôn, tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”;")
QD_86 = ("Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh ban hành Quy định "
         "về công tác thi đua, khen thưởng tỉnh Bắc Ninh;")


def _build(workbook: Path, out: Path, settings) -> Path:
    result = build(workbook, out, settings)
    assert [p for p in result.problems if not p.message.startswith(UNVERIFIED)] == []
    assert all(p.severity is Severity.WARNING for p in result.problems)
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory, settings) -> dict[str, Path]:
    """The three samples built once (.docx only), each into its own folder."""
    root = tmp_path_factory.mktemp("issuers")
    return {name: _build(book, root / name, settings)
            for name, book in (("dong-nai", DONG_NAI), ("so", SO_GDDT), ("phuong", KINH_BAC))}


def blocks(folder: Path, name: str) -> list[str]:
    return docx_blocks(docx.Document(folder / name))


def decision_docs(folder: Path) -> list[Path]:
    return sorted(folder.rglob("qd-*.docx"))


def test_every_document_passes_the_nd30_checker(built, rules):
    book = Rulebook(rules.nd30)
    documents = [p for folder in built.values() for p in sorted(folder.rglob("*.docx"))]
    assert len(documents) == 2 + 4 + 3
    for path in documents:
        found = [str(p) for p in check_document(path, book) if p.is_error]
        assert found == [], path.name


def test_dong_nai_decision_is_the_chairmans(built):
    assert blocks(built["dong-nai"], "quy-i-2026/qd-02-bang-khen-tinh-cong-an-tinh.docx") == [
        "ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI", *QUOC_HIEU,
        "Số: /QĐ-UBND", "Đồng Nai, ngày tháng năm 2026",
        "QUYẾT ĐỊNH", "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
        LUAT_72, LUAT_TDKT, ND_152,
        "Xét đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 125/TTr-CAT ngày 05/3/2026 và đề nghị của Giám đốc "
        "Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 16/3/2026.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 01 cá nhân (có danh sách kèm "
        "theo), đã có thành tích xuất sắc trong đấu tranh phòng, chống tội phạm năm 2025.",
        "Điều 2. Tiền thưởng kèm theo cho mỗi tập thể là 7.020.000 đồng, mỗi cá nhân là 3.510.000 đồng; tổng số "
        "tiền: 10.530.000 đồng (Bằng chữ: Mười triệu năm trăm ba mươi nghìn đồng), trích từ Quỹ thi đua, khen "
        "thưởng của tỉnh năm 2026.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Giám đốc Công an "
        "tỉnh và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, KGVX.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quốc Bảo",
        "DANH SÁCH", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2026 của Chủ tịch UBND tỉnh Đồng Nai)",
        "I. TẬP THỂ (01)", "1. Phòng Cảnh sát hình sự, Công an tỉnh;",
        "II. CÁ NHÂN (01)", "1. Thượng tá Phạm Văn Quang, Trưởng phòng Cảnh sát hình sự, Công an tỉnh.",
    ]


def test_dong_nai_has_no_bac_ninh_text_and_no_own_basis(built):
    docs = decision_docs(built["dong-nai"])
    assert len(docs) == 2
    for path in docs:
        text = "\n".join(docx_blocks(docx.Document(path)))
        assert "bắc ninh" not in text.casefold(), path.name
        assert [b for b in text.splitlines() if b.startswith("Căn cứ")] == [LUAT_72, LUAT_TDKT, ND_152]


def test_so_gddt_decision_is_the_directors(built):
    assert blocks(built["so"], "nam-hoc-2025-2026/qd-01-giay-khen.docx") == [
        "UBND TỈNH BẮC NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", *QUOC_HIEU,
        "Số: /QĐ-SGDĐT", "Bắc Ninh, ngày tháng năm 2026",
        "QUYẾT ĐỊNH", "Về việc tặng Giấy khen",
        "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        LUAT_TDKT, ND_152, QD_86,
        "Xét đề nghị của Hiệu trưởng Trường THPT Hàn Thuyên tại Tờ trình số 25/TTr-THPTHT ngày 11/5/2026; Hiệu "
        "trưởng Trường THPT Lý Thái Tổ tại Tờ trình số 18/TTr-THPTLTT ngày 12/5/2026 và đề nghị của Chánh Văn phòng "
        "Sở tại Tờ trình số 42/TTr-VP ngày 20/5/2026.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Giấy khen cho 01 tập thể và 02 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc "
        "trong thực hiện nhiệm vụ năm học 2025 - 2026.",
        "Điều 2. Tiền thưởng kèm theo cho mỗi tập thể là 1.410.000 đồng, mỗi cá nhân là 710.000 đồng; tổng số tiền: "
        "2.830.000 đồng (Bằng chữ: Hai triệu tám trăm ba mươi nghìn đồng), trích từ Quỹ thi đua, khen thưởng của "
        "Sở Giáo dục và Đào tạo năm 2026.",
        "Điều 3. Chánh Văn phòng Sở, Hiệu trưởng Trường THPT Hàn Thuyên, Hiệu trưởng Trường THPT Lý Thái Tổ và các "
        "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Giám đốc, các Phó Giám đốc Sở;", "- Lưu: VT, VP.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đào Thị Hồng Vân",
        "DANH SÁCH", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",
        "(Kèm theo Quyết định số /QĐ-SGDĐT ngày tháng năm 2026 của Giám đốc Sở Giáo dục và Đào tạo)",
        "I. TẬP THỂ (01)", "1. Tổ Toán - Tin, Trường THPT Hàn Thuyên;",
        "II. CÁ NHÂN (02)", "1. Bà Nguyễn Thị Hương, Tổ trưởng Tổ Toán - Tin, Trường THPT Hàn Thuyên;",
        "2. Bà Đỗ Thị Ngọc Anh, Giáo viên, Trường THPT Lý Thái Tổ.",
    ]


@pytest.mark.parametrize("name, title, article_1, money", [
    ("qd-02-lao-dong-tien-tien.docx", "CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU “LAO ĐỘNG TIÊN TIẾN”",
     "Điều 1. Tặng danh hiệu “Lao động tiên tiến” cho 02 cá nhân (có danh sách kèm theo), đã hoàn thành tốt nhiệm "
     "vụ năm học 2025 - 2026.",
     "Điều 2. Tiền thưởng kèm theo cho mỗi cá nhân là 710.000 đồng; tổng số tiền: 1.420.000 đồng (Bằng chữ: Một "
     "triệu bốn trăm hai mươi nghìn đồng)"),
    ("qd-03-chien-si-thi-dua-co-so.docx", "CÁ NHÂN ĐƯỢC TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”",
     "Điều 1. Tặng danh hiệu “Chiến sĩ thi đua cơ sở” cho 01 cá nhân (có danh sách kèm theo), đã hoàn thành xuất "
     "sắc nhiệm vụ năm học 2025 - 2026 và có sáng kiến được công nhận.",
     "Điều 2. Tiền thưởng kèm theo cho mỗi cá nhân là 2.340.000 đồng; tổng số tiền: 2.340.000 đồng (Bằng chữ: Hai "
     "triệu ba trăm bốn mươi nghìn đồng)"),
    ("qd-04-tap-the-lao-dong-tien-tien.docx", "TẬP THỂ ĐƯỢC TẶNG DANH HIỆU “TẬP THỂ LAO ĐỘNG TIÊN TIẾN”",
     "Điều 1. Tặng danh hiệu “Tập thể lao động tiên tiến” cho 01 tập thể (có danh sách kèm theo), đã hoàn thành "
     "tốt nhiệm vụ năm học 2025 - 2026.",
     "Điều 2. Tiền thưởng kèm theo cho mỗi tập thể là 1.880.000 đồng; tổng số tiền: 1.880.000 đồng (Bằng chữ: Một "
     "triệu tám trăm tám mươi nghìn đồng)"),
])
def test_so_gddt_titles_of_a_school_year(built, name, title, article_1, money):
    found = blocks(built["so"], f"nam-hoc-2025-2026/{name}")
    start = found.index("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert found[start + 1:start + 4] == [LUAT_TDKT, ND_152, QD_86]
    assert article_1 in found
    assert any(b.startswith(money + ", trích từ Quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo năm 2026.")
               for b in found)
    danh_sach = found.index("DANH SÁCH")
    assert found[danh_sach + 1:danh_sach + 3] == [
        title, "(Kèm theo Quyết định số /QĐ-SGDĐT ngày tháng năm 2026 của Giám đốc Sở Giáo dục và Đào tạo)"]
    assert found[found.index("Nơi nhận:") + 4:found.index("Nơi nhận:") + 7] == [
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đào Thị Hồng Vân"]


def test_so_gddt_names_no_chairman(built):
    docs = decision_docs(built["so"])
    assert len(docs) == 4
    for path in docs:
        found = docx_blocks(docx.Document(path))
        assert found[:2] == ["UBND TỈNH BẮC NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
        assert [b for b in found if "chủ tịch" in b.casefold()] == [], path.name


def test_phuong_gia_dinh_van_hoa_has_no_money_article(built):
    assert blocks(built["phuong"], "gia-dinh-van-hoa-2026/qd-01-gia-dinh-van-hoa-to-dan-pho-so-5.docx") == [
        "ỦY BAN NHÂN DÂN", "PHƯỜNG KINH BẮC", *QUOC_HIEU,
        "Số: /QĐ-UBND", "Kinh Bắc, ngày tháng năm 2026",
        "QUYẾT ĐỊNH", "Về việc tặng danh hiệu “Gia đình văn hóa”",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC",
        LUAT_72, LUAT_TDKT, ND_152, ND_86, QD_86,
        "Xét đề nghị của Tổ trưởng Tổ dân phố số 5 tại Tờ trình số 05/TTr-TDP ngày 24/11/2026 và đề nghị của Chánh "
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường tại Tờ trình số 95/TTr-VP ngày 28/11/2026.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng danh hiệu “Gia đình văn hóa” cho 03 hộ gia đình (có danh sách kèm theo), đã đạt tiêu chuẩn "
        "danh hiệu “Gia đình văn hóa” năm 2026.",
        "Điều 2. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường, Trưởng phòng Văn hóa - Xã hội, Tổ "
        "trưởng Tổ dân phố số 5 và các hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 2;", "- Chủ tịch, các Phó Chủ tịch UBND phường;", "- Lưu: VT, VP.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đặng Thị Thu Hà",
        "DANH SÁCH", "HỘ GIA ĐÌNH ĐƯỢC TẶNG DANH HIỆU “GIA ĐÌNH VĂN HÓA”",
        "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2026 của Chủ tịch UBND phường Kinh Bắc)",
        "I. HỘ GIA ĐÌNH (03)",
        "1. Hộ gia đình ông Nguyễn Văn Bình, Tổ dân phố số 5, phường Kinh Bắc;",
        "2. Hộ gia đình bà Trần Thị Hoa, Tổ dân phố số 5, phường Kinh Bắc;",
        "3. Hộ ông Lý Văn Tư, Tổ dân phố số 5, phường Kinh Bắc.",
    ]


def test_phuong_summary_lists_households_without_money(built):
    sheet = openpyxl.load_workbook(
        built["phuong"] / "gia-dinh-van-hoa-2026" / "tong-hop-gia-dinh-van-hoa-2026.xlsx")["Danh sách"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[4], r[9]) for r in rows[:-1]] == [
        ("Hộ gia đình", "Hộ gia đình ông Nguyễn Văn Bình", None),
        ("Hộ gia đình", "Hộ gia đình bà Trần Thị Hoa", None),
        ("Hộ gia đình", "Hộ ông Lý Văn Tư", None),
    ]
    assert (rows[-1][1], rows[-1][9]) == ("Tổng cộng", 0)


def test_phuong_giay_khen_pays_from_its_own_fund(built):
    found = blocks(built["phuong"], "quy-i-2026/qd-01-giay-khen-phong-van-hoa-xa-hoi.docx")
    start = found.index("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC")
    assert found[start - 2:start] == ["QUYẾT ĐỊNH", "Về việc tặng Giấy khen"]
    assert found[start + 1:start + 6] == [
        LUAT_72, LUAT_TDKT, ND_152, QD_86,
        "Xét đề nghị của Trưởng phòng Văn hóa - Xã hội tại Tờ trình số 08/TTr-VHXH ngày 16/3/2026 và đề nghị của "
        "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường tại Tờ trình số 12/TTr-VP ngày 20/3/2026."]
    assert ("Điều 2. Tiền thưởng kèm theo cho mỗi tập thể là 1.410.000 đồng, mỗi cá nhân là 710.000 đồng, mỗi hộ "
            "gia đình là 1.070.000 đồng; tổng số tiền: 3.190.000 đồng (Bằng chữ: Ba triệu một trăm chín mươi nghìn "
            "đồng), trích từ Quỹ thi đua, khen thưởng của Ủy ban nhân dân phường Kinh Bắc năm 2026.") in found
    assert found[found.index("Nơi nhận:"):found.index("DANH SÁCH")] == [
        "Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các Phó Chủ tịch UBND phường;", "- Lưu: VT, VP.",
        "CHỦ TỊCH", "Nguyễn Văn Khánh"]
    assert "1. Hộ gia đình bà Nguyễn Thị Lan, Tổ dân phố số 5, phường Kinh Bắc." in found


def test_phuong_plan_on_the_neutral_template(built):
    found = blocks(built["phuong"], "ke-hoach-tdkt-2026.docx")
    assert found[:8] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG KINH BẮC", *QUOC_HIEU, "Số: /KH-UBND",
                         "Kinh Bắc, ngày tháng năm 2026", "KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2026"]
    assert [b for b in found if b.startswith("Căn cứ")] == [
        LUAT_72, LUAT_TDKT,
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh "
        "vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03/12/2025 của Ủy ban nhân dân tỉnh ban hành Quy định về công tác "
        "thi đua, khen thưởng tỉnh Bắc Ninh;"]
    assert "(Kèm theo Kế hoạch số /KH-UBND, ngày tháng năm 2026 của UBND phường Kinh Bắc)" in found
    assert found[found.index("- Lưu: VT, VP.") + 1:][:3] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Khánh"]
    assert not (KINH_BAC.parent / "mau").exists()


# Workbooks changed as a secretary would: a copy of a sample, cells found by their header.

def _copy(sample: Path, tmp_path: Path) -> Path:
    target = tmp_path / sample.name
    shutil.copyfile(sample, target)
    return target


def _column(ws, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def _set_row(path: Path, sheet: str, row: int, values: dict[str, object]) -> None:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for header, value in values.items():
        ws.cell(row, _column(ws, header), value)
    book.save(path)


@pytest.mark.parametrize("sample, row, values, expected", [
    (SO_GDDT, 2, {"Hình thức khen thưởng": "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
     'Lỗi: trang "Đề nghị khen thưởng", ô L2 (cột "Hình thức khen thưởng"): "Bằng khen của Chủ tịch Ủy ban nhân dân '
     'tỉnh" không thuộc thẩm quyền của Giám đốc Sở Giáo dục và Đào tạo (sở, ban, ngành): hình thức này do cấp tỉnh '
     "quyết định (Luật Thi đua, khen thưởng 2022 Điều 79"),
    (DONG_NAI, 3, {"Loại": "Hộ gia đình", "Ông/Bà": "Ông", "Họ tên / Tên tập thể": "Nguyễn Văn Phước",
                   "Chức vụ": None, "Đơn vị công tác": "tỉnh Đồng Nai", "Hình thức khen thưởng": "Gia đình văn hóa"},
     'Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): "Gia đình văn hóa" không thuộc thẩm '
     "quyền của Chủ tịch UBND tỉnh Đồng Nai (cấp tỉnh): hình thức này do cấp xã quyết định (Luật Thi đua, khen "
     "thưởng 2022 Điều 80 khoản 3"),
])
def test_form_outside_the_issuers_authority_is_refused(tmp_path, sample, row, values, expected):
    book = _copy(sample, tmp_path)
    _set_row(book, "Đề nghị khen thưởng", row, values)
    checked = run_tdkt("check", book)
    assert checked.returncode == 1
    assert expected in checked.stdout
    built = run_tdkt("build", book, "-o", tmp_path / "out")
    assert built.returncode == 1
    assert list((tmp_path / "out").rglob("*.docx")) == []


PROFILE_ROWS = {
    "Cấp ban hành": "Cấp tỉnh", "Chức danh thủ trưởng": "Chủ tịch",
    "Thẩm quyền ban hành": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI",
    "Đề nghị của (cơ quan thẩm định)": "Giám đốc Sở Nội vụ",
    "Người thi hành (Điều 3)": "Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ; Giám đốc Sở Tài chính",
    "Quỹ chi thưởng (Điều 2)": "Quỹ thi đua, khen thưởng của tỉnh", "Nơi lưu quyết định": "VT, NC",
    "Danh hiệu thi đua: tặng hay công nhận": "tặng",
}


def test_an_earlier_workbook_builds_and_names_each_missing_row(tmp_path):
    book = _copy(DONG_NAI, tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb["Cơ quan"]
    for row in sorted((c.row for c in ws["A"] if c.value in PROFILE_ROWS), reverse=True):
        ws.delete_rows(row)
    del wb["Căn cứ quyết định"]
    wb.save(book)

    checked = run_tdkt("check", book)
    assert checked.returncode == 0
    for header, used in PROFILE_ROWS.items():
        assert (f'Cảnh báo: trang "Cơ quan", cột "{header}": chưa có dòng "{header}" (thêm ở cột A, giá trị ở cột B; '
                f'sổ do tdkt init tạo đã có sẵn): đang dùng "{used}"') in checked.stdout, header
    assert 'Cảnh báo: trang "Căn cứ quyết định": sổ chưa có trang "Căn cứ quyết định"' in checked.stdout
    assert "0 lỗi, 9 cảnh báo." in checked.stdout

    out = tmp_path / "out"
    assert run_tdkt("build", book, "-o", out).returncode == 0
    found = blocks(out, "quy-i-2026/qd-02-bang-khen-tinh-cong-an-tinh.docx")
    assert found[found.index("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh") + 1:][:4] == [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", LUAT_72, LUAT_TDKT, ND_152]
    assert any(b.startswith("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài "
                            "chính, Giám đốc Công an tỉnh và") for b in found)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def test_a_fourth_body_needs_only_its_workbook(tmp_path):
    program = _tree_digest(ROOT / "tdkt_docs")
    book = tmp_path / "so-lieu.xlsx"
    assert run_tdkt("init", "--cap", "xa", book).returncode == 0

    wb = openpyxl.load_workbook(book)
    agency = wb["Cơ quan"]
    rows = {c.value: c.row for c in agency["A"]}
    for header, value in {"Tên cơ quan ban hành (dòng 1)": "ỦY BAN NHÂN DÂN",
                          "Tên cơ quan ban hành (dòng 2)": "XÃ LỤC NGẠN",
                          "Tên cơ quan viết gọn": "UBND xã Lục Ngạn", "Chữ viết tắt trong ký hiệu": "UBND",
                          "Địa danh": "Lục Ngạn"}.items():
        agency.cell(rows[header], 2, value)
    basis = wb["Căn cứ quyết định"]
    assert basis["A2"].value.startswith("Căn cứ Quyết định số …/…/QĐ-UBND ngày …")
    basis["A2"] = QD_86
    wb.save(book)
    _set_row(book, "Đợt khen thưởng", 2, {
        "Đợt": "Quý I/2026", "Loại đợt": "Theo quý", "Quý": "Quý I", "Ngày ký dự kiến": dt.datetime(2026, 3, 26),
        "Chức vụ người ký": "CHỦ TỊCH", "Họ tên người ký": "Hoàng Văn Thành", "Số tờ trình thẩm định": "07/TTr-VP",
        "Ngày tờ trình thẩm định": dt.datetime(2026, 3, 19), "Nơi lưu": None})
    vai = "Đã có thành tích xuất sắc trong phát triển vùng trồng vải thiều năm 2025"
    for row, (address, name) in enumerate((("Ông", "Vi Văn Hùng"), ("Bà", "Giáp Thị Nga")), start=2):
        _set_row(book, "Đề nghị khen thưởng", row, {
            "Đợt": "Quý I/2026", "Đơn vị trình": "Phòng Kinh tế", "Thủ trưởng đơn vị trình": "Trưởng phòng Kinh tế",
            "Số tờ trình": "03/TTr-PKT", "Ngày tờ trình": dt.datetime(2026, 3, 12), "Loại": "Cá nhân",
            "Ông/Bà": address, "Họ tên / Tên tập thể": name, "Chức vụ": "Công chức Phòng Kinh tế",
            "Đơn vị công tác": "UBND xã Lục Ngạn", "Hình thức khen thưởng": "Giấy khen", "Thành tích": vai,
            "Kết quả thẩm định": "Đạt"})

    out = tmp_path / "out"
    assert run_tdkt("build", book, "-o", out).returncode == 0
    found = blocks(out, "quy-i-2026/qd-01-giay-khen-phong-kinh-te.docx")
    assert found[:6] == ["ỦY BAN NHÂN DÂN", "XÃ LỤC NGẠN", *QUOC_HIEU, "Số: /QĐ-UBND",
                         "Lục Ngạn, ngày tháng năm 2026"]
    authority = found.index("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LỤC NGẠN")
    assert found[authority - 1] == "Về việc tặng Giấy khen"
    assert found[authority + 1:authority + 5] == [LUAT_72, LUAT_TDKT, ND_152, QD_86]
    assert ("Điều 1. Tặng Giấy khen cho 02 cá nhân (có danh sách kèm theo), đã có thành tích xuất sắc trong phát "
            "triển vùng trồng vải thiều năm 2025.") in found
    assert any(b.endswith("trích từ Quỹ thi đua, khen thưởng của UBND xã Lục Ngạn năm 2026.") for b in found)
    assert "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2026 của Chủ tịch UBND xã Lục Ngạn)" in found
    assert not (tmp_path / "mau").exists()
    assert _tree_digest(ROOT / "tdkt_docs") == program


def test_a_2026_plan_citing_nd_98_is_warned_at_its_cell(tmp_path, settings):
    book = _copy(KINH_BAC, tmp_path)
    wb = openpyxl.load_workbook(book)
    ws = wb["Căn cứ"]
    ws.insert_rows(4)
    ws["A4"] = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành một số "
                "điều của Luật Thi đua, khen thưởng")
    wb.save(book)
    found = [p for p in prepare(book, settings).problems if p.code == "ke_hoach.can_cu_het_hieu_luc"]
    assert [(p.severity, p.location.sheet, p.location.cell) for p in found] == [(Severity.WARNING, "Căn cứ", "A4")]
    assert "98/2023/NĐ-CP" in found[0].message and "2026" in found[0].message


# Names as typed: ranks, households, a workplace repeated in the position.

@pytest.fixture(scope="module")
def names_built(tmp_path_factory, settings, rules):
    from tdkt_docs.read.blank import write_filled_workbook

    content = decisions()
    content["nominations"] += [
        person("Thượng tá Lê Hoàng Phúc", address="Ông", position="Trưởng phòng Cảnh sát giao thông",
               workplace="Công an tỉnh"),
        person("Thượng tá Nguyễn Văn Lực", address="", rank="Thượng tá", position="Phó Trưởng phòng Cảnh sát "
               "giao thông", workplace="Công an tỉnh"),
        {**person("Hộ ông Lý Văn Tư"), "kind": "Hộ gia đình", "position": "", "workplace": "thôn Đông, xã Tiên Du"},
        person("Phạm Minh Khoa", position="Phó Giám đốc Sở Y tế", workplace="Sở Y tế"),
    ]
    folder = tmp_path_factory.mktemp("names")
    book = folder / "so-lieu.xlsx"
    write_filled_workbook(book, content, rules)
    out = folder / "out"
    result = build(book, out, settings)
    return result, blocks(out, "quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx")


def test_a_rank_typed_with_the_name_replaces_ong_ba(names_built):
    result, found = names_built
    assert "2. Thượng tá Lê Hoàng Phúc, Trưởng phòng Cảnh sát giao thông, Công an tỉnh;" in found
    assert "3. Thượng tá Nguyễn Văn Lực, Phó Trưởng phòng Cảnh sát giao thông, Công an tỉnh;" in found
    assert not any("Ông Thượng tá" in b or "tá Thượng tá" in b for b in found)
    assert [p for p in result.problems if p.code in ("ten.chu_hoa", "ca_nhan.ong_ba")] == []


def test_a_household_typed_with_ho_is_not_doubled(names_built):
    _, found = names_built
    assert "1. Hộ ông Lý Văn Tư, thôn Đông, xã Tiên Du." in found
    assert not any("Hộ gia đình ông Hộ" in b or "Hộ gia đình Hộ" in b for b in found)


def test_a_workplace_repeated_in_the_position_is_warned(names_built):
    result, found = names_built
    repeated = [p for p in result.problems if p.code == "don_vi.lap"]
    assert [(p.severity, p.location.sheet, p.location.column) for p in repeated] == [
        (Severity.WARNING, "Đề nghị khen thưởng", "Đơn vị công tác")]
    assert '"Sở Y tế" đã có ở cuối chức vụ "Phó Giám đốc Sở Y tế"' in repeated[0].message
    assert repeated[0].location.cell == "K7"
