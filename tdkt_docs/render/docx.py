"""docxtpl templates → .docx bytes.

A template is read, patched by docxtpl and compiled by Jinja once
(``CompiledTemplate``); each document then costs one Jinja render and one zip
write, with the template's other parts copied as they are. Rendering is strict:
data is always escaped (``& < >`` stay text) and a variable the context lacks is
an error naming the template, never a silent blank.
"""
from __future__ import annotations

import hashlib
import re
import traceback
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Mapping

import jinja2
from docx.oxml.ns import nsmap, qn
from docxtpl import DocxTemplate
from lxml import etree

from ..errors import UserError
from ..files import Deflated, write_zip
from .template_errors import explain

BODY_PART = "word/document.xml"


class _CompilingEnvironment(jinja2.Environment):
    """Compiles each template source once: ``render_xml_part`` asks for it at every render."""

    def __init__(self):
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - jinja's signature
        if source not in self._compiled:
            self._compiled[source] = super().from_string(source, globals, template_class)
        return self._compiled[source]

    def getattr(self, obj, attribute):
        """``dong.stt``: the variables are dicts and a field a template names is always one of their keys, never a
        method of dict (templates/README.md), so the key is looked up first, not after a failed attribute
        lookup (its exception costs more than the rest of the lookup, hundreds of times a document)."""
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


_LISTING = "\t\a\n\f"
"""What docxtpl's ``resolve_listing`` turns into Word's elements: tab, bell (new paragraph), line break, page break."""


