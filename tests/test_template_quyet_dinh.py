"""The Quyết định khen thưởng template: rendered by the project's renderer, checked for text and NĐ 30 format."""
from __future__ import annotations

import io
import re
from functools import partial

import docx
import jinja2
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from tdkt_docs.check.document import check_document
from tdkt_docs.check.template import lint_template
from tdkt_docs.documents.quyet_dinh import DOCUMENT
from tdkt_docs.errors import UserError
from tdkt_docs.render.docx import CompiledTemplate

from helpers import TEMPLATES, resolved, style_chain
from support.documents import BOOK, check_docx

TEMPLATE = TEMPLATES / DOCUMENT.template
TRICH_YEU = "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
THAM_QUYEN = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
LITERAL = "Tổ A & B <C> “D” {{ x }} {% if %}"


# --- sample context (shaped as documents/quyet_dinh.py gives it) ---------------------

def nhom(so_la_ma: str, loai: str, so_luong: str) -> dict:
    return {"kieu": "nhom", "so_la_ma": so_la_ma, "loai": loai, "so_luong": so_luong}


def thanh_tich(text: str) -> dict:
    return {"kieu": "thanh_tich", "noi_dung": text}


def muc(stt: int, text: str, cuoi: bool = False) -> dict:
    return {"kieu": "muc", "stt": stt, "noi_dung": text, "cuoi": cuoi}


CAN_CU = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh ban hành "
    "Quy chế về công tác thi đua, khen thưởng của tỉnh Bắc Ninh;",
]
KHEN_THUONG = {"dong_tu": "tặng", "hinh_thuc": BANG_KHEN}
XET_DE_NGHI = [
    {"thu_truong": "Giám đốc Sở Giáo dục và Đào tạo", "to_trinh": [{"so": "215/TTr-SGDĐT", "ngay": "02/12/2024"}]},
    {"thu_truong": "Giám đốc Sở Nội vụ", "to_trinh": [{"so": "540/TTr-SNV", "ngay": "09/12/2024"}]},
]
XET = ("Xét đề nghị của Giám đốc Sở Giáo dục và Đào tạo tại Tờ trình số 215/TTr-SGDĐT ngày 02/12/2024 và đề "
       "nghị của Giám đốc Sở Nội vụ tại Tờ trình số 540/TTr-SNV ngày 09/12/2024.")
DIEU_1 = {"doi_tuong": "02 tập thể, 03 cá nhân và 01 hộ gia đình",
          "thanh_tich": "đã có thành tích xuất sắc trong công tác năm 2024"}
DIEU_2 = {"muc": [{"loai": "tập thể", "so_tien": "7.020.000"}, {"loai": "cá nhân", "so_tien": "3.510.000"},
                  {"loai": "hộ gia đình", "so_tien": "5.270.000"}], "rieng": [],
          "tong_tien": "29.840.000", "bang_chu": "Hai mươi chín triệu tám trăm bốn mươi nghìn đồng",
          "quy": "Quỹ thi đua, khen thưởng của tỉnh"}
DIEU_3 = {"so": 3, "thi_hanh": ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính",
                       "Giám đốc Sở Giáo dục và Đào tạo"],
          "doi_tuong": ["tập thể", "cá nhân", "hộ gia đình"]}
