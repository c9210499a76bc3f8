"""Certificate pages drawn directly with reportlab: one page per recipient, text only, exact positions."""
from __future__ import annotations

import contextlib
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from ..check.findings import excerpt
from ..errors import UserError
from ..problems import Location, Problem, Severity
from ..read.schema import NOMINATIONS
from .fit import MM, block_height, fit
from .fonts import font_name, missing_chars
from .layout import Box, Layout, PrinterOffset, fmt_mm
from .model import PLACEHOLDERS, SignedDecision, field_values

_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Line:
    """One line of text: left end of its baseline in points from the sheet's bottom-left corner."""

    text: str
    font: str
    size: float
    x: float
    baseline: float
    color: str


def new_canvas(buffer: io.BytesIO, layout: Layout, font: str, title: str) -> canvas.Canvas:
    """A canvas at the blank's exact size that asks viewers to print at 100 %."""
    c = canvas.Canvas(buffer, pagesize=(layout.width * MM, layout.height * MM), initialFontName=font,
                      invariant=True, pageCompression=1)
    c.setViewerPreference("PrintScaling", "None")
    c.setTitle(title)
    c.setCreator("tdkt-docs")
    return c


@contextlib.contextmanager
def calibrated(c: canvas.Canvas, layout: Layout, offset: PrinterOffset):
    """Everything drawn inside is shifted by the printer offset and scaled about the top-left corner."""
    c.saveState()
    c.translate(offset.x * MM, (1 - offset.scale) * layout.height * MM - offset.y * MM)
    c.scale(offset.scale, offset.scale)
    try:
        yield
    finally:
        c.restoreState()


def box_text(box: Box, values: dict[str, str], layout: Layout) -> str:
    """The box's template filled in, NFC, spaces collapsed within each line."""
    try:
        text = box.text.format_map(values)
    except (KeyError, ValueError, IndexError) as err:
        names = ", ".join("{" + k + "}" for k in PLACEHOLDERS)
        raise UserError(f'Tệp bố cục phôi "{layout.path}", ô "{box.key}": nội dung "{box.text}" dùng chỗ điền không '
                        f"có ({err}); chỉ dùng: {names}.") from None
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.strip().split("\n"))


class UnprintableCertificates(UserError):
    """Some certificates cannot be laid out; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"Chưa in được bằng khen, giấy khen ({len(problems)} lỗi), chưa ghi tệp nào:\n"
                         + "\n".join(f"  {p}" for p in problems))


def place(box: Box, text: str, font: str, page_height: float) -> list[Line] | None:
    """Wrap, shrink and align ``text`` in ``box``; None when it cannot fit even at the minimum size."""
    fitted = fit(text, box, font)
    if fitted is None:
        return None
    size, leading = fitted.size, fitted.size * box.leading
    descent = -pdfmetrics.getFont(font).face.descent / 1000  # positive
    slack = box.height * MM - block_height(len(fitted.lines), size, box.leading)
    top = box.y * MM + {"top": 0, "middle": slack / 2, "bottom": slack}[box.valign]
    lines = []
    for index, text_line in enumerate(fitted.lines):
        width = pdfmetrics.stringWidth(text_line, font, size)
        left = box.x * MM + {"left": 0, "center": (box.width * MM - width) / 2,
                             "right": box.width * MM - width}[box.align]
        baseline_from_top = top + index * leading + (1 - descent) * size
        lines.append(Line(text_line, font, size, left, page_height - baseline_from_top, box.color))
    return lines


def page_lines(decision: SignedDecision, entry_index: int, layout: Layout, draft: bool,
               font_folders: list[Path]) -> tuple[list[Line], list[Problem]]:
    """Every line of one recipient's certificate, before any printer correction, and what does not fit."""
    entry = decision.entries[entry_index]
    values = field_values(decision, entry, draft)
    lines, problems = [], []
    for box in layout.boxes:
        text = box_text(box, values, layout)
        if not text:
            continue
        cell = entry.cells.get(box.key, "")  # a recipient's field read from the workbook: the cells to shorten
        where = Location(NOMINATIONS.title if cell else "", cell, document=decision.document,
                         paragraph=f"số thứ tự {entry.register_number} ({excerpt(entry.recipient)}), ô "
                         f'"{box.key}" của tệp bố cục phôi')
        font = font_name(box.font, box.style, font_folders)
        if missing := missing_chars(font, text):
            problems.append(Problem(Severity.ERROR, "phoi.thieu_chu", f'phông chữ "{box.font}" không có chữ '
                                    f'"{missing}". Hãy sửa chữ đó trong sổ hoặc đổi phông trong tệp bố cục phôi.',
                                    where))
        elif (placed := place(box, text, font, layout.height * MM)) is None:
            problems.append(Problem(
                Severity.ERROR, "phoi.khong_vua", f"nội dung {excerpt(text)} ({len(text)} ký tự) không vừa ô "
                f"{fmt_mm(box.width)} × {fmt_mm(box.height)} mm của phôi, kể cả khi thu nhỏ đến cỡ chữ "
                f"{fmt_mm(box.min_size)}. Hãy rút gọn nội dung trong sổ, hoặc nới rộng ô, giảm cỡ chữ nhỏ nhất "
                f'(min_size) trong "{layout.path}" (chép vào thư mục mau/phoi/ trước khi sửa).',
                where))
        else:
            lines += placed
    return lines, problems


def draw_lines(c: canvas.Canvas, lines: list[Line]) -> None:
    for line in lines:
        c.setFont(line.font, line.size)
        c.setFillColor(HexColor(line.color))
        c.drawString(line.x, line.baseline, line.text)


def scanned_blank(path: Path) -> ImageReader:
    try:
        return ImageReader(str(path))
    except OSError:
        raise UserError(f'Không mở được ảnh quét phôi "{path}": hãy lưu lại ảnh dạng .png hoặc .jpg.') from None


def certificates_pdf(decision: SignedDecision, layout: Layout, *, offset: PrinterOffset = PrinterOffset(),
                     draft: bool = False, background: Path | None = None,
                     font_folders: Sequence[Path] = ()) -> bytes:
    """One page per recipient, in the order of the Danh sách. With ``background`` (a scanned blank) the
    text is drawn over the image for checking on screen, without the printer correction."""
    laid_out = [page_lines(decision, i, layout, draft, list(font_folders)) for i in range(len(decision.entries))]
    if problems := [p for _, found in laid_out for p in found]:
        raise UnprintableCertificates(problems)
    pages = [lines for lines, _ in laid_out]
    image = scanned_blank(background) if background is not None else None
    fonts = [line.font for lines in pages for line in lines]
    if not fonts:
        raise UserError(f'Tệp bố cục phôi "{layout.path}" không in ra chữ nào cho {decision.source}: '
                        "hãy thêm ô có {nguoi_nhan}.")
    buffer = io.BytesIO()
    c = new_canvas(buffer, layout, fonts[0], f"{layout.name}: {decision.number or 'bản nháp'}")
    for lines in pages:
        if image is not None:
            c.drawImage(image, 0, 0, layout.width * MM, layout.height * MM)
            draw_lines(c, lines)
        else:
            with calibrated(c, layout, offset):
                draw_lines(c, lines)
        c.showPage()
    c.save()
    return buffer.getvalue()
