"""The Kế hoạch templates: rendered with docxtpl, then checked for text and NĐ 30 format.

The format and the long prose are judged on the Bắc Ninh office's own template (the sample's mau/ folder,
copied word for word from the province's 2024 plan); the neutral built-in template must render, lint
clean, pass the NĐ 30 checker and carry no province's prose.
"""
from __future__ import annotations

import io
import re

import docx
import jinja2
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate

from tdkt_docs.check.document import check_document
from tdkt_docs.check.template import lint_template
from tdkt_docs.documents.ke_hoach import DOCUMENT

from helpers import SAMPLE_2024, TEMPLATES, doc_default, resolved
from support.documents import BOOK, check_docx

BAC_NINH = SAMPLE_2024.parent / "mau" / DOCUMENT.template  # the Bắc Ninh office's template
BUILT_IN = TEMPLATES / DOCUMENT.template                    # the neutral plan every body starts from
BOTH = pytest.mark.parametrize("template", [BAC_NINH, BUILT_IN], ids=["bac_ninh", "built_in"])
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
APPENDIX_HEADINGS = ["STT", "Nội dung thực hiện", "Đơn vị chỉ đạo", "Đơn vị thực hiện", "Đơn vị phối hợp", "Ghi chú"]


# --- sample context --------------------------------------------------------------

def anniversary(start: str, year: int, name: str) -> dict:
    day_month, first = start.rsplit("/", 1)
    return {"so_nam": year - int(first), "tu": start, "den": f"{day_month}/{year}", "nam_goc": int(first),
            "ten": name}


def task(stt: int, noi_dung: list[str], chi_dao: list[str], thuc_hien: list[str],
         phoi_hop: list[str] | None = None) -> dict:
    return {"stt": stt, "noi_dung": noi_dung, "don_vi_chi_dao": chi_dao, "don_vi_thuc_hien": thuc_hien,
            "don_vi_phoi_hop": phoi_hop or [], "ghi_chu": []}


def appendix(nam: int) -> dict:
    ban = ["Ban Thi đua - Khen thưởng, Sở Nội vụ"]
    return {"quy": [
        {"so_la_ma": "I", "ten": "Quý I", "nhiem_vu": [
            task(1, [f"Ban hành Kế hoạch thực hiện Phong trào thi đua “Dân vận khéo” tỉnh Bắc Ninh năm {nam}"],
                 ["UBND tỉnh"], ban),
            task(2, [f"Xây dựng Kế hoạch Công tác thi đua, khen thưởng năm {nam}"], ["UBND tỉnh"], ban),
            task(3, ["Tổ chức đăng ký thi đua cho các tập thể, cá nhân tại các địa phương, đơn vị"],
                 ["Hội đồng TĐKT tỉnh"],
                 ["- Các địa phương, đơn vị;", "- Cụm trưởng, Khối trưởng các Cụm, Khối thi đua"],
                 ["Các địa phương, đơn vị, các Cụm, Khối thi đua"]),
        ]},
        {"so_la_ma": "II", "ten": "Quý II", "nhiem_vu": [
            task(1, ["Đánh giá kết quả công tác thi đua, khen thưởng 6 tháng đầu năm"], ["Hội đồng TĐKT tỉnh"],
                 ["Cụm trưởng, Khối trưởng các khối thi đua"]),
            task(2, [f"Xét duyệt khen cao, khen thưởng tổng kết ngành giáo dục năm {nam}."],
                 ["UBND tỉnh;", "Hội đồng TĐKT tỉnh"],
                 ["- Sở Giáo dục và Đào tạo;", "- Các huyện, thị xã, thành phố."],
                 ["Ban Thi đua - khen thưởng, Sở Nội vụ"]),
        ]},
        {"so_la_ma": "III", "ten": "Quý III", "nhiem_vu": [
            task(1, [f"Tổ chức tập huấn, triển khai Luật Thi đua - Khen thưởng năm 2022."], ["Hội đồng TĐKT tỉnh"],
                 ["Ban Thi đua - khen thưởng, Sở Nội vụ"]),
        ]},
        {"so_la_ma": "IV", "ten": "Quý IV", "nhiem_vu": [
            task(1, [f"Tổ chức Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm {nam}"], ["UBND tỉnh"],
                 ["- Cụm trưởng, Khối trưởng các khối thi đua;", "- Các địa phương, cơ quan, đơn vị."]),
            task(2, [f"Xây dựng chương trình, kế hoạch công tác thi đua, khen thưởng năm {nam + 1}"], ["UBND tỉnh"],
                 ["Ban Thi đua - khen thưởng, Sở Nội vụ"]),
        ]},
    ]}


