import pytest

from tdkt_docs.check.findings import ERROR, finding
from support.documents import check, find, plan_document, retext

CELL = "bảng 2, ô (1, 1), "


def test_label_without_colon(tmp_path):
    doc = plan_document()
    retext(find(doc, "Nơi nhận"), "Nơi nhận")
    assert check(doc, tmp_path) == [
        finding("noi_nhan.nhan", ERROR, CELL + 'đoạn "Nơi nhận"', '"Nơi nhận:"', '"Nơi nhận"')]


@pytest.mark.parametrize("bold, italic, found", [
    (True, False, "chữ không in nghiêng"),
    (False, True, "chữ không in đậm"),
    (False, False, "chữ không in đậm và không nghiêng"),
])
def test_label_bold_italic(tmp_path, bold, italic, found):
    doc = plan_document()
    run = find(doc, "Nơi nhận").runs[0]
    run.bold, run.italic = bold, italic
    assert check(doc, tmp_path) == [
        finding("noi_nhan.dinh_dang", ERROR, CELL + 'đoạn "Nơi nhận:"', '"Nơi nhận:" in đậm, nghiêng', found)]


def test_line_starting_with_en_dash(tmp_path):
    doc = plan_document()
    retext(find(doc, "- Các sở"), "– Các sở, ban, ngành thuộc tỉnh;")
    assert check(doc, tmp_path) == [
        finding("noi_nhan.dong", ERROR, CELL + 'đoạn "– Các sở, ban, ngành thuộc tỉnh;"',
                'dòng bắt đầu bằng "- " (gạch nối và dấu cách)', 'bắt đầu bằng "– "')]


def test_line_without_semicolon(tmp_path):
    doc = plan_document()
    retext(find(doc, "- Các sở"), "- Các sở, ban, ngành thuộc tỉnh")
    assert check(doc, tmp_path) == [
        finding("noi_nhan.dong", ERROR, CELL + 'đoạn "- Các sở, ban, ngành thuộc tỉnh"',
                "dòng kết thúc bằng dấu chấm phẩy (;)", 'kết thúc bằng "h"')]


@pytest.mark.parametrize("last", ["- Lưu: VT, NC;", "- Lưu VT."])
def test_last_line_is_luu_with_full_stop(tmp_path, last):
    doc = plan_document()
    retext(find(doc, "- Lưu"), last)
    assert check(doc, tmp_path) == [
        finding("noi_nhan.luu", ERROR, CELL + f'đoạn "{last}"',
                'dòng cuối "- Lưu: …" kết thúc bằng dấu chấm (.)', f'"{last}"')]


def test_list_typed_with_line_breaks_in_one_paragraph(tmp_path):
    doc = plan_document()
    first = find(doc, "- Ban TĐKT")
    retext(first, "- Ban TĐKT Trung ương (để b/c);\n- Các sở, ban, ngành thuộc tỉnh\n- Lưu: VT, NC.")
    for start in ("- Các sở", "- Lưu"):
        para = next(p for p in doc.tables[1].cell(0, 0).paragraphs if p.text.startswith(start)
                    and p._p is not first._p)
        para._p.getparent().remove(para._p)
    assert check(doc, tmp_path) == [
        finding("noi_nhan.dong", ERROR, CELL + 'dòng "- Các sở, ban, ngành thuộc tỉnh"',
                "dòng kết thúc bằng dấu chấm phẩy (;)", 'kết thúc bằng "h"')]
