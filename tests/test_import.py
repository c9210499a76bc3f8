"""`tdkt init --don-vi`, `tdkt check` on a unit's workbook and `tdkt nhap`: the units' lists into the office workbook."""
from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from tdkt_docs.errors import UserError
from tdkt_docs.glossary import Appraisal, IssuerLevel, RecipientKind
from tdkt_docs.importing import Defaults, format_result, import_files
from tdkt_docs.importing.grid import Grid, find_header, read_rows
from tdkt_docs.importing.words import split_address, split_position, split_rank
from tdkt_docs.importing.unit_book import UNIT_INFO, UNIT_NOMINATIONS, UNIT_SHEETS
from tdkt_docs.read import load
from tdkt_docs.read.blank import write_filled_workbook
from tdkt_docs.read.legacy import TCVN3, from_unicode
from tdkt_docs.read.schema import BATCHES, HELP_SHEET, LISTS_SHEET, NOMINATIONS, SHEETS
from tdkt_docs.rules.awards import resolve

from helpers import SAMPLES, run_tdkt
from support.workbooks import BK, MINIMAL, XA_TAM_GIANG

COLLECTIVE, INDIVIDUAL = RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL
BATCH = "Quý I/2024"
TLD = "Tập thể lao động xuất sắc"
ACHIEVEMENT = "Đã có thành tích xuất sắc trong công tác năm 2023"


def batch(name: str) -> dict:
    return {"name": name, "quarter": "Quý I", "signing": dt.date(2024, 3, 25), "position": "CHỦ TỊCH",
            "signer": "Nguyễn Hương Giang", "submission_no": "15/TTr-SNV", "submission_date": dt.date(2024, 3, 18)}


EXISTING = {"batch": BATCH, "unit": "Sở Giáo dục và Đào tạo", "submission_no": "25/TTr-SGDĐT",
            "submission_date": dt.date(2024, 3, 8), "kind": "Cá nhân", "address": "Ông", "name": "Nguyễn Văn An",
            "position": "Trưởng phòng Tổ chức cán bộ", "workplace": "Sở Y tế", "form": BK,
            "achievement": ACHIEVEMENT, "appraisal": "Đạt"}


@pytest.fixture(scope="module")
def office_built(tmp_path_factory, rules) -> Path:
    """The office workbook as tdkt init writes it: one batch, one nomination already typed in."""
    content = copy.deepcopy(MINIMAL)
    content["batches"] = [batch(BATCH)]
    content["nominations"] = [EXISTING]
    path = tmp_path_factory.mktemp("mau") / "so-lieu.xlsx"
    write_filled_workbook(path, content, rules)
    return path


@pytest.fixture
def office(tmp_path, office_built) -> Path:
    return Path(shutil.copy(office_built, tmp_path / "so-lieu.xlsx"))


@pytest.fixture(scope="module")
def unit_template(tmp_path_factory, rules) -> Path:
    path = tmp_path_factory.mktemp("don-vi") / "mau.xlsx"
    write_filled_workbook(path, {}, rules, UNIT_SHEETS)
    return path


def nominations(path: Path) -> list:
    return load(path).all("nominations")


def run(*args) -> tuple[int, str]:
    ran = run_tdkt(*args)
    assert ran.stderr == "" or ran.returncode, ran.stderr
    return ran.returncode, ran.stdout + ran.stderr


def lines_of(output: str) -> list[str]:
    return [line.strip() for line in output.splitlines()]


# --- the unit workbook -------------------------------------------------------------------------------------------

