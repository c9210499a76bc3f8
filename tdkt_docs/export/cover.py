"""Cover sheet of a print bundle: a small Times New Roman .docx listing the documents."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"
HEADERS = ("STT", "Văn bản", "Số bản", "Số trang")  # pages of one copy
WIDTHS_MM = (14, 109, 20, 22)  # sums to the 165 mm text width of A4 with 30/15 mm margins


def write_cover(heading: str, rows: Sequence[tuple[str, int, int]], path: Path) -> Path:
    """Write the cover to ``path``; ``rows`` are (document title, copies, pages per copy)."""
    doc = Document()
    _page_setup(doc)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)
    title_run = title.add_run(heading)
    title_run.bold = True
    _table(doc, rows)
    doc.save(path)
    return path


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(0)


def _table(doc, rows: Sequence[tuple[str, int, int]]) -> None:
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fill(table.rows[0], HEADERS, bold=True)
    for number, (title, copies, pages) in enumerate(rows, start=1):
        _fill(table.add_row(), (str(number), title, str(copies), str(pages)))
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_MM):
        column.width = Mm(width)  # the grid LibreOffice reads
        for cell in column.cells:
            cell.width = Mm(width)  # the cell widths Word reads


def _fill(row, texts: Sequence[str], *, bold: bool = False) -> None:
    for column, (cell, text) in enumerate(zip(row.cells, texts)):
        para = cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.LEFT if column == 1 and not bold else WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(text).bold = bold
