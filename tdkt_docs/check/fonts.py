"""Font family (Times New Roman everywhere) and font size per element."""
from __future__ import annotations

from collections import OrderedDict

from ..problems import Problem
from .findings import ERROR, finding, number, value_range
from .layout import Layout
from .model import DocModel, Line
from .rulebook import Rulebook


def check_font_family(model: DocModel) -> list[Problem]:
    wanted = model.book["phong_chu"]["ten"]
    paras = model.paras + [p for part in model.header_parts for p in part.paras]
    groups: OrderedDict[tuple[str, str], list[str]] = OrderedDict()
    for para in paras:
        for line in para.lines:
            for key in _wrong_fonts(line, wanted):
                places = groups.setdefault(key, [])
                if line.where not in places:
                    places.append(line.where)
    return [finding("chu.phong_chu", ERROR, _where(places), f"phông {wanted}",
                    f'phông "{font}" ({source})')
            for (font, source), places in groups.items()]


def _wrong_fonts(line: Line, wanted: str) -> list[tuple[str, str]]:
    """(font, source) of the font slots the line's characters actually use."""
    found = []
    for piece in line.pieces:
        ascii_font, hansi_font = piece.fmt.fonts
        if ascii_font.value == wanted and hansi_font.value == wanted:
            continue  # whichever the characters use
        used = []
        if any(ord(c) < 128 and not c.isspace() for c in piece.text):
            used.append(ascii_font)
        if any(ord(c) >= 128 and not c.isspace() for c in piece.text):
            used.append(hansi_font)
        for font in used:
            key = (str(font.value), font.source)
            if font.value != wanted and key not in found:
                found.append(key)
    return found


def size_roles(model: DocModel, layout: Layout) -> list[tuple[Line, str]]:
    """Each line that has a size rule, with its role in data/nd30.toml [co_chu]."""
    roles: dict[int, tuple[Line, str]] = {}

    def put(line: Line | None, role: str) -> None:
        if line is not None:
            roles[id(line)] = (line, role)

    for para in model.body():
        for line in para.lines:
            if line.text.strip():
                put(line, "than")
    for para in [*layout.parent, *layout.agency]:
        for line in para.lines:
            if line.text.strip():
                put(line, "co_quan")
    for line, role in ((layout.quoc_hieu, "quoc_hieu"), (layout.tieu_ngu, "tieu_ngu"),
                       (layout.so, "so_ky_hieu"), (layout.date, "dia_danh_ngay"),
                       (layout.vv, "trich_yeu_cong_van"), (layout.ten_loai, "ten_loai"),
                       (layout.noi_nhan, "noi_nhan_nhan")):
        put(line, role)
    for line in layout.noi_nhan_list:
        put(line, "noi_nhan_danh_sach")
    for line in layout.signature:
        put(line, "chu_ky")
    return list(roles.values())


def check_font_sizes(model: DocModel, layout: Layout) -> list[Problem]:
    return size_findings(size_roles(model, layout), model.book)


def size_findings(lines: list[tuple[Line, str]], book: Rulebook) -> list[Problem]:
    groups: OrderedDict[tuple[str, float, str], list[str]] = OrderedDict()
    for line, role in lines:
        rule = book.size_rule(role)
        for piece in line.pieces:
            size = piece.fmt.size
            if not piece.text.strip() or rule.low <= size.value <= rule.high:
                continue
            places = groups.setdefault((role, size.value, size.source), [])
            if line.where not in places:
                places.append(line.where)
    findings = []
    for (role, size, source), places in groups.items():
        rule = book.size_rule(role)
        findings.append(finding("chu.co_chu", ERROR, _where(places),
                                f"{rule.label}: cỡ chữ {value_range(rule.low, rule.high, 'pt')}",
                                f"cỡ chữ {number(size)} pt ({source})"))
    return findings


def _where(places: list[str]) -> str:
    if len(places) == 1:
        return places[0]
    return f"{places[0]} (và {len(places) - 1} chỗ khác)"