def test_init_don_vi_writes_the_units_workbook_from_the_same_schema(tmp_path, rules):
    target = tmp_path / "de-nghi-don-vi.xlsx"
    code, output = run("init", "--don-vi", target)
    assert code == 0 and 'Đã tạo sổ đề nghị' in output and "tdkt check de-nghi-don-vi.xlsx" in output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == [HELP_SHEET, "Đơn vị đề nghị", "Đề nghị khen thưởng", LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    labels = [book["Đơn vị đề nghị"].cell(r, 1).value for r in range(2, 6)]
    assert labels == ["Đơn vị trình", "Thủ trưởng đơn vị trình", "Số tờ trình", "Ngày tờ trình"]
    ws = book["Đề nghị khen thưởng"]
    office_columns = {c.key: c for c in NOMINATIONS.columns}
    assert [c.value for c in ws[1]] == ["Loại", "Ông/Bà", "Cấp bậc, quân hàm", "Họ tên / Tên tập thể", "Chức vụ",
                                        "Đơn vị công tác", "Hình thức khen thưởng", "Thành tích", "Năm sinh",
                                        "Số CCCD"]
    prompts = {dv.promptTitle: dv for dv in ws.data_validations.dataValidation}
    for column in UNIT_NOMINATIONS.columns:
        assert prompts[column.header].prompt == office_columns[column.key].help[:250]
    form_list = prompts["Hình thức khen thưởng"]
    assert form_list.type == "list" and form_list.formula1.startswith(f"'{LISTS_SHEET}'!$")
    letter = form_list.formula1.split("!$")[1][0]
    listed = [book[LISTS_SHEET][f"{letter}{r}"].value for r in range(2, len(rules.catalogue.forms) + 2)]
    assert listed == list(rules.catalogue.names())
    assert prompts["Loại"].showErrorMessage and not form_list.showErrorMessage  # same strictness as the office
    help_text = "\n".join(str(c.value) for row in book[HELP_SHEET].iter_rows() for c in row if c.value)
    assert help_text.startswith("HƯỚNG DẪN ĐIỀN SỔ ĐỀ NGHỊ KHEN THƯỞNG CỦA ĐƠN VỊ")
    assert "tdkt check <tệp>.xlsx" in help_text and 'Trang "Đơn vị đề nghị"' in help_text
    assert "Kế hoạch" not in help_text  # only the unit's sheets are explained


UNIT_INFO_VALUES = {"unit": "Sở Y tế", "unit_head": "Giám đốc Sở Y tế", "submission_no": "12/TTr-SYT",
                    "submission_date": dt.date(2024, 3, 10)}


def unit_book(template: Path, path: Path, rows: list[dict], info: dict = UNIT_INFO_VALUES) -> Path:
    """A unit's workbook from ``tdkt init --don-vi``, filled in as a unit would."""
    book = openpyxl.load_workbook(template)
    form = book[UNIT_INFO.title]
    for row, column in enumerate(UNIT_INFO.columns, start=2):
        form.cell(row, 2, info.get(column.key))
    table = book[UNIT_NOMINATIONS.title]
    for row, values in enumerate(rows, start=2):
        for col, column in enumerate(UNIT_NOMINATIONS.columns, start=1):
            table.cell(row, col, values.get(column.key))
    book.save(path)
    return path


UNIT_ROWS = [
    {"kind": "Tập thể", "name": "Khoa Hồi sức tích cực", "workplace": "Bệnh viện Đa khoa tỉnh", "form": TLD,
     "achievement": "Đã hoàn thành xuất sắc nhiệm vụ năm 2023"},
    {"kind": "Cá nhân", "address": "Bà", "name": "Trần Thị Bình", "position": "Bác sĩ",
     "workplace": "Bệnh viện Đa khoa tỉnh", "form": "BK tỉnh", "achievement": ACHIEVEMENT},
]


def test_check_on_the_units_workbook_applies_the_offices_rules(tmp_path, unit_template):
    good = unit_book(unit_template, tmp_path / "tot.xlsx", UNIT_ROWS)
    code, output = run("check", good)
    assert code == 0, output
    assert lines_of(output)[-2:] == ["Không có lỗi.", "Sổ sẵn sàng gửi cho cơ quan thi đua, khen thưởng."]
    bad = unit_book(unit_template, tmp_path / "loi.xlsx", [
        {**UNIT_ROWS[1], "address": None},
        {**UNIT_ROWS[0], "form": "Huân chương Lao động hạng Ba"},
        {**UNIT_ROWS[1], "form": "Sao vàng", "kind": "Cá nhân lạ"},
    ])
    code, output = run("check", bad)
    assert code == 1
    found = lines_of(output)
    assert 'Lỗi: trang "Đề nghị khen thưởng", ô B2 (cột "Ông/Bà"): thiếu Ông/Bà cho cá nhân "Trần Thị Bình"; ' \
           'danh sách kèm theo ghi "Ông …" hoặc "Bà …" (lực lượng vũ trang: ghi cấp bậc ở cột "Cấp bậc, quân hàm").' \
           in found
    assert any(line.startswith('Lỗi: trang "Đề nghị khen thưởng", ô G3 (cột "Hình thức khen thưởng"): '
                               '"Huân chương Lao động hạng Ba" không phải hình thức') for line in found)
    assert any(line.startswith('Lỗi: trang "Đề nghị khen thưởng", ô A4 (cột "Loại"): "Cá nhân lạ" không có trong '
                               'danh mục') for line in found)
    assert found[-1] == "Sửa các lỗi trên rồi kiểm tra lại trước khi gửi."
    _, output = run("check", unit_book(unit_template, tmp_path / "trong.xlsx", [], info={}))
    assert 'Lỗi: trang "Đơn vị đề nghị": chưa điền tên đơn vị, số và ngày tờ trình.' in lines_of(output)


def test_units_workbook_is_taken_exactly_and_reimport_adds_nothing(tmp_path, office, unit_template):
    source = unit_book(unit_template, tmp_path / "so-y-te.xlsx", UNIT_ROWS)
    before = office.read_bytes()
    code, output = run("nhap", office, source)  # one batch in the workbook: no --dot needed
    assert code == 0, output
    assert lines_of(output) == [
        'Tệp "so-y-te.xlsx" — sổ đề nghị của đơn vị: Sở Y tế, Tờ trình số 12/TTr-SYT ngày 10/3/2024.',
        f'Đã nhận 2 dòng vào đợt "{BATCH}" (dòng 3–4 của trang "Đề nghị khen thưởng").',
        'Đã ghi 2 dòng mới vào sổ "so-lieu.xlsx" (trang "Đề nghị khen thưởng"); '
        'bản sao sổ trước khi nhập: "so-lieu.bak.xlsx".',
    ]
    assert (tmp_path / "so-lieu.bak.xlsx").read_bytes() == before
    data = load(office)
    rows = data.all("nominations")
    assert rows[0].name == "Nguyễn Văn An" and rows[0].appraisal is Appraisal.PASSED  # untouched
    collective, person = rows[1:]
    assert (collective.batch, collective.unit, collective.unit_head, collective.submission_no,
            collective.submission_date) == (BATCH, "Sở Y tế", "Giám đốc Sở Y tế", "12/TTr-SYT", dt.date(2024, 3, 10))
    assert (collective.kind, collective.name, collective.workplace, collective.form, collective.achievement) == \
           (COLLECTIVE, "Khoa Hồi sức tích cực", "Bệnh viện Đa khoa tỉnh", TLD, "Đã hoàn thành xuất sắc nhiệm vụ năm 2023")
    assert (person.kind, person.address, person.name, person.position, person.form, person.appraisal) == \
           (INDIVIDUAL, "Bà", "Trần Thị Bình", "Bác sĩ", BK, None)  # form code "BK tỉnh" written by its name
    assert data.errors == []
    after = office.read_bytes()
    code, output = run("nhap", office, source)
    assert code == 0
    assert lines_of(output) == [
        'Tệp "so-y-te.xlsx" — sổ đề nghị của đơn vị: Sở Y tế, Tờ trình số 12/TTr-SYT ngày 10/3/2024.',
        "Tệp này đã nhập trước đây: cả 2 dòng đã có trong sổ, không thêm lại.",
        'Không có dòng mới; sổ "so-lieu.xlsx" giữ nguyên.',
    ]
    assert office.read_bytes() == after


def test_a_unit_row_the_reader_refuses_is_reported_with_its_reasons_only(tmp_path, office, unit_template):
    source = unit_book(unit_template, tmp_path / "dv.xlsx", [UNIT_ROWS[0], {**UNIT_ROWS[1], "kind": "Cá nhân lạ"}])
    code, output = run("nhap", office, source)
    assert code == 1
    assert lines_of(output)[1:4] == [
        f'Đã nhận 1 dòng vào đợt "{BATCH}" (dòng 3 của trang "Đề nghị khen thưởng").',
        "Không nhận 1 dòng:",
        '- dòng 3: ô A3 (cột "Loại"): "Cá nhân lạ" không có trong danh mục; chọn một trong: "Tập thể", "Cá nhân", '
        '"Hộ gia đình".',
    ]
    assert [r.name for r in nominations(office)] == ["Nguyễn Văn An", "Khoa Hồi sức tích cực"]


# --- Excel lists ---------------------------------------------------------------------------------------------------

def excel_list(path: Path, rows: list[list], above: list[list] = (), merges: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "DS"
    for row in [*above, *rows]:
        ws.append(row)
    for area in merges:
        ws.merge_cells(area)
    book.save(path)
    return path


def test_excel_list_with_other_headers_codes_signature_and_options(tmp_path, office):
    source = excel_list(tmp_path / "huyen.xlsx", [
        ["STT", "Họ tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Nội dung thành tích", "Ghi chú"],
        [1, "Ông Lê Văn Cường", "Phó Giám đốc Trung tâm Y tế huyện", "BKCT", ACHIEVEMENT],
        [2, "Bà Phạm Thị Dung", "Giáo viên, Trường THCS Đông Ngàn", "CSTĐ tỉnh", ACHIEVEMENT],
        [3, "Hoàng Văn Em", "Phụ trách kế toán", "Bằng khen của Thủ tướng", ACHIEVEMENT],
        [4, None, "Chuyên viên", "BKCT", ACHIEVEMENT],
        [5, "Ông Nguyễn Văn An", "Trưởng phòng Tổ chức cán bộ, Sở Y tế", "BKCT", ACHIEVEMENT],
        [None],
        [None, "NGƯỜI LẬP BIỂU", None, "CHỦ TỊCH"],
        [None, "Đỗ Thị Lập", None, "Vũ Văn Ký"],
    ])
    code, output = run("nhap", office, source, "--dot", "quý i/2024", "--don-vi", "UBND huyện Tiên Du",
                       "--to-trinh", "45/TTr-UBND", "--ngay", "05/3/2024")
    assert code == 1, output  # a row was refused
    assert lines_of(output) == [
        'Tệp "huyen.xlsx" — danh sách Excel, trang "DS": UBND huyện Tiên Du, Tờ trình số 45/TTr-UBND ngày 05/3/2024.',
        f'Đã nhận 4 dòng vào đợt "{BATCH}" (dòng 3–6 của trang "Đề nghị khen thưởng").',
        "Cần xem lại 2 dòng:",
        '- trang "DS", ô B4 → dòng 5 của sổ: "Hoàng Văn Em": không tách được chức vụ và đơn vị công tác trong '
        '"Phụ trách kế toán"; đã ghi cả vào cột Chức vụ, hãy tách lại (trang "DS", ô C4); thiếu Ông/Bà cho cá nhân '
        '"Hoàng Văn Em"; danh sách kèm theo ghi "Ông …" hoặc "Bà …" (lực lượng vũ trang: ghi cấp bậc ở cột "Cấp bậc, '
        'quân hàm"); "Bằng khen của Thủ tướng" không phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm '
        'biết; hãy chọn trong danh sách của cột Hình thức khen thưởng (trang "DS", ô D4).',
        '- trang "DS", ô B6 → dòng 6 của sổ: "Nguyễn Văn An": "Nguyễn Văn An" đã có đề nghị trong đợt "Quý I/2024" '
        "(dòng 2 của sổ số liệu).",
        "Không nhận 1 dòng:",
        '- trang "DS", ô B5: thiếu họ tên / tên tập thể.',
        'Đã ghi 4 dòng mới vào sổ "so-lieu.xlsx" (trang "Đề nghị khen thưởng"); '
        'bản sao sổ trước khi nhập: "so-lieu.bak.xlsx".',
    ]
    rows = nominations(office)[1:]
    assert [(r.address, r.name, r.position, r.workplace, r.form) for r in rows] == [
        ("Ông", "Lê Văn Cường", "Phó Giám đốc", "Trung tâm Y tế huyện", BK),
        ("Bà", "Phạm Thị Dung", "Giáo viên", "Trường THCS Đông Ngàn", "Chiến sĩ thi đua cấp tỉnh"),
        ("", "Hoàng Văn Em", "Phụ trách kế toán", "", "Bằng khen của Thủ tướng"),
        ("Ông", "Nguyễn Văn An", "Trưởng phòng Tổ chức cán bộ", "Sở Y tế", BK),
    ]
    assert {(r.batch, r.unit, r.submission_no, r.submission_date, r.kind) for r in rows} == \
           {(BATCH, "UBND huyện Tiên Du", "45/TTr-UBND", dt.date(2024, 3, 5), INDIVIDUAL)}
    assert all(r.achievement == ACHIEVEMENT for r in rows)


TWO_ROW_HEADER_ABOVE = [
    ["UBND TỈNH BẮC NINH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["SỞ Y TẾ", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [None],
    ["DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH"],
    ["(Kèm theo Tờ trình số 12/TTr-SYT ngày 10/3/2024 của Giám đốc Sở Y tế)"],
    [None],
    ["STT", "Họ và tên", "Năm sinh", None, "Chức vụ, đơn vị công tác", "Tóm tắt thành tích"],
    [None, None, "Nam", "Nữ"],
    ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
]
TWO_ROW_HEADER_MERGES = ("A4:F4", "A5:F5", "A7:A8", "B7:B8", "C7:D7", "E7:E8", "F7:F8")


def test_excel_list_with_a_two_row_header_merged_title_and_group_headings(tmp_path, office, rules):
    source = excel_list(tmp_path / "syt.xlsx", above=TWO_ROW_HEADER_ABOVE, merges=TWO_ROW_HEADER_MERGES + ("A10:F10",
                                                                                                          "A12:F12"), rows=[
        ["I. TẬP THỂ"],
        [1, "Phòng Nghiệp vụ Y", None, None, "Sở Y tế", "Đã hoàn thành xuất sắc nhiệm vụ năm 2023"],
        ["II. CÁ NHÂN"],
        [1, "Nguyễn Văn Bảo", 1970, None, "Trưởng phòng Tổ chức cán bộ, Sở Y tế", ACHIEVEMENT],
        [2, "Trần Thị Bình", None, 1980, "Bác sĩ Bệnh viện Đa khoa tỉnh", ACHIEVEMENT],
    ])
    report = import_files(office, [source], rules, Defaults(batch=BATCH)).reports[0]
    assert report.label == 'danh sách Excel, trang "DS"'
    assert (report.unit, report.submission_no, report.submission_date) == ("Sở Y tế", "12/TTr-SYT", dt.date(2024, 3, 10))
    assert (len(report.taken), report.attention, report.refused) == (3, [], [])
    rows = nominations(office)[1:]
    assert [(r.kind, r.address, r.name, r.position, r.workplace) for r in rows] == [
        (COLLECTIVE, "", "Phòng Nghiệp vụ Y", "", "Sở Y tế"),
        (INDIVIDUAL, "Ông", "Nguyễn Văn Bảo", "Trưởng phòng Tổ chức cán bộ", "Sở Y tế"),
        (INDIVIDUAL, "Bà", "Trần Thị Bình", "Bác sĩ", "Bệnh viện Đa khoa tỉnh"),
    ]
    assert {(r.unit, r.unit_head, r.form) for r in rows} == {("Sở Y tế", "Giám đốc Sở Y tế", BK)}
    assert [p for p in load(office).problems if p.is_error] == []


def test_every_sheet_with_a_list_is_read(tmp_path, office, rules):
    """Tập thể on one sheet, Cá nhân on another: both are imported, with the tờ trình stated on the first."""
    book = openpyxl.Workbook()
    sheets = {"Tập thể": [["DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"],
                          ["(Kèm theo Tờ trình số 40/TTr-THPTLT ngày 14/3/2024 của Trường THPT Lương Tài)"],
                          ["TT", "Tên tập thể", "Hình thức đề nghị", "Thành tích"],
                          [1, "Tổ Văn phòng", TLD, ACHIEVEMENT]],
              "Cá nhân": [["DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"],
                          ["TT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích"],
                          [1, "Bà Vũ Thị Hạnh", "Giáo viên", "Trường THPT Lương Tài", BK, ACHIEVEMENT]]}
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    source = tmp_path / "hai-trang.xlsx"
    book.save(source)
    result = import_files(office, [source], rules, Defaults(batch=BATCH))
    assert format_result(result)[:2] == [
        'Tệp "hai-trang.xlsx" — danh sách Excel, trang "Tập thể", trang "Cá nhân": Trường THPT Lương Tài, '
        "Tờ trình số 40/TTr-THPTLT ngày 14/3/2024.",
        f'  Đã nhận 2 dòng vào đợt "{BATCH}" (dòng 3–4 của trang "Đề nghị khen thưởng").',
    ]
    assert [(r.unit, r.submission_no, r.kind, r.address, r.name, r.form) for r in nominations(office)[1:]] == [
        ("Trường THPT Lương Tài", "40/TTr-THPTLT", COLLECTIVE, "", "Tổ Văn phòng", TLD),
        ("Trường THPT Lương Tài", "40/TTr-THPTLT", INDIVIDUAL, "Bà", "Vũ Thị Hạnh", BK),
    ]


def test_youth_and_union_branches_are_collectives(tmp_path, office, rules):
    source = excel_list(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích"],
        [1, "Chi đoàn giáo viên", "Trường THPT Quế Võ số 2", BK, ACHIEVEMENT],
        [2, "Công đoàn Trường THPT Quế Võ số 2", "Sở Giáo dục và Đào tạo", BK, ACHIEVEMENT],
    ])
    result = import_files(office, [source], rules, Defaults(batch=BATCH, unit="Trường THPT Quế Võ số 2",
                                                            submission_no="22/TTr-THPTQV2",
                                                            submission_date=dt.date(2024, 3, 13)))
    assert not result.reports[0].attention
    assert [(r.kind, r.name) for r in nominations(office)[1:]] == [
        (COLLECTIVE, "Chi đoàn giáo viên"), (COLLECTIVE, "Công đoàn Trường THPT Quế Võ số 2")]


@pytest.mark.parametrize("total", ["Tổng", "Tổng cộng", "Cộng:"])
def test_a_total_row_with_counts_in_its_columns_is_not_a_nomination(tmp_path, office, rules, total):
    source = excel_list(tmp_path / "ds.xlsx", [
        ["TT", "Họ và tên", "Chức vụ", "Số lượng"],
        [1, "Ông Phan Văn Đức", "Giáo viên", 1],
        [None, total, None, 1],
    ])
    result = import_files(office, [source], rules, Defaults(batch=BATCH, unit="Trường THPT Từ Sơn",
                                                            submission_no="50/TTr-THPTTS",
                                                            submission_date=dt.date(2024, 3, 18), form=BK,
                                                            achievement=ACHIEVEMENT))
    assert result.added == 1 and not result.reports[0].attention and not result.reports[0].refused
    assert [r.name for r in nominations(office)[1:]] == ["Phan Văn Đức"]


def test_a_community_named_cong_dong_is_a_nomination_not_a_total(tmp_path, office, rules):
    source = excel_list(tmp_path / "ds.xlsx", [
        ["Tên tập thể", "Đơn vị"],  # a list without numbers: each row is judged by its text
        ["Cộng đồng dân cư thôn Đông", "Xã Liên Bão"],
        ["Cộng: 1 tập thể", None],
    ])
    result = import_files(office, [source], rules, Defaults(batch=BATCH, unit="UBND xã Liên Bão",
                                                            submission_no="7/TTr-UBND",
                                                            submission_date=dt.date(2024, 3, 18), form=BK,
                                                            achievement=ACHIEVEMENT))
    assert result.added == 1
    assert [r.name for r in nominations(office)[1:]] == ["Cộng đồng dân cư thôn Đông"]


def test_achievement_line_above_a_group_and_form_from_the_title_only(tmp_path, office, rules):
    source = excel_list(tmp_path / "xa.xlsx", above=[
        ["UBND XÃ LIÊN BÃO"],
        ["DANH SÁCH ĐỀ NGHỊ TẶNG DANH HIỆU TẬP THỂ LAO ĐỘNG XUẤT SẮC NĂM 2023"],
    ], rows=[
        ["TT", "Tên tập thể", "Đơn vị"],
        [None, "Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới:"],
        [1, "Thôn Đông", "UBND xã Liên Bão"],
        [2, "Thôn Đoài", "UBND xã Liên Bão"],
    ], merges=("B4:C4",))
    result = import_files(office, [source], rules, Defaults(batch=BATCH, submission_no="7/TTr-UBND",
                                                            submission_date=dt.date(2024, 3, 1)))
    report = result.reports[0]
    assert report.unit == "UBND XÃ LIÊN BÃO"  # from the header, as written: the user is told to check it
    assert 'tên đơn vị lấy từ tiêu đề của tệp: "UBND XÃ LIÊN BÃO"; kiểm tra cách viết hoa trong sổ hoặc ghi ' \
           '--don-vi.' in report.notes
    rows = nominations(office)[1:]
    assert [(r.kind, r.name, r.form, r.achievement) for r in rows] == [
        (COLLECTIVE, "Thôn Đông", TLD, "Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới"),
        (COLLECTIVE, "Thôn Đoài", TLD, "Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới"),
    ]


def test_missing_statement_is_asked_for_and_nothing_is_written(tmp_path, office):
    source = excel_list(tmp_path / "thieu.xlsx", [["Họ và tên", "Hình thức"], ["Ông Lý Văn Phúc", "BKCT"]])
    before = office.read_bytes()
    code, output = run("nhap", office, source, "--dot", BATCH)
    assert code == 1
    assert lines_of(output)[:2] == [
        'Tệp "thieu.xlsx" — danh sách Excel, trang "DS".',
        'Không nhập tệp này: chưa biết đơn vị trình, số tờ trình, ngày tờ trình (tệp không có dòng "(Kèm theo Tờ '
        'trình số … ngày … của …)" hay tiêu đề của đơn vị); thành tích (tệp không có cột "Thành tích" hay dòng "Đã '
        'có thành tích …" trên nhóm). Hãy ghi thêm --don-vi "Sở …" --to-trinh "12/TTr-…" --ngay 10/3/2024 '
        '--thanh-tich "Đã có thành tích xuất sắc trong công tác năm …" rồi chạy lại.',
    ]  # every gap in one run
    assert office.read_bytes() == before and not (tmp_path / "so-lieu.bak.xlsx").exists()
    code, output = run("nhap", office, source, "--dot", BATCH, "--don-vi", "Sở Tư pháp", "--to-trinh", "3/TTr-STP",
                       "--ngay", "1/3/2024")
    assert 'Không nhập tệp này: chưa biết thành tích (tệp không có cột "Thành tích" hay dòng "Đã có thành tích …" ' \
           'trên nhóm). Hãy ghi thêm --thanh-tich "Đã có thành tích xuất sắc trong công tác năm …" rồi chạy lại.' \
           in lines_of(output)
    code, output = run("nhap", office, source, "--dot", BATCH, "--don-vi", "Sở Tư pháp", "--to-trinh", "3/TTr-STP",
                       "--ngay", "1/3/2024", "--thanh-tich", ACHIEVEMENT, "--hinh-thuc", TLD)
    assert code == 0 and lines_of(output)[1] == f'Đã nhận 1 dòng vào đợt "{BATCH}" (dòng 3 của trang "Đề nghị khen thưởng").'
    landed = nominations(office)[-1]
    assert (landed.unit, landed.submission_no, landed.submission_date, landed.name, landed.form, landed.achievement) == \
           ("Sở Tư pháp", "3/TTr-STP", dt.date(2024, 3, 1), "Lý Văn Phúc", BK, ACHIEVEMENT)  # the column wins over --hinh-thuc


@pytest.mark.parametrize("agency, form", [({}, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
                                           (XA_TAM_GIANG, "Giấy khen")])
def test_a_missing_form_is_asked_for_with_one_the_office_decides(tmp_path, rules, agency, form):
    content = copy.deepcopy(MINIMAL) | {"batches": [batch(BATCH)], "nominations": [EXISTING]}
    content["agency"] = content["agency"] | agency
    office = tmp_path / "so-lieu.xlsx"
    write_filled_workbook(office, content, rules)
    source = excel_list(tmp_path / "thieu.xlsx", [["Họ và tên", "Thành tích"], ["Ông Lý Văn Phúc", ACHIEVEMENT]])
    code, output = run("nhap", office, source, "--dot", BATCH, "--don-vi", "Sở Tư pháp", "--to-trinh", "3/TTr-STP",
                       "--ngay", "1/3/2024")
    assert code == 1
    assert f'Hãy ghi thêm --hinh-thuc "{form}" rồi chạy lại.' in output


def test_a_household_typed_whole_in_the_workbook_is_known_when_imported_again(tmp_path):
    """The ward's workbook writes "Hộ ông Lý Văn Tư"; the same rows imported again (the workbook as a unit's list)
    are all known, the household too, whose name the import reads without "Hộ ông"."""
    sample = SAMPLES / "phuong-kinh-bac" / "tdkt-2026-phuong-kinh-bac.xlsx"
    office = Path(shutil.copy(sample, tmp_path / "so-lieu.xlsx"))
    source = Path(shutil.copy(sample, tmp_path / "nguon.xlsx"))
    code, output = run("nhap", office, source, "--dot", "Gia đình văn hóa 2026")
    assert lines_of(output) == ['Tệp "nguon.xlsx" — danh sách Excel, trang "Đề nghị khen thưởng".',
                                "Tệp này đã nhập trước đây: cả 6 dòng đã có trong sổ, không thêm lại.",
                                'Không có dòng mới; sổ "so-lieu.xlsx" giữ nguyên.']
    assert office.read_bytes() == sample.read_bytes()


def test_forms_come_from_the_offices_mau_folder(tmp_path, office, settings):
    """A short name the office adds in its own khen-thuong.toml (mau/ beside the workbook) is understood."""
    forms = settings.data("khen-thuong.toml").read_text(encoding="utf-8")
    (tmp_path / "mau").mkdir()
    extended = forms.replace('codes = ["TLĐXS", ', 'codes = ["LĐXS", "TLĐXS", ')
    (tmp_path / "mau" / "khen-thuong.toml").write_text(extended, encoding="utf-8")
    source = excel_list(tmp_path / "xa.xlsx", [["TT", "Tên tập thể", "Hình thức", "Thành tích"],
                                               [1, "Thôn Đông", "LĐXS", ACHIEVEMENT]])
    code, output = run("nhap", office, source, "--dot", BATCH, "--don-vi", "UBND xã Liên Bão",
                       "--to-trinh", "7/TTr-UBND", "--ngay", "1/3/2024")
    assert code == 0 and "Cần xem lại" not in output, output
    assert [(r.kind, r.name, r.form) for r in nominations(office)[1:]] == [(COLLECTIVE, "Thôn Đông", TLD)]


def test_legacy_text_is_converted_with_a_note(tmp_path, office, rules):
    source = excel_list(tmp_path / "cu.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng", "Thành tích"],
        [1, from_unicode("Ông Nguyễn Văn Hùng", TCVN3), "Kỹ sư", "Công ty Điện lực", "BKCT", ACHIEVEMENT],
    ])
    report = import_files(office, [source], rules, Defaults(batch=BATCH, unit="Sở Công Thương",
                                                            submission_no="9/TTr-SCT",
                                                            submission_date=dt.date(2024, 3, 2))).reports[0]
    assert nominations(office)[1].name == "Nguyễn Văn Hùng" and nominations(office)[1].address == "Ông"
    assert any(note.startswith('trang "DS", ô B2: chữ gõ bằng bảng mã TCVN3 (.VnTime)') for note in report.notes)


def test_legacy_u_with_horn_typed_as_a_soft_hyphen_is_kept(tmp_path, office, rules):
    """TCVN3 writes "ư" as U+00AD (a soft hyphen): it is converted before the cell text is cleaned."""
    source = excel_list(tmp_path / "cu.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức khen thưởng", "Thành tích"],
        [1, from_unicode("Ông Lương Văn Hưng", TCVN3), from_unicode("Tổ trưởng", TCVN3),
         from_unicode("Trường THPT Gia Bình số 1", TCVN3), "BKCT", ACHIEVEMENT],
    ])
    import_files(office, [source], rules, Defaults(batch=BATCH, unit="Sở Công Thương", submission_no="9/TTr-SCT",
                                                  submission_date=dt.date(2024, 3, 2)))
    row = nominations(office)[1]
    assert (row.name, row.position, row.workplace) == ("Lương Văn Hưng", "Tổ trưởng", "Trường THPT Gia Bình số 1")


