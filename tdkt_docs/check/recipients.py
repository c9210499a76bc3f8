"""The Nơi nhận block: its label and its list."""
from __future__ import annotations

from ..problems import Problem
from .findings import ERROR, finding
from .layout import Layout
from .model import Line
from .rulebook import Rulebook

SEMICOLON = "dòng kết thúc bằng dấu chấm phẩy (;)"


def check_noi_nhan(layout: Layout) -> list[Problem]:
    label = layout.noi_nhan
    if label is None:
        return []
    return _label(label, layout.book) + _items(label, layout.noi_nhan_list, layout.book)


def _label(label: Line, book: Rulebook) -> list[Problem]:
    wanted = book["noi_nhan"]["nhan"]
    findings = []
    text = label.text.strip()
    if text != wanted:
        findings.append(finding("noi_nhan.nhan", ERROR, label.where, f'"{wanted}"', f'"{text}"'))
    missing = [name for name, ok in (("đậm", label.bold), ("nghiêng", label.italic)) if not ok]
    if missing:
        findings.append(finding("noi_nhan.dinh_dang", ERROR, label.where,
                                f'"{wanted}" in đậm, nghiêng',
                                "chữ không in " + " và không ".join(missing)))
    return findings


def _items(label: Line, items: list[Line], book: Rulebook) -> list[Problem]:
    if not items:
        return [finding("noi_nhan.dong", ERROR, label.where,
                        "danh sách nơi nhận dưới chữ \"Nơi nhận:\"", "không có")]
    findings = []
    for line in items:
        text = line.text.strip()
        if not text.startswith("- "):
            findings.append(finding("noi_nhan.dong", ERROR, line.where,
                                    'dòng bắt đầu bằng "- " (gạch nối và dấu cách)',
                                    f'bắt đầu bằng "{text[:2]}"'))
    for line in items[:-1]:
        if not line.text.rstrip().endswith(";"):
            findings.append(finding("noi_nhan.dong", ERROR, line.where, SEMICOLON,
                                    f'kết thúc bằng "{line.text.rstrip()[-1]}"'))
    return findings + _archive(items[-1], book)


def _archive(last: Line, book: Rulebook) -> list[Problem]:
    prefix = book["noi_nhan"]["dong_luu"]
    text = last.text.strip()
    if text.startswith(prefix) and text.endswith("."):
        return []
    return [finding("noi_nhan.luu", ERROR, last.where,
                    f'dòng cuối "{prefix} …" kết thúc bằng dấu chấm (.)', f'"{text}"')]
