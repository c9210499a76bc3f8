"""Cover sheet of a print bundle, drawn straight to PDF (no second LibreOffice run): the documents it holds."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..certificate.fonts import font_name

FONT = "Times New Roman"
SIZE = 13
HEADERS = ("STT", "Văn bản", "Số bản", "Số trang")  # pages of one copy
WIDTHS_MM = (14, 109, 20, 22)  # sums to the 165 mm text width of A4 with 30/15 mm margins
PAGE = (595, 842)  # A4 in whole points, as LibreOffice writes it: every page of a bundle the same size


def cover_pdf(heading: str, rows: Sequence[tuple[str, int, int]], font_folders: Sequence[Path] = ()) -> bytes:
    """The cover PDF; ``rows`` are (document title, copies, pages per copy). Long titles wrap,
    a long list runs on to further pages with its header repeated; fonts are embedded."""
    regular = font_name(FONT, "regular", list(font_folders))
    bold = font_name(FONT, "bold", list(font_folders))
    left = ParagraphStyle("trai", fontName=regular, fontSize=SIZE, leading=SIZE * 1.25, alignment=TA_LEFT)
    centre = ParagraphStyle("giua", parent=left, alignment=TA_CENTER)
    head = ParagraphStyle("dau", parent=centre, fontName=bold)
    table = Table([[Paragraph(escape(h), head) for h in HEADERS]]
                  + [[Paragraph(str(n), centre), Paragraph(escape(title), left), Paragraph(str(copies), centre),
                      Paragraph(str(pages), centre)] for n, (title, copies, pages) in enumerate(rows, start=1)],
                  colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), regular)]))
    pdf = io.BytesIO()
    document = SimpleDocTemplate(pdf, pagesize=PAGE, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                                 bottomMargin=20 * mm, title=heading, initialFontName=regular,
                                 initialFontSize=SIZE)  # no built-in Helvetica left in the file
    document.build([Paragraph(escape(heading), head), Spacer(1, 12), table])
    return pdf.getvalue()
