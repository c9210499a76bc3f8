"""Tên loại, the "QUYẾT ĐỊNH:" line and the endings of the Căn cứ lines."""
from __future__ import annotations

import re

from ..problems import Problem
from .findings import ERROR, finding
from .layout import Layout, nonempty_lines
from .model import DocModel, Line
from .text import fold, plain

HEADING = re.compile(r"^[IVXLC]+\.\s")
BASIS_OPENINGS = ("can cu", "theo de nghi", "xet de nghi")
DECISION_LINE = "QUYẾT ĐỊNH:"
SEMICOLON = "kết thúc bằng dấu chấm phẩy (;)"


def check_ten_loai(layout: Layout) -> list[Problem]:
    line = layout.ten_loai
    if line is None:
        return []
    findings = []
    text = line.text.strip()
    if text != text.upper():
        findings.append(finding("ten_loai.in_hoa", ERROR, line.where,
                                f'tên loại in hoa: "{text.upper()}"', f'"{text}"'))
    if not line.bold:
        findings.append(finding("ten_loai.dam", ERROR, line.where,
                                "tên loại in đậm", "chữ không in đậm"))
    return findings


def check_can_cu(model: DocModel, layout: Layout) -> list[Problem]:
    if layout.ten_loai is None:
        return []
    if fold(layout.ten_loai.text) == "quyetdinh":
        return _decision(model, layout)
    if fold(layout.ten_loai.text) == "kehoach":
        return _plan(model, layout)
    return []


def _body_lines_after_ten_loai(model: DocModel, layout: Layout) -> list[Line]:
    body = model.body()
    start = body.index(layout.ten_loai.para) + 1
    return nonempty_lines(body[start:])


def _decision(model: DocModel, layout: Layout) -> list[Problem]:
    marker = layout.quyet_dinh
    if marker is None:
        return [finding("quyet_dinh.thieu", ERROR, layout.ten_loai.where,
                        f'dòng "{DECISION_LINE}" (in hoa, đậm, có dấu hai chấm) trước Điều 1', "không có")]
    findings = []
    if marker.text.strip() != DECISION_LINE:
        findings.append(finding("quyet_dinh.dinh_dang", ERROR, marker.where,
                                f'"{DECISION_LINE}"', f'"{marker.text.strip()}"'))
    lines = _body_lines_after_ten_loai(model, layout)
    lines = lines[: lines.index(marker)]
    if not lines:
        return findings
    *basis, last = lines
    for line in basis:
        if _is_basis(line) and not line.text.rstrip().endswith(";"):
            findings.append(_ending(line, f"dòng căn cứ {SEMICOLON}"))
    if not last.text.rstrip().endswith("."):
        findings.append(_ending(last, f'dòng cuối trước "{DECISION_LINE}" kết thúc bằng dấu chấm (.)'))
    return findings


def _plan(model: DocModel, layout: Layout) -> list[Problem]:
    findings = []
    lines = _body_lines_after_ten_loai(model, layout)
    for line, following in zip(lines, lines[1:]):
        if HEADING.match(line.text.strip()):
            break
        text = line.text.rstrip()
        if plain(text).startswith("can cu") and not text.endswith((";", ":")) \
                and not HEADING.match(following.text.strip()):
            findings.append(_ending(line, f"dòng căn cứ có câu văn tiếp theo {SEMICOLON}"))
    return findings


def _is_basis(line: Line) -> bool:
    return plain(line.text).startswith(BASIS_OPENINGS)


def _ending(line: Line, expected: str) -> Problem:
    text = line.text.rstrip()
    return finding("can_cu.ket_thuc", ERROR, line.where, expected,
                   f'kết thúc bằng "{text[-1]}"' if text else "dòng trống")