# --- Word lists ----------------------------------------------------------------------------------------------------

def word_header(document) -> None:
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "UBND TỈNH BẮC NINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO"
    layout.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    document.add_paragraph("DANH SÁCH")
    document.add_paragraph("ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
    document.add_paragraph("(Kèm theo Tờ trình số 30/TTr-SGDĐT ngày 12 tháng 3 năm 2024 của Sở Giáo dục và Đào tạo)")


def test_word_list_as_a_table(tmp_path, office, rules):
    document = docx.Document()
    word_header(document)
    table = document.add_table(rows=0, cols=4)
    for values in (["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Thành tích"],
                   ["I. TẬP THỂ"] * 4,
                   ["1", "Trường THPT Hàn Thuyên", "Sở Giáo dục và Đào tạo", "Đã hoàn thành xuất sắc nhiệm vụ năm học"],
                   ["II. CÁ NHÂN"] * 4,
                   ["1", "Bà Ngô Thị Hoa", "Hiệu trưởng, Trường THPT Lý Thái Tổ", "Đã có thành tích xuất sắc"],
                   ["2", "Ông Đặng Văn Khoa", "Giáo viên Trường THCS Đông Ngàn", "Đã có thành tích xuất sắc"]):
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    document.add_paragraph("GIÁM ĐỐC")
    source = tmp_path / "sgd.docx"
    document.save(source)
    result = import_files(office, [source], rules, Defaults(batch=BATCH))
    assert format_result(result)[:2] == [
        'Tệp "sgd.docx" — danh sách Word dạng bảng: Sở Giáo dục và Đào tạo, Tờ trình số 30/TTr-SGDĐT ngày 12/3/2024.',
        f'  Đã nhận 3 dòng vào đợt "{BATCH}" (dòng 3–5 của trang "Đề nghị khen thưởng").',
    ]
    rows = nominations(office)[1:]
    assert [(r.kind, r.address, r.name, r.position, r.workplace, r.form) for r in rows] == [
        (COLLECTIVE, "", "Trường THPT Hàn Thuyên", "", "Sở Giáo dục và Đào tạo", BK),
        (INDIVIDUAL, "Bà", "Ngô Thị Hoa", "Hiệu trưởng", "Trường THPT Lý Thái Tổ", BK),
        (INDIVIDUAL, "Ông", "Đặng Văn Khoa", "Giáo viên", "Trường THCS Đông Ngàn", BK),
    ]
    assert {(r.unit, r.submission_no, r.submission_date) for r in rows} == \
           {("Sở Giáo dục và Đào tạo", "30/TTr-SGDĐT", dt.date(2024, 3, 12))}


def test_word_list_as_numbered_lines(tmp_path, office, rules):
    document = docx.Document()
    word_header(document)
    for text in ("I. TẬP THỂ",
                 "Đã hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023:",
                 "1. Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo;",
                 "II. CÁ NHÂN",
                 "Đã có thành tích xuất sắc trong công tác năm học 2022 - 2023:",
                 "1. Ông Nguyễn Văn A, Trưởng phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo;",
                 "2. Bà Trần Thị B, Giáo viên Trường THPT Thuận Thành số 1;",
                 "3. Lê Văn C, Chuyên viên Phòng Tổ chức cán bộ;",
                 "Danh sách có 01 tập thể và 03 cá nhân./.",
                 "GIÁM ĐỐC",
                 "Nguyễn Văn Giám"):
        document.add_paragraph(text)
    source = tmp_path / "sgd-dong.docx"
    document.save(source)
    result = import_files(office, [source], rules, Defaults(batch=BATCH))
    assert format_result(result)[:5] == [
        'Tệp "sgd-dong.docx" — danh sách Word dạng các dòng đánh số: Sở Giáo dục và Đào tạo, '
        "Tờ trình số 30/TTr-SGDĐT ngày 12/3/2024.",
        f'  Đã nhận 4 dòng vào đợt "{BATCH}" (dòng 3–6 của trang "Đề nghị khen thưởng").',
        "  Cần xem lại 1 dòng:",
        '    - đoạn 11 → dòng 6 của sổ: "Lê Văn C": thiếu Ông/Bà cho cá nhân "Lê Văn C"; danh sách kèm theo ghi '
        '"Ông …" hoặc "Bà …" (lực lượng vũ trang: ghi cấp bậc ở cột "Cấp bậc, quân hàm").',
        'Đã ghi 4 dòng mới vào sổ "so-lieu.xlsx" (trang "Đề nghị khen thưởng"); '
        'bản sao sổ trước khi nhập: "so-lieu.bak.xlsx".',
    ]
    rows = nominations(office)[1:]
    assert [(r.kind, r.address, r.name, r.position, r.workplace) for r in rows] == [
        (COLLECTIVE, "", "Phòng Giáo dục Trung học", "", "Sở Giáo dục và Đào tạo"),
        (INDIVIDUAL, "Ông", "Nguyễn Văn A", "Trưởng phòng Giáo dục Trung học", "Sở Giáo dục và Đào tạo"),
        (INDIVIDUAL, "Bà", "Trần Thị B", "Giáo viên", "Trường THPT Thuận Thành số 1"),
        (INDIVIDUAL, "", "Lê Văn C", "Chuyên viên", "Phòng Tổ chức cán bộ"),
    ]
    assert [r.achievement for r in rows] == ["Đã hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023"] + \
           ["Đã có thành tích xuất sắc trong công tác năm học 2022 - 2023"] * 3
    assert {r.form for r in rows} == {BK}
    again = import_files(office, [source], rules, Defaults(batch=BATCH))
    assert format_result(again)[1] == "  Tệp này đã nhập trước đây: cả 4 dòng đã có trong sổ, không thêm lại."


def test_a_comma_inside_a_unit_name_does_not_split_the_line_and_is_pointed_out(tmp_path, office, rules):
    """"Phòng, chống …": a comma followed by a lower-case word belongs to the name, not the next field."""
    document = docx.Document()
    word_header(document)
    for text in ("I. TẬP THỂ", "Đã hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023:",
                 "1. Khoa Phòng, chống bệnh truyền nhiễm, Trung tâm Kiểm soát bệnh tật tỉnh;",
                 "II. CÁ NHÂN", "Đã có thành tích xuất sắc trong công tác năm học 2022 - 2023:",
                 "1. Ông Vương Đình Khải, Trưởng khoa Phòng, chống bệnh truyền nhiễm;",
                 "2. Bà Lê Thị Bích, giáo viên Trường THCS Đông Ngàn;",
                 "3. Ông Nguyễn Văn Ân, chuyên viên Phòng Kế hoạch, Sở Y tế;"):
        document.add_paragraph(text)
    source = tmp_path / "ksbt.docx"
    document.save(source)
    report = format_result(import_files(office, [source], rules, Defaults(batch=BATCH)))
    assert ('dấu phẩy trong "Khoa Phòng, chống bệnh truyền nhiễm" được coi là một phần của tên (chữ sau dấu phẩy '
            "viết thường); hãy xem lại tên và đơn vị công tác") in "\n".join(report)
    assert ('đơn vị công tác "chống bệnh truyền nhiễm" bắt đầu bằng chữ thường: có thể dấu phẩy nằm trong tên đơn '
            "vị; hãy xem lại cột Chức vụ và Đơn vị công tác") in "\n".join(report)
    assert sum("bắt đầu bằng chữ thường" in line or "dấu phẩy trong" in line for line in report) == 2
    rows = nominations(office)[1:]
    assert [(r.kind, r.name, r.position, r.workplace) for r in rows] == [
        (COLLECTIVE, "Khoa Phòng, chống bệnh truyền nhiễm", "", "Trung tâm Kiểm soát bệnh tật tỉnh"),
        (INDIVIDUAL, "Vương Đình Khải", "Trưởng khoa Phòng", "chống bệnh truyền nhiễm"),  # a person's name: no comma
        (INDIVIDUAL, "Lê Thị Bích", "giáo viên", "Trường THCS Đông Ngàn"),
        (INDIVIDUAL, "Nguyễn Văn Ân", "chuyên viên Phòng Kế hoạch", "Sở Y tế"),
    ]


def test_a_collective_named_with_commas_splits_before_the_organisation(tmp_path, office, rules):
    """"Tổ Sử, Địa, Giáo dục công dân, Trường THPT …": the unit starts at "Trường", not at the first comma."""
    document = docx.Document()
    word_header(document)
    for text in ("I. TẬP THỂ", "Đã hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023:",
                 "1. Tổ Sử, Địa, Giáo dục công dân, Trường THPT Tiên Du số 1;",
                 "2. Tổ Ngữ văn, THPT Lý Thái Tổ;"):
        document.add_paragraph(text)
    source = tmp_path / "to.docx"
    document.save(source)
    report = format_result(import_files(office, [source], rules, Defaults(batch=BATCH)))
    assert ('    - đoạn 6 → dòng 3 của sổ: "Tổ Sử, Địa, Giáo dục công dân": dấu phẩy trong "Tổ Sử, Địa, Giáo dục công '
            'dân" được coi là một phần của tên (đơn vị công tác bắt đầu từ tên cơ quan sau dấu phẩy); hãy xem lại tên '
            "và đơn vị công tác.") in report
    assert [(r.kind, r.name, r.workplace) for r in nominations(office)[1:]] == [
        (COLLECTIVE, "Tổ Sử, Địa, Giáo dục công dân", "Trường THPT Tiên Du số 1"),
        (COLLECTIVE, "Tổ Ngữ văn", "THPT Lý Thái Tổ"),
    ]


def test_a_hidden_sheet_of_a_list_is_not_read(tmp_path, office, rules):
    book = openpyxl.Workbook()
    book.active.title = "DS"
    for row in (["TT", "Họ và tên", "Chức vụ"], [1, "Ông Phan Văn Đức", "Giáo viên"]):
        book.active.append(row)
    scratch = book.create_sheet("Nháp")
    for row in (["TT", "Họ và tên", "Chức vụ"], [1, "Ông Nháp Văn Thử", "Giáo viên"]):
        scratch.append(row)
    scratch.sheet_state = "hidden"
    source = tmp_path / "ds.xlsx"
    book.save(source)
    import_files(office, [source], rules, Defaults(batch=BATCH, unit="Trường THPT Từ Sơn", submission_no="50/TTr-THPTTS",
                                                   submission_date=dt.date(2024, 3, 18), form=BK,
                                                   achievement=ACHIEVEMENT))
    assert [r.name for r in nominations(office)[1:]] == ["Phan Văn Đức"]


def test_a_persons_line_without_ong_ba_keeps_the_position_out_of_the_name(tmp_path, office, rules):
    """No group heading, no Ông/Bà: a person's "Nguyễn Văn An, Giáo viên, Trường THCS X" is cut at its first
    comma, as before the rule for collectives named with commas."""
    document = docx.Document()
    word_header(document)
    for text in ("Đã hoàn thành xuất sắc nhiệm vụ năm học 2022 - 2023:",
                 "1. Nguyễn Văn An, Giáo viên, Trường THCS Tiên Du;"):
        document.add_paragraph(text)
    source = tmp_path / "nguoi.docx"
    document.save(source)
    import_files(office, [source], rules, Defaults(batch=BATCH))
    assert [(r.name, r.position, r.workplace) for r in nominations(office)[1:]] == [
        ("Nguyễn Văn An", "Giáo viên", "Trường THCS Tiên Du")]


# --- the office workbook is never damaged --------------------------------------------------------------------------

def test_office_formatting_dropdowns_and_other_sheets_survive(tmp_path, office, unit_template, rules):
    book = openpyxl.load_workbook(office)
    book.create_sheet("Ghi chú riêng")["A1"] = "Theo dõi hồ sơ của văn thư"
    book[NOMINATIONS.title]["O1"] = "Cột riêng của văn phòng"
    book.save(office)
    source = unit_book(unit_template, tmp_path / "dv.xlsx", UNIT_ROWS)
    import_files(office, [source], rules, Defaults(batch=BATCH))
    book = openpyxl.load_workbook(office)
    assert book.sheetnames == [HELP_SHEET, *(sheet.title for sheet in SHEETS), LISTS_SHEET, "Ghi chú riêng"]
    assert book["Ghi chú riêng"]["A1"].value == "Theo dõi hồ sơ của văn thư"
    assert book[LISTS_SHEET].sheet_state == "hidden"
    ws = book[NOMINATIONS.title]
    assert ws["O1"].value == "Cột riêng của văn phòng" and ws.freeze_panes == "A2"
    assert ws["A1"].fill.fgColor.rgb.endswith("FCE4D6")  # required-column header colour kept
    lists = {dv.promptTitle: dv for dv in ws.data_validations.dataValidation}
    assert lists["Hình thức khen thưởng"].type == "list" and "L2:L2000" in str(lists["Hình thức khen thưởng"].sqref)
    assert ws["E3"].number_format == "dd/mm/yyyy" and ws["E3"].value.date() == dt.date(2024, 3, 10)
    assert [ws.cell(2, c).value for c in (2, 9, 14)] == ["Sở Giáo dục và Đào tạo", "Nguyễn Văn An", "Đạt"]


def test_batch_must_be_named_when_the_workbook_has_several(tmp_path, office, unit_template, rules):
    book = openpyxl.load_workbook(office)
    book["Đợt khen thưởng"].append(["Cuối năm 2024", "Quý IV"])
    book.save(office)
    source = unit_book(unit_template, tmp_path / "dv.xlsx", UNIT_ROWS)
    with pytest.raises(UserError, match='Hãy ghi tên đợt bằng --dot, ví dụ --dot "Quý I/2024". '
                                        'Các đợt trong sổ: "Quý I/2024", "Cuối năm 2024".'):
        import_files(office, [source], rules)
    with pytest.raises(UserError, match="là sổ đề nghị của đơn vị, không phải sổ số liệu của cơ quan"):
        import_files(source, [office], rules)


# --- the pieces: splitting a combined cell, deep headers -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Trưởng phòng Tổ chức cán bộ, Sở Y tế", ("Trưởng phòng Tổ chức cán bộ", "Sở Y tế", True)),
    ("Phó Giám đốc Sở Tài chính", ("Phó Giám đốc", "Sở Tài chính", True)),
    ("Nguyên Hiệu trưởng Trường Tiểu học Kim Chân", ("Nguyên Hiệu trưởng", "Trường Tiểu học Kim Chân", True)),
    ("Chuyên viên, Phòng Nội vụ, UBND huyện Quế Võ", ("Chuyên viên", "Phòng Nội vụ, UBND huyện Quế Võ", True)),
    ("Trưởng phòng Giáo dục Trung học", ("Trưởng phòng Giáo dục Trung học", "", False)),
    ("Phụ trách kế toán", ("Phụ trách kế toán", "", False)),
    ("Bệnh viện Đa khoa tỉnh", ("", "Bệnh viện Đa khoa tỉnh", True)),
])
def test_combined_position_and_workplace_split_where_it_can_be(text, expected):
    assert split_position(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ông Nguyễn Văn A", ("Ông", "Nguyễn Văn A")),
    ("bà Trần Thị B", ("Bà", "Trần Thị B")),
    ("Đồng chí Lê Văn C", ("", "Lê Văn C")),
    ("Bà Triệu", ("Bà", "Triệu")),
    ("Phòng Nội vụ", ("", "Phòng Nội vụ")),
])
def test_address_taken_from_the_name(text, expected):
    assert split_address(text) == expected