def context(nam: int = 2024, **changes) -> dict:
    ctx = {
        "co_quan_chu_quan": "",
        "co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
        "co_quan_viet_gon": "UBND tỉnh Bắc Ninh",
        "so_ky_hieu": "      /KH-UBND",
        "dia_danh": "Bắc Ninh",
        "ngay_ban_hanh": f"ngày      tháng      năm {nam}",
        "nam": nam,
        "nam_truoc": nam - 1,
        "nam_sau": nam + 1,
        "ky_niem": {
            "thanh_lap_dang": anniversary("03/02/1930", nam, "Ngày thành lập Đảng Cộng sản Việt Nam"),
            "sinh_nhat_bac": anniversary("19/5/1890", nam, "Ngày sinh Chủ tịch Hồ Chí Minh"),
            "loi_keu_goi_thi_dua": anniversary("11/6/1948", nam,
                                               "Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc"),
            "cach_mang_thang_tam": anniversary("02/9/1945", nam, "Cách mạng Tháng Tám và Quốc khánh 02/9"),
        },
        "can_cu": [
            "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;",
            "Căn cứ Luật Thi đua, khen thưởng năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ Quy định chi tiết thi hành "
            "một số điều của Luật Thi đua, khen thưởng;",
            "Căn cứ Chỉ thị số 01/CT-UBND ngày 09/01/2024 của UBND tỉnh về những nhiệm vụ trọng tâm;",
        ],
        "phu_luc": appendix(nam),
        "noi_nhan": [
            "- Ban TĐKT Trung ương (để b/c);",
            "- TTTU, HĐND, UBND tỉnh;",
            f"- Trưởng các khối thi đua của tỉnh năm {nam};",
            "- Lưu: VT, NC, CVP.",
        ],
        "chu_ky": {"tham_quyen": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": "Nguyễn Hương Giang"},
    }
    ctx.update(changes)
    return ctx


def render(ctx: dict, path=BAC_NINH) -> docx.document.Document:
    template = DocxTemplate(path)
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template.render(ctx, jinja_env=env, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


@pytest.fixture(scope="module")
def doc():
    return render(context())


@pytest.fixture(scope="module")
def doc_2025():
    return render(context(2025))


@pytest.fixture(scope="module")
def doc_without_appendix():
    return render(context(phu_luc=None))


# --- helpers -----------------------------------------------------------------------

def all_paragraphs(document):
    """Body paragraphs and table-cell paragraphs, in document order."""
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            yield docx.text.paragraph.Paragraph(block, document._body)
        elif block.tag == qn("w:tbl"):
            for cell in docx.table.Table(block, document._body)._cells:
                yield from cell.paragraphs


def text_runs(document):
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if run.text.strip():
                yield paragraph, run


def paragraph_with(document, text: str):
    return next(p for p in all_paragraphs(document) if text in p.text)


def fmt(document, text: str) -> tuple:
    """(size, bold, italic) of every run in the paragraph containing ``text``; must be uniform."""
    paragraph = paragraph_with(document, text)
    values = {(resolved(document, paragraph, r, "size"), resolved(document, paragraph, r, "bold"),
               resolved(document, paragraph, r, "italic")) for r in paragraph.runs if r.text.strip()}
    assert len(values) == 1, (text, values)
    return values.pop()


def appendix_table(document):
    return document.tables[2]


def row_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def xml_parts(document) -> list[str]:
    parts = [document.element.xml]
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            parts.append(header._element.xml)
    return parts


# --- page setup ----------------------------------------------------------------------

def mm(length) -> float:
    return round(length / Mm(1), 1)


def test_sections_are_a4_portrait_then_landscape_with_nd30_margins(doc):
    portrait, landscape = doc.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert (mm(portrait.page_width), mm(portrait.page_height)) == (210, 297)
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(landscape.page_width), mm(landscape.page_height)) == (297, 210)
    for section in doc.sections:
        margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        assert [mm(m) for m in margins] == [20, 20, 30, 15]


def test_page_numbers_centred_in_header_none_on_first_pages(doc):
    for section in doc.sections:
        assert section.different_first_page_header_footer
        assert not section.header.is_linked_to_previous
        header_xml = section.header._element.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", header_xml)
        number = section.header.paragraphs[0]
        assert number.style.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        assert resolved(doc, number, number.runs[-1], "size") == 14
        assert "PAGE" not in section.first_page_header._element.xml
    portrait, landscape = doc.sections
    assert portrait._sectPr.find(qn("w:pgNumType")) is None
    assert landscape._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


# --- fonts and styles ----------------------------------------------------------------

def test_document_defaults_are_times_new_roman_14(doc):
    r_fonts = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert r_fonts.get(qn(attr)) == "Times New Roman"
    assert not [a for a in r_fonts.attrib if "Theme" in a or "theme" in a]
    assert doc_default(doc, "w:sz", "w:val") == "28"


def test_every_run_resolves_to_times_new_roman(doc):
    names = {resolved(doc, p, r, "name") for p, r in text_runs(doc)}
    assert names == {"Times New Roman"}


def test_header_block_sizes_and_styles(doc):
    assert fmt(doc, "ỦY BAN NHÂN DÂN") == (13, True, False)
    assert fmt(doc, "TỈNH BẮC NINH") == (13, True, False)
    assert fmt(doc, QUOC_HIEU) == (13, True, False)
    assert fmt(doc, TIEU_NGU) == (14, True, False)
    assert fmt(doc, "Số:") == (13, False, False)
    assert fmt(doc, "Bắc Ninh, ngày") == (14, False, True)
    assert fmt(doc, "KẾ HOẠCH") == (14, True, False)
    assert fmt(doc, "Công tác thi đua, khen thưởng năm 2024") == (14, True, False)


def test_body_paragraphs_are_14pt_justified_with_indent_and_spacing(doc):
    paragraph = paragraph_with(doc, "Để công tác thi đua, khen thưởng của tỉnh")
    assert fmt(doc, "Để công tác thi đua, khen thưởng của tỉnh") == (14, False, False)
    style = paragraph.style.paragraph_format
    assert style.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(style.first_line_indent - docx.shared.Cm(1.27)) < docx.shared.Emu(400)
    assert style.space_before == docx.shared.Pt(6)
    assert fmt(doc, "Căn cứ Luật Thi đua, khen thưởng năm 2022;") == (14, False, True)
    assert fmt(doc, "I. MỤC ĐÍCH, YÊU CẦU") == (14, True, False)
    assert fmt(doc, "2. Yêu cầu") == (14, True, False)
    assert fmt(doc, "III. TỔ CHỨC THỰC HIỆN") == (14, True, False)
    assert fmt(doc, "1. Tiếp tục đẩy mạnh nghiên cứu") == (14, False, False)


def test_campaign_names_are_italic_runs(doc):
    paragraph = paragraph_with(doc, "Đại hội Thi đua yêu nước toàn quốc lần thứ X")
    italic = [r.text for r in paragraph.runs if resolved(doc, paragraph, r, "italic")]
    assert italic == ["“Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc”"]
    assert not resolved(doc, paragraph, paragraph.runs[0], "italic")


def test_signature_block(doc):
    table = doc.tables[1]
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:", "- Ban TĐKT Trung ương (để b/c);", "- TTTU, HĐND, UBND tỉnh;",
        "- Trưởng các khối thi đua của tỉnh năm 2024;", "- Lưu: VT, NC, CVP.",
    ]
    assert fmt(doc, "Nơi nhận:") == (12, True, True)
    assert fmt(doc, "- Lưu: VT, NC, CVP.") == (11, False, False)
    listing = paragraph_with(doc, "- Lưu: VT, NC, CVP.").style.paragraph_format
    assert listing.alignment in (None, docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT)
    assert not listing.first_line_indent and not listing.space_before
    assert [p.text for p in right.paragraphs] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hương Giang"]
    assert fmt(doc, "TM. ỦY BAN NHÂN DÂN") == (14, True, False)
    name = paragraph_with(doc, "Nguyễn Hương Giang")
    assert fmt(doc, "Nguyễn Hương Giang") == (14, True, False)
    assert name.style.paragraph_format.space_before >= docx.shared.Pt(60)  # room for signature and seal
    assert_borderless(table)


