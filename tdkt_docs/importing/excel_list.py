"""Any Excel list of nominations: the sheet whose headers name the most known columns."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import UserError
from ..rules.legal import Catalogue
from .grid import Grid, Header, find_header, read_rows
from .model import Source, TextReader
from .words import read_statement

LABEL = "danh sách Excel"


def read_excel_list(path: Path, book: openpyxl.Workbook, catalogue: Catalogue) -> Source:
    """Every visible sheet with a list is read (units often put Tập thể and Cá nhân on separate sheets); the list's
    unit and tờ trình come from the first sheet that states them, and a sheet stating another tờ trình keeps its
    own for its rows."""
    notes: list[str] = []
    found: list[tuple[Worksheet, Grid, Header]] = []
    for ws in (ws for ws in book.worksheets if ws.sheet_state == "visible"):  # a hidden sheet is a unit's scratch
        grid = sheet_grid(ws, TextReader(notes))
        header = find_header(grid)
        if header is not None:
            found.append((ws, grid, header))
    if not found:
        raise UserError(f'Tệp "{path.name}": không tìm thấy bảng danh sách (không có trang nào có cột "Họ và tên" '
                        'hoặc "Họ tên" ở dòng tiêu đề). Hãy kiểm tra dòng tiêu đề của danh sách.')
    titles = [f'trang "{ws.title}"' for ws, _, _ in found]
    notes[:] = [note for note in notes if note.startswith(tuple(titles))]
    sheets = []
    for ws, grid, header in found:
        lines = [(text, grid.where(row, col)) for row in range(header.row)
                 for col, text in enumerate(grid.rows[row]) if text and text not in grid.rows[row][:col]]
        sheets.append((read_statement(lines, catalogue), read_rows(grid, header, notes, catalogue)))
    statement = next((stated for stated, _ in sheets if stated.submission_no),
                     sheets[max(range(len(found)), key=lambda i: len(found[i][2].columns))][0])
    entries = []
    for stated, rows in sheets:
        if stated.submission_no and stated.submission_no != statement.submission_no:
            for entry in rows:
                entry.unit = entry.unit or stated.unit or statement.unit
                entry.submission_no = entry.submission_no or stated.submission_no
                entry.submission_date = entry.submission_date or stated.submission_date
        if stated.form and stated.form != statement.form:
            for entry in rows:
                entry.form = entry.form or stated.form.name
        entries += rows
    return Source(f"{LABEL}, {', '.join(titles)}", statement, entries, notes)


def sheet_grid(ws: Worksheet, text: TextReader) -> Grid:
    """The sheet's text, each merged range's value repeated over the cells it covers."""
    title = ws.title

    def where(row: int, col: int) -> str:
        return f'trang "{title}", ô {get_column_letter(col + 1)}{row + 1}'

    merged = {}
    for area in ws.merged_cells.ranges:
        for row in range(area.min_row, area.max_row + 1):
            for col in range(area.min_col, area.max_col + 1):
                merged[row, col] = (area.min_row, area.min_col)
    rows = []
    for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
        rows.append([text(value, where(r - 1, c - 1)) for c, value in enumerate(values, start=1)])
    for (row, col), (top, left) in merged.items():
        if row <= len(rows) and col <= len(rows[row - 1]):
            rows[row - 1][col - 1] = rows[top - 1][left - 1]
    return Grid(rows, where, lambda row: f'trang "{title}", dòng {row + 1}')
