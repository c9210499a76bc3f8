"""Paper size, orientation and margins of each section."""
from __future__ import annotations

from docx.section import Section
from docx.shared import Length

from ..problems import Problem
from .findings import ERROR, WARNING, finding, number, value_range
from .model import DocModel
from .rulebook import Rulebook

MARGINS = (
    ("le_tren", "lề trên", "top_margin"),
    ("le_duoi", "lề dưới", "bottom_margin"),
    ("le_trai", "lề trái", "left_margin"),
    ("le_phai", "lề phải", "right_margin"),
)


def check_pages(model: DocModel) -> list[Problem]:
    """Each section's findings, worked out once per build for each section read (``DocModel.sections``: one for
    equal settings) and kept by the rulebook (``Rulebook.section_findings``), which the build ends with."""
    found: list[Problem] = []
    for index, section in enumerate(model.sections, start=1):
        if (section, index) not in model.book.section_findings:
            model.book.section_findings[section, index] = _section_findings(section, index, model.book)
        found += model.book.section_findings[section, index]
    return found


def _section_findings(section: Section, index: int, book: Rulebook) -> tuple[Problem, ...]:
    where = f"mục (section) {index}"
    return (*paper_size(section, where, book), *orientation(section, where, first=index == 1),
            *margins(section, where, book))


def _mm(length: Length | None) -> float | None:
    return None if length is None else length.mm


def paper_size(section: Section, where: str, book: Rulebook) -> list[Problem]:
    rules = book["trang"]
    width, height = _mm(section.page_width), _mm(section.page_height)
    if width is None or height is None:
        return []
    tolerance = rules["dung_sai_mm"]
    expected = sorted(rules["kho_giay_mm"])
    if all(abs(a - b) <= tolerance for a, b in zip(sorted((width, height)), expected)):
        return []
    return [finding("trang.kho_giay", ERROR, where,
                    f"khổ A4 ({number(expected[0])} × {number(expected[1])} mm)",
                    f"{number(width)} × {number(height)} mm")]


def orientation(section: Section, where: str, first: bool) -> list[Problem]:
    """The main text is portrait; only later sections (wide appendices) may be landscape."""
    width, height = _mm(section.page_width), _mm(section.page_height)
    if not first or width is None or height is None or width <= height:
        return []
    return [finding("trang.huong", WARNING, where,
                    "trang đầu văn bản trình bày theo chiều dài khổ A4 (khổ đứng); "
                    "bảng rộng đặt ở phụ lục khổ ngang",
                    "khổ ngang")]


def margins(section: Section, where: str, book: Rulebook) -> list[Problem]:
    rules = book["trang"]
    tolerance = rules["dung_sai_mm"]
    findings = []
    for key, label, attribute in MARGINS:
        value = _mm(getattr(section, attribute))
        low, high = rules[f"{key}_mm"]
        if value is None or low - tolerance <= value <= high + tolerance:
            continue
        findings.append(finding(f"trang.{key}", ERROR, where,
                                f"{label} {value_range(low, high, 'mm')}",
                                f"{label} {number(value)} mm"))
    return findings
