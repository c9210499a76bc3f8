"""Lint a .docx template before it is used: what docxtpl would break or hide.

docxtpl works on the raw XML with regular expressions, so a broken tag gives
corrupt output or a Jinja error pointing at XML lines. Here every tag is read
from the text of its paragraph, as Word shows it, and each problem is reported
with the paragraph text around it.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

import jinja2
import jinja2.meta
from docx.oxml.ns import qn
from lxml import etree

from ..compose.document import Entries, Items, Shape
from ..errors import UserError
from ..render.docx import BODY_PART
from ..render.template_errors import did_you_mean, explain
from ..problems import Problem
from .findings import ERROR, WARNING, finding

RENDERED_PART = re.compile(r"word/(document|header|footer)\d*\.xml")
PART_LABELS = {"document": "", "header": "đầu trang, ", "footer": "chân trang, "}
UNRENDERED_PARTS = {
    "word/footnotes.xml": "chú thích cuối trang",
    "word/endnotes.xml": "chú thích cuối văn bản",
    "word/comments.xml": "ghi chú (comment)",
}
OPENER = re.compile(r"\{[{%#]")
CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
SPECIAL = re.compile(r"(p|tr|tc|r) ")
STRAIGHT_QUOTES = str.maketrans("“”‘’", "\"\"''")  # as docxtpl's clean_tags
BLOCKS = frozenset({"if", "for", "with", "macro", "call", "filter", "block", "autoescape"})
BROKEN = re.compile(r"\{\s+[{%]|[}%]\s+\}|\}\}|%\}")
CONTAINERS = {"p": ("w:p", "đoạn"), "tr": ("w:tr", "hàng bảng"), "tc": ("w:tc", "ô bảng"),
              "r": ("w:r", "đoạn chữ")}
SPLIT_RULE = "mỗi thẻ gõ liền một mạch, cùng định dạng (xoá cả thẻ rồi gõ lại)"
WINDOW = 25
JINJA = jinja2.Environment()
MAX_TAG = 40


@dataclass(frozen=True)
class Piece:
    """One w:t of a paragraph: where its text starts in the paragraph and its run."""

    start: int
    text: str
    run: etree._Element


@dataclass(frozen=True)
class Para:
    element: etree._Element
    text: str
    pieces: tuple[Piece, ...]
    place: str  # "" in the body, "đầu trang, " in a header …


@dataclass(frozen=True)
class Tag:
    para: Para
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def opener(self) -> str:
        return self.text[:2]

    @property
    def special(self) -> str:
        """docxtpl's p/tr/tc/r marker, or ""."""
        match = SPECIAL.match(self.text, 2)
        return match.group(1) if match else ""

    @property
    def jinja(self) -> str:
        """The tag as Jinja sees it once docxtpl has removed the marker and made Word's curly quotes straight."""
        return (self.opener + self.text[2 + len(self.special):]).translate(STRAIGHT_QUOTES)

    @property
    def name(self) -> str:
        """The statement of a {% %} tag: "if", "endfor" …; "" for other tags."""
        match = re.match(r"\{%[-+]?\s*(\w+)", self.jinja)
        return match.group(1) if self.opener == "{%" and match else ""


@dataclass
class Part:
    paras: list[Para]
    tags: list[Tag]
    findings: list[Problem]
    unclosed: list[Para]  # paragraphs with an opener lacking its closer


def lint_template(path: Path, variables: Mapping[str, Shape] | None) -> list[Problem]:
    """Every problem of the template at ``path``; rule names start with "mau.".

    ``variables`` are the names its document type provides, with their fields; None (a file no type uses)
    skips that check.
    """
    path = Path(path)
    parts = _read_parts(path)
    findings = []
    for name, root in parts.items():
        if rendered := RENDERED_PART.fullmatch(name):
            paras = _paragraphs(root, PART_LABELS[rendered.group(1)])
            findings += _lint_part(paras, variables, path.name)
        else:
            findings += _unrendered(_paragraphs(root, UNRENDERED_PARTS[name] + ", "))
    return findings