@BOTH
def test_template_formats_through_styles_not_direct_run_formatting(template):
    template = docx.Document(template)
    for paragraph in all_paragraphs(template):
        assert paragraph.style.name != "Normal" or not paragraph.text.strip(), paragraph.text
        for run in paragraph.runs:
            r_pr = run._r.rPr
            assert r_pr is None or [child.tag for child in r_pr] == [qn("w:rStyle")], paragraph.text


# --- header table --------------------------------------------------------------------

def assert_borderless(table):
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} <= {"nil", "none"}
    assert len(borders) == 6
    assert table._tbl.find(".//" + qn("w:tcBorders")) is None


def test_header_table_is_borderless_with_exact_national_title(doc):
    header = doc.tables[0]
    assert_borderless(header)
    left, right = header.rows[0].cells
    assert [p.text for p in right.paragraphs if p.text] == [QUOC_HIEU, TIEU_NGU]
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"]
    widths = [Mm(62), Mm(103)]
    assert [c.width for c in header.rows[0].cells] == [docx.shared.Twips(w.twips) for w in widths]


def test_short_lines_under_agency_tieu_ngu_and_trich_yeu(doc):
    header = doc.tables[0]
    for cell in header.rows[0].cells:
        line = cell.paragraphs[-1]
        assert line.text == ""
        border = line.style.element.pPr.find(qn("w:pBdr")).find(qn("w:top"))
        assert border.get(qn("w:val")) == "single"
    tieu_ngu_line = header.rows[0].cells[1].paragraphs[-1].style.paragraph_format
    line_mm = 103 - (tieu_ngu_line.left_indent + tieu_ngu_line.right_indent) / Mm(1)
    assert 56 <= line_mm <= 62  # the Tiêu ngữ's own length at 14 pt bold
    agency_line = header.rows[0].cells[0].paragraphs[-1].style.paragraph_format
    assert 14 <= 62 - (agency_line.left_indent + agency_line.right_indent) / Mm(1) <= 31


