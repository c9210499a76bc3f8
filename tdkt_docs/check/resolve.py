"""Run and paragraph properties as Word resolves them.

Order of precedence: direct run formatting → character style (basedOn chain) →
paragraph style (basedOn chain) → table style (basedOn chain) → document defaults.
Each result carries the Vietnamese name of the level it came from.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WORD_DEFAULT = "mặc định của Word"
OFF_VALUES = {"0", "false", "off"}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Resolved:
    value: object
    source: str


@dataclass(frozen=True)
class RunFormat:
    fonts: tuple[Resolved, ...]   # the ascii and hAnsi slots (Latin and Vietnamese letters)
    size: Resolved                # points
    bold: bool
    italic: bool


@dataclass(frozen=True)
class _Style:
    name: str
    kind: str
    based_on: str | None
    rpr: etree._Element | None
    ppr: etree._Element | None


def _on(element: etree._Element | None) -> bool | None:
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in OFF_VALUES


class StyleResolver:
    """Resolves formatting for runs and paragraphs of one document."""

    def __init__(self, styles_root: etree._Element, theme: dict[str, str]) -> None:
        self._styles = {
            el.get(w("styleId")): _Style(
                name=_style_name(el),
                kind=el.get(w("type"), "paragraph"),
                based_on=_val(el.find(w("basedOn"))),
                rpr=el.find(w("rPr")),
                ppr=el.find(w("pPr")),
            )
            for el in styles_root.findall(w("style"))
        }
        self._default_para = next(
            (el.get(w("styleId")) for el in styles_root.findall(w("style"))
             if el.get(w("type")) == "paragraph" and _on(_attr_flag(el, "default"))),
            None,
        )
        self._default_rpr = styles_root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self._default_ppr = styles_root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
        self._theme = theme
        self._formats: dict[tuple, RunFormat] = {}
        self._alignments: dict[str | None, str] = {}

    @classmethod
    def of(cls, document: Document) -> StyleResolver:
        """The resolver of a document opened with python-docx."""
        try:
            theme = theme_fonts(document.part.part_related_by(RT.THEME).blob)
        except KeyError:
            theme = {}
        return cls(document.styles.element, theme)

    def run_format(self, rpr: etree._Element | None, para_style: str | None, table_style: str | None = None
                   ) -> RunFormat:
        """The format of a run with properties ``rpr`` (its ``w:rPr``, or None) in a paragraph of style
        ``para_style`` (from ``paragraph``), in a table of style ``table_style`` (``table_style_id``) or none.
        Memoised on what the result depends on: the run's own properties and the two style ids."""
        key = (None if rpr is None else etree.tostring(rpr), para_style, table_style)
        if key not in self._formats:
            levels = list(self._run_levels(rpr, para_style, table_style))
            fonts = tuple(self._font(levels, slot) for slot in ("ascii", "hAnsi"))
            self._formats[key] = RunFormat(fonts, self._size(levels), self._toggle(levels, "b"),
                                           self._toggle(levels, "i"))
        return self._formats[key]

    def paragraph(self, ppr: etree._Element | None) -> tuple[str | None, str]:
        """The style id and alignment of a paragraph with properties ``ppr`` (its ``w:pPr``, or None)."""
        style, jc = None, None
        for item in () if ppr is None else ppr:  # the first of each, its children visited once
            if item.tag == _PSTYLE and style is None:
                style = item
            elif item.tag == _JC and jc is None:
                jc = item
        style_id = _val(style) or self._default_para
        if jc is not None:
            return style_id, jc.get(_VAL, "left")
        if style_id not in self._alignments:  # memoised: the rest depends on the style id alone
            self._alignments[style_id] = next((jc.get(_VAL, "left") for _, ppr in self._style_levels(style_id)
                                               if (jc := ppr.find(_JC)) is not None), "left")
        return style_id, self._alignments[style_id]

    def border(self, para_el: etree._Element, side: str) -> bool:
        for _, ppr in self._para_levels(para_el):
            edge = ppr.find(f"{w('pBdr')}/{w(side)}")
            if edge is not None:
                return edge.get(w("val"), "nil") not in ("nil", "none")
        return False

    def _run_levels(self, rpr, para_style, table_style) -> Iterator[tuple[str, str, etree._Element]]:
        """(level kind, source text, rPr) from the strongest level to the weakest."""
        if rpr is not None:
            yield "direct", "định dạng trực tiếp", rpr
            yield from self._chain(_val(rpr.find(w("rStyle"))), "character", "kiểu ký tự")
        yield from self._chain(para_style, "paragraph", "kiểu đoạn")
        yield from self._chain(table_style, "table", "kiểu bảng")
        if self._default_rpr is not None:
            yield "defaults", "mặc định của tài liệu", self._default_rpr

    def _chain(self, style_id, kind, label) -> Iterator[tuple[str, str, etree._Element]]:
        return ((kind, f'{label} "{style.name}"', style.rpr) for style in self._based_on(style_id)
                if style.rpr is not None)

    def _based_on(self, style_id: str | None) -> Iterator[_Style]:
        """The style ``style_id`` and those it is based on, in that order (a loop is followed once)."""
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            yield self._styles[style_id]
            style_id = self._styles[style_id].based_on

    @staticmethod
    def table_style_id(table_el: etree._Element | None) -> str | None:
        properties = None if table_el is None else child(table_el, _TBLPR)
        return None if properties is None else _val(child(properties, _TBLSTYLE))

    def _para_levels(self, para_el) -> Iterator[tuple[str, etree._Element]]:
        ppr = child(para_el, _PPR)
        if ppr is not None:
            yield "định dạng trực tiếp", ppr
        yield from self._style_levels(self.paragraph(ppr)[0])

    def _style_levels(self, style_id: str | None) -> Iterator[tuple[str, etree._Element]]:
        """The paragraph properties of style ``style_id``, its bases and the document's defaults."""
        yield from ((style.name, style.ppr) for style in self._based_on(style_id) if style.ppr is not None)
        if self._default_ppr is not None:
            yield "mặc định của tài liệu", self._default_ppr

    def _font(self, levels, slot: str) -> Resolved:
        for _, source, rpr in levels:
            fonts = rpr.find(w("rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(w(f"{slot}Theme"))
            if theme is not None:
                return Resolved(self._theme.get(theme, theme), f"{source}, phông chủ đề")
            name = fonts.get(w(slot))
            if name is not None:
                return Resolved(name, source)
        return Resolved("Times New Roman", WORD_DEFAULT)

    @staticmethod
    def _size(levels) -> Resolved:
        for _, source, rpr in levels:
            size = rpr.find(w("sz"))
            if size is not None and size.get(w("val")):
                return Resolved(int(size.get(w("val"))) / 2, source)
        return Resolved(10.0, WORD_DEFAULT)

    @staticmethod
    def _toggle(levels, tag: str) -> bool:
        """Direct formatting is absolute; style levels of different kinds toggle."""
        first_by_kind: dict[str, bool] = {}
        for kind, _, rpr in levels:
            value = _on(rpr.find(w(tag)))
            if value is None:
                continue
            if kind == "direct":
                return value
            first_by_kind.setdefault(kind, value)
        default = first_by_kind.pop("defaults", False)
        if not first_by_kind:
            return default
        result = False
        for value in first_by_kind.values():
            result ^= value
        return result


_PPR, _PSTYLE, _JC, _VAL = w("pPr"), w("pStyle"), w("jc"), w("val")
_TBLPR, _TBLSTYLE = w("tblPr"), w("tblStyle")


def child(element: etree._Element, tag: str) -> etree._Element | None:
    """The first child named ``tag``: ``element.find(tag)`` without lxml's path parser, for the hot paths."""
    return next(element.iterchildren(tag), None)


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(_VAL)


def _attr_flag(element: etree._Element, name: str) -> etree._Element | None:
    """Wrap an on/off attribute so that _on() can read it."""
    value = element.get(w(name))
    if value is None:
        return None
    flag = etree.Element(w("flag"))
    flag.set(w("val"), value)
    return flag


def _style_name(element: etree._Element) -> str:
    return _val(element.find(w("name"))) or element.get(w("styleId"), "")


def theme_fonts(theme_xml: bytes) -> dict[str, str]:
    """Theme font slots (minorHAnsi …) → typeface, from the theme part."""
    root = etree.fromstring(theme_xml)
    fonts: dict[str, str] = {}
    for major_minor in ("major", "minor"):
        latin = root.find(f".//{{{A}}}{major_minor}Font/{{{A}}}latin")
        if latin is not None:
            for slot in ("Ascii", "HAnsi"):
                fonts[f"{major_minor}{slot}"] = latin.get("typeface", "")
    return fonts
