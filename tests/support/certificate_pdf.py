"""Reading certificate PDFs back: the characters of each layout box, their lines and positions."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

MM = 72 / 25.4
EPSILON = 0.05  # mm: rounding in the PDF


@dataclass
class Field:
    """The characters found in one box, grouped into lines top to bottom."""

    lines: list[list[dict]]

    @property
    def text(self) -> str:
        return " ".join("".join(c["text"] for c in line).strip() for line in self.lines)

    @property
    def chars(self) -> list[dict]:
        return [c for line in self.lines for c in line]

    @property
    def size(self) -> float:
        return self.chars[0]["size"]


def page_fields(page, layout) -> dict[str, Field]:
    """Every character assigned to the box holding its centre; a visible character outside all boxes fails."""
    found: dict[str, list[dict]] = {}
    for char in page.chars:
        cx, cy = (char["x0"] + char["x1"]) / 2 / MM, (char["top"] + char["bottom"]) / 2 / MM
        box = next((b for b in layout.boxes
                    if b.x <= cx <= b.x + b.width and b.y <= cy <= b.y + b.height), None)
        assert box is not None or not char["text"].strip(), f'"{char["text"]}" at ({cx:.1f}; {cy:.1f}) mm is in no box'
        if box is not None:
            found.setdefault(box.key, []).append(char)
    return {key: Field(_lines(chars)) for key, chars in found.items()}


def _lines(chars: list[dict]) -> list[list[dict]]:
    rows: dict[float, list[dict]] = {}
    for char in chars:
        rows.setdefault(round(char["bottom"], 1), []).append(char)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


def read_fields(path: Path, layout) -> list[dict[str, Field]]:
    with pdfplumber.open(path) as pdf:
        return [page_fields(page, layout) for page in pdf.pages]


def assert_in_box(field: Field, box) -> None:
    """Every line inside the box, anchored within 1 mm of where the box's alignment puts it."""
    for line in field.lines:
        visible = [c for c in line if c["text"].strip()]
        x0, x1 = min(c["x0"] for c in visible) / MM, max(c["x1"] for c in visible) / MM
        assert box.x - EPSILON <= x0 and x1 <= box.x + box.width + EPSILON, (box.key, x0, x1)
        anchor = {"left": (x0, box.x), "right": (x1, box.x + box.width),
                  "center": ((x0 + x1) / 2, box.x + box.width / 2)}[box.align]
        assert abs(anchor[0] - anchor[1]) <= 1, (box.key, anchor)
    top, bottom = min(c["top"] for c in field.chars) / MM, max(c["bottom"] for c in field.chars) / MM
    assert box.y - EPSILON <= top and bottom <= box.y + box.height + EPSILON, (box.key, top, bottom)
    anchor = {"top": (top, box.y), "bottom": (bottom, box.y + box.height),
              "middle": ((top + bottom) / 2, box.y + box.height / 2)}[box.valign]
    assert abs(anchor[0] - anchor[1]) <= 1, (box.key, anchor)


def assert_style(field: Field, box) -> None:
    """Font style from the embedded font's name, colour from the fill colour."""
    red, green, blue = (int(box.color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    for char in field.chars:
        name = char["fontname"].split("+")[-1]
        assert ("Bold" in name) == ("bold" in box.style) and ("Italic" in name) == ("italic" in box.style), name
        assert tuple(round(v, 2) for v in char["non_stroking_color"]) == (round(red, 2), round(green, 2),
                                                                           round(blue, 2))


def pdf_facts(path: Path) -> dict:
    """Page sizes (mm), the print-scaling preference, and whether every font is embedded."""
    reader = PdfReader(path)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor
    return {
        "sizes": [(round(float(p.mediabox.width) / MM, 2), round(float(p.mediabox.height) / MM, 2))
                  for p in reader.pages],
        "print_scaling": reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"],
        "fonts": fonts,
    }
