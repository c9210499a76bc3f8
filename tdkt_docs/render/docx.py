"""docxtpl templates → .docx bytes.

Rendering is strict: data is always escaped (``& < >`` stay text), and a variable
the context lacks is an error naming the template, never a silent blank.
"""
from __future__ import annotations

import io
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from ..errors import UserError


def jinja_env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def render_bytes(template: Path, context: dict) -> bytes:
    """Render ``template`` with ``context``; return the .docx file's bytes."""
    tpl = DocxTemplate(str(template))
    try:
        tpl.render(context, jinja_env())
    except jinja2.UndefinedError as exc:
        raise UserError(f'Mẫu "{template.name}" dùng biến không có trong dữ liệu: {exc.message}.') from None
    except jinja2.TemplateError as exc:
        around = " … ".join(getattr(exc, "docx_context", []) or [])
        raise UserError(f'Mẫu "{template.name}" bị lỗi cú pháp ({exc}). Đoạn văn quanh chỗ lỗi: {around}') from None
    drop_empty_final_section(tpl.docx)
    buffer = io.BytesIO()
    tpl.docx.save(buffer)
    return buffer.getvalue()


def drop_empty_final_section(document) -> None:
    """Remove a last section that rendered empty (e.g. an appendix left out).

    The break paragraph of the section before it carries that section's settings;
    they move to the body so the document ends with the preceding section. The
    paragraph itself stays: Word wants a paragraph after a final table.
    """
    body = document.element.body
    children = list(body.iterchildren())
    breaks = [i for i, el in enumerate(children) if el.tag == qn("w:p") and el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None]
    if not breaks:
        return
    last_break = breaks[-1]
    tail = children[last_break + 1:]
    if any(_has_content(el) for el in tail):
        return
    break_paragraph = children[last_break]
    section = break_paragraph.find(qn("w:pPr") + "/" + qn("w:sectPr"))
    final = body.find(qn("w:sectPr"))
    for el in tail:
        if el is not final:
            body.remove(el)
    if final is not None:
        body.remove(final)
    section.getparent().remove(section)
    body.append(section)


def _has_content(element) -> bool:
    if element.tag == qn("w:sectPr"):
        return False
    if element.tag == qn("w:tbl"):
        return True
    text = "".join(t.text or "" for t in element.iter(qn("w:t")))
    return bool(text.strip()) or element.find(".//" + qn("w:drawing")) is not None
