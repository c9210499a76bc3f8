"""What Excel really stores: escapes, invisible characters, hidden rows and filters, reported by cell."""
from __future__ import annotations

import threading

import openpyxl

from tdkt_docs.build import prepare
from tdkt_docs.read import cells


def edit(path, sheet: str, changes) -> None:
    book = openpyxl.load_workbook(path)
    changes(book[sheet])
    book.save(path)


def test_excel_line_break_escape_is_a_line_break_not_text():
    assert cells.excel_text("Sở Y tế_x000D_\nBệnh viện") == ("Sở Y tế\nBệnh viện", [])
    assert cells.as_lines(cells.excel_text("A_x000D__x000A_B")[0]) == ("A", "B")


def test_bidi_overrides_and_control_characters_are_removed_with_a_warning_naming_the_cell(
        make_workbook, decisions_content, settings):
    decisions_content["nominations"][1]["name"] = "Trần Thị \u202eÁnh_x0007_"  # as Excel stores a control character
    prepared = prepare(make_workbook(decisions_content), settings)
    (problem,) = [p for p in prepared.problems if p.code == "o.ky_tu_an"]
    assert (problem.location.sheet, problem.location.cell) == ("Đề nghị khen thưởng", "I3")
    assert "U+0007, U+202E" in problem.message
    person = [a.nomination for a in prepared.resolution.awards][1]
    assert person.name == "Trần Thị Ánh"


def test_hidden_rows_and_an_active_filter_are_named(make_workbook, decisions_content, settings):
    workbook = make_workbook(decisions_content)

    def hide(ws):
        ws.row_dimensions[3].hidden = True
        ws.auto_filter.ref = "A1:P3"
        ws.auto_filter.add_filter_column(7, ["Khoa Hồi sức tích cực"])
    edit(workbook, "Đề nghị khen thưởng", hide)
    messages = {p.code: str(p) for p in prepare(workbook, settings).problems}
    assert messages["dong.an"].startswith('Cảnh báo: trang "Đề nghị khen thưởng": dòng 3 đang bị ẩn nhưng vẫn '
                                          "được đọc")  # one row: "dòng 3", not "các dòng 3"
    assert "vùng A1:P3" in messages["trang.loc"]
    edit(workbook, "Đề nghị khen thưởng", lambda ws: setattr(ws.row_dimensions[2], "hidden", True))
    messages = {p.code: str(p) for p in prepare(workbook, settings).problems}
    assert messages["dong.an"].startswith('Cảnh báo: trang "Đề nghị khen thưởng": các dòng 2, 3 đang bị ẩn')


def test_an_excel_line_break_in_a_one_line_field_becomes_a_space(make_workbook, decisions_content,
                                                                             settings):
    workbook = make_workbook(decisions_content)
    edit(workbook, "Đề nghị khen thưởng", lambda ws: setattr(ws["J3"], "value", "Bác sĩ_x000D_\nkhoa Nội"))
    person = [a.nomination for a in prepare(workbook, settings).resolution.awards][1]
    assert person.position == "Bác sĩ khoa Nội"


def test_the_sheet_xml_is_scanned_while_calamine_parses_the_values(make_workbook, decisions_content, monkeypatch):
    """The scan for hidden rows, filters and formulas runs while calamine parses the same sheet (outside the
    interpreter): a parse that waits for the scan to be under way finishes, and the grid has both."""
    from tdkt_docs.read import grid as grid_module

    workbook = make_workbook(decisions_content)
    edit(workbook, "Đề nghị khen thưởng", lambda ws: setattr(ws.row_dimensions[3], "hidden", True))
    scanning, scan = threading.Event(), grid_module._scan

    def scan_and_tell(*args):
        scanning.set()
        return scan(*args)

    monkeypatch.setattr(grid_module, "_scan", scan_and_tell)
    book = grid_module.ValueBook(workbook)
    parse = book.book.get_sheet_by_name

    class Book:
        def get_sheet_by_name(self, title):
            assert scanning.wait(5), "the sheet's XML was not being scanned while its values were parsed"
            return parse(title)

    book.book = Book()
    grid = book.grid("Đề nghị khen thưởng")
    assert grid.hidden == frozenset({3})
    assert grid.head(3)[2][8] == decisions_content["nominations"][1]["name"]
