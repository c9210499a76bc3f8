from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tdkt_docs.check.findings import ERROR, finding
from support.documents import check, find, plan_document

TNR = "phông Times New Roman"


def test_direct_font_on_a_run(tmp_path):
    doc = plan_document()
    find(doc, "1. Mục đích").runs[0].font.name = "Arial"
    assert check(doc, tmp_path) == [
        finding("chu.phong_chu", ERROR, 'đoạn "1. Mục đích"', TNR, 'phông "Arial" (định dạng trực tiếp)')]


def test_font_from_a_character_style(tmp_path):
    doc = plan_document()
    style = doc.styles.add_style("Nhấn mạnh", WD_STYLE_TYPE.CHARACTER)
    style.font.name = "Tahoma"
    find(doc, "I. MỤC ĐÍCH").runs[0].style = style
    assert check(doc, tmp_path) == [
        finding("chu.phong_chu", ERROR, 'đoạn "I. MỤC ĐÍCH, YÊU CẦU"', TNR,
                'phông "Tahoma" (kiểu ký tự "Nhấn mạnh")')]


def test_font_through_the_based_on_chain_of_paragraph_styles(tmp_path):
    doc = plan_document()
    base = doc.styles.add_style("Gốc", WD_STYLE_TYPE.PARAGRAPH)
    base.font.name = "Verdana"
    child = doc.styles.add_style("Thân riêng", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    find(doc, "1. Mục đích").style = child
    assert check(doc, tmp_path) == [
        finding("chu.phong_chu", ERROR, 'đoạn "1. Mục đích"', TNR, 'phông "Verdana" (kiểu đoạn "Gốc")')]


def test_theme_font_of_the_normal_style_counts_as_not_times(tmp_path):
    doc = plan_document()
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    findings = check(doc, tmp_path)
    assert [(f.code, f.found) for f in findings] == [
        ("chu.phong_chu", 'phông "Cambria" (kiểu đoạn "Normal", phông chủ đề)')]
    assert findings[0].location.paragraph.startswith('bảng 1, ô (1, 1), đoạn "ỦY BAN NHÂN DÂN" (và ')


def test_theme_font_that_resolves_to_times_is_accepted(tmp_path):
    doc = plan_document()
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    theme = doc.part.part_related_by(RT.THEME)
    theme._blob = theme.blob.replace(b'<a:latin typeface="Cambria"/>', b'<a:latin typeface="Times New Roman"/>')
    assert check(doc, tmp_path) == []


def test_wrong_default_font_is_reported_once_with_a_count(tmp_path):
    doc = plan_document()
    doc.styles["Normal"].font.name = "Arial"
    findings = check(doc, tmp_path)
    texts = [line for p in doc.paragraphs for line in [p.text] if line.strip()]
    assert len(findings) == 1 and findings[0].found == 'phông "Arial" (kiểu đoạn "Normal")'
    assert findings[0].location.paragraph.endswith("chỗ khác)") and len(texts) > 5


def test_quoc_hieu_size(tmp_path):
    doc = plan_document()
    find(doc, "CỘNG HÒA").runs[0].font.size = Pt(14)
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, 'bảng 1, ô (1, 2), đoạn "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"',
                "Quốc hiệu: cỡ chữ 12–13 pt", "cỡ chữ 14 pt (định dạng trực tiếp)")]


def test_body_size_grouped_by_source(tmp_path):
    doc = plan_document()
    for start in ("I. MỤC ĐÍCH", "1. Mục đích"):
        find(doc, start).runs[0].font.size = Pt(12)
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, 'đoạn "I. MỤC ĐÍCH, YÊU CẦU" (và 1 chỗ khác)',
                "nội dung văn bản: cỡ chữ 13–14 pt", "cỡ chữ 12 pt (định dạng trực tiếp)")]


def test_noi_nhan_sizes(tmp_path):
    doc = plan_document()
    find(doc, "Nơi nhận").runs[0].font.size = Pt(13)
    find(doc, "- Lưu").runs[0].font.size = Pt(12)
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, 'bảng 2, ô (1, 1), đoạn "Nơi nhận:"',
                'chữ "Nơi nhận:": cỡ chữ 12 pt', "cỡ chữ 13 pt (định dạng trực tiếp)"),
        finding("chu.co_chu", ERROR, 'bảng 2, ô (1, 1), đoạn "- Lưu: VT, NC."',
                "danh sách nơi nhận: cỡ chữ 11 pt", "cỡ chữ 12 pt (định dạng trực tiếp)"),
    ]


def test_signature_size(tmp_path):
    doc = plan_document()
    find(doc, "CHỦ TỊCH").runs[0].font.size = Pt(12)
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, 'bảng 2, ô (1, 2), đoạn "CHỦ TỊCH"',
                "chức vụ, họ tên người ký: cỡ chữ 13–14 pt", "cỡ chữ 12 pt (định dạng trực tiếp)")]


def test_size_from_document_defaults(tmp_path):
    doc = plan_document()
    run = find(doc, "1. Mục đích").runs[0]
    run.font.size = None
    doc.styles["Normal"].font.size = None
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    size = defaults.find(qn("w:sz"))
    if size is None:
        size = OxmlElement("w:sz")
        defaults.append(size)
    size.set(qn("w:val"), "24")
    assert check(doc, tmp_path) == [
        finding("chu.co_chu", ERROR, 'đoạn "1. Mục đích"',
                "nội dung văn bản: cỡ chữ 13–14 pt", "cỡ chữ 12 pt (mặc định của tài liệu)")]


def test_appendix_table_text_has_no_body_size_rule(tmp_path):
    doc = plan_document()
    find(doc, "Xây dựng Kế hoạch").runs[0].font.size = Pt(10)
    assert check(doc, tmp_path) == []
