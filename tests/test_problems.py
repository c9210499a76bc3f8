"""One problem type: severity, stable code, location and message, for workbooks and documents alike."""
from __future__ import annotations

from helpers import run_tdkt
from tdkt_docs.build import prepare
from tdkt_docs.problems import Location, Problem, Severity, summary
from tdkt_docs.read.records import RowCells


def test_a_workbook_problem_reads_with_sheet_cell_and_column():
    problem = Problem(Severity.ERROR, "o.bat_buoc", "bắt buộc phải nhập, đang để trống.",
                      Location("Đợt khen thưởng", "C3", "Ngày ký dự kiến"))
    assert str(problem) == ('Lỗi: trang "Đợt khen thưởng", ô C3 (cột "Ngày ký dự kiến"): '
                            "bắt buộc phải nhập, đang để trống.")


def test_a_problem_of_a_column_the_sheet_lacks_reads_with_its_row():
    location = Location("Đề nghị khen thưởng", RowCells({"address": ""}, 3)["address"], "Ông/Bà")
    assert str(location) == 'trang "Đề nghị khen thưởng", dòng 3 (cột "Ông/Bà")'


def test_a_document_problem_reads_with_document_and_paragraph():
    problem = Problem(Severity.WARNING, "so_trang.thieu", "thiếu số trang.", Location(document="qd.docx",
                                                                                    paragraph="đầu trang"))
    assert str(problem) == 'Cảnh báo: văn bản "qd.docx", đầu trang: thiếu số trang.'
    assert summary([problem]) == "0 lỗi, 1 cảnh báo."


def test_messages_point_at_the_real_cell_when_a_column_is_inserted(make_workbook, decisions_content, settings):
    """An STT column before the table moves every column right: the name is in column J, not I."""
    import openpyxl

    decisions_content["nominations"][1]["name"] = "trần thị ánh"
    workbook = make_workbook(decisions_content)
    book = openpyxl.load_workbook(workbook)
    book["Đề nghị khen thưởng"].insert_cols(1)
    book["Đề nghị khen thưởng"]["A1"] = "STT"
    book.save(workbook)
    problem = next(p for p in prepare(workbook, settings).problems if p.code == "ten.chu_hoa")
    assert problem.location == Location("Đề nghị khen thưởng", "J3", "Họ tên / Tên tập thể")


def test_cross_row_problems_also_follow_the_inserted_column(make_workbook, decisions_content, settings):
    import openpyxl

    decisions_content["nominations"].append(dict(decisions_content["nominations"][1]))
    workbook = make_workbook(decisions_content)
    book = openpyxl.load_workbook(workbook)
    book["Đề nghị khen thưởng"].insert_cols(1)
    book.save(workbook)
    problem = next(p for p in prepare(workbook, settings).problems if p.code == "de_nghi.trung")
    assert (problem.location.cell, problem.severity) == ("J4", Severity.ERROR)
    assert "trùng với đề nghị ở dòng 3" in problem.message


def test_the_cli_prints_each_problem_as_it_reads(make_workbook, decisions_content):
    decisions_content["nominations"][1]["form"] = "Huân chương Lao động"
    done = run_tdkt("check", make_workbook(decisions_content))
    assert done.returncode == 1
    assert ('Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): "Huân chương Lao động" không '
            "phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm biết; hãy chọn trong danh sách của cột "
            "này.") in done.stdout
