"""The document as an ordered list of paragraphs with resolved run formatting."""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterator, Mapping, NamedTuple

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.section import Section
from lxml import etree

from .findings import excerpt
from .rulebook import Rulebook
from .resolve import W, RunFormat, StyleResolver, w

SHAPE_TAGS = (w("drawing"), w("pict"))
LINE_BREAK_TAGS = (w("br"), w("cr"))
_P, _R, _T, _TAB, _DEL, _NO_BREAK_HYPHEN = w("p"), w("r"), w("t"), w("tab"), w("del"), w("noBreakHyphen")
_PPR, _RPR, _TBL, _SDT, _SDT_CONTENT = w("pPr"), w("rPr"), w("tbl"), w("sdt"), w("sdtContent")


class Piece(NamedTuple):
    """A run's text on one line, with its format."""

    text: str
    fmt: RunFormat


@dataclass(eq=False, slots=True)
class Line:
    """A paragraph's text up to a line break, or after the last. It refers to its paragraph weakly (``owner``):
    held both ways, a document's paragraphs, and the XML tree they point into, would outlive its check until
    the garbage collector found them, hundreds of documents later."""

    text: str
    pieces: list[Piece]
    owner: weakref.ReferenceType[Para]

    @property
    def para(self) -> Para:
        """Its paragraph, while the model holding that paragraph is kept (lines are read only within a check)."""
        return self.owner()

    @property
    def where(self) -> str:
        noun = "đoạn" if len(self.para.lines) == 1 else "dòng"
        return f"{self.para.place}{noun} {excerpt(self.text)}"

    @property
    def bold(self) -> bool:
        return all(p.fmt.bold for p in self.pieces if p.text.strip())

    @property
    def italic(self) -> bool:
        return all(p.fmt.italic for p in self.pieces if p.text.strip())


@dataclass(eq=False, slots=True, weakref_slot=True)
class Para:
    element: etree._Element
    text: str
    place: str                      # location prefix: "" or "bảng 1, ô (1, 2), "
    table: int | None
    cell: tuple[int, int] | None
    alignment: str
    has_shape: bool
    lines: list[Line] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.place}đoạn {excerpt(self.text)}"

    @property
    def stripped(self) -> str:
        return self.text.strip()


_SECTIONS = etree.XPath("./w:p/w:pPr/w:sectPr | ./w:sectPr", namespaces={"w": W})


@dataclass(frozen=True)
class Package:
    """What the rules read of a .docx: the ``w:body`` element and the header and footer roots by relationship
    id. They may be plain lxml elements (a document just rendered) or python-docx's (a document opened)."""

    body: etree._Element
    related: Mapping[str, etree._Element]

    @cached_property
    def sections(self) -> list[Section]:
        """Each section's settings in order, read by python-docx (a Section reads its sectPr, which is parsed
        again with python-docx's element classes; the part is only for headers). Documents rendered from one
        template have the same sections: equal settings give the one Section, read once."""
        return [_section(etree.tostring(properties)) for properties in _SECTIONS(self.body)]

    @classmethod
    def of(cls, document: Document) -> Package:
        """The package of a document opened with python-docx."""
        return cls(document.element.body, {r_id: rel.target_part.element for r_id, rel in document.part.rels.items()
                                           if rel.reltype in (RT.HEADER, RT.FOOTER)})


@lru_cache(maxsize=64)
def _section(properties: bytes) -> Section:
    return Section(parse_xml(properties), None)


@dataclass
class DocModel:
    package: Package
    resolver: StyleResolver
    paras: list[Para]
    book: Rulebook

    @property
    def sections(self) -> list[Section]:
        return self.package.sections

    @cached_property
    def header_parts(self) -> list[HeaderPart]:
        return _header_parts(self)

    def body(self) -> list[Para]:
        return [p for p in self.paras if p.table is None]

    def table_paras(self, table: int) -> list[Para]:
        return [p for p in self.paras if p.table == table]

    def cell_paras(self, table: int, cell: tuple[int, int]) -> list[Para]:
        return [p for p in self.paras if p.table == table and p.cell == cell]


def build_model(document: Document | Package, book: Rulebook, resolver: StyleResolver | None = None) -> DocModel:
    """The document's paragraphs with resolved formatting; ``resolver`` may be shared by
    documents whose styles and theme are identical (see Checker)."""
    if isinstance(document, Document):
        resolver = resolver or StyleResolver.of(document)
        document = Package.of(document)
    paras = list(_walk(document.body, resolver, None, None, None, None))
    return DocModel(document, resolver, paras, book)


def make_para(para_el, resolver: StyleResolver, place: str = "", table: int | None = None,
              cell: tuple[int, int] | None = None, table_style: str | None = None) -> Para:
    """``table_style``: the style id of the table the paragraph is in (``StyleResolver.table_style_id``)."""
    properties, runs, shape = _children(para_el)
    style, alignment = resolver.paragraph(properties)
    para = Para(element=para_el, text="", place=place, table=table, cell=cell, alignment=alignment,
                has_shape=shape)
    line = Line("", [], weakref.ref(para))
    para.lines = [line]
    for text, fmt in _texts(para_el, runs, resolver, style, table_style, para):
        if "\n" in text:
            line = _broken(para, text, fmt)
        else:
            line.text += text
            line.pieces.append(Piece(text, fmt))
    para.text = line.text if len(para.lines) == 1 else "\n".join(each.text for each in para.lines)
    return para


