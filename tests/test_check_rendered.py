"""The checker on a Kế hoạch rendered from the Bắc Ninh office's ke-hoach.docx and from the neutral built-in one
(context as in templates/README.md)."""
from pathlib import Path

import jinja2
import pytest
from docxtpl import DocxTemplate

from tdkt_docs.check.document import check_document

from helpers import SAMPLE_2024, TEMPLATES
from support.documents import BOOK

BAC_NINH = SAMPLE_2024.parent / "mau" / "ke-hoach.docx"
BUILT_IN = TEMPLATES / "ke-hoach.docx"
BOTH = pytest.mark.parametrize("template", [BAC_NINH, BUILT_IN], ids=["bac_ninh", "built_in"])
# The template follows the Bắc Ninh house form "PHỤ LỤC <TÊN>" (a practice the decree's
# "Phụ lục I" form disagrees with): a warning, never an error.
def _context(**changes) -> dict:
    context = dict(
        co_quan_chu_quan="", co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
        co_quan_viet_gon="UBND tỉnh Bắc Ninh", so_ky_hieu="      /KH-UBND", dia_danh="Bắc Ninh",
        ngay_ban_hanh="ngày      tháng 01 năm 2024", nam=2024, nam_truoc=2023, nam_sau=2025,
        ky_niem={key: dict(so_nam=years, tu=start, den=end, nam_goc=origin, ten=name)
                 for key, years, start, end, origin, name in [
                     ("thanh_lap_dang", 94, "03/02/1930", "03/02/2024", 1930, "Ngày thành lập Đảng Cộng sản Việt Nam"),
                     ("sinh_nhat_bac", 134, "19/5/1890", "19/5/2024", 1890, "Ngày sinh Chủ tịch Hồ Chí Minh"),
                     ("loi_keu_goi_thi_dua", 76, "11/6/1948", "11/6/2024", 1948,
                      "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc"),
                     ("cach_mang_thang_tam", 79, "02/9/1945", "02/9/2024", 1945,
                      "Cách mạng Tháng Tám và Quốc khánh 02/9")]},
        can_cu=["Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;",
                "Căn cứ Luật Thi đua, khen thưởng năm 2022;"],
        phu_luc=dict(quy=[dict(so_la_ma="I", ten="Quý I", nhiem_vu=[dict(
            stt=1, noi_dung=["Xây dựng Kế hoạch công tác thi đua, khen thưởng & <kiểm tra>"],
            don_vi_chi_dao=["UBND tỉnh"], don_vi_thuc_hien=["- Sở Nội vụ;", "- Các huyện."],
            don_vi_phoi_hop=[], ghi_chu=[])])]),
        noi_nhan=["- Ban TĐKT Trung ương (để b/c);", "- Các Sở, ban, ngành, đoàn thể tỉnh;",
                  "- Lưu: VT, NC, CVP."],
        chu_ky=dict(tham_quyen=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                    ho_ten="Nguyễn Hương Giang"),
    )
    context.update(changes)
    return context


def _render(tmp_path: Path, context: dict, path: Path = BAC_NINH) -> Path:
    template = DocxTemplate(str(path))
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    template.render(context, jinja_env=env, autoescape=True)
    path = tmp_path / "ke-hoach.docx"
    template.save(str(path))
    return path


@pytest.mark.parametrize("changes", [
    {},
    {"so_ky_hieu": "05/KH-UBND", "ngay_ban_hanh": "ngày 09 tháng 3 năm 2024"},
    {"co_quan_chu_quan": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "co_quan_ban_hanh": ["SỞ NỘI VỤ"],
     "so_ky_hieu": "15/KH-SNV"},
    {"chu_ky": {"tham_quyen": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": "Nguyễn Văn An"}},
])
@BOTH
def test_rendered_plan_has_no_errors(tmp_path, changes, template):
    findings = check_document(_render(tmp_path, _context(**changes), template), BOOK)
    assert findings == []


@BOTH
def test_rendered_plan_without_appendix_has_no_findings(tmp_path, template):
    assert check_document(_render(tmp_path, _context(phu_luc=None), template), BOOK) == []


@BOTH
def test_checker_catches_a_bad_value_in_a_rendered_plan(tmp_path, template):
    findings = check_document(_render(tmp_path, _context(ngay_ban_hanh="ngày 5 tháng 03 năm 2024"), template), BOOK)
    assert [(f.code, f.found) for f in findings if f.code.startswith("ngay_thang")] == [
        ("ngay_thang.so_0", 'ngày "5", tháng "03"')]
