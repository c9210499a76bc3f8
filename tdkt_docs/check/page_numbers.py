"""Page numbers: a PAGE field centred in the header, none on the first page."""
from __future__ import annotations

import re

from ..problems import Problem
from .findings import ERROR, WARNING, finding
from .fonts import size_findings
from .model import DocModel, HeaderPart, Para
from .resolve import w

PAGE_FIELD = re.compile(r"^\s*PAGE\b")
ALIGNMENTS = {"left": "căn trái", "start": "căn trái", "right": "căn phải",
              "end": "căn phải", "both": "căn đều hai bên", "distribute": "căn đều"}


def has_page_field(para: Para) -> bool:
    for simple in para.element.iter(w("fldSimple")):
        if PAGE_FIELD.match(simple.get(w("instr"), "")):
            return True
    return any(PAGE_FIELD.match(instr.text or "") for instr in para.element.iter(w("instrText")))


def _numbered(part: HeaderPart) -> list[Para]:
    return [p for p in part.paras if has_page_field(p)]


def check_page_numbers(model: DocModel, parts: list[HeaderPart]) -> list[Problem]:
    headers = [p for p in parts if p.kind == "header" and p.type != "first" and _numbered(p)]
    footers = [p for p in parts if p.kind == "footer" and _numbered(p)]
    findings = [finding("so_trang.vi_tri", ERROR, _numbered(part)[0].where,
                        "số trang đặt trong phần lề trên (đầu trang)", "số trang ở chân trang")
                for part in footers]
    if not headers and not footers:
        return [finding("so_trang.thieu", WARNING, "đầu trang",
                        "số trang canh giữa trong phần lề trên, từ trang thứ hai "
                        "(văn bản một trang không cần)", "không có số trang")]
    for part in headers:
        findings += _centred(_numbered(part))
        findings += size_findings([(line, "so_trang") for para in _numbered(part)
                                   for line in para.lines if line.text.strip()], model.book)
    return findings + _first_page(model, parts)


def _centred(paras: list[Para]) -> list[Problem]:
    return [finding("so_trang.canh_giua", ERROR, para.where, "số trang canh giữa",
                    ALIGNMENTS.get(para.alignment, para.alignment))
            for para in paras if para.alignment != "center"]


def _first_page(model: DocModel, parts: list[HeaderPart]) -> list[Problem]:
    section = model.sections[0]
    first_parts = [p for p in parts if p.section == 1 and p.type == "first" and p.kind == "header"]
    default_parts = [p for p in parts if p.section == 1 and p.type == "default" and p.kind == "header"]
    titled = section.different_first_page_header_footer
    shows = (titled and any(_numbered(p) for p in first_parts)) or \
        (not titled and any(_numbered(p) for p in default_parts))
    if not shows:
        return []
    return [finding("so_trang.trang_dau", ERROR, "mục (section) 1",
                    "không hiển thị số trang ở trang thứ nhất (đầu trang riêng cho trang đầu, để trống)",
                    "trang thứ nhất có số trang")]
