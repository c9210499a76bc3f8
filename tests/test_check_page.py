from docx.shared import Mm

from tdkt_docs.check.findings import ERROR, WARNING, finding
from support.documents import a4, check, plan_document


def test_letter_paper_is_reported(tmp_path):
    doc = plan_document()
    doc.sections[0].page_width, doc.sections[0].page_height = Mm(215.9), Mm(279.4)
    assert check(doc, tmp_path) == [
        finding("trang.kho_giay", ERROR, "mục (section) 1", "khổ A4 (210 × 297 mm)", "215,9 × 279,4 mm")]


def test_landscape_first_section_is_a_warning(tmp_path):
    doc = plan_document()
    a4(doc.sections[0], landscape=True)
    assert check(doc, tmp_path) == [
        finding("trang.huong", WARNING, "mục (section) 1",
                "trang đầu văn bản trình bày theo chiều dài khổ A4 (khổ đứng); bảng rộng đặt ở phụ lục khổ ngang",
                "khổ ngang")]


def test_each_margin_out_of_range_is_reported(tmp_path):
    doc = plan_document()
    section = doc.sections[1]
    section.top_margin, section.bottom_margin = Mm(15), Mm(26)
    section.left_margin, section.right_margin = Mm(25), Mm(21)
    assert check(doc, tmp_path) == [
        finding("trang.le_tren", ERROR, "mục (section) 2", "lề trên 20–25 mm", "lề trên 15 mm"),
        finding("trang.le_duoi", ERROR, "mục (section) 2", "lề dưới 20–25 mm", "lề dưới 26 mm"),
        finding("trang.le_trai", ERROR, "mục (section) 2", "lề trái 30–35 mm", "lề trái 25 mm"),
        finding("trang.le_phai", ERROR, "mục (section) 2", "lề phải 15–20 mm", "lề phải 21 mm"),
    ]


def test_margins_tolerate_half_a_millimetre_of_rounding(tmp_path):
    doc = plan_document()
    doc.sections[0].left_margin, doc.sections[0].right_margin = Mm(29.6), Mm(20.4)
    assert check(doc, tmp_path) == []