def test_blank_number_and_date_keep_their_gaps(doc):
    header = doc.tables[0]
    assert header.rows[1].cells[0].text == "Số:       /KH-UBND"
    assert header.rows[1].cells[1].text == "Bắc Ninh, ngày      tháng      năm 2024"


def test_given_cơ_quan_chủ_quản_is_13pt_upright(doc):
    document = render(context(co_quan_chu_quan="ỦY BAN NHÂN DÂN TỈNH BẮC NINH", co_quan_ban_hanh=["SỞ NỘI VỤ"]))
    left = document.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs if p.text] == ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "SỞ NỘI VỤ"]
    assert fmt(document, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH") == (13, False, False)
    assert fmt(document, "SỞ NỘI VỤ") == (13, True, False)


def test_empty_cơ_quan_chủ_quản_leaves_no_paragraph(doc):
    left = doc.tables[0].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", ""]


# --- appendix ----------------------------------------------------------------------------

def test_appendix_heading_and_kem_theo_line(doc):
    assert fmt(doc, "PHỤ LỤC THỰC HIỆN NHIỆM VỤ NĂM 2024") == (14, True, False)
    line = "(Kèm theo Kế hoạch số       /KH-UBND, ngày      tháng      năm 2024 của UBND tỉnh Bắc Ninh)"
    assert paragraph_with(doc, "(Kèm theo Kế hoạch số").text == line
    assert fmt(doc, "(Kèm theo Kế hoạch số") == (14, False, True)
    body = doc.element.body
    heading = paragraph_with(doc, "PHỤ LỤC THỰC HIỆN")._p
    assert body.index(heading) > body.index(doc.sections[0]._sectPr.getparent().getparent())


def test_appendix_table_layout(doc):
    table = appendix_table(doc)
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(widths) - Mm(252).twips) <= 6
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {(b.get(qn("w:val")), b.get(qn("w:color"))) for b in borders} == {("single", "000000")}
    assert len(borders) == 6
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert [c.text for c in rows[0].cells] == APPENDIX_HEADINGS
    assert {fmt(doc, h) for h in APPENDIX_HEADINGS[1:]} == {(12, True, False)}


