"""Workbooks from the wild: formulas, big sheets, amounts as text, invisible characters."""
import io
import re
import time
import zipfile

import openpyxl

from tdkt_docs.read import load
from tdkt_docs.read.workbook import read_workbook


def set_cell(path, sheet, coordinate, value):
    book = openpyxl.load_workbook(path)
    book[sheet][coordinate] = value
    book.save(path)


def test_formula_without_a_saved_value_is_named(make_workbook, content):
    path = make_workbook(content)
    set_cell(path, "Kế hoạch", "B2", "=2020+4")
    assert [str(p) for p in read_workbook(path).problems] == [
        'Lỗi: trang "Kế hoạch", ô B2 (cột "Năm kế hoạch"): ô có công thức =2020+4 nhưng chưa có giá trị tính sẵn '
        "(tệp được lưu bằng chương trình không tính công thức). Hãy mở tệp bằng Excel hoặc LibreOffice, bấm Lưu, "
        "rồi chạy lại."]


def test_formula_with_a_saved_value_reads_as_that_value(make_workbook, content):
    path = make_workbook(content)
    set_cell(path, "Kế hoạch", "B2", "=2020+4")
    rewritten = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<f>2020\+4</f><v\s*/?>(</v>)?", b"<f>2020+4</f><v>2024</v>", data)
            dst.writestr(info, data)
    path.write_bytes(rewritten.getvalue())
    data = read_workbook(path)
    assert data.problems == []
    assert data.one("plan").year == 2024


def test_grouped_numbers_typed_as_text(make_workbook, content):
    content["plan"]["number"] = "1.205"
    assert read_workbook(make_workbook(content)).one("plan").number == 1205


def test_twenty_thousand_rows_are_read_not_rejected(make_workbook, content):
    content["tasks"] = [{"quarter": f"Quý {'I' * (1 + n % 3)}", "content": f"Nhiệm vụ số {n}",
                         "executing": ("Sở Nội vụ", "Sở Tài chính")} for n in range(20_000)]
    path = make_workbook(content)
    started = time.perf_counter()
    data = load(path)
    assert data.errors == []
    tasks = data.all("tasks")
    assert len(tasks) == 20_000
    assert tasks[-1].content == ("Nhiệm vụ số 19999",) and tasks[-1].rows == (20_001,)
    assert time.perf_counter() - started < 120  # a sanity bound, not a benchmark


def test_check_fix_writes_a_corrected_copy_beside_the_workbook(make_workbook, content):
    from helpers import run_tdkt
    content["plan"]["signer"] = "NguyÔn H­¬ng Giang"
    path = make_workbook(content)
    original = path.read_bytes()
    done = run_tdkt("check", "--fix", path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'Cảnh báo: trang "Kế hoạch", ô B7 (cột "Họ tên người ký"): chữ gõ bằng bảng mã TCVN3' in done.stdout
    fixed = path.with_name("so-lieu-da-sua.xlsx")
    assert f'Đã sửa 1 ô, ghi vào "{fixed}":' in done.stdout
    assert path.read_bytes() == original
    assert load(fixed).one("plan").signer == "Nguyễn Hương Giang"
    assert load(fixed).problems == []
    done = run_tdkt("check", "--fix", fixed)
    assert "Không có ô nào gõ bằng bảng mã cũ" in done.stdout
    assert not fixed.with_name("so-lieu-da-sua-da-sua.xlsx").exists()


def test_a_table_moved_right_by_an_empty_column_reads_the_same_naming_its_own_cells(make_workbook, content):
    """Column A left empty (a column inserted before the table): the values are where the headers say."""
    content["tasks"] = [{"quarter": "Quý I", "content": f"Nhiệm vụ số {n}"} for n in range(1, 4)]
    path = make_workbook(content)
    first = read_workbook(path)
    book = openpyxl.load_workbook(path)
    book["Phụ lục"].insert_cols(1)
    book["Phụ lục"]["C3"] = "   "  # the second task's content, blank: named where it now is
    book.save(path)
    moved = read_workbook(path)
    tasks = first.all("tasks")
    assert len(tasks) == 3
    assert [t.content for t in moved.all("tasks")] == [t.content for t in tasks[:1] + tasks[2:]]
    assert [(p.location.sheet, p.location.cell, p.location.column) for p in moved.errors] == [
        ("Phụ lục", "C3", "Nội dung thực hiện")]