def test_three_row_header_under_a_merged_title(rules):
    rows = [
        ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"] * 6,
        ["STT", "Họ và tên", "Thông tin cá nhân", "Thông tin cá nhân", "Thông tin cá nhân", "Hình thức đề nghị"],
        ["STT", "Họ và tên", "Giới tính", "Công tác", "Công tác", "Hình thức đề nghị"],
        ["STT", "Họ và tên", "Giới tính", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị"],
        ["1", "Đinh Văn Hải", "Nam", "Kỹ sư", "Công ty Điện lực Bắc Ninh", "BKCT"],
        ["", "NGƯỜI LẬP BIỂU", "", "", "THỦ TRƯỞNG ĐƠN VỊ", ""],
        ["", "Phan Thị Lập", "", "", "Cao Văn Ký", ""],
    ]
    grid = Grid(rows, lambda r, c: f"{'ABCDEF'[c]}{r + 1}", lambda r: f"dòng {r + 1}")
    header = find_header(grid)
    assert (header.row, header.depth) == (1, 3)
    assert header.columns == {"stt": 0, "name": 1, "sex": 2, "position": 3, "workplace": 4, "form": 5}
    notes: list[str] = []
    [entry] = read_rows(grid, header, notes, rules.catalogue)
    assert (entry.where, entry.address, entry.name, entry.position, entry.workplace, entry.form) == \
           ("B5", "Ông", "Đinh Văn Hải", "Kỹ sư", "Công ty Điện lực Bắc Ninh", "BKCT")  # named in full on import
    assert notes == []


@pytest.mark.parametrize("text, expected", [
    ("Thượng tá Lê Hoàng Phúc", ("Thượng tá", "Lê Hoàng Phúc")),
    ("đại úy Trần Văn Nam", ("Đại úy", "Trần Văn Nam")),
    ("Trung tâm Y tế", ("", "Trung tâm Y tế")),
    ("Thiếu tá", ("", "Thiếu tá")),
])
def test_rank_taken_from_the_name(text, expected):
    assert split_rank(text) == expected


# --- the issuer profile: authority, ranks, earlier headers ---------------------------------------------------------

SO_GDDT = {"level": "Sở, ban, ngành", "name_line_1": "UBND TỈNH BẮC NINH", "name_line_2": "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
           "short_name": "Sở Giáo dục và Đào tạo", "code": "SGDĐT", "place": "Bắc Ninh", "head": "Giám đốc"}
GK = "Giấy khen"


def test_a_form_outside_the_offices_authority_is_flagged_as_the_build_refuses_it(tmp_path, rules):
    content = copy.deepcopy(MINIMAL)
    content["agency"] = SO_GDDT
    content["batches"] = [{**batch("Năm học 2023-2024"), "position": "GIÁM ĐỐC"}]
    office = tmp_path / "so-gddt.xlsx"
    write_filled_workbook(office, content, rules)
    source = excel_list(tmp_path / "thpt.xlsx", [
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích"],
        [1, "Bà Ngô Thị Hoa", "Hiệu trưởng", "Trường THPT Lý Thái Tổ", "Giấy khen", ACHIEVEMENT],
        [2, "Ông Đặng Văn Khoa", "Giáo viên", "Trường THPT Lý Thái Tổ", "BKCT", ACHIEVEMENT],
    ])
    result = import_files(office, [source], rules, Defaults(unit="Trường THPT Lý Thái Tổ", submission_no="18/TTr-LTT",
                                                            submission_date=dt.date(2024, 3, 1)))
    report = result.reports[0]
    assert [(e.name, row) for e, row in report.taken] == [("Ngô Thị Hoa", 2), ("Đặng Văn Khoa", 3)]
    [(entry, row)] = report.attention
    refusal = next(p for p in resolve(load(office), rules).problems if p.code == "hinh_thuc.tham_quyen")
    assert refusal.location.cell == f"L{row}"
    assert refusal.message == ('"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" không thuộc thẩm quyền của Giám đốc Sở '
                               "Giáo dục và Đào tạo (sở, ban, ngành): hình thức này do cấp tỉnh quyết định (Luật Thi "
                               "đua, khen thưởng 2022 Điều 79 (Chủ tịch Ủy ban nhân dân cấp tỉnh)). Hãy trình lên cấp "
                               "đó hoặc chọn hình thức khác.")
    assert entry.attention == [refusal.message.removesuffix(".") + ' (trang "DS", ô E3)']
    assert [r.form for r in nominations(office)] == [GK, BK]


def test_rank_from_its_column_or_typed_before_the_name(tmp_path, office, rules):
    source = excel_list(tmp_path / "ca.xlsx", [
        ["STT", "Họ và tên", "Cấp bậc", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị", "Thành tích"],
        [1, "Nguyễn Văn Hùng", "Đại úy", "Đội trưởng", "Công an huyện Tiên Du", "BKCT", ACHIEVEMENT],
        [2, "Thượng tá Lê Hoàng Phúc", None, "Phó Trưởng Công an", "Công an huyện Tiên Du", "BKCT", ACHIEVEMENT],
    ])
    report = import_files(office, [source], rules, Defaults(batch=BATCH, unit="Công an tỉnh", submission_no="5/TTr-CAT",
                                                            submission_date=dt.date(2024, 3, 1))).reports[0]
    assert (len(report.taken), report.attention, report.refused) == (2, [], [])
    rows = nominations(office)[1:]
    assert [(r.kind, r.address, r.rank, r.name) for r in rows] == [
        (INDIVIDUAL, "", "Đại úy", "Nguyễn Văn Hùng"), (INDIVIDUAL, "", "Thượng tá", "Lê Hoàng Phúc")]
    assert not [p for p in load(office).problems if p.code == "ca_nhan.ong_ba"]
    again = import_files(office, [source], rules, Defaults(batch=BATCH, unit="Công an tỉnh", submission_no="5/TTr-CAT",
                                                           submission_date=dt.date(2024, 3, 1))).reports[0]
    assert (len(again.taken), len(again.already)) == (0, 2)


def test_earlier_office_workbook_headers_and_no_rank_column(tmp_path, office, rules):
    """A workbook of an earlier version: "Số tờ trình Sở Nội vụ" and no rank column; the rank goes before the name."""
    book = openpyxl.load_workbook(office)
    batches = book[BATCHES.title]
    for cell in batches[1]:
        if cell.value in ("Số tờ trình thẩm định", "Ngày tờ trình thẩm định"):
            cell.value = cell.value.replace("thẩm định", "Sở Nội vụ")
    book[NOMINATIONS.title].delete_cols(8)  # Cấp bậc, quân hàm
    book.save(office)
    source = excel_list(tmp_path / "ca.xlsx", [["Họ và tên", "Hình thức đề nghị", "Thành tích"],
                                               ["Thượng tá Lê Hoàng Phúc", "BKCT", ACHIEVEMENT]])
    result = import_files(office, [source], rules, Defaults(unit="Công an tỉnh", submission_no="5/TTr-CAT",
                                                            submission_date=dt.date(2024, 3, 1)))
    assert result.batch == BATCH  # the only batch, found under the earlier headers
    assert openpyxl.load_workbook(office)[NOMINATIONS.title]["H3"].value == "Thượng tá Lê Hoàng Phúc"
    assert format_result(import_files(office, [source], rules, Defaults(
        unit="Công an tỉnh", submission_no="5/TTr-CAT", submission_date=dt.date(2024, 3, 1))))[1] == \
        "  Tệp này đã nhập trước đây: cả 1 dòng đã có trong sổ, không thêm lại."


def test_init_don_vi_with_the_offices_level_lists_its_forms(tmp_path, rules):
    target = tmp_path / "de-nghi.xlsx"
    code, output = run("init", "--don-vi", "--cap", "so", target)
    assert code == 0, output
    book = openpyxl.load_workbook(target)
    prompts = {dv.promptTitle: dv for dv in book["Đề nghị khen thưởng"].data_validations.dataValidation}
    area = prompts["Hình thức khen thưởng"].formula1.split("!")[1].replace("$", "")
    listed = [c.value for row in book[LISTS_SHEET][area] for c in row]
    assert listed == list(rules.catalogue.names(IssuerLevel.DEPARTMENT))
    assert GK in listed and BK not in listed


def test_a_library_warning_on_an_unreadable_date_cell_never_reaches_the_user(tmp_path, office):
    from helpers import run_tdkt_process

    source = excel_list(tmp_path / "huyen.xlsx", [
        ["STT", "Họ tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Nội dung thành tích", "Ngày"],
        [1, "Ông Lê Văn Cường", "Phó Giám đốc Trung tâm Y tế huyện", "BKCT", ACHIEVEMENT, 10 ** 20],
    ])
    book = openpyxl.load_workbook(source)
    book["DS"]["F2"].number_format = "dd/mm/yyyy"  # a date cell whose serial is no date: openpyxl warns
    book.save(source)
    ran = run_tdkt_process("nhap", office, source, "--dot", BATCH, "--don-vi", "UBND huyện Tiên Du",
                           "--to-trinh", "45/TTr-UBND", "--ngay", "05/3/2024")
    assert ran.returncode == 0 and ran.stderr == "", ran.stderr
    assert lines_of(ran.stdout)[1] == f'Đã nhận 1 dòng vào đợt "{BATCH}" (dòng 3 của trang "Đề nghị khen thưởng").'