def test_appendix_groups_by_quarter_and_restarts_numbering(doc):
    rows = row_texts(appendix_table(doc))[1:]
    assert [r[:2] for r in rows] == [
        ["I", "Quý I"], ["1", rows[1][1]], ["2", rows[2][1]], ["3", rows[3][1]],
        ["II", "Quý II"], ["1", rows[5][1]], ["2", rows[6][1]],
        ["III", "Quý III"], ["1", rows[8][1]],
        ["IV", "Quý IV"], ["1", rows[10][1]], ["2", rows[11][1]],
    ]
    table = appendix_table(doc)
    group = table.rows[1]
    for cell in group.cells[:2]:
        paragraph = cell.paragraphs[0]
        assert resolved(doc, paragraph, paragraph.runs[0], "bold")
    task_cell = table.rows[2].cells[1].paragraphs[0]
    assert not resolved(doc, task_cell, task_cell.runs[0], "bold")
    assert resolved(doc, task_cell, task_cell.runs[0], "size") == 12


def test_multi_line_cells_have_one_paragraph_per_line(doc):
    table = appendix_table(doc)
    task = table.rows[4]  # Quý I, task 3
    assert [p.text for p in task.cells[3].paragraphs] == [
        "- Các địa phương, đơn vị;", "- Cụm trưởng, Khối trưởng các Cụm, Khối thi đua"]
    assert [p.text for p in table.rows[7].cells[2].paragraphs] == ["UBND tỉnh;", "Hội đồng TĐKT tỉnh"]
    assert [p.text for p in task.cells[5].paragraphs] == [""]  # empty list: one blank paragraph


def test_no_template_tags_left(doc, doc_without_appendix, doc_2025):
    for document in (doc, doc_without_appendix, doc_2025):
        for xml in xml_parts(document):
            assert "{{" not in xml and "{%" not in xml and "%}" not in xml and "}}" not in xml


def test_without_appendix_the_note_and_appendix_disappear(doc_without_appendix):
    text = "\n".join(p.text for p in all_paragraphs(doc_without_appendix))
    assert "(Có phụ lục chi tiết kèm theo)" not in text
    assert "PHỤ LỤC" not in text and "Kèm theo" not in text
    assert len(doc_without_appendix.tables) == 2
    last_section_content = list(doc_without_appendix.element.body)[-2]
    assert last_section_content.find(".//" + qn("w:sectPr")) is not None  # nothing after the break


def test_appendix_note_present_with_appendix(doc):
    assert fmt(doc, "(Có phụ lục chi tiết kèm theo)") == (14, False, False)


# --- text and years --------------------------------------------------------------------

