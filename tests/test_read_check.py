"""`tdkt check` on workbooks: every message names sheet, cell and column, in Vietnamese."""
import datetime as dt
import unicodedata

import openpyxl
import pytest

from tdkt_docs.glossary import Quarter
from tdkt_docs.read import cells
from tdkt_docs.read.workbook import read_workbook
from helpers import TEMPLATES, run_tdkt


def problems_of(path):
    return [str(p) for p in read_workbook(path).problems]


def edit(path, sheet, **cells):
    book = openpyxl.load_workbook(path)
    for coordinate, value in cells.items():
        book[sheet][coordinate] = value
    book.save(path)


def test_clean_workbook_exits_zero(make_workbook, content):
    done = run_tdkt("check", make_workbook(content))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Không có lỗi." in done.stdout


def test_all_problems_are_listed_at_once_and_exit_is_one(make_workbook, content):
    content["tasks"] = [
        {"quarter": "Quý V", "content": "A"},
        {"quarter": "Quý I", "content": ""},
    ]
    content["plan"]["year"] = "hai nghìn"
    done = run_tdkt("check", make_workbook(content))
    assert done.returncode == 1
    out = done.stdout
    assert 'Lỗi: trang "Kế hoạch", ô B2 (cột "Năm kế hoạch"): cần một số nguyên, không phải "hai nghìn".' in out
    assert ('Lỗi: trang "Phụ lục", ô A2 (cột "Quý"): "Quý V" không có trong danh mục; '
            'chọn một trong: "Quý I", "Quý II", "Quý III", "Quý IV".') in out
    assert 'Lỗi: trang "Phụ lục", ô B3 (cột "Nội dung thực hiện"): bắt buộc phải nhập, đang để trống.' in out
    assert "3 lỗi, 0 cảnh báo." in out


def test_missing_sheet(make_workbook, content):
    path = make_workbook(content)
    book = openpyxl.load_workbook(path)
    del book["Phụ lục"]
    book.save(path)
    assert problems_of(path) == [
        'Lỗi: trang "Phụ lục": thiếu trang tính "Phụ lục". Dùng lệnh "tdkt init" để tạo sổ mẫu có đủ các trang.']


def test_missing_required_column(make_workbook, content):
    path = make_workbook(content)
    edit(path, "Phụ lục", B1="Nội dung")
    assert problems_of(path) == [
        'Lỗi: trang "Phụ lục", ô B1 (cột "Nội dung thực hiện"): không tìm thấy cột "Nội dung thực hiện" ở dòng tiêu '
        'đề. Ô B1 đang ghi "Nội dung": nếu đó là cột này, hãy sửa tiêu đề thành "Nội dung thực hiện".']


def test_missing_optional_column_is_a_warning(make_workbook, content):
    path = make_workbook(content)
    edit(path, "Phụ lục", F1=None)
    assert problems_of(path) == [
        'Cảnh báo: trang "Phụ lục", cột "Ghi chú": không tìm thấy cột "Ghi chú" ở dòng tiêu đề. '
        'Cột này không bắt buộc: coi như để trống.']
    assert len(read_workbook(path).all("tasks")) == 1


def test_missing_form_label(make_workbook, content):
    path = make_workbook(content)
    edit(path, "Kế hoạch", A7="Người ký")
    assert problems_of(path) == [
        'Lỗi: trang "Kế hoạch", cột "Họ tên người ký": không tìm thấy dòng "Họ tên người ký" ở cột A.']


@pytest.mark.parametrize("value, message", [
    ("31/02/2024", 'ngày "31/02/2024" không tồn tại.'),
    ("mùng 5 tết", '"mùng 5 tết" không phải là ngày; hãy nhập dạng ngày/tháng/năm, ví dụ 05/01/2024.'),
])
def test_bad_dates(make_workbook, content, value, message):
    content["plan"]["issued"] = value
    path = make_workbook(content)
    assert problems_of(path) == [f'Lỗi: trang "Kế hoạch", ô B4 (cột "Ngày ban hành"): {message}']


@pytest.mark.parametrize("value, expected", [
    ("05/01/2024", dt.date(2024, 1, 5)), ("5-1-2024", dt.date(2024, 1, 5)), ("09.03.2024", dt.date(2024, 3, 9)),
    ("2024-03-09", dt.date(2024, 3, 9)), (dt.datetime(2024, 3, 9), dt.date(2024, 3, 9)), (45360, dt.date(2024, 3, 9)),
])
def test_dates_in_usual_forms(make_workbook, content, value, expected):
    content["plan"]["issued"] = value
    assert read_workbook(make_workbook(content)).one("plan").issued == expected


@pytest.mark.parametrize("typed, expected", [("20/6/25", dt.date(2025, 6, 20)), ("ngày 05/3/2025", dt.date(2025, 3, 5))])
def test_dates_with_short_years_or_the_word_ngay(typed, expected):
    assert cells.as_date(typed) == expected


@pytest.mark.parametrize("typed, expected", [("năm 2025", 2025), ("Năm 2024", 2024)])
def test_year_typed_with_its_word(typed, expected):
    assert cells.as_year(typed) == expected


@pytest.mark.parametrize("typed, message", [(24, "năm 24 không hợp lệ (cần 4 chữ số, ví dụ 2024)"),
                                            (2205, "năm 2205 không hợp lệ (cần một năm từ 1900 đến 2200)"),
                                            ("1800", "năm 1800 không hợp lệ (cần một năm từ 1900 đến 2200)")])
