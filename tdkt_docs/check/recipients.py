"""The Nơi nhận block: its label and its list."""
from __future__ import annotations

from .findings import ERROR, Finding
from .layout import Layout
from .model import Line
from .rulebook import rulebook

SEMICOLON = "dòng kết thúc bằng dấu chấm phẩy (;)"


def check_noi_nhan(layout: Layout) -> list[Finding]:
    label = layout.noi_nhan
    if label is None:
        return []
    return _label(label) + _items(label, layout.noi_nhan_list)


def _label(label: Line) -> list[Finding]:
    wanted = rulebook()["noi_nhan"]["nhan"]
    findings = []
    text = label.text.strip()
    if text != wanted:
        findings.append(Finding("noi_nhan.nhan", ERROR, label.where, f'"{wanted}"', f'"{text}"'))
    missing = [name for name, ok in (("đậm", label.bold), ("nghiêng", label.italic)) if not ok]
    if missing:
        findings.append(Finding("noi_nhan.dinh_dang", ERROR, label.where,
                                f'"{wanted}" in đậm, nghiêng',
                                "chữ không in " + " và không ".join(missing)))
    return findings


def _items(label: Line, items: list[Line]) -> list[Finding]:
    if not items:
        return [Finding("noi_nhan.dong", ERROR, label.where,
                        "danh sách nơi nhận dưới chữ \"Nơi nhận:\"", "không có")]
    findings = []
    for line in items:
        text = line.text.strip()
        if not text.startswith("- "):
            findings.append(Finding("noi_nhan.dong", ERROR, line.where,
                                    'dòng bắt đầu bằng "- " (gạch nối và dấu cách)',
                                    f'bắt đầu bằng "{text[:2]}"'))
    for line in items[:-1]:
        if not line.text.rstrip().endswith(";"):
            findings.append(Finding("noi_nhan.dong", ERROR, line.where, SEMICOLON,
                                    f'kết thúc bằng "{line.text.rstrip()[-1]}"'))
    return findings + _archive(items[-1])


def _archive(last: Line) -> list[Finding]:
    prefix = rulebook()["noi_nhan"]["dong_luu"]
    text = last.text.strip()
    if text.startswith(prefix) and text.endswith("."):
        return []
    return [Finding("noi_nhan.luu", ERROR, last.where,
                    f'dòng cuối "{prefix} …" kết thúc bằng dấu chấm (.)', f'"{text}"')]