def _read_parts(path: Path) -> dict[str, etree._Element]:
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp mẫu "{path}".')
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if RENDERED_PART.fullmatch(n) or n in UNRENDERED_PARTS]
            parts = {n: etree.fromstring(archive.read(n))
                     for n in sorted(names, key=lambda n: (n != BODY_PART, n))}
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as err:
        raise UserError(f'Tệp "{path.name}" không phải tệp Word .docx đọc được '
                        "(tệp hỏng hoặc không phải định dạng Word mới).") from err
    if BODY_PART not in parts:
        raise UserError(f'Tệp "{path.name}" không phải tệp Word .docx: thiếu phần nội dung {BODY_PART}.')
    return parts


def _paragraphs(root: etree._Element, place: str) -> list[Para]:
    paras = []
    for p in root.iter(qn("w:p")):
        pieces, offset = [], 0
        for t in p.iter(qn("w:t")):
            if t.text and _nearest(t, "w:p") is p:
                pieces.append(Piece(offset, t.text, _nearest(t, "w:r")))
                offset += len(t.text)
        paras.append(Para(p, "".join(piece.text for piece in pieces), tuple(pieces), place))
    return paras


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    return next(element.iterancestors(qn(tag)), None)


# -- one rendered part ----------------------------------------------------------


def _lint_part(paras: list[Para], variables: Mapping[str, Shape] | None, template: str) -> list[Problem]:
    part = Part(paras, [], [], [])
    for para in paras:
        _scan(para, part)
    if not part.unclosed:
        _check_blocks(part)
    if not part.findings:
        _check_jinja(part, variables, template)
    return part.findings + _split_tags(part.tags) + _crowded(part) + _leftovers(part)


def _scan(para: Para, part: Part) -> None:
    """Collect the paragraph's tags; an opener without its closer is a syntax error."""
    position = 0
    while match := OPENER.search(para.text, position):
        closer = CLOSERS[match.group()]
        end = para.text.find(closer, match.end())
        if end < 0:
            part.findings.append(finding(
                "mau.cu_phap", ERROR, _where(para, match.start(), len(para.text)),
                f'thẻ mở bằng "{match.group()}" phải đóng bằng "{closer}" trong cùng một đoạn',
                f'"{_short(para.text[match.start():])}" không có "{closer}"'))
            part.unclosed.append(para)
            return
        part.tags.append(Tag(para, match.start(), end + 2))
        position = end + 2


def _check_blocks(part: Part) -> None:
    """Every {% if/for … %} closed by its own end tag, in order."""
    stack: list[Tag] = []
    for tag in part.tags:
        if tag.name in BLOCKS:
            stack.append(tag)
        elif tag.name.startswith("end") and tag.name[3:] in BLOCKS:
            if stack and stack[-1].name == tag.name[3:]:
                stack.pop()
                continue
            found = (f'khối đang mở là "{stack[-1].text}" ({stack[-1].para.place}đoạn '
                     f'"{_short(stack[-1].para.text)}")' if stack else "không có khối nào đang mở")
            part.findings.append(finding(
                "mau.cu_phap", ERROR, _where(tag.para, tag.start, tag.end),
                f'thẻ "{tag.text}" đóng một khối "{tag.name[3:]}" đã mở trước nó', found))
            return
    for tag in stack:
        part.findings.append(finding(
            "mau.cu_phap", ERROR, _where(tag.para, tag.start, tag.end),
            f'khối "{tag.name}" đóng bằng thẻ "{_end_tag(tag)}"',
            f'thẻ "{tag.text}" mở khối nhưng không có thẻ đóng'))


def _end_tag(tag: Tag) -> str:
    return "{%" + tag.special + " end" + tag.name + " %}"


def _check_jinja(part: Part, variables: Mapping[str, Shape] | None, template: str) -> None:
    """Jinja's parse and code generation, one line per paragraph, then the variables and their fields against
    the declared ones."""
    lines = []
    for para in part.paras:
        tags = [t for t in part.tags if t.para is para]
        lines.append(_jinja_line(para.text, tags))
    try:
        tree = JINJA.parse("\n".join(lines))
        _check_filters(tree)
        undeclared = jinja2.meta.find_undeclared_variables(tree)  # generates the code: fails as compiling would
    except jinja2.TemplateSyntaxError as exc:
        para = part.paras[min(max(exc.lineno, 1), len(part.paras)) - 1]
        part.findings.append(_syntax_finding(exc, para, [t for t in part.tags if t.para is para]))
        return
    if variables is not None:
        part.findings += _unknown_variables(tree, undeclared, part.paras, variables, template)
        part.findings += _unknown_fields(tree, part.paras, variables, template)


