"""Hand-made NĐ 30 documents for the checker tests, built with python-docx.

``plan_document()`` and ``decision_document()`` follow NĐ 30/2020 Phụ lục I exactly; each
rule test breaks one thing and expects exactly one finding.
"""
from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from tdkt_docs.check.document import check_document
from tdkt_docs.check.rulebook import Rulebook
from tdkt_docs.rules.book import Rules
from tdkt_docs.settings import Settings

BOOK = Rulebook(Rules(Settings()).nd30)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def add(container, text: str = "", size: float = 14, bold=False, italic=False, align=CENTER) -> Paragraph:
    """A paragraph with one run; reuses a table cell's first empty paragraph."""
    paras = getattr(container, "paragraphs", [])
    reuse = hasattr(container, "_tc") and len(paras) == 1 and not paras[0].text and not paras[0].runs
    para = paras[0] if reuse else container.add_paragraph()
    para.alignment = align
    if text:
        run = para.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return para


def border(para: Paragraph, side: str = "top") -> Paragraph:
    """A short solid line drawn as a paragraph border."""
    ppr = para._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        edge.set(qn(f"w:{key}"), value)
    bdr.append(edge)
    ppr.append(bdr)
    para.paragraph_format.left_indent = Mm(20)
    para.paragraph_format.right_indent = Mm(20)
    return para


def page_field(para: Paragraph, size: float = 14) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(rpr)
    run.append(text)
    field.append(run)
    para._p.append(field)