def _broken(para: Para, text: str, fmt: RunFormat) -> Line:
    """Add a run's text that holds line breaks to ``para``, each break beginning a line; the last line."""
    line = para.lines[-1]
    for index, chunk in enumerate(text.split("\n")):
        if index:
            line = Line("", [], line.owner)
            para.lines.append(line)
        if chunk:
            line.text += chunk
            line.pieces.append(Piece(chunk, fmt))
    return line


def _children(para_el) -> tuple[etree._Element | None, list[etree._Element], bool]:
    """The paragraph's properties, its runs outside runs, and whether a shape is among them outside runs: its
    children visited once, what holds more (a hyperlink, an insertion, a field, a content control, a
    deletion) searched."""
    properties, runs, shape = None, [], False
    for child in para_el:
        tag = child.tag
        if tag == _R:
            runs.append(child)
        elif tag == _PPR:
            properties = child if properties is None else properties
        elif tag in SHAPE_TAGS:
            shape = True
        elif len(child):
            shape = shape or next(child.iter(*SHAPE_TAGS), None) is not None
            if tag != _DEL:
                runs += _own_runs(child, para_el)
    return properties, runs, shape


def _texts(para_el, runs: list[etree._Element], resolver: StyleResolver, style: str | None,
           table_style: str | None, para: Para) -> list[tuple[str, RunFormat]]:
    """Each run's text and format, in order (``runs``, the paragraph's own list, is added to): a run that holds
    runs of its own (ruby) is followed by them; one that holds a drawing marks ``para`` as having a shape."""
    found, index = [], 0
    while index < len(runs):
        run = runs[index]
        index += 1
        text, run_properties, holds = _run_content(run)
        if holds:
            para.has_shape = para.has_shape or next(run.iter(*SHAPE_TAGS), None) is not None
            if run.getparent() is para_el:
                runs[index:index] = _own_runs(run, para_el)
        if text:
            found.append((text, resolver.run_format(run_properties, style, table_style)))
    return found


def _walk(container, resolver, table_no, cell, table_style, counter) -> Iterator[Para]:
    counter = counter if counter is not None else [0]
    for child in container:
        tag = child.tag
        if tag == _P:
            place = f"bảng {table_no}, ô ({cell[0]}, {cell[1]}), " if table_no else ""
            yield make_para(child, resolver, place, table_no, cell, table_style)
        elif tag == _TBL:
            yield from _walk_table(child, resolver, table_no, cell, counter)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _walk(content, resolver, table_no, cell, table_style, counter)


def _walk_table(tbl, resolver, outer_no, outer_cell, counter) -> Iterator[Para]:
    if outer_no is None:
        counter[0] += 1
    number, style = outer_no or counter[0], resolver.table_style_id(tbl)
    for r_index, row in enumerate(tbl.findall(w("tr")), start=1):
        for c_index, tc in enumerate(row.findall(w("tc")), start=1):
            cell = outer_cell or (r_index, c_index)
            yield from _walk(tc, resolver, number, cell, style, counter)


def _own_runs(holder, para_el) -> list[etree._Element]:
    """The runs in ``holder``, a child of the paragraph, that are the paragraph's own (not of a paragraph nested
    in it, as in a text box), leaving out deleted ones (a ``w:del`` holds runs, never paragraphs, so only the
    elements between run and paragraph are looked at)."""
    owned = []
    for run in holder.iter(_R):
        if run is holder:
            continue
        parent = run.getparent()
        while parent is not para_el and parent.tag != _P and parent.tag != _DEL:
            parent = parent.getparent()
        if parent is para_el:
            owned.append(run)
    return owned


def _run_content(run_el) -> tuple[str, etree._Element | None, bool]:
    """The run's text, its properties (``w:rPr``) and whether it holds more than text (a drawing, a drawing in
    an alternative content block, runs of its own)."""
    parts, properties, holds = [], None, False
    for child in run_el:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _RPR:
            properties = child if properties is None else properties
        elif tag == _TAB:
            parts.append("\t")
        elif tag in LINE_BREAK_TAGS:
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag in SHAPE_TAGS or len(child):
            holds = True
    return "".join(parts), properties, holds


PART_LABELS = {
    ("header", "default"): "đầu trang",
    ("header", "first"): "đầu trang thứ nhất",
    ("header", "even"): "đầu trang chẵn",
    ("footer", "default"): "chân trang",
    ("footer", "first"): "chân trang thứ nhất",
    ("footer", "even"): "chân trang chẵn",
}


@dataclass
class HeaderPart:
    section: int
    kind: str          # "header" or "footer"
    type: str          # "default", "first" or "even"
    paras: list[Para]


def _header_parts(model: DocModel) -> list[HeaderPart]:
    """Header and footer parts each section defines itself (inherited ones are not repeated)."""
    R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    related = model.package.related
    parts = []
    for number, section in enumerate(model.sections, start=1):
        for kind in ("header", "footer"):
            for ref in section._sectPr.findall(w(f"{kind}Reference")):
                ref_type = ref.get(w("type"), "default")
                place = f"{PART_LABELS[(kind, ref_type)]} mục (section) {number}, "
                root = related[ref.get(R_ID)]
                paras = list(_walk_with_place(root, model.resolver, place))
                parts.append(HeaderPart(number, kind, ref_type, paras))
    return parts


def _walk_with_place(root, resolver, place) -> Iterator[Para]:
    for para_el in root.iter(w("p")):
        if next(para_el.iterancestors(w("p")), None) is None:
            yield make_para(para_el, resolver, place)