def _jinja_line(text: str, tags: list[Tag]) -> str:
    for tag in reversed(tags):
        text = text[:tag.start] + tag.jinja + text[tag.end:]
    return text


def _check_filters(tree: jinja2.nodes.Template) -> None:
    """Raise what Jinja's compiler raises for an unknown filter or test: it lets one inside an {% if %} pass
    until a rendering comes to it."""
    for node in tree.find_all((jinja2.nodes.Filter, jinja2.nodes.Test)):
        known, kind = (JINJA.filters, "filter") if isinstance(node, jinja2.nodes.Filter) else (JINJA.tests, "test")
        if node.name not in known:
            raise jinja2.TemplateAssertionError(f"No {kind} named {node.name!r}.", node.lineno)


def _syntax_finding(exc: jinja2.TemplateSyntaxError, para: Para, tags: list[Tag]) -> Problem:
    """The error told in Vietnamese, placed at the tag that holds the text at fault (else the paragraph)."""
    explained = explain(exc)
    token = explained.token
    at = re.compile(rf"\b{re.escape(token)}\b" if token.isidentifier() else re.escape(token))
    tag = next((t for t in tags if token and at.search(t.jinja)), None)
    start, end = (tag.start, tag.end) if tag else (0, len(para.text))
    return finding("mau.cu_phap", ERROR, _where(para, start, end), explained.rule, explained.found)


def _unknown_variables(tree, undeclared: set[str], paras: list[Para], variables: Mapping[str, Shape],
                       template: str) -> list[Problem]:
    findings = []
    names = list(tree.find_all(jinja2.nodes.Name))
    for variable in sorted(undeclared - set(variables)):
        line = min(n.lineno for n in names if n.name == variable and n.ctx == "load")
        para = paras[line - 1]
        at = re.search(rf"\b{re.escape(variable)}\b", para.text)
        findings.append(_unknown_name(para, at, template, f'biến "{variable}" không có; '
                                                           f"{did_you_mean(variable, variables)}"))
    return findings


def _unknown_fields(tree, paras: list[Para], variables: Mapping[str, Shape], template: str) -> list[Problem]:
    """Each ``a.b`` whose ``a`` is a variable (or the loop variable over one) with declared fields, none "b".
    A variable's name the template assigns itself ({% set %}, {% with %}, a loop, a macro's parameter) is not
    looked into."""
    assigned = {n.name for n in tree.find_all(jinja2.nodes.Name) if n.ctx != "load"}
    scope = {name: shape for name, shape in variables.items() if name not in assigned}
    findings = []
    for node, known in _missing_fields(tree, scope):
        path = _dotted(node.node)
        para = paras[node.lineno - 1]
        at = re.search(r"\s*\.\s*".join(map(re.escape, [*path.split("."), node.attr])) + r"\b", para.text)
        findings.append(_unknown_name(para, at, template, f'biến "{path}.{node.attr}" không có; '
                                                           f'{did_you_mean(node.attr, known, prefix=path + ".")}'))
    return findings


def _unknown_name(para: Para, at: re.Match | None, template: str, found: str) -> Problem:
    return finding("mau.bien_la", ERROR, _where(para, *(at.span() if at else (0, len(para.text)))),
                   f"biến có trong số liệu của mẫu {template} (danh sách ở templates/README.md)", found)


