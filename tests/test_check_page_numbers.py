from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tdkt_docs.check.findings import ERROR, WARNING, finding
from support.documents import check, page_field, plan_document

HEADER = 'đầu trang mục (section) 1, đoạn "2"'


def _number_para(doc):
    return doc.sections[0].header.paragraphs[0]


def test_page_number_not_centred(tmp_path):
    doc = plan_document()
    _number_para(doc).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    assert check(doc, tmp_path) == [
        finding("so_trang.canh_giua", ERROR, HEADER, "số trang canh giữa", "căn phải")]


def test_first_page_shows_a_number_without_different_first_page(tmp_path):
    doc = plan_document()
    doc.sections[0].different_first_page_header_footer = False
    assert check(doc, tmp_path) == [
        finding("so_trang.trang_dau", ERROR, "mục (section) 1",
                "không hiển thị số trang ở trang thứ nhất (đầu trang riêng cho trang đầu, để trống)",
                "trang thứ nhất có số trang")]


def test_first_page_header_with_a_number(tmp_path):
    doc = plan_document()
    first = doc.sections[0].first_page_header.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(first)
    assert [f.code for f in check(doc, tmp_path)] == ["so_trang.trang_dau"]


def test_no_page_numbers_is_a_warning(tmp_path):
    doc = plan_document()
    para = _number_para(doc)
    for field in para._p.findall(qn("w:fldSimple")):
        para._p.remove(field)
    assert check(doc, tmp_path) == [
        finding("so_trang.thieu", WARNING, "đầu trang",
                "số trang canh giữa trong phần lề trên, từ trang thứ hai (văn bản một trang không cần)",
                "không có số trang")]


def test_page_number_in_the_footer(tmp_path):
    doc = plan_document()
    para = _number_para(doc)
    for field in para._p.findall(qn("w:fldSimple")):
        para._p.remove(field)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(footer)
    assert check(doc, tmp_path) == [
        finding("so_trang.vi_tri", ERROR, 'chân trang mục (section) 1, đoạn "2"',
                "số trang đặt trong phần lề trên (đầu trang)", "số trang ở chân trang")]


def test_page_number_size(tmp_path):
    doc = plan_document()
    para = _number_para(doc)
    for field in para._p.findall(qn("w:fldSimple")):
        para._p.remove(field)
    page_field(para, size=11)
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, HEADER, "số trang: cỡ chữ 13–14 pt", "cỡ chữ 11 pt (định dạng trực tiếp)")]


def test_complex_page_field_is_recognised(tmp_path):
    doc = plan_document()
    para = _number_para(doc)
    for field in para._p.findall(qn("w:fldSimple")):
        para._p.remove(field)
    for kind, instr in (("begin", None), (None, " PAGE \\* MERGEFORMAT "), ("separate", None),
                        (None, None), ("end", None)):
        run = para.add_run()
        run.font.size = Pt(14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif instr:
            code = OxmlElement("w:instrText")
            code.text = instr
            run._r.append(code)
        else:
            run.text = "2"
    assert check(doc, tmp_path) == []
