import pytest

from tdkt_docs.check.findings import ERROR, WARNING, finding
from support.documents import check, decision_document, find, plan_document, retext

FORM = ('"Phụ lục" và số La Mã trên một dòng riêng, chữ in thường (ví dụ "Phụ lục I"); '
        "tên phụ lục in hoa ở dòng dưới")


@pytest.mark.parametrize("typed", ["PHỤ LỤC", "Phụ lục 1", "Phụ lục thực hiện nhiệm vụ năm 2024"])
def test_heading_form_is_a_warning(tmp_path, typed):
    doc = plan_document()
    retext(find(doc, "Phụ lục"), typed)
    assert check(doc, tmp_path) == [
        finding("phu_luc.tieu_de", WARNING, f'đoạn "{typed}"', FORM, f'"{typed}"')]


def test_house_style_heading_joined_with_its_title_in_capitals_is_accepted(tmp_path):
    doc = plan_document()
    retext(find(doc, "Phụ lục"), "PHỤ LỤC THỰC HIỆN NHIỆM VỤ NĂM 2024")
    assert [f for f in check(doc, tmp_path) if f.code == "phu_luc.tieu_de"] == []


def test_roman_numbered_heading_is_accepted(tmp_path):
    doc = plan_document()
    retext(find(doc, "Phụ lục"), "Phụ lục II")
    assert check(doc, tmp_path) == []


def test_heading_not_bold(tmp_path):
    doc = plan_document()
    find(doc, "Phụ lục").runs[0].bold = False
    assert check(doc, tmp_path) == [
        finding("phu_luc.dam", ERROR, 'đoạn "Phụ lục"', '"Phụ lục" in đậm', "chữ không in đậm")]


def test_title_not_upper_case(tmp_path):
    doc = plan_document()
    retext(find(doc, "NHIỆM VỤ CÔNG TÁC"), "Nhiệm vụ công tác thi đua năm 2024")
    assert check(doc, tmp_path) == [
        finding("phu_luc.ten", ERROR, 'đoạn "Nhiệm vụ công tác thi đua năm 2024"',
                "tên phụ lục in hoa, đậm", "chữ không in hoa")]


def test_missing_kem_theo_line(tmp_path):
    doc = decision_document()
    retext(find(doc, "(Kèm theo"), "Danh sách gồm 02 tập thể")
    assert check(doc, tmp_path) == [
        finding("phu_luc.kem_theo", WARNING, 'đoạn "DANH SÁCH"',
                'dòng "(Kèm theo … số … ngày … của …)" dưới tên phụ lục', "không có")]


def test_kem_theo_not_italic(tmp_path):
    doc = plan_document()
    para = find(doc, "(Kèm theo")
    para.runs[0].italic = False
    assert check(doc, tmp_path) == [
        finding("phu_luc.kem_theo_nghieng", WARNING,
                'đoạn "(Kèm theo Kế hoạch số /KH-UBND n … nh Bắc Ninh)"',
                'dòng "(Kèm theo …)" in nghiêng', "chữ không in nghiêng")]