def _missing_fields(node: jinja2.nodes.Node,
                    scope: dict[str, Shape]) -> Iterator[tuple[jinja2.nodes.Getattr, Mapping[str, Shape]]]:
    """Each ``a.b`` under ``node`` where ``a`` has fields (``scope``: the shape of each name) and none is "b",
    with those fields; a mapping's own methods (``items``, ``get`` …) are not fields but work."""
    if isinstance(node, jinja2.nodes.For):
        inner = _loop_scope(node, scope)
        yield from _missing_fields(node.iter, scope)
        for child in node.body + ([node.test] if node.test else []):
            yield from _missing_fields(child, inner)
        for child in node.else_:
            yield from _missing_fields(child, scope)
        return
    if isinstance(node, jinja2.nodes.Getattr):
        known = _shape(node.node, scope)
        if isinstance(known, Mapping) and node.attr not in known and not hasattr(dict, node.attr):
            yield node, known
    for child in node.iter_child_nodes():
        yield from _missing_fields(child, scope)


def _loop_scope(loop: jinja2.nodes.For, scope: dict[str, Shape]) -> dict[str, Shape]:
    """The names inside ``loop``: its loop variable has the shape of the items it runs over."""
    target = loop.target
    names = {n.name for n in (target, *target.find_all(jinja2.nodes.Name)) if isinstance(n, jinja2.nodes.Name)}
    inner = {name: shape for name, shape in scope.items() if name not in names}
    items = _shape(loop.iter, scope)
    if isinstance(target, jinja2.nodes.Name) and isinstance(items, Items):
        inner[target.name] = items.shape
    return inner


def _shape(node: jinja2.nodes.Node, scope: dict[str, Shape]) -> Shape:
    """What ``node`` holds, when it is a name or a field of one; None when that is not known."""
    if isinstance(node, jinja2.nodes.Name):
        return scope.get(node.name)
    if not isinstance(node, jinja2.nodes.Getattr):
        return None
    parent = _shape(node.node, scope)
    if isinstance(parent, Entries):
        return parent.shape
    return parent.get(node.attr) if isinstance(parent, Mapping) else None


def _dotted(node: jinja2.nodes.Node) -> str:
    """``a.b.c`` as written (a node ``_shape`` knows is a name or fields of one)."""
    return node.name if isinstance(node, jinja2.nodes.Name) else f"{_dotted(node.node)}.{node.attr}"


# -- tags split across runs -------------------------------------------------------


def _split_tags(tags: list[Tag]) -> list[Problem]:
    findings = []
    for tag in tags:
        pieces = [p for p in tag.para.pieces if p.start < tag.end and p.start + len(p.text) > tag.start]
        runs = list(dict.fromkeys(p.run for p in pieces))
        if len(runs) < 2:
            continue
        shown = " + ".join(f'"{_piece_part(p, tag)}"' for p in pieces)
        repairable = len({id(r.getparent()) for r in runs}) == 1
        found = f'thẻ "{_short(tag.text)}" bị tách thành {len(pieces)} đoạn chữ: {shown}'
        found += ("; khi điền, giá trị mang định dạng của phần đầu thẻ" if repairable else
                  "; thẻ vắt qua vết sửa đổi hoặc liên kết nên không điền được")
        findings.append(finding("mau.tach_the", WARNING if repairable else ERROR,
                                _where(tag.para, tag.start, tag.end),
                                SPLIT_RULE, found))
    return findings


def _piece_part(piece: Piece, tag: Tag) -> str:
    return piece.text[max(tag.start - piece.start, 0):tag.end - piece.start]


# -- paragraph, row, cell and run tags ----------------------------------------------


def _crowded(part: Part) -> list[Problem]:
    """docxtpl replaces the whole paragraph/row/cell/run of a {%p/tr/tc/r tag by that one tag."""
    findings = []
    groups: dict[tuple[str, int], tuple[etree._Element, list[Tag]]] = {}
    for tag in part.tags:
        if not tag.special:
            continue
        holder = _holder(tag)
        if holder is None:
            findings.append(finding("mau.cu_phap", ERROR, _where(tag.para, tag.start, tag.end),
                                    f"thẻ {{%{tag.special} … %}} nằm trong một {CONTAINERS[tag.special][1]}",
                                    f'thẻ "{tag.text}" nằm ngoài bảng'))
            continue
        groups.setdefault((tag.special, id(holder)), (holder, []))[1].append(tag)
    for (letter, _), (holder, tags) in groups.items():
        first, noun = tags[0], CONTAINERS[letter][1]
        if len(tags) > 1:
            findings.append(finding(
                "mau.hai_the_doan", ERROR, _where(first.para, first.start, tags[-1].end),
                f"mỗi {noun} chỉ chứa một thẻ {{%{letter} … %}}",
                f"có {len(tags)} thẻ: " + ", ".join(f'"{t.text}"' for t in tags)))
        elif letter != "r" and (rest := _rest(holder, part.paras, first)):
            findings.append(finding(
                "mau.hai_the_doan", ERROR, _where(first.para, first.start, first.end),
                f'{noun} chứa thẻ "{first.text}" chỉ chứa đúng thẻ đó',
                f'còn có "{_short(rest)}", sẽ bị xoá khi điền'))
    return findings