DIEU = [
    "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể, 03 cá nhân và 01 hộ gia đình "
    "(có danh sách kèm theo), đã có thành tích xuất sắc trong công tác năm 2024.",
    "Tiền thưởng kèm theo cho mỗi tập thể là 7.020.000 đồng, mỗi cá nhân là 3.510.000 đồng, mỗi hộ gia đình "
    "là 5.270.000 đồng; tổng số tiền: 29.840.000 đồng (Bằng chữ: Hai mươi chín triệu tám trăm bốn mươi nghìn "
    "đồng), trích từ Quỹ thi đua, khen thưởng của tỉnh năm 2024.",
    "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Giám đốc Sở Giáo dục "
    "và Đào tạo và các tập thể, cá nhân, hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
    "này./.",
]
# Each list line as the context gives it, and as the decision prints it.
DONG = [
    (nhom("I", "Tập thể", "02"), "I. TẬP THỂ (02)"),
    (muc(1, "Phòng Tổ chức cán bộ, Sở Nội vụ"), "1. Phòng Tổ chức cán bộ, Sở Nội vụ;"),
    (muc(2, "Trường Trung học phổ thông Hàn Thuyên, Sở Giáo dục và Đào tạo"),
     "2. Trường Trung học phổ thông Hàn Thuyên, Sở Giáo dục và Đào tạo;"),
    (nhom("II", "Cá nhân", "03"), "II. CÁ NHÂN (03)"),
    (thanh_tich("Đã có thành tích xuất sắc trong công tác năm 2024"),
     "Đã có thành tích xuất sắc trong công tác năm 2024:"),
    (muc(1, "Ông Nguyễn Văn An, Trưởng phòng Tổ chức cán bộ, Sở Nội vụ"),
     "1. Ông Nguyễn Văn An, Trưởng phòng Tổ chức cán bộ, Sở Nội vụ;"),
    (muc(2, "Bà Trần Thị Bình, Giáo viên Trường Tiểu học Suối Hoa, thành phố Bắc Ninh"),
     "2. Bà Trần Thị Bình, Giáo viên Trường Tiểu học Suối Hoa, thành phố Bắc Ninh;"),
    (thanh_tich("Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024"),
     "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm 2024:"),
    (muc(1, "Ông Lê Văn Cường, Chuyên viên Văn phòng Sở Nội vụ"),
     "1. Ông Lê Văn Cường, Chuyên viên Văn phòng Sở Nội vụ;"),
    (nhom("III", "Hộ gia đình", "01"), "III. HỘ GIA ĐÌNH (01)"),
    (muc(1, "Hộ ông Phạm Văn Dũng, thôn Đông, xã Tam Sơn, thị xã Từ Sơn", cuoi=True),
     "1. Hộ ông Phạm Văn Dũng, thôn Đông, xã Tam Sơn, thị xã Từ Sơn."),
]
TIEU_DE = "TẬP THỂ, CÁ NHÂN, HỘ GIA ĐÌNH ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
KEM_THEO = "(Kèm theo Quyết định số       /QĐ-UBND ngày      tháng 12 năm 2024 của Chủ tịch UBND tỉnh Bắc Ninh)"


def danh_sach(dong: list[dict], doi_tuong: tuple[str, ...] = ("TẬP THỂ", "CÁ NHÂN", "HỘ GIA ĐÌNH")) -> dict:
    return {"doi_tuong": list(doi_tuong), "ngay": "ngày      tháng 12 năm 2024", "cua": "Chủ tịch UBND tỉnh Bắc Ninh",
            "dong": dong}


def context(**changes) -> dict:
    ctx = {
        "co_quan_chu_quan": "",
        "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
        "co_quan_viet_gon": "UBND tỉnh Bắc Ninh",
        "so_ky_hieu": "      /QĐ-UBND",
        "dia_danh": "Bắc Ninh",
        "ngay_ban_hanh": "ngày      tháng 12 năm 2024",
        "nam": 2024,
        "tham_quyen_ban_hanh": THAM_QUYEN,
        "khen_thuong": KHEN_THUONG,
        "can_cu": CAN_CU,
        "xet_de_nghi": XET_DE_NGHI,
        "dieu_1": DIEU_1,
        "dieu_2": DIEU_2,
        "dieu_3": DIEU_3,
        "noi_nhan": ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC."],
        "chu_ky": {"tham_quyen": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "ho_ten": "Đào Quang Khải"},
        "danh_sach": danh_sach([line for line, _ in DONG]),
    }
    ctx.update(changes)
    return ctx


@pytest.fixture(scope="module")
def compiled() -> CompiledTemplate:
    return CompiledTemplate(TEMPLATE)


def render(compiled: CompiledTemplate, ctx: dict):
    return docx.Document(io.BytesIO(compiled.render(ctx)))


@pytest.fixture(scope="module")
def doc(compiled):
    return render(compiled, context())


# --- helpers -----------------------------------------------------------------------

def paragraph_format(paragraph, prop: str):
    """A paragraph property resolved through direct formatting and the style chain."""
    for fmt in (paragraph.paragraph_format, *(s.paragraph_format for s in style_chain(paragraph.style))):
        value = getattr(fmt, prop)
        if value is not None:
            return value
    return None


