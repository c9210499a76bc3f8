import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from tdkt_docs.check.model import build_model
from tdkt_docs.check.resolve import Resolved
from support.documents import BOOK, save


def _formats(doc, tmp_path):
    model = build_model(docx.Document(str(save(doc, tmp_path))), BOOK)
    return [piece.fmt for para in model.paras for line in para.lines for piece in line.pieces]


def test_bold_in_paragraph_and_character_style_toggles_off(tmp_path):
    doc = docx.Document()
    para_style = doc.styles.add_style("Đậm đoạn", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char_style = doc.styles.add_style("Đậm chữ", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = True
    para = doc.add_paragraph(style=para_style)
    para.add_run("hai lần đậm", style=char_style)
    para.add_run(" một lần đậm")
    assert [f.bold for f in _formats(doc, tmp_path)] == [False, True]


def test_direct_formatting_is_absolute(tmp_path):
    doc = docx.Document()
    style = doc.styles.add_style("Nghiêng", WD_STYLE_TYPE.PARAGRAPH)
    style.font.italic = True
    run = doc.add_paragraph(style=style).add_run("đứng")
    run.italic = False
    assert [f.italic for f in _formats(doc, tmp_path)] == [False]


def test_table_style_applies_below_the_paragraph_style(tmp_path):
    doc = docx.Document()
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    for fonts in rpr.findall(qn("w:rFonts")):
        rpr.remove(fonts)
    table_style = doc.styles.add_style("Bảng riêng", WD_STYLE_TYPE.TABLE)
    table_style.font.name = "Arial"
    table = doc.add_table(rows=1, cols=1)
    table.style = table_style
    table.cell(0, 0).paragraphs[0].add_run("ô")
    doc.styles["Normal"].font.name = None
    assert _formats(doc, tmp_path)[0].fonts[1] == Resolved("Arial", 'kiểu bảng "Bảng riêng"')


def test_nothing_specified_falls_back_to_word_defaults(tmp_path):
    doc = docx.Document()
    doc.styles.element.remove(doc.styles.element.find(qn("w:docDefaults")))
    doc.add_paragraph().add_run("chữ")
    fmt = _formats(doc, tmp_path)[0]
    assert fmt.size == Resolved(10.0, "mặc định của Word")
    assert fmt.fonts[0] == Resolved("Times New Roman", "mặc định của Word")


def test_a_paragraph_is_aligned_by_its_own_properties_then_by_its_style(tmp_path):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    centred = doc.styles.add_style("Căn giữa", WD_STYLE_TYPE.PARAGRAPH)
    centred.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("theo kiểu", style=centred)
    doc.add_paragraph("trực tiếp", style=centred).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("mặc định")
    model = build_model(docx.Document(str(save(doc, tmp_path))), BOOK)
    assert [(p.text, p.alignment) for p in model.paras] == [("theo kiểu", "center"), ("trực tiếp", "right"),
                                                            ("mặc định", "left")]