def _holder(tag: Tag) -> etree._Element | None:
    element, name = tag.para.element, CONTAINERS[tag.special][0]
    if tag.special == "r":
        return next(p.run for p in tag.para.pieces if p.start <= tag.start < p.start + len(p.text))
    return element if element.tag == qn(name) else _nearest(element, name)


def _rest(holder: etree._Element, paras: list[Para], tag: Tag) -> str:
    """The holder's text other than the tag."""
    texts = [p.text[:tag.start] + p.text[tag.end:] if p is tag.para else p.text
             for p in paras if p.element is holder or holder in p.element.iterancestors()]
    return " ".join(" ".join(texts).split())


# -- leftovers ---------------------------------------------------------------------


def _leftovers(part: Part) -> list[Problem]:
    """Brace fragments outside tags: the render prints them as they are."""
    findings = []
    for para in part.paras:
        if any(para is p for p in part.unclosed):
            continue
        tags = [t for t in part.tags if t.para is para]
        bounds = [0] + [i for t in tags for i in (t.start, t.end)] + [len(para.text)]
        fragments = [m for start, end in zip(bounds[::2], bounds[1::2])
                     for m in BROKEN.finditer(para.text, start, end)]
        if fragments:
            findings.append(finding(
                "mau.tan_du", ERROR, _where(para, fragments[0].start(), fragments[-1].end()),
                "lời văn không có mảnh thẻ rời ({{ … }} và {% … %} viết liền, đủ hai đầu)",
                ", ".join(f'"{m.group()}"' for m in fragments) + " sẽ in nguyên văn ra văn bản"))
    return findings


def _unrendered(paras: list[Para]) -> list[Problem]:
    """Tags in parts the renderer does not fill (footnotes, endnotes, comments)."""
    return [
        finding("mau.tan_du", ERROR, _where(para, m.start(), m.end()),
                "thẻ chỉ đặt trong thân văn bản, đầu trang hoặc chân trang",
                f'thẻ "{_short(para.text[m.start():])}" ở đây không được điền, sẽ in nguyên văn')
        for para in paras for m in [OPENER.search(para.text)] if m
    ]


# -- phrasing ----------------------------------------------------------------------


def _where(para: Para, start: int, end: int) -> str:
    """The paragraph, quoted around characters start…end."""
    text = para.text
    low, high = max(start - WINDOW, 0), min(end + WINDOW, len(text))
    if low and (cut := text.find(" ", low, start)) >= 0:
        low = cut + 1
    if high < len(text) and (cut := text.rfind(" ", end, high)) >= 0:
        high = cut
    quoted = ("…" if low else "") + text[low:high] + ("…" if high < len(text) else "")
    where = f'{para.place}đoạn "{" ".join(quoted.split())}"'
    if _ONLY_TAGS.fullmatch(text) and (before := _text_before(para.element)):
        where += f' (sau đoạn "{_short(before)}")'  # a paragraph of a tag alone: which of them
    return where


_ONLY_TAGS = re.compile(r"\s*(?:\{[%#].*?[%#]\}\s*)+")
_T = qn("w:t")


def _text_before(para_el: etree._Element) -> str:
    """The text of the nearest paragraph before ``para_el`` (in its table cell, if in one) that has text other than
    block tags."""
    for before in para_el.itersiblings(qn("w:p"), preceding=True):
        text = " ".join("".join(t.text or "" for t in before.iter(_T)).split())
        if text and not _ONLY_TAGS.fullmatch(text):
            return text
    return ""


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_TAG else flat[:MAX_TAG].rstrip() + "…"