def test_a_year_out_of_range_says_the_range_when_it_has_4_digits(typed, message):
    with pytest.raises(cells.CellError) as refusal:
        cells.as_year(typed)
    assert str(refusal.value) == message


def test_bad_year_and_number(make_workbook, content):
    content["plan"]["year"] = 24
    content["plan"]["number"] = 2.5
    assert problems_of(make_workbook(content)) == [
        'Lỗi: trang "Kế hoạch", ô B2 (cột "Năm kế hoạch"): năm 24 không hợp lệ (cần 4 chữ số, ví dụ 2024).',
        'Lỗi: trang "Kế hoạch", ô B3 (cột "Số văn bản"): cần một số nguyên, không phải 2.5.',
    ]


@pytest.mark.parametrize("sheet, field, value, cell, header", [
    ("batches", "first_number", -5, "K2", "Số quyết định đầu tiên"),
    ("batches", "first_number", 0, "K2", "Số quyết định đầu tiên"),
    ("recipients", "copies", 0, "D2", "Số bản"),
])
def test_numbers_below_one_are_refused(make_workbook, decisions_content, sheet, field, value, cell, header):
    decisions_content[sheet][0][field] = value
    title = "Đợt khen thưởng" if sheet == "batches" else "Nơi nhận"
    assert problems_of(make_workbook(decisions_content)) == [
        f'Lỗi: trang "{title}", ô {cell} (cột "{header}"): cần một số từ 1 trở lên, không phải {value}.']


def test_merged_cells_in_a_table(make_workbook, content):
    content["tasks"].append({"quarter": "Quý I", "content": "B"})
    path = make_workbook(content)
    book = openpyxl.load_workbook(path)
    book["Phụ lục"].merge_cells("A2:A3")
    book.save(path)
    assert ('Lỗi: trang "Phụ lục", ô A2: các ô A2:A3 đang được gộp (Merge). '
            'Hãy bỏ gộp ô và điền giá trị vào từng dòng.') in problems_of(path)


def test_untouched_example_row_is_skipped_with_a_warning(tmp_path):
    target = tmp_path / "moi.xlsx"
    run_tdkt("init", target)
    problems = problems_of(target)
    assert 'Cảnh báo: trang "Phụ lục", ô A2: dòng ví dụ, đã bỏ qua (xóa dòng này khi nhập số liệu thật).' in problems
    assert not read_workbook(target).all("tasks")


def test_headers_match_despite_case_spacing_and_nfd(make_workbook, content):
    path = make_workbook(content)
    edit(path, "Phụ lục", B1=unicodedata.normalize("NFD", "  NỘI DUNG   thực hiện "), C1="đơn vị chỉ đạo")
    assert problems_of(path) == []
    assert read_workbook(path).one("tasks").directing == ("UBND tỉnh",)


def test_text_is_normalised(make_workbook, content):
    content["plan"]["signer"] = unicodedata.normalize("NFD", " Nguyễn\u00a0\u00a0Hương\u200b Giang ")
    content["tasks"][0]["executing"] = "Sở  Nội vụ \n\n  Sở Tài\u00a0chính"
    data = read_workbook(make_workbook(content))
    assert data.one("plan").signer == "Nguyễn Hương Giang"
    assert data.one("tasks").executing == ("Sở Nội vụ", "Sở Tài chính")


def test_choice_aliases(make_workbook, content):
    content["tasks"][0]["quarter"] = "quý 3"
    assert read_workbook(make_workbook(content)).one("tasks").quarter is Quarter.Q3


@pytest.mark.parametrize("payload, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "sổ Excel cũ (.xls) hoặc có đặt mật khẩu"),
    ("Quý,Nội dung\nI,A\n".encode(), "không phải sổ Excel .xlsx (có thể là tệp CSV"),
    (b"PK\x03\x04" + b"\0" * 100, 'bị hỏng: tệp chưa được chép hoặc tải về hết'),
    ((TEMPLATES / "ke-hoach.docx").read_bytes(), "là văn bản Word, không phải sổ Excel .xlsx"),
    ((TEMPLATES / "ke-hoach.docx").read_bytes()[:5000], "bị hỏng: tệp chưa được chép hoặc tải về hết"),
])
def test_files_that_are_not_workbooks(tmp_path, payload, message):
    path = tmp_path / "so-lieu.xlsx"
    path.write_bytes(payload)
    done = run_tdkt("check", path)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_file(tmp_path):
    done = run_tdkt("check", tmp_path / "khong-co.xlsx")
    assert done.returncode == 1
    assert 'Không tìm thấy tệp' in done.stderr


def test_a_renamed_sheet_is_pointed_at(make_workbook, content):
    path = make_workbook(content)
    book = openpyxl.load_workbook(path)
    book["Phụ lục"].title = "Phu luc 2024"
    book.save(path)
    assert problems_of(path) == [
        'Lỗi: trang "Phụ lục": thiếu trang tính "Phụ lục". Sổ có trang "Phu luc 2024": nếu đó là trang này, hãy đổi '
        'tên trang thành "Phụ lục".']


def test_a_mistyped_header_is_pointed_at_by_its_cell(make_workbook, content):
    path = make_workbook(content)
    edit(path, "Phụ lục", B1="Noi dung thuc  hien")
    assert problems_of(path) == [
        'Lỗi: trang "Phụ lục", ô B1 (cột "Nội dung thực hiện"): không tìm thấy cột "Nội dung thực hiện" ở dòng tiêu '
        'đề. Ô B1 đang ghi "Noi dung thuc  hien": nếu đó là cột này, hãy sửa tiêu đề thành "Nội dung thực hiện".']
