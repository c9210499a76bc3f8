import pytest

from tdkt_docs.check.findings import ERROR, finding
from support.documents import check, decision_document, find, plan_document, retext

LAST_LINE = 'dòng cuối trước "QUYẾT ĐỊNH:" kết thúc bằng dấu chấm (.)'


def test_ten_loai_in_lower_case(tmp_path):
    doc = plan_document()
    retext(find(doc, "KẾ HOẠCH"), "Kế hoạch")
    assert check(doc, tmp_path) == [
        finding("ten_loai.in_hoa", ERROR, 'đoạn "Kế hoạch"', 'tên loại in hoa: "KẾ HOẠCH"', '"Kế hoạch"')]


def test_ten_loai_not_bold(tmp_path):
    doc = decision_document()
    find(doc, "QUYẾT ĐỊNH").runs[0].bold = False
    assert check(doc, tmp_path) == [
        finding("ten_loai.dam", ERROR, 'đoạn "QUYẾT ĐỊNH"', "tên loại in đậm", "chữ không in đậm")]


def test_decision_basis_line_must_end_with_semicolon(tmp_path):
    doc = decision_document()
    text = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022,"
    retext(find(doc, "Căn cứ Luật Thi đua"), text)
    assert check(doc, tmp_path) == [
        finding("can_cu.ket_thuc", ERROR, 'đoạn "Căn cứ Luật Thi đua, khen thưởng … 6 năm 2022,"',
                "dòng căn cứ kết thúc bằng dấu chấm phẩy (;)", 'kết thúc bằng ","')]


@pytest.mark.parametrize("ending", [";", ","])
def test_decision_last_line_before_quyet_dinh_ends_with_full_stop(tmp_path, ending):
    doc = decision_document()
    retext(find(doc, "Theo đề nghị"), f"Xét đề nghị của Giám đốc Sở Nội vụ{ending}")
    assert check(doc, tmp_path) == [
        finding("can_cu.ket_thuc", ERROR, f'đoạn "Xét đề nghị của Giám đốc Sở Nội vụ{ending}"',
                LAST_LINE, f'kết thúc bằng "{ending}"')]


def test_decision_without_quyet_dinh_line(tmp_path):
    doc = decision_document()
    retext(find(doc, "QUYẾT ĐỊNH:"), "Quyết định các điều sau đây")
    assert check(doc, tmp_path) == [
        finding("quyet_dinh.thieu", ERROR, 'đoạn "QUYẾT ĐỊNH"',
                'dòng "QUYẾT ĐỊNH:" (in hoa, đậm, có dấu hai chấm) trước Điều 1', "không có")]


def test_quyet_dinh_line_without_colon(tmp_path):
    doc = decision_document()
    retext(find(doc, "QUYẾT ĐỊNH:"), "QUYẾT ĐỊNH")
    assert check(doc, tmp_path) == [
        finding("quyet_dinh.dinh_dang", ERROR, 'đoạn "QUYẾT ĐỊNH"', '"QUYẾT ĐỊNH:"', '"QUYẾT ĐỊNH"')]


def test_plan_basis_followed_by_a_sentence_ends_with_semicolon(tmp_path):
    doc = plan_document()
    retext(find(doc, "Căn cứ Luật"), "Căn cứ Luật Thi đua, khen thưởng năm 2022.")
    assert check(doc, tmp_path) == [
        finding("can_cu.ket_thuc", ERROR, 'đoạn "Căn cứ Luật Thi đua, khen thưởng năm 2022."',
                "dòng căn cứ có câu văn tiếp theo kết thúc bằng dấu chấm phẩy (;)", 'kết thúc bằng "."')]


def test_plan_basis_that_is_the_opening_sentence_may_end_with_colon(tmp_path):
    doc = plan_document()
    retext(find(doc, "Căn cứ Nghị định"),
           "Căn cứ Nghị định số 98/2023/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    retext(find(doc, "Để công tác"), "Kế hoạch gồm các nội dung sau.")
    assert check(doc, tmp_path) == []