def body_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_body_text_for_2024(doc):
    text = body_text(doc)
    assert "94 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2024)" in text
    assert "134 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2024)" in text
    assert "76 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2024)" in text
    assert "79 năm Cách mạng Tháng Tám và Quốc khánh 02/9 (1945 - 2024)" in text
    assert "nhiệm vụ chính trị của địa phương, cơ quan, đơn vị, góp phần" in text
    assert "thực hiện từ cơ sở và chỉ đạo thực hiện đồng bộ" in text
    assert "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023" in text
    assert "Chỉ thị số 34-CT/TW ngày 07/4/2014" in text
    last = paragraph_with(doc, "Ban Thi đua - Khen thưởng, Sở Nội vụ (Cơ quan thường trực")
    assert last.text.endswith("kịp thời báo cáo UBND tỉnh./.")


def test_year_2025_changes_every_year_dependent_figure(doc_2025):
    text = body_text(doc_2025)
    assert "95 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)" in text
    assert "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)" in text
    assert "135 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025)" in text
    assert "80 năm Cách mạng Tháng Tám và Quốc khánh 02/9 (1945 - 2025)" in text
    assert "77 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2025)" in text
    assert "Công tác thi đua, khen thưởng năm 2025" in text
    can_cu = set(context(2025)["can_cu"])
    outside = [p.text for p in all_paragraphs(doc_2025) if p.text not in can_cu]
    outside += [p.text for s in doc_2025.sections for p in s.header.paragraphs]
    assert [t for t in outside if "2024" in t] == []


def test_context_text_comes_out_literally():
    tricky = "Phòng A & B <C> \"D\" 'E' {{ x }} {% if %}"
    document = render(context(dia_danh=tricky, noi_nhan=[f"- {tricky};"]))
    assert document.tables[0].rows[1].cells[1].text == f"{tricky}, ngày      tháng      năm 2024"
    assert paragraph_with(document, "- Phòng A").text == f"- {tricky};"


def test_missing_variable_is_an_error():
    ctx = context()
    del ctx["co_quan_viet_gon"]
    with pytest.raises(jinja2.UndefinedError, match="co_quan_viet_gon"):
        render(ctx)


def test_empty_noi_nhan_omits_its_heading():
    document = render(context(noi_nhan=[]))
    left = document.tables[1].rows[0].cells[0]
    assert [p.text for p in left.paragraphs] == [""]


# --- template hygiene ----------------------------------------------------------------------

@BOTH
def test_each_tag_sits_in_one_run_and_block_tags_are_alone(template):
    template = docx.Document(template)
    for paragraph in all_paragraphs(template):
        for run in paragraph.runs:
            assert run.text.count("{{") == run.text.count("}}")
            assert run.text.count("{%") == run.text.count("%}")
        block_tags = re.findall(r"\{%[ptr] ", paragraph.text)
        assert len(block_tags) <= 1, paragraph.text
        if block_tags:
            assert re.fullmatch(r"\{%[ptr] [^%]*%\}", paragraph.text), paragraph.text
    for table in template.tables:
        for row in table.rows:
            tags = re.findall(r"\{%tr ", "".join(c.text for c in row.cells))
            assert len(tags) <= 1


# --- judged by what it produces ----------------------------------------------------------

def test_sample_context_is_what_the_plan_type_provides():
    assert set(context()) == set(DOCUMENT.variables)


@BOTH
def test_template_lints_clean_with_the_plan_variables(template):
    assert lint_template(template, DOCUMENT.variables) == []


def test_rendered_plans_pass_the_checker(doc, doc_2025, doc_without_appendix):
    for document in (doc, doc_2025, doc_without_appendix):
        out = io.BytesIO()
        document.save(out)
        assert check_docx(out.getvalue()) == []


def test_built_sample_plan_passes_the_checker(sample_2024_built):
    assert check_document(sample_2024_built / "ke-hoach-tdkt-2024.docx", BOOK) == []


