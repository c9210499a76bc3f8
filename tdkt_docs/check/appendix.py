"""Appendix and attached-list headings and their "(Kèm theo …)" line."""
from __future__ import annotations

import re

from ..problems import Problem
from .findings import ERROR, WARNING, finding
from .layout import Layout
from .model import DocModel, Para
from .text import plain

HEADING_FORM = re.compile(r"^Phụ lục( [IVXLC]+)?$")
# Provincial house style (e.g. Lào Cai appendices), accepted beside NĐ 30's own form: "PHỤ LỤC …" in capitals with the title on one line.
JOINED_FORM = re.compile(r"^PHỤ LỤC( [IVXLC]+)?\b.+$")
KEM_THEO_WINDOW = 4


def check_appendices(model: DocModel, layout: Layout) -> list[Problem]:
    findings = []
    for head in layout.appendix_heads:
        following = _following(model, head)
        if plain(head.stripped).startswith("phu luc"):
            findings += _heading(head, following)
        findings += _kem_theo(head, following)
    return findings


def _following(model: DocModel, head: Para) -> list[Para]:
    body = model.body()
    rest = body[body.index(head) + 1:]
    return [p for p in rest if p.stripped][:KEM_THEO_WINDOW]


def _heading(head: Para, following: list[Para]) -> list[Problem]:
    findings = []
    line = head.lines[0]
    joined = JOINED_FORM.match(head.stripped) and head.stripped == head.stripped.upper()
    if not HEADING_FORM.match(head.stripped) and not joined:
        findings.append(finding("phu_luc.tieu_de", WARNING, head.where,
                                '"Phụ lục" và số La Mã trên một dòng riêng, chữ in thường '
                                '(ví dụ "Phụ lục I"); tên phụ lục in hoa ở dòng dưới',
                                f'"{head.stripped}"'))
    if not line.bold:
        findings.append(finding("phu_luc.dam", ERROR, head.where,
                                '"Phụ lục" in đậm', "chữ không in đậm"))
    title = following[0] if following else None
    if HEADING_FORM.match(head.stripped) and title is not None and not title.stripped.startswith("("):
        problems = []
        if title.stripped != title.stripped.upper():
            problems.append("không in hoa")
        if not all(l.bold for l in title.lines if l.text.strip()):
            problems.append("không in đậm")
        if problems:
            findings.append(finding("phu_luc.ten", ERROR, title.where,
                                    "tên phụ lục in hoa, đậm", "chữ " + ", ".join(problems)))
    return findings


def _kem_theo(head: Para, following: list[Para]) -> list[Problem]:
    line = next((p for p in following if p.stripped.startswith("(Kèm theo")), None)
    if line is None:
        return [finding("phu_luc.kem_theo", WARNING, head.where,
                        'dòng "(Kèm theo … số … ngày … của …)" dưới tên phụ lục', "không có")]
    if all(l.italic for l in line.lines if l.text.strip()):
        return []
    return [finding("phu_luc.kem_theo_nghieng", WARNING, line.where,
                    'dòng "(Kèm theo …)" in nghiêng', "chữ không in nghiêng")]
