"""docxtpl templates → .docx bytes.

A template is read, patched by docxtpl and compiled by Jinja once
(``CompiledTemplate``); each document then costs one Jinja render and one zip
write, with the template's other parts copied as they are. Rendering is strict:
data is always escaped (``& < >`` stay text) and a variable the context lacks is
an error naming the template, never a silent blank.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from ..errors import UserError
from ..files import write_zip

BODY_PART = "word/document.xml"
_TAG = re.compile(r"<[^>]+>")


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


@dataclass
class _Part:
    name: str          # zip entry, e.g. "word/header1.xml"
    source: str        # patched XML the template was compiled from (for error context)
    template: jinja2.Template
    prefix: bytes = b""  # for the body: document.xml around <w:body>…</w:body>
    suffix: bytes = b""


class CompiledTemplate:
    """A .docx template compiled once, rendered to any number of documents."""

    def __init__(self, path: Path, env: jinja2.Environment | None = None):
        self.path = Path(path)
        self._env = env or jinja_env()
        self._docx = DocxTemplate(str(self.path))
        self._docx.init_docx()
        self._zip = self.path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(self._zip)) as archive:
            self._entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
        self._body = self._compile_body()
        self._headers = list(self._compile_headers_footers())

    def render(self, context: dict) -> bytes:
        """The rendered document's bytes (deterministic: same context, same bytes)."""
        replaced = {self._body.name: self._render_body(context)}
        for part in self._headers:
            replaced[part.name] = self._render_part(part, context).encode("utf-8")
        return write_zip((name, replaced.get(name, data)) for name, data in self._entries)

    # -- compiling -------------------------------------------------------------

    def _compile(self, name: str, xml: str) -> _Part:
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", self._docx.patch_xml(xml))
        try:
            return _Part(name, source, self._env.from_string(source))
        except jinja2.TemplateSyntaxError as exc:
            raise self._error(exc, source) from None

    def _compile_body(self) -> _Part:
        raw = dict(self._entries)[BODY_PART]
        start, end = raw.index(b"<w:body>"), raw.rindex(b"</w:body>") + len(b"</w:body>")
        part = self._compile(BODY_PART, self._docx.get_xml())
        part.prefix, part.suffix = raw[:start], raw[end:]
        return part

    def _compile_headers_footers(self):
        for uri in (self._docx.HEADER_URI, self._docx.FOOTER_URI):
            for _, part in self._docx.get_headers_footers(uri):
                if b"{" in part.blob:
                    yield self._compile(str(part.partname).lstrip("/"), self._docx.get_part_xml(part))

    # -- rendering -------------------------------------------------------------

    def _render_part(self, part: _Part, context: dict) -> str:
        try:
            xml = part.template.render(context)
        except jinja2.UndefinedError as exc:
            name = _undefined_name(exc, part.source)
            raise UserError(f'Mẫu "{self.path.name}" dùng biến không có trong dữ liệu: {name}. '
                            "Xem danh sách biến trong templates/README.md.") from None
        except jinja2.TemplateError as exc:
            raise self._error(exc, part.source) from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self._docx.resolve_listing(xml)

    def _render_body(self, context: dict) -> bytes:
        body = self._docx.fix_tables(self._render_part(self._body, context))
        drop_empty_final_section(body)
        return self._body.prefix + etree.tostring(body, encoding="utf-8") + self._body.suffix

    def _error(self, exc: jinja2.TemplateError, source: str) -> UserError:
        lineno = getattr(exc, "lineno", None) or 1
        lines = source.splitlines()[max(lineno - 3, 0):lineno + 2]
        around = " … ".join(t for t in (" ".join(_TAG.sub("", line).split()) for line in lines) if t)
        return UserError(f'Mẫu "{self.path.name}" bị lỗi: {(exc.message or "").rstrip(".")}. '
                         f"Đoạn văn quanh chỗ lỗi: «{around}». "
                         f'Chạy "tdkt check {self.path.name} --template" để xem vị trí và cách sửa.')


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
    children = list(body)
    breaks = [i for i, el in enumerate(children)
              if el.tag == qn("w:p") and el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None]
    if not breaks or any(_has_content(el) for el in children[breaks[-1] + 1:]):
        return
    section = children[breaks[-1]].find(qn("w:pPr") + "/" + qn("w:sectPr"))
    for el in children[breaks[-1] + 1:]:
        body.remove(el)
    section.getparent().remove(section)
    body.append(section)


def _has_content(element) -> bool:
    if element.tag == qn("w:sectPr"):
        return False
    if element.tag == qn("w:tbl"):
        return True
    text = "".join(t.text or "" for t in element.iter(qn("w:t")))
    return bool(text.strip()) or element.find(".//" + qn("w:drawing")) is not None
