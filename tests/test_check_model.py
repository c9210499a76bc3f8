"""A paragraph as the format check reads it (``make_para``, which visits its children once) is what the plain
definition gives: every run whose nearest paragraph is this one, deletions left out, in document order; a
shape anywhere in it; its first properties."""
from __future__ import annotations

import pytest
from lxml import etree

from tdkt_docs.check.model import LINE_BREAK_TAGS, SHAPE_TAGS, make_para
from tdkt_docs.check.resolve import StyleResolver, w

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')
STYLES = etree.fromstring(f'<w:styles {NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
                          '<w:name w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New Roman" '
                          'w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style></w:styles>')
TEXT_BOX = ('<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>trong khung</w:t></w:r></w:p>'
            '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
PARAGRAPHS = {
    "chữ, tab, xuống dòng": '<w:r><w:rPr><w:b/></w:rPr><w:t>Điều 1.</w:t><w:tab/><w:t>Khen</w:t><w:br/>'
                            '<w:t>thưởng</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r>',
    "liên kết": '<w:r><w:t>Xem </w:t></w:r><w:hyperlink><w:r><w:rPr><w:i/></w:rPr><w:t>tại đây</w:t></w:r>'
                '</w:hyperlink>',
    "xóa và chèn": '<w:r><w:t>Còn </w:t></w:r><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>'
                   '<w:ins><w:r><w:t>thêm</w:t></w:r></w:ins>',
    "ruby": '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>trên</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>gốc</w:t>'
            '</w:r></w:rubyBase></w:ruby></w:r><w:r><w:t> sau</w:t></w:r>',
    "khung chữ": '<w:r><w:t>Neo </w:t></w:r>' + TEXT_BOX + '<w:r><w:t>tiếp</w:t></w:r>',
    "hình trong nội dung thay thế": '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/>'
                                    '</mc:Choice></mc:AlternateContent><w:t>hình</w:t></w:r>',
    "hình ngoài lượt chữ": '<w:pict/><w:r><w:t>chữ</w:t></w:r>',
    "hình trong phần đã xóa": '<w:del><w:r><w:pict/></w:r></w:del><w:r><w:t>chữ</w:t></w:r>',
    "hai phần định dạng": '<w:pPr><w:jc w:val="center"/></w:pPr><w:pPr><w:jc w:val="right"/></w:pPr>'
                          '<w:r><w:rPr><w:b/></w:rPr><w:rPr><w:i/></w:rPr><w:t>giữa</w:t></w:r>',
    "ô nội dung": '<w:sdt><w:sdtContent><w:r><w:t>trong ô</w:t></w:r></w:sdtContent></w:sdt>',
}


def _plain(para_el, resolver: StyleResolver) -> tuple:
    """The definition: (text, lines as (text, pieces as (text, format)), shape, alignment)."""
    properties = para_el.find(w("pPr"))
    style, alignment = resolver.paragraph(properties)
    lines = [("", [])]
    for run in para_el.iter(w("r")):
        owner = run.getparent()
        while owner is not para_el and owner.tag not in (w("p"), w("del")):
            owner = owner.getparent()
        if owner is not para_el:
            continue
        text = "".join(child.text or "" if child.tag == w("t") else "\t" if child.tag == w("tab") else
                       "\n" if child.tag in LINE_BREAK_TAGS else "-" if child.tag == w("noBreakHyphen") else ""
                       for child in run)
        fmt = resolver.run_format(run.find(w("rPr")), style)
        for index, chunk in enumerate(text.split("\n")):
            if index:
                lines.append(("", []))
            if chunk:
                lines[-1] = (lines[-1][0] + chunk, [*lines[-1][1], (chunk, fmt)])
    shape = next(para_el.iter(*SHAPE_TAGS), None) is not None
    return "\n".join(text for text, _ in lines), lines, shape, alignment


@pytest.mark.parametrize("inner", PARAGRAPHS.values(), ids=PARAGRAPHS.keys())
def test_a_paragraph_is_read_as_the_definition_says(inner):
    para_el = etree.fromstring(f"<w:p {NS}>{inner}</w:p>")
    resolver = StyleResolver(STYLES, {})
    para = make_para(para_el, resolver)
    made = (para.text, [(line.text, [(p.text, p.fmt) for p in line.pieces]) for line in para.lines],
            para.has_shape, para.alignment)
    assert made == _plain(para_el, resolver)


def test_the_cases_tell_apart_what_they_should():
    resolver = StyleResolver(STYLES, {})
    read = {name: make_para(etree.fromstring(f"<w:p {NS}>{inner}</w:p>"), resolver)
            for name, inner in PARAGRAPHS.items()}
    assert read["ruby"].text == "trêngốc sau"
    assert read["khung chữ"].text == "Neo tiếp" and read["khung chữ"].has_shape
    assert read["xóa và chèn"].text == "Còn thêm"
    assert read["hình ngoài lượt chữ"].has_shape and read["hình trong phần đã xóa"].has_shape
    assert read["hai phần định dạng"].alignment == "center" and read["hai phần định dạng"].lines[0].bold
    assert read["chữ, tab, xuống dòng"].text == "Điều 1.\tKhen\nthưởng-x"
