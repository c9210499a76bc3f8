"""Wrap then shrink: the largest size, down to the box's minimum, at which a text fits its box."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth

from .layout import Box

MM = 72 / 25.4  # points per millimetre
STEP = 0.5      # pt
_EPSILON = 1e-6


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size: float  # pt


def block_height(lines: int, size: float, leading: float) -> float:
    """Height in points from the top of the first line's em box to the bottom of the last one's."""
    return size + (lines - 1) * size * leading


def wrap(text: str, width: float, width_of: Callable[[str], float]) -> list[str] | None:
    """Lines of at most ``width`` points, broken between words and at "\\n"; None if a word is wider."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if width_of(word) > width + _EPSILON:
                return None
            candidate = f"{line} {word}" if line else word
            if width_of(candidate) <= width + _EPSILON:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def fit(text: str, box: Box, font: str) -> Fitted | None:
    """Wrap at the box's size; while too tall (or a word too wide) shrink by half a point. None: no fit."""
    size = box.size
    while True:
        lines = wrap(text, box.width * MM, lambda s: stringWidth(s, font, size))
        if lines is not None and block_height(len(lines), size, box.leading) <= box.height * MM + _EPSILON:
            return Fitted(tuple(lines), size)
        if size <= box.min_size:
            return None
        size = max(box.min_size, size - STEP)
