"""The calibration sheet: a millimetre grid, crosshairs at the field boxes, and the printer offset in use."""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.colors import Color, black

from .draw import calibrated, new_canvas
from .fit import MM
from .fonts import font_name
from .layout import PRINTER_FILE, Layout, PrinterOffset, fmt_mm

GRID = Color(0.6, 0.8, 1)
CROSS = Color(0.8, 0, 0)
CROSS_ARM = 4  # mm


def calibration_pdf(layouts: list[Layout], offset: PrinterOffset, font_folders: list[Path] = ()) -> bytes:
    """One page per layout, at its size, drawn with the printer offset like the certificates."""
    buffer = io.BytesIO()
    font = font_name(layouts[0].boxes[0].font, "regular", list(font_folders))
    c = new_canvas(buffer, layouts[0], font, "Tờ chỉnh máy in")
    for layout in layouts:
        c.setPageSize((layout.width * MM, layout.height * MM))
        with calibrated(c, layout, offset):
            _grid(c, layout, font)
            for box in layout.boxes:
                _box(c, layout, box, font)
        _legend(c, layout, offset, font)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _y(layout: Layout, mm_from_top: float) -> float:
    return (layout.height - mm_from_top) * MM


def _grid(c, layout: Layout, font: str) -> None:
    """Lines every millimetre, stronger every 5 and 10, numbered every 10 along the top and left edges."""
    c.setStrokeColor(GRID)
    for axis_length, other_length, vertical in ((layout.width, layout.height, True),
                                                (layout.height, layout.width, False)):
        for mm in range(int(axis_length) + 1):
            c.setLineWidth(0.6 if mm % 10 == 0 else 0.3 if mm % 5 == 0 else 0.05)
            if vertical:
                c.line(mm * MM, 0, mm * MM, layout.height * MM)
            else:
                c.line(0, _y(layout, mm), other_length * MM, _y(layout, mm))
    c.setFillColor(black)
    c.setFont(font, 6)
    for mm in range(10, int(layout.width), 10):
        c.drawCentredString(mm * MM, _y(layout, 12), str(mm))
    for mm in range(10, int(layout.height), 10):
        c.drawString(10 * MM + 2, _y(layout, mm) - 2, str(mm))


def _box(c, layout: Layout, box, font: str) -> None:
    """The box outline (dashed), a crosshair at its top-left corner, and its name."""
    c.setStrokeColor(CROSS)
    c.setLineWidth(0.3)
    c.setDash(2, 2)
    c.rect(box.x * MM, _y(layout, box.y + box.height), box.width * MM, box.height * MM)
    c.setDash()
    x, y = box.x * MM, _y(layout, box.y)
    c.line(x - CROSS_ARM * MM, y, x + CROSS_ARM * MM, y)
    c.line(x, y - CROSS_ARM * MM, x, y + CROSS_ARM * MM)
    c.setFillColor(CROSS)
    c.setFont(font, 7)
    c.drawString(x + 1.5 * MM, y - 3.5 * MM, f"{box.key} ({fmt_mm(box.x)}; {fmt_mm(box.y)})")


def _legend(c, layout: Layout, offset: PrinterOffset, font: str) -> None:
    """What the sheet is and how to read it, on white in the middle of the page, not shifted."""
    lines = [
        f"TỜ CHỈNH MÁY IN — phôi {layout.name}, khổ {fmt_mm(layout.width)} × {fmt_mm(layout.height)} mm",
        f"Độ lệch đang dùng: x = {fmt_mm(offset.x)} mm, y = {fmt_mm(offset.y)} mm, tỉ lệ = {fmt_mm(offset.scale)}",
        "In trên giấy trắng cùng khổ, chọn \"Kích thước thực\" (Actual size), không chọn \"Vừa trang\" (Fit).",
        "Đo từ mép trái tờ giấy đến vạch 100: đo được 101,5 mm thì giảm x_mm đi 1,5; mép trên và y_mm cũng vậy.",
        "Đo từ vạch 10 đến vạch 210 (đúng ra 200 mm): đo được 192 mm thì tỉ lệ mới = tỉ lệ đang dùng × 200 / 192.",
        f"Lưu các số mới bằng lệnh: tdkt in-bang --lech X Y TỈ_LỆ (ghi vào mau/{PRINTER_FILE}), rồi in lại tờ này.",
        "Đặt tờ này lên phôi, soi trước ánh sáng: dấu chữ thập đỏ là góc trên bên trái của từng ô chữ.",
    ]
    size = 9 if layout.width < 350 else 11
    step = size * 1.4
    width = max(c.stringWidth(line, font, size) for line in lines) + 4 * MM
    height = len(lines) * step + 3 * MM
    centre_x, top = layout.width / 2 * MM, (layout.height * MM + height) / 2
    c.setFillColorRGB(1, 1, 1)
    c.rect(centre_x - width / 2, top - height, width, height, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont(font, size)
    for index, line in enumerate(lines, start=1):
        c.drawCentredString(centre_x, top - index * step, line)