class _Template(DocxTemplate):
    """docxtpl's template, rendering the same XML with less work: see ``render_xml_part`` and
    ``resolve_listing``."""

    def __init__(self, template_file: str):
        super().__init__(template_file)
        self._lined: dict[str, str] = {}

    def lined(self, source: str) -> str:
        """``source`` as docxtpl compiles it, each paragraph on a line of its own (so Jinja's line numbers tell
        the paragraph), made once per source."""
        if source not in self._lined:
            self._lined[source] = _PARAGRAPH_START.sub("\n<w:p\\1", source)
        return self._lined[source]

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        """docxtpl's ``render_xml_part`` (0.20.2, pinned): the part's paragraphs are put on lines of their own once,
        not at every rendering, and the rendering's lines are joined again by plain replacement rather than a
        regular expression with a group (the same text: only a line break before ``<w:p `` or ``<w:p>`` goes)."""
        self.current_rendering_part = part
        lined = self.lined(src_xml)
        try:
            xml = (jinja_env.from_string(lined) if jinja_env else jinja2.Template(lined)).render(context)
        except jinja2.TemplateError as exc:
            if getattr(exc, "lineno", None) is not None:
                first = max(exc.lineno - 4, 0)
                exc.docx_context = [_TAG.sub("", line) for line in lined.splitlines()[first:first + 7]]
            raise
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.resolve_listing(xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's: a tab, line break or page break typed in a value becomes Word's own element. A rendering
        with none of those characters anywhere is left as it is, unchanged byte for byte, without the three
        nested passes over every paragraph and run."""
        return super().resolve_listing(xml) if any(c in xml for c in _LISTING) else xml


class Rendered(dict):
    """The parts a rendering replaced, as bytes by zip name, with the body's element tree as it was rendered:
    the format check reads that tree rather than parse the bytes again."""

    def __init__(self, parts: dict[str, bytes], body: etree._Element):
        super().__init__(parts)
        self.body = body


@dataclass
class _Part:
    name: str          # zip entry, e.g. "word/header1.xml"
    part: object       # the python-docx part docxtpl renders it as
    source: str        # patched XML, as docxtpl renders it


class CompiledTemplate:
    """A .docx template read and patched once, its Jinja compiled once, rendered to any number of documents.

    Rendering goes through docxtpl's own ``patch_xml`` and ``fix_tables`` and its ``render_xml_part`` as
    ``_Template`` does it with less work (docxtpl is pinned in pyproject.toml); the zip is written here, with
    fixed timestamps.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.digest = hashlib.sha256(self.path.read_bytes()).hexdigest()
        self._env = _CompilingEnvironment()
        self._docx = _Template(str(self.path))
        self._docx.init_docx()
        with zipfile.ZipFile(self.path) as archive:
            self._entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
        raw = dict(self._entries)[BODY_PART]
        start, end = raw.index(b"<w:body>"), raw.rindex(b"</w:body>") + len(b"</w:body>")
        self._prefix, self._suffix = raw[:start], raw[end:]
        self._body = _Part(BODY_PART, self._docx.docx._part, self._docx.patch_xml(self._docx.get_xml()))
        self._headers = [
            _Part(str(part.partname).lstrip("/"), part, self._docx.patch_xml(self._docx.get_part_xml(part)))
            for uri in (self._docx.HEADER_URI, self._docx.FOOTER_URI)
            for _, part in self._docx.get_headers_footers(uri) if b"{" in part.blob]
        for part in (self._body, *self._headers):  # compile now: a syntax error stops here, naming the template
            try:
                self._docx.render_xml_part(part.source, part.part, {}, self._env)
            except jinja2.UndefinedError:
                pass  # compiled; an empty context only lacks the data
            except jinja2.TemplateError as exc:
                raise self._error(exc) from None

    @property
    def shell(self):
        """The template opened with python-docx: the parts a rendering leaves as they are."""
        return self._docx.docx

    def render(self, context: dict) -> bytes:
        """The rendered document's bytes (deterministic: same context, same bytes)."""
        return self.pack(self.render_parts(context))

    def render_parts(self, context: dict) -> Rendered:
        """The parts a rendering replaces, by zip name: the body and every header or footer with fields."""
        body = self._render_tree(context)
        replaced = Rendered({self._body.name: self._prefix + etree.tostring(body, encoding="utf-8") + self._suffix},
                            body=body)
        for part in self._headers:
            replaced[part.name] = self._render_part(part, context).encode("utf-8")
        return replaced

    def ready(self) -> None:
        """Compress now the parts no rendering replaces (``pack`` would on its first document)."""
        self._deflated  # noqa: B018 - computed and kept

    def pack(self, replaced: Mapping[str, bytes]) -> bytes:
        """The .docx of the template with ``replaced`` parts (the others go in as compressed once)."""
        return write_zip((name, replaced[name]) if name in replaced else self._deflated[name]
                         for name, _ in self._entries)

    @cached_property
    def _deflated(self) -> dict[str, Deflated]:
        """The parts no rendering replaces, compressed once."""
        rendered = {self._body.name, *(part.name for part in self._headers)}
        return {name: Deflated.of(name, data) for name, data in self._entries if name not in rendered}

    def _render_part(self, part: _Part, context: dict) -> str:
        try:
            return self._docx.render_xml_part(part.source, part.part, context, self._env)
        except jinja2.UndefinedError as exc:
            name = _undefined_name(exc, part.source)
            raise UserError(f'Mẫu "{self.path.name}" dùng biến không có trong dữ liệu: {name}. '
                            "Xem danh sách biến trong templates/README.md.") from None
        except jinja2.TemplateError as exc:
            raise self._error(exc) from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            if not (line := _template_line(exc)):
                raise  # not raised by a tag of the template: the program's own error
            raise self._failed_tag(line, part) from None  # a tag computing what the data does not allow

    def _render_tree(self, context: dict) -> etree._Element:
        """The rendered ``w:body`` element."""
        body = self._docx.fix_tables(self._render_part(self._body, context))
        drop_empty_final_section(body)
        return body

    def _error(self, exc: jinja2.TemplateError) -> UserError:
        """Name the template, say what is wrong and how to write it, quoting the text around the error
        (docxtpl's ``docx_context``)."""
        explained = explain(exc)
        around = " … ".join(t for t in (" ".join(line.split()) for line in getattr(exc, "docx_context", ())) if t)
        quoted = f"Đoạn văn quanh chỗ lỗi: «{around}». " if around else ""
        return UserError(f'Mẫu "{self.path.name}" bị lỗi: {_sentence(explained.found)} {quoted}'
                         f"Cần sửa cho đúng: {_sentence(explained.rule)} "
                         f'Chạy "tdkt check --template {self.path.name}" để xem vị trí.')


    def _failed_tag(self, line: int, part: _Part) -> UserError:
        """A tag that computes (adds text to a number, divides by nothing) failed on the data at ``line`` of the
        part as compiled: the template's error, told with the paragraph it is in."""
        lines = self._docx.lined(part.source).splitlines()  # as the part is compiled
        text = " ".join(_TAG.sub("", lines[line - 1]).split()) if line <= len(lines) else ""
        where = f"Đoạn văn có thẻ lỗi: «{text}». " if text else ""
        return UserError(f'Mẫu "{self.path.name}" bị lỗi khi điền số liệu: một thẻ tính toán hoặc ghép những giá '
                         f"trị không đi với nhau (ví dụ cộng chữ với số, chia cho 0). {where}Cần sửa cho đúng: "
                         "thẻ in giá trị của biến như templates/README.md ghi, ví dụ {{ dia_danh }}, không tính "
                         "toán trên giá trị đó.")


def _template_line(exc: Exception) -> int:
    """The line of the compiled template where ``exc`` was raised: by the template's own code or by Jinja's on
    its behalf (a filter); 0 when it was raised elsewhere (the program's own code, called from a tag)."""
    line = 0
    for frame, number in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = number
        elif line and not frame.f_code.co_filename.startswith(_JINJA):
            return 0  # called from the template, raised in the program
    return line


_JINJA = str(Path(jinja2.__file__).parent)


_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_TAG = re.compile(r"<[^>]+>")


def _sentence(text: str) -> str:
    return text if text.endswith(("?", ".", "…")) else text + "."


def _undefined_name(exc: jinja2.UndefinedError, source: str) -> str:
    """The missing name; a missing field is named with its path in the template ("chu_ky.ho_ten")."""
    match = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", exc.message or "")
    if not match:
        return exc.message or ""
    if not match.group(2):
        return match.group(1)
    path = re.search(r"([A-Za-z_][\w.]*)\." + re.escape(match.group(2)) + r"\b", source)
    return f"{path.group(1)}.{match.group(2)}" if path else match.group(2)


def drop_empty_final_section(body) -> None:
    """Remove a last section that rendered empty (e.g. an appendix left out).

    The break paragraph of the section before it carries that section's settings;
    they move to the body so the document ends with the preceding section. The
    paragraph itself stays: Word wants a paragraph after a final table.
    """
    breaks = _SECTION_BREAKS(body)
    if not breaks:
        return
    after = list(breaks[-1].itersiblings())
    if any(_has_content(el) for el in after):
        return
    section = breaks[-1].find(_SECTION)
    for el in after:
        body.remove(el)
    section.getparent().remove(section)
    body.append(section)


_SECTION_BREAKS = etree.XPath("w:p[w:pPr/w:sectPr]", namespaces={"w": nsmap["w"]})
"""The body's paragraphs that end a section (their properties hold its settings)."""
_SECTION = f"{qn('w:pPr')}/{qn('w:sectPr')}"


def _has_content(element) -> bool:
    if element.tag == qn("w:sectPr"):
        return False
    if element.tag == qn("w:tbl"):
        return True
    text = "".join(t.text or "" for t in element.iter(qn("w:t")))
    return bool(text.strip()) or element.find(".//" + qn("w:drawing")) is not None
