"""The signature block: authority prefixes and the signer's name."""
from __future__ import annotations

from ..problems import Problem
from .findings import ERROR, finding
from .layout import Layout, is_prefix_token
from .model import Line
from .rulebook import Rulebook
from .text import first_token


def check_signature(layout: Layout) -> list[Problem]:
    lines = layout.signature
    findings = []
    for index, line in enumerate(lines):
        token = first_token(line.text)
        if not is_prefix_token(token):
            continue
        findings += _prefix_form(line, token, layout.book)
        findings += _own_line(line, lines[index + 1] if index + 1 < len(lines) else None)
    return findings + _name(lines)


def _is_upper(line: Line) -> bool:
    text = line.text.strip()
    return text == text.upper()


def _prefix_form(line: Line, token: str, book: Rulebook) -> list[Problem]:
    prefixes = book["chu_ky"]["tien_to"]
    if token in prefixes:
        return []
    return [finding("chu_ky.tien_to", ERROR, line.where,
                    "viết " + ", ".join(f'"{p}"' for p in prefixes) + " (in hoa, có dấu chấm)",
                    f'"{token}"')]


def _own_line(line: Line, following: Line | None) -> list[Problem]:
    if following is not None and _is_upper(following):
        return []
    found = f'dòng tiếp theo là "{following.text.strip()}"' if following else "không có dòng tiếp theo"
    return [finding("chu_ky.dong_rieng", ERROR, line.where,
                    "dòng có TM., KT., Q., TL., TUQ. đứng riêng, chức vụ người ký ở dòng dưới",
                    found)]


def _name(lines: list[Line]) -> list[Problem]:
    if not lines or _is_upper(lines[-1]) or lines[-1].bold:
        return []
    return [finding("chu_ky.ten_dam", ERROR, lines[-1].where,
                    "họ tên người ký in đậm", "chữ không in đậm")]
