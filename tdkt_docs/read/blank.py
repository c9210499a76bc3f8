"""The ready-to-fill workbook written by ``tdkt init``, derived from the schema."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..glossary import IssuerLevel
from ..render.xlsx import put, save_workbook
from ..rules.book import Rules
from .schema import HELP_SHEET, LISTS_SHEET, SHEETS, Column, Layout, Sheet, ValueType

INPUT_ROWS = 2000
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
BOLD = Font(name="Times New Roman", bold=True)
EXAMPLE_FONT = Font(name="Times New Roman", italic=True, color="808080")
WRAP = Alignment(wrap_text=True, vertical="top")


def write_blank_workbook(target: Path, rules: Rules, sheets: tuple[Sheet, ...] = SHEETS,
                         level: IssuerLevel | None = None, intro: tuple[str, ...] | None = None) -> None:
    """The workbook with its help sheet (``intro`` replaces its opening lines), dropdowns (the forms of
    ``rules`` that ``level`` may decide) and example rows."""
    book = openpyxl.Workbook()
    _write_help(book.active, sheets, intro)
    lists = book.create_sheet(LISTS_SHEET)
    choices = _Lists(lists, rules, level)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        writer = _write_form if sheet.layout is Layout.FORM else _write_table
        writer(ws, sheet, choices)
    lists.sheet_state = "hidden"
    book.move_sheet(lists, offset=len(book.sheetnames))
    save_workbook(book, target)


def write_filled_workbook(target: Path, content: dict, rules: Rules, sheets: tuple[Sheet, ...] = SHEETS,
                          level: IssuerLevel | None = None, keep_examples: bool = False) -> None:
    """A workbook as ``tdkt init`` writes it, filled from ``content``.

    ``content`` maps a sheet key to a dict of field values (form sheets) or a list
    of such dicts (table sheets, written from row 2 over the example row). A tuple
    value becomes one line per item. With ``keep_examples`` the example row stays in
    the table sheets ``content`` leaves out.
    """
    write_blank_workbook(target, rules, sheets, level)
    book = openpyxl.load_workbook(target)
    for sheet in sheets:
        ws = book[sheet.title]
        if sheet.layout is Layout.FORM:
            rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
            for column in sheet.columns:
                put(ws.cell(rows[column.header], 2), _cell_value(content.get(sheet.key, {}).get(column.key)))
            continue
        if keep_examples and sheet.key not in content:
            continue
        for col in range(1, len(sheet.columns) + 1):
            ws.cell(2, col).value = None
        for row, record in enumerate(content.get(sheet.key, []), start=2):
            for col, column in enumerate(sheet.columns, start=1):
                put(ws.cell(row, col), _cell_value(record.get(column.key)))
    save_workbook(book, target)


def write_starter_workbook(target: Path, rules: Rules, level: IssuerLevel | None = None, *,
                           for_unit: bool = False) -> None:
    """What ``tdkt init`` writes: the blank workbook, or with ``level`` its wording filled in; ``for_unit`` the
    submission workbook a proposing unit fills (``tdkt init --don-vi``; ``level`` is the deciding office's)."""
    if for_unit:
        from ..importing import write_unit_workbook  # importing builds on this module

        write_unit_workbook(target, rules, level)
    elif level is None:
        write_blank_workbook(target, rules)
    else:
        write_filled_workbook(target, level_content(rules, level), rules, level=level, keep_examples=True)


def _cell_value(value: object) -> object:
    return "\n".join(value) if isinstance(value, tuple) else value


def example_text(column: Column) -> str:
    if column.example in (None, "", ()):
        return ""
    if isinstance(column.example, tuple):
        return "\n".join(column.example)
    if isinstance(column.example, dt.date):
        return column.example.strftime("%d/%m/%Y")
    return str(column.example)


def _example_cell(column: Column) -> object:
    """The example row's value: dates stay dates (shown dd/mm/yyyy), the rest as text."""
    return column.example if isinstance(column.example, dt.date) else example_text(column) or None


def _write_help(ws: Worksheet, sheets: tuple[Sheet, ...], intro: tuple[str, ...] | None = None) -> None:
    ws.title = HELP_SHEET
    lines = [(text, BOLD if n == 0 else None) for n, text in enumerate(intro)] if intro else [
        ("HƯỚNG DẪN ĐIỀN SỔ SỐ LIỆU THI ĐUA, KHEN THƯỞNG", BOLD),
        ("1. Điền từng trang theo thứ tự bên dưới. Ô tô màu cam là bắt buộc; chọn ô để xem gợi ý.", None),
        ("2. Trang dạng bảng: dòng 1 là tiêu đề (không sửa), dòng 2 là dòng ví dụ — xóa hoặc ghi đè khi nhập thật.", None),
        ("3. Một ô có nhiều ý (nhiều đơn vị) thì mỗi ý một dòng: bấm Alt+Enter để xuống dòng trong ô.", None),
        ("4. Ngày nhập dạng ngày/tháng/năm, ví dụ 05/01/2024. Không gộp ô (Merge) trong bảng.", None),
        ('5. Kiểm tra: tdkt check <tệp>.xlsx — tạo văn bản: tdkt build <tệp>.xlsx', None),
        ("6. Phần nào để trống thì văn bản tương ứng được bỏ qua, phần mềm sẽ báo phần đã bỏ qua.", None),
        ("7. Mẫu văn bản và dữ liệu riêng của cơ quan (lời văn Kế hoạch, dòng căn cứ…) đặt trong thư mục mau/ cạnh "
         "sổ này: lệnh tdkt mau chép các mẫu có sẵn vào đó để sửa. Xem README.", None),
    ]
    for text, font in lines:
        ws.append([text])
        if font:
            ws.cell(ws.max_row, 1).font = font
    for sheet in sheets:
        ws.append([])
        ws.append([f'Trang "{sheet.title}": {sheet.help}'])
        ws.cell(ws.max_row, 1).font = BOLD
        ws.append(["Cột / mục", "Bắt buộc", "Kiểu", "Giải thích", "Ví dụ"])
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = BOLD, HEADER_FILL
        for column in sheet.columns:
            kind = column.kind.label + (" (chọn trong danh sách)" if column.choices else "")
            ws.append([column.header, "có" if column.required else "", kind, column.help, example_text(column)])
            for cell in ws[ws.max_row]:
                cell.alignment = WRAP
    for letter, width in zip("ABCDE", (34, 10, 26, 70, 40)):
        ws.column_dimensions[letter].width = width


def _write_form(ws: Worksheet, sheet: Sheet, lists: _Lists) -> None:
    ws.append(["Mục", "Nội dung", "Hướng dẫn"])
    for cell in ws[1]:
        cell.font, cell.fill = BOLD, HEADER_FILL
    for column in sheet.columns:
        example = example_text(column)
        ws.append([column.header, None, column.help + (f" Ví dụ: {example}" if example else "")])
        row = ws.max_row
        ws.cell(row, 1).font = BOLD
        if column.required:
            ws.cell(row, 1).fill = REQUIRED_FILL
        ws.cell(row, 3).alignment = WRAP
        target = f"B{row}"
        _format_input(ws, column, target)
        _add_validation(ws, column, target, lists)
    ws.freeze_panes = "A2"
    for letter, width in zip("ABC", (34, 40, 80)):
        ws.column_dimensions[letter].width = width


def _write_table(ws: Worksheet, sheet: Sheet, lists: _Lists) -> None:
    ws.append([c.header for c in sheet.columns])
    ws.append([_example_cell(c) for c in sheet.columns])
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        header = ws.cell(1, index)
        header.font, header.alignment = BOLD, WRAP
        header.fill = REQUIRED_FILL if column.required else HEADER_FILL
        example = ws.cell(2, index)
        example.font, example.alignment = EXAMPLE_FONT, WRAP
        ws.column_dimensions[letter].width = column.width
        target = f"{letter}2:{letter}{INPUT_ROWS}"
        _format_input(ws, column, target)
        _add_validation(ws, column, target, lists)
    ws.freeze_panes = "A2"


def _format_input(ws: Worksheet, column: Column, target: str) -> None:
    """Dates shown day/month/year, several lines wrapped: as a column style for a table (no
    empty cells are stored, so the file stays small), on the one cell for a form."""
    styled = ws.column_dimensions[target.split(":")[0].rstrip("0123456789")] if ":" in target else ws[target]
    if column.kind is ValueType.DATE:
        styled.number_format = "dd/mm/yyyy"
    elif column.kind is ValueType.LINES:
        styled.alignment = WRAP


def _add_validation(ws: Worksheet, column: Column, target: str, lists: _Lists) -> None:
    prompt = (column.help or column.kind.label)[:250]
    if column.choices:
        source = lists.range_of(column)
        validation = DataValidation(type="list", formula1=source, allow_blank=not column.required,
                                    showErrorMessage=column.strict, errorTitle="Giá trị không hợp lệ",
                                    error="Hãy chọn một giá trị trong danh sách.")
    else:
        validation = DataValidation(allow_blank=True)
    validation.showInputMessage = True
    validation.promptTitle = column.header[:32]
    validation.prompt = prompt
    ws.add_data_validation(validation)
    validation.add(target)


class _Lists:
    """The hidden sheet of dropdown values, one column per choice column."""

    def __init__(self, ws: Worksheet, rules: Rules, level: IssuerLevel | None):
        self.ws, self.rules, self.level = ws, rules, level

    def range_of(self, column: Column) -> str:
        """Append the choices as a new column of the hidden list sheet; return its range."""
        ws = self.ws
        col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value else 1
        ws.cell(1, col, column.header)
        options = column.options(self.rules, self.level)
        for row, choice in enumerate(options, start=2):
            ws.cell(row, col, choice)
        letter = get_column_letter(col)
        return f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(options) + 1}"


def level_content(rules: Rules, level: IssuerLevel) -> dict:
    """What ``tdkt init --cap`` fills in: the level's usual wording and its example Căn cứ line."""
    usual = rules.levels[level]
    agency = {"level": level.label, "head": usual.head, "appraiser": usual.appraiser,
              "appraising_body": usual.appraising_body, "appraising_head": usual.appraising_head,
              "executors": usual.executors, "archive": usual.archive, "verb": "tặng"}
    basis = usual.basis_example.replace("{co_quan}", "…")
    return {"agency": {k: v for k, v in agency.items() if v}, "decision_basis": [{"text": basis}] if basis else []}