def a4(section, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def _new_document() -> docx.document.Document:
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    section = doc.sections[0]
    a4(section)
    section.different_first_page_header_footer = True
    numbered = section.header.paragraphs[0]
    numbered.alignment = CENTER
    page_field(numbered)
    return doc


def _header(doc, code: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    add(left, "ỦY BAN NHÂN DÂN", 13, bold=True)
    add(left, "TỈNH BẮC NINH", 13, bold=True)
    border(add(left))
    add(right, QUOC_HIEU, 13, bold=True)
    add(right, TIEU_NGU, 14, bold=True)
    border(add(right))
    add(table.cell(1, 0), f"Số:      /{code}", 13)
    add(table.cell(1, 1), "Bắc Ninh, ngày      tháng 01 năm 2024", 14, italic=True)


def _signature(doc, recipients: list[str], titles: list[str], name: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    add(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in recipients:
        add(left, line, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for title in titles:
        add(right, title, 14, bold=True)
    for _ in range(4):
        add(right)
    add(right, name, 14, bold=True)


def _appendix_section(doc) -> docx.section.Section:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    a4(section, landscape=True)
    return section


def plan_document() -> docx.document.Document:
    """A Kế hoạch of the UBND tỉnh with one landscape Phụ lục."""
    doc = _new_document()
    _header(doc, "KH-UBND")
    add(doc, "KẾ HOẠCH", bold=True)
    add(doc, "Công tác thi đua, khen thưởng năm 2024", bold=True)
    border(add(doc))
    add(doc, "Căn cứ Luật Thi đua, khen thưởng năm 2022;", italic=True, align=JUSTIFY)
    add(doc, "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết "
             "thi hành một số điều của Luật Thi đua, khen thưởng;", italic=True, align=JUSTIFY)
    add(doc, "Để công tác thi đua, khen thưởng của tỉnh đạt hiệu quả thiết thực, Ủy ban nhân dân "
             "tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2024 như sau:", align=JUSTIFY)
    add(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, align=JUSTIFY)
    add(doc, "1. Mục đích", bold=True, align=JUSTIFY)
    add(doc, "Tăng cường vai trò lãnh đạo của các cấp ủy Đảng, chính quyền trong tổ chức thực hiện "
             "phong trào thi đua và công tác khen thưởng./.", align=JUSTIFY)
    _signature(doc, ["- Ban TĐKT Trung ương (để b/c);", "- Các sở, ban, ngành thuộc tỉnh;",
                     "- Lưu: VT, NC."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")
    _appendix_section(doc)
    add(doc, "Phụ lục", bold=True)
    add(doc, "NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2024", bold=True)
    add(doc, "(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng 01 năm 2024 của Ủy ban nhân "
             "dân tỉnh Bắc Ninh)", italic=True)
    border(add(doc))
    table = doc.add_table(rows=2, cols=3)
    for column, text in enumerate(["STT", "Nội dung thực hiện", "Đơn vị thực hiện"]):
        add(table.cell(0, column), text, 12, bold=True)
    for column, text in enumerate(["1", "Xây dựng Kế hoạch công tác thi đua, khen thưởng năm 2024",
                                   "Sở Nội vụ"]):
        add(table.cell(1, column), text, 12)
    return doc


def decision_document() -> docx.document.Document:
    """A Quyết định tặng Bằng khen of the Chủ tịch, signed by a Phó Chủ tịch, with its list."""
    doc = _new_document()
    _header(doc, "QĐ-UBND")
    add(doc, "QUYẾT ĐỊNH", bold=True)
    add(doc, "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", bold=True)
    border(add(doc))
    add(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", bold=True)
    add(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", italic=True, align=JUSTIFY)
    add(doc, "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True, align=JUSTIFY)
    add(doc, "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV ngày 10 tháng 3 "
             "năm 2024.", italic=True, align=JUSTIFY)
    add(doc, "QUYẾT ĐỊNH:", bold=True)
    add(doc, "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể "
             "(có danh sách kèm theo).", align=JUSTIFY)
    add(doc, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", align=JUSTIFY)
    _signature(doc, ["- Như Điều 2;", "- Lưu: VT, NC."], ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
               "Trần Thị Bình")
    _appendix_section(doc)
    add(doc, "DANH SÁCH", bold=True)
    add(doc, "Tập thể được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", bold=True)
    add(doc, "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 3 năm 2024 của Chủ tịch "
             "Ủy ban nhân dân tỉnh)", italic=True)
    border(add(doc))
    add(doc, "1. Phòng Nội vụ, Ủy ban nhân dân thị xã Quế Võ;", align=JUSTIFY)
    return doc


def all_paragraphs(doc) -> list[Paragraph]:
    """Body and table paragraphs in document order (one level of tables)."""
    paras = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paras.extend(cell.paragraphs)
    return paras


def find(doc, start: str) -> Paragraph:
    return next(p for p in all_paragraphs(doc) if p.text.startswith(start))


def retext(para: Paragraph, text: str) -> Paragraph:
    para.runs[0].text = text
    for run in para.runs[1:]:
        run._r.getparent().remove(run._r)
    return para


def save(doc, tmp_path: Path, name: str = "van-ban.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def check(doc, tmp_path: Path):
    return check_document(save(doc, tmp_path), BOOK)


def insert_before(para: Paragraph, text: str) -> Paragraph:
    """A copy of ``para`` (same formatting) holding ``text``, placed just before it."""
    twin = copy.deepcopy(para._p)
    para._p.addprevious(twin)
    return retext(Paragraph(twin, para._parent), text)


def department_decision() -> docx.document.Document:
    """A Quyết định tặng Giấy khen of the Giám đốc Sở Giáo dục và Đào tạo under the UBND tỉnh,
    signed by a Phó Giám đốc, with its list."""
    doc = decision_document()
    parent, body = doc.tables[0].cell(0, 0).paragraphs[:2]
    retext(parent, "UBND TỈNH BẮC NINH").runs[0].bold = False
    retext(body, "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    award = "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo"
    for start, text in [
        ("Số:", "Số:      /QĐ-SGDĐT"),
        ("Về việc", f"Về việc tặng {award}"),
        ("CHỦ TỊCH ỦY BAN", "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
        ("Theo đề nghị", "Theo đề nghị của Chánh Văn phòng Sở tại Tờ trình số 15/TTr-VP ngày 10 tháng 3 năm 2024."),
        ("Điều 1.", f"Điều 1. Tặng {award} cho 02 tập thể (có danh sách kèm theo)."),
        ("KT. CHỦ TỊCH", "KT. GIÁM ĐỐC"),
        ("PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC"),
        ("Tập thể được tặng", f"Tập thể được tặng {award}"),
        ("(Kèm theo", "(Kèm theo Quyết định số      /QĐ-SGDĐT ngày      tháng 3 năm 2024 của Giám đốc "
                      "Sở Giáo dục và Đào tạo)"),
    ]:
        retext(find(doc, start), text)
    return doc


def check_docx(data: bytes) -> list:
    """Every NĐ 30 finding on the .docx ``data``, as ``tdkt check`` reads a file."""
    import io

    import docx

    from tdkt_docs.check.document import check_loaded

    return check_loaded(docx.Document(io.BytesIO(data)), BOOK)
