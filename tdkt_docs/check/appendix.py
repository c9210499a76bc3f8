"""Appendix and attached-list headings and their "(Kèm theo …)" line."""
from __future__ import annotations

import re

from ..problems import Problem
from .findings import ERROR, WARNING, finding
from .layout import Appendix, Layout
from .model import Para
from .text import plain

HEADING_FORM = re.compile(r"^Phụ lục( [IVXLC]+)?$")
# Provincial house style (e.g. Lào Cai appendices), accepted beside NĐ 30's own form: "PHỤ LỤC …" in capitals with the title on one line.
JOINED_FORM = re.compile(r"^PHỤ LỤC( [IVXLC]+)?\b.+$")


def check_appendices(layout: Layout) -> list[Problem]:
    findings = []
    for appendix in layout.appendices:
        if plain(appendix.head.stripped).startswith("phu luc"):
            findings += _heading(appendix.head, appendix.following)
        findings += _kem_theo(appendix)
    return findings


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


def _kem_theo(appendix: Appendix) -> list[Problem]:
    line = appendix.kem_theo
    if line is None:
        return [finding("phu_luc.kem_theo", WARNING, appendix.head.where,
                        'dòng "(Kèm theo … số … ngày … của …)" dưới tên phụ lục', "không có")]
    if all(l.italic for l in line.lines if l.text.strip()):
        return []
    return [finding("phu_luc.kem_theo_nghieng", WARNING, line.where,
                    'dòng "(Kèm theo …)" in nghiêng', "chữ không in nghiêng")]