def all_paragraphs(document):
    """Body and table-cell paragraphs, in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        else:
            for cell in item._cells:
                yield from cell.paragraphs


def text_runs(document):
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if run.text.strip():
                yield paragraph, run


def body_texts(document) -> list[str]:
    """Non-empty body paragraphs (outside tables); "|" marks where a table sits."""
    texts = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            texts.append("|")
        elif item.text.strip():
            texts.append(item.text)
    return texts


def paragraph_with(document, text: str):
    return next(p for p in all_paragraphs(document) if p.text == text)


def fmt(document, text: str) -> tuple:
    """(size, bold, italic) of every run of the paragraph whose text is ``text``; must be uniform."""
    paragraph = paragraph_with(document, text)
    values = {(resolved(document, paragraph, r, "size"), bool(resolved(document, paragraph, r, "bold")),
               bool(resolved(document, paragraph, r, "italic"))) for r in paragraph.runs if r.text.strip()}
    assert len(values) == 1, (text, values)
    return values.pop()


def mm(length) -> float:
    return round(length / Mm(1), 1)


# --- text and order ------------------------------------------------------------------

def test_decision_paragraph_sequence(doc):
    entries = [text for _, text in DONG]
    assert body_texts(doc) == [
        "|",  # header table
        "QUYẾT ĐỊNH", TRICH_YEU, THAM_QUYEN, *CAN_CU, XET, "QUYẾT ĐỊNH:",
        *(f"Điều {n}. {text}" for n, text in enumerate(DIEU, start=1)),
        "|",  # Nơi nhận and signature
        "DANH SÁCH", TIEU_DE, KEM_THEO, *entries,
    ]


def test_header_number_and_date(compiled):
    document = render(compiled, context(so_ky_hieu="125/QĐ-UBND", ngay_ban_hanh="ngày 09 tháng 12 năm 2024"))
    left, right = document.tables[0].rows[1].cells
    assert left.text == "Số: 125/QĐ-UBND"
    assert right.text == "Bắc Ninh, ngày 09 tháng 12 năm 2024"
    assert fmt(document, "Bắc Ninh, ngày 09 tháng 12 năm 2024") == (14, False, True)
    assert [p.text for p in document.tables[0].rows[0].cells[0].paragraphs] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", ""]


def test_signature_block_with_deputy(doc):
    left, right = doc.tables[1].rows[0].cells
    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;",
                                                 "- Lưu: VT, NC."]
    assert [p.text for p in right.paragraphs] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đào Quang Khải"]
    assert fmt(doc, "Nơi nhận:") == (12, True, True)
    assert fmt(doc, "- Như Điều 3;") == (11, False, False)
    assert fmt(doc, "KT. CHỦ TỊCH") == (14, True, False)
    assert fmt(doc, "Đào Quang Khải") == (14, True, False)
    assert paragraph_format(paragraph_with(doc, "Đào Quang Khải"), "space_before") >= Pt(60)


def test_chairman_signs_alone(compiled):
    document = render(compiled, context(chu_ky={"tham_quyen": ["CHỦ TỊCH"], "ho_ten": "Nguyễn Hương Giang"}))
    assert [p.text for p in document.tables[1].rows[0].cells[1].paragraphs] == ["CHỦ TỊCH", "Nguyễn Hương Giang"]


# --- format of the decision ------------------------------------------------------------

def test_title_authority_and_decision_line(doc):
    assert fmt(doc, "QUYẾT ĐỊNH") == (14, True, False)
    assert fmt(doc, TRICH_YEU) == (14, True, False)
    assert fmt(doc, THAM_QUYEN) == (14, True, False)
    assert fmt(doc, "QUYẾT ĐỊNH:") == (14, True, False)
    for text in ("QUYẾT ĐỊNH", TRICH_YEU, THAM_QUYEN, "QUYẾT ĐỊNH:"):
        assert paragraph_format(paragraph_with(doc, text), "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    authority = paragraph_with(doc, THAM_QUYEN)
    assert paragraph_format(authority, "space_before") >= Pt(12)
    assert paragraph_format(authority, "space_after") >= Pt(12)
    decision_line = paragraph_with(doc, "QUYẾT ĐỊNH:")
    assert paragraph_format(decision_line, "space_before") >= Pt(6)
    assert paragraph_format(decision_line, "space_after") >= Pt(6)


def test_short_line_under_trich_yeu(doc):
    paragraphs = list(doc.paragraphs)
    index = next(i for i, p in enumerate(paragraphs) if p.text == TRICH_YEU)
    line = paragraphs[index + 1]
    assert line.text == ""
    border = next(s for s in style_chain(line.style) if s.element.pPr.find(qn("w:pBdr")) is not None)
    assert border.element.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "single"


def test_can_cu_lines_are_italic_and_indented_like_the_body(doc):
    for text in [*CAN_CU, XET]:
        assert fmt(doc, text) == (14, False, True)
        paragraph = paragraph_with(doc, text)
        assert abs(paragraph_format(paragraph, "first_line_indent") - Cm(1.27)) < Emu(400)
        assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_dieu_number_is_bold_and_text_upright(doc):
    for n, text in enumerate(DIEU, start=1):
        paragraph = paragraph_with(doc, f"Điều {n}. {text}")
        bold = "".join(r.text for r in paragraph.runs if resolved(doc, paragraph, r, "bold"))
        plain = "".join(r.text for r in paragraph.runs if not resolved(doc, paragraph, r, "bold"))
        assert bold.strip() == f"Điều {n}."
        assert plain.strip() == text
        assert not any(resolved(doc, paragraph, r, "italic") for r in paragraph.runs)
        assert {resolved(doc, paragraph, r, "size") for r in paragraph.runs} == {14}
        assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(paragraph_format(paragraph, "first_line_indent") - Cm(1.27)) < Emu(400)
        assert paragraph_format(paragraph, "space_before") == Pt(6)


def test_every_run_is_times_new_roman(doc):
    names = {resolved(doc, p, r, "name") for p, r in text_runs(doc)}
    assert names == {"Times New Roman"}


def test_page_is_a4_portrait_with_nd30_margins(doc):
    [section] = doc.sections
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [mm(m) for m in margins] == [20, 20, 30, 15]


def test_page_number_in_header_from_page_two(doc):
    [section] = doc.sections
    assert section._sectPr.find(qn("w:titlePg")) is not None
    header = section.header
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", header._element.xml)
    number = header.paragraphs[0]
    assert paragraph_format(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert resolved(doc, number, number.runs[-1], "size") == 14
    assert "PAGE" not in section.first_page_header._element.xml


# --- attached list ---------------------------------------------------------------------

def test_list_starts_on_a_new_page_through_its_style(doc):
    breaks = [p.text for p in doc.paragraphs if paragraph_format(p, "page_break_before")]
    assert breaks == ["DANH SÁCH"]
    heading = paragraph_with(doc, "DANH SÁCH")
    assert heading.paragraph_format.page_break_before is None  # carried by the style, not direct formatting
    assert '<w:br w:type="page"/>' not in doc.element.body.xml


def test_list_heading_lines(doc):
    assert fmt(doc, "DANH SÁCH") == (14, True, False)
    assert fmt(doc, TIEU_DE) == (14, True, False)
    assert fmt(doc, KEM_THEO) == (14, False, True)
    for text in ("DANH SÁCH", TIEU_DE, KEM_THEO):
        assert paragraph_format(paragraph_with(doc, text), "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    paragraphs = list(doc.paragraphs)
    line = paragraphs[[p.text for p in paragraphs].index(KEM_THEO) + 1]
    assert line.text == ""
    assert line.style.element.pPr.find(qn("w:pBdr")) is not None


def test_group_headings_bold_achievements_italic_entries_plain(doc):
    expected = {"nhom": (14, True, False), "thanh_tich": (14, False, True), "muc": (14, False, False)}
    for line, text in DONG:
        assert fmt(doc, text) == expected[line["kieu"]], text
    styles = {line["kieu"]: paragraph_with(doc, text).style.name for line, text in DONG}
    assert len(set(styles.values())) == 3  # each branch its own named style
    entry = paragraph_with(doc, DONG[1][1])
    assert paragraph_format(entry, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(paragraph_format(entry, "first_line_indent") - Cm(1.27)) < Emu(400)
    assert Pt(3) <= paragraph_format(entry, "space_before") <= Pt(6)


def test_list_of_one_group(compiled):
    dong = [nhom("I", "Cá nhân", "01"),
            muc(1, "Bà Ngô Thị Hoa, Kế toán Trường Mầm non Hoa Sen, phường Võ Cường", cuoi=True)]
    document = render(compiled, context(danh_sach=danh_sach(dong, ("CÁ NHÂN",))))
    assert body_texts(document)[-4:] == [
        "CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", KEM_THEO, "I. CÁ NHÂN (01)",
        "1. Bà Ngô Thị Hoa, Kế toán Trường Mầm non Hoa Sen, phường Võ Cường."]


# --- data safety and hygiene ------------------------------------------------------------

def xml_parts(document) -> list[str]:
    section = document.sections[0]
    return [document.element.xml, section.header._element.xml, section.first_page_header._element.xml]


def test_no_template_tags_left(doc):
    for xml in xml_parts(doc):
        assert "{{" not in xml and "{%" not in xml and "%}" not in xml and "}}" not in xml


def test_data_comes_out_literally(compiled):
    list_of = {**danh_sach([nhom("I", "Cá nhân", "01"), thanh_tich(LITERAL), muc(1, LITERAL, cuoi=True)]),
               "cua": LITERAL}
    document = render(compiled, context(
        tham_quyen_ban_hanh=LITERAL, khen_thuong={**KHEN_THUONG, "hinh_thuc": LITERAL},
        can_cu=[f"Căn cứ {LITERAL};"],
        xet_de_nghi=[XET_DE_NGHI[0], {**XET_DE_NGHI[1], "thu_truong": LITERAL}],
        danh_sach=list_of,
    ))
    texts = body_texts(document)
    assert f"Điều 1. Tặng {LITERAL} cho 02 tập thể, 03 cá nhân và 01 hộ gia đình (có danh sách kèm theo), " \
           "đã có thành tích xuất sắc trong công tác năm 2024." in texts
    assert f"Về việc tặng {LITERAL}" in texts
    assert LITERAL in texts and f"Căn cứ {LITERAL};" in texts
    assert f"{LITERAL}:" in texts and f"1. {LITERAL}." in texts
    assert any(t.startswith("Xét đề nghị") and f"và đề nghị của {LITERAL} tại" in t for t in texts)
    assert KEM_THEO.replace("Chủ tịch UBND tỉnh Bắc Ninh", LITERAL) in texts
    assert fmt(document, LITERAL) == (14, True, False)


def test_a_form_without_money_has_no_article_2_and_the_executors_article_becomes_2(compiled):
    document = render(compiled, context(dieu_2=None, dieu_3={**DIEU_3, "so": 2},
                                        noi_nhan=["- Như Điều 2;", "- Lưu: VT, NC."]))
    texts = body_texts(document)
    articles = [t for t in texts if t.startswith("Điều ")]
    assert articles == [f"Điều 1. {DIEU[0]}", f"Điều 2. {DIEU[2]}"]
    assert not [t for t in texts if "Tiền thưởng" in t]
    assert check_docx(compiled.render(context(dieu_2=None, dieu_3={**DIEU_3, "so": 2}))) == []


def test_a_title_recognised_by_the_issuer_says_cong_nhan(compiled):
    title = "danh hiệu “Lao động tiên tiến”"
    dong = [nhom("I", "Cá nhân", "01"), muc(1, "Ông Lê Văn Cường", cuoi=True)]
    document = render(compiled, context(khen_thuong={"dong_tu": "công nhận", "hinh_thuc": title},
                                        danh_sach=danh_sach(dong, ("CÁ NHÂN",))))
    texts = body_texts(document)
    assert "Về việc công nhận danh hiệu “Lao động tiên tiến”" in texts
    assert [t for t in texts if t.startswith("Điều 1.")] == [
        "Điều 1. Công nhận danh hiệu “Lao động tiên tiến” cho 02 tập thể, 03 cá nhân và 01 hộ gia đình (có danh "
        "sách kèm theo), đã có thành tích xuất sắc trong công tác năm 2024."]
    assert "CÁ NHÂN ĐƯỢC CÔNG NHẬN DANH HIỆU “LAO ĐỘNG TIÊN TIẾN”" in texts


def test_several_submissions_of_one_body_are_named_once(compiled):
    xet = [{"thu_truong": "Giám đốc Sở Nội vụ", "to_trinh": [{"so": "201/TTr-SNV", "ngay": "10/12/2024"},
                                                             {"so": "215/TTr-SNV", "ngay": "18/12/2024"}]}]
    texts = body_texts(render(compiled, context(xet_de_nghi=xet)))
    assert ("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 201/TTr-SNV ngày 10/12/2024, Tờ trình số "
            "215/TTr-SNV ngày 18/12/2024.") in texts


def test_missing_variable_is_a_user_error(compiled):
    ctx = context()
    del ctx["xet_de_nghi"]
    with pytest.raises(UserError, match="xet_de_nghi"):
        compiled.render(ctx)


def test_checker_finds_nothing(compiled):
    for signer in (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], ["CHỦ TỊCH"]):
        data = compiled.render(context(chu_ky={"tham_quyen": signer, "ho_ten": "Đào Quang Khải"}))
        assert check_docx(data) == []


def test_template_formats_through_styles_only():
    template = docx.Document(TEMPLATE)
    for paragraph in all_paragraphs(template):
        assert paragraph.style.name != "Normal" or not paragraph.text.strip(), paragraph.text
        assert paragraph._p.pPr is None or [c.tag for c in paragraph._p.pPr] == [qn("w:pStyle")], paragraph.text
        for run in paragraph.runs:
            r_pr = run._r.rPr
            assert r_pr is None or [child.tag for child in r_pr] == [qn("w:rStyle")], paragraph.text


def test_block_tags_stand_alone_and_tags_sit_in_one_run():
    template = docx.Document(TEMPLATE)
    for paragraph in all_paragraphs(template):
        for run in paragraph.runs:
            assert run.text.count("{{") == run.text.count("}}")
            assert run.text.count("{%") == run.text.count("%}")
        if "{%p" in paragraph.text:
            assert re.fullmatch(r"\{%p [^%]*%\}", paragraph.text), paragraph.text


# --- judged by what it produces ----------------------------------------------------------

def test_sample_context_is_what_the_decision_type_provides():
    assert set(context()) == set(DOCUMENT.variables)


def test_template_lints_clean_with_the_decision_variables():
    assert lint_template(TEMPLATE, DOCUMENT.variables) == []


def test_built_sample_decisions_pass_the_checker(sample_2024_built):
    decisions = sorted(sample_2024_built.glob("*/qd-*.docx"))
    assert len(decisions) == 9
    assert {path.name: check_document(path, BOOK) for path in decisions} == {path.name: [] for path in decisions}


def test_template_keeps_only_its_own_styles():
    names = {s.name for s in docx.Document(TEMPLATE).styles}
    assert "Bảng - tiêu đề cột" not in names and "Đề mục I" not in names
    assert {"Thẩm quyền ban hành", "Quyết nghị", "Tên danh sách", "Nhóm trong danh sách", "Thành tích",
            "Mục trong danh sách", "Số điều"} <= names


def test_metadata_names_the_document_only():
    props = docx.Document(TEMPLATE).core_properties
    assert props.title == "Quyết định khen thưởng"
    assert props.author == "" and props.comments == ""


def test_a_line_break_or_tab_typed_in_a_value_becomes_words_own_element(tmp_path):
    """Only renderings with such a character go through docxtpl's listing pass; the others skip it."""
    from tdkt_docs.render.docx import CompiledTemplate

    template = tmp_path / "mau.docx"
    document = docx.Document()
    document.add_paragraph("{{ a }}")
    document.save(template)
    compiled = CompiledTemplate(template)
    body = compiled.render_parts({"a": "Dòng một\nDòng hai\tcột"})["word/document.xml"].decode()
    assert "Dòng một</w:t><w:br/>" in body and "<w:tab/>" in body
    plain = compiled.render_parts({"a": "Một dòng"})["word/document.xml"].decode()
    assert "<w:br/>" not in plain and ">Một dòng</w:t>" in plain