@BOTH
def test_template_metadata_names_no_tool(template):
    props = docx.Document(template).core_properties
    assert props.title == "Kế hoạch công tác thi đua, khen thưởng"
    assert props.author == "" and props.comments == ""


# --- the neutral built-in template --------------------------------------------------------

COMMUNE = {"co_quan_ban_hanh": ["ỦY BAN NHÂN DÂN", "XÃ TAM SƠN"], "co_quan_viet_gon": "UBND xã Tam Sơn",
           "dia_danh": "Tam Sơn", "so_ky_hieu": "      /KH-UBND",
           "noi_nhan": ["- Các cơ quan, đơn vị thuộc UBND xã;", "- Lưu: VT, VP."],
           "chu_ky": {"tham_quyen": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "ho_ten": "Nguyễn Văn Bình"}}


@pytest.fixture(scope="module")
def neutral():
    return {"2024": render(context(**COMMUNE), BUILT_IN), "2025": render(context(2025, **COMMUNE), BUILT_IN),
            "without_appendix": render(context(phu_luc=None, **COMMUNE), BUILT_IN)}


def template_texts(document, ctx: dict) -> list[str]:
    """The body paragraphs that come from the template's own wording (not a line of the context's lists)."""
    given = set(ctx["can_cu"])
    return [p.text for p in document.paragraphs if p.text.strip() and p.text not in given]


def test_neutral_plan_names_the_issuer_and_no_province(neutral):
    texts = template_texts(neutral["2024"], context(**COMMUNE))
    assert texts[:2] == ["KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2024"]
    assert texts[2] == ("Để công tác thi đua, khen thưởng năm 2024 đạt hiệu quả thiết thực, góp phần thực hiện "
                        "thắng lợi các mục tiêu, nhiệm vụ được giao, UBND xã Tam Sơn ban hành Kế hoạch công tác "
                        "thi đua, khen thưởng năm 2024 như sau:")
    closing = next(t for t in texts if t.startswith("Trong quá trình thực hiện"))
    assert closing.endswith("phản ánh về UBND xã Tam Sơn để được hướng dẫn, giải quyết./.")
    prose = [t for t in texts if not t.startswith(("PHỤ LỤC", "(Kèm theo"))]
    assert [t for t in prose if "tỉnh" in t or "Bắc Ninh" in t] == []
    assert "(Kèm theo Kế hoạch số       /KH-UBND, ngày      tháng      năm 2024 của UBND xã Tam Sơn)" in texts


def test_neutral_plan_moves_every_year_and_anniversary(neutral):
    text = body_text(neutral["2025"])
    assert ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025); 135 năm Ngày sinh Chủ tịch "
            "Hồ Chí Minh (19/5/1890 - 19/5/2025); 77 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc "
            "(11/6/1948 - 11/6/2025); 80 năm Cách mạng Tháng Tám và Quốc khánh 02/9.") in text
    assert "2024" not in "\n".join(template_texts(neutral["2025"], context(2025, **COMMUNE)))


def test_neutral_plan_keeps_the_format_of_the_office_template(neutral):
    document = neutral["2024"]
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert fmt(document, "KẾ HOẠCH") == (14, True, False)
    assert fmt(document, "Để công tác thi đua, khen thưởng năm 2024") == (14, False, False)
    assert fmt(document, "I. MỤC ĐÍCH, YÊU CẦU") == (14, True, False)
    assert [c.text for c in appendix_table(document).rows[0].cells] == APPENDIX_HEADINGS
    assert {resolved(document, p, r, "name") for p, r in text_runs(document)} == {"Times New Roman"}
    assert len(neutral["without_appendix"].tables) == 2


def test_neutral_plans_leave_no_tags_and_pass_the_checker(neutral):
    for document in neutral.values():
        for xml in xml_parts(document):
            assert "{{" not in xml and "{%" not in xml and "%}" not in xml and "}}" not in xml
        out = io.BytesIO()
        document.save(out)
        assert check_docx(out.getvalue()) == []