def test_each_part_renders_to_the_xml_docxtpl_itself_renders(compiled):
    """The decision template's parts, rendered by our cheaper ``render_xml_part``, give exactly what docxtpl's own
    gives, with a value holding a line break and a tab; a template error still quotes the text around it."""
    from docxtpl import DocxTemplate

    dong = [line for line, _ in DONG]
    dong[1] = muc(1, "Ông A\nTrưởng phòng\tSở Y tế")
    ctx = context(danh_sach=danh_sach(dong))
    rendered = []
    for part in (compiled._body, *compiled._headers):
        ours = compiled._docx.render_xml_part(part.source, part.part, ctx, compiled._env)
        assert ours == DocxTemplate.render_xml_part(compiled._docx, part.source, part.part, ctx, compiled._env)
        rendered.append(ours)
    assert "Ông A</w:t><w:br/>" in rendered[0] and "<w:tab/>" in rendered[0] and "\n<w:p" not in rendered[0]
    broken = compiled._body.source.replace("{{", "{% if %}{{", 1)
    errors = []
    for render_part in (compiled._docx.render_xml_part, partial(DocxTemplate.render_xml_part, compiled._docx)):
        with pytest.raises(jinja2.TemplateSyntaxError) as raised:
            render_part(broken, compiled._body.part, ctx, compiled._env)
        errors.append(list(raised.value.docx_context))
    assert errors[0] == errors[1] and any(line.strip() for line in errors[0])
