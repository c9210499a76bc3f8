"""Signed decisions for tdkt in-bang: from the workbook's composition, from decision .docx files, and the CLI."""
import dataclasses
import datetime as dt
import shutil

import docx
import openpyxl
import pytest

from helpers import SAMPLE_2024, TEMPLATES, run_tdkt
from support.certificate_pdf import read_fields
from support.register import Q1, signed_book
from support.workbooks import KHAM, Y_TE, batch, person, xa_signed
from tdkt_docs.build import build
from tdkt_docs.certificate import run
from tdkt_docs.certificate.layout import load_layout
from tdkt_docs.certificate.model import CertificateEntry
from tdkt_docs.certificate.sources import from_docx, from_workbook, split_entry
from tdkt_docs.errors import UserError
from tdkt_docs.read.schema import HELP_SHEET


@pytest.fixture(scope="module")
def decided(settings):
    return from_workbook(SAMPLE_2024, settings)


def test_decision_documents_read_back_as_the_workbook_composed_them(decided, sample_2024_built, rules):
    assert len(decided.decisions) == 9
    for from_book in decided.decisions:
        path = sample_2024_built / f"{from_book.stem}.docx"
        from_file = from_docx(path, rules.catalogue)
        blank = {"source": "", "document": "", "stem": ""}
        assert dataclasses.replace(from_file, **blank) == dataclasses.replace(from_book, **blank)
        assert (from_file.stem, from_file.document, from_file.source) == (path.stem, path.name,
                                                                           f'văn bản "{path.name}"')
    signed = from_docx(sample_2024_built / "quy-iii-2024" / "qd-1206-bang-khen-tinh-so-y-te.docx", rules.catalogue)
    assert (signed.number, signed.date, signed.signer_titles, signed.signer, signed.authority) == (
        "1206/QĐ-UBND", dt.date(2024, 9, 24), ("CHỦ TỊCH",), "Vương Quốc Tuấn",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
    assert signed.entries[1] == CertificateEntry(
        "Ông Hoàng Minh Đức", "Trưởng khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh, Sở Y tế",
        "Đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024", 2)
    assert decided.notes == ['Không đưa vào quyết định: trang "Đề nghị khen thưởng" dòng 10 ("Đỗ Văn Khải") có kết quả thẩm định "Không đạt".']


def test_unnumbered_document_is_refused_until_the_number_and_date_are_typed_in(sample_2024_built, settings,
                                                                                tmp_path):
    path = tmp_path / "qd-01.docx"
    shutil.copyfile(sample_2024_built / "quy-ii-2024" / "qd-01-bang-khen-tinh-so-lao-dong-thuong-binh-va-xa-hoi.docx",
                    path)
    with pytest.raises(UserError, match=f'Quyết định "{path}" chưa có số và ngày ký.*--nhap'):
        run.print_documents([path], run.Options(outdir=tmp_path), settings)
    assert not list(tmp_path.rglob("*.pdf"))
    document = docx.Document(str(path))
    for paragraph in (p for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs):
        if paragraph.text.startswith("Số:"):
            paragraph.text = "Số: 125/QĐ-UBND"
        elif paragraph.text.startswith("Bắc Ninh, ngày"):
            paragraph.text = "Bắc Ninh, ngày 25 tháng 3 năm 2024"
    signed_path = tmp_path / "qd-125.docx"
    document.save(str(signed_path))
    printed = run.print_documents([signed_path], run.Options(outdir=tmp_path / "in"), settings)
    assert printed.written == [(tmp_path / "in" / "qd-125.pdf", 3)]
    (page, *_) = read_fields(tmp_path / "in" / "qd-125.pdf", load_layout("bang-khen-tinh", settings))
    assert (page["so_quyet_dinh"].text, page["nguoi_nhan"].text) == (
        "Quyết định số 125/QĐ-UBND, ngày 25 tháng 3 năm 2024", "Phòng Người có công")


def test_registers_follow_the_attached_list_not_the_rows(make_workbook, decisions_content, settings, rules,
                                                         tmp_path):
    """Mixed achievements: the list groups by kind, then by achievement; số sổ vàng counts down that list."""
    content = decisions_content
    content["batches"] = [batch(first_number=7)]
    content["nominations"] = [
        person("Lê Văn Nam", achievement="Đã có thành tích đột xuất."),
        {**Y_TE, "kind": "Tập thể", "name": "Khoa Hồi sức tích cực", "workplace": "Bệnh viện Đa khoa tỉnh"},
        person("Trần Thị Ánh", "Bà", position="Điều dưỡng"),
    ]
    workbook = make_workbook(content)
    (signed,) = from_workbook(workbook, settings).decisions
    assert [(e.recipient, e.register_number, e.achievement) for e in signed.entries] == [
        ("Khoa Hồi sức tích cực", 1, KHAM),
        ("Bà Trần Thị Ánh", 2, KHAM),
        ("Ông Lê Văn Nam", 3, "Đã có thành tích đột xuất"),
    ]
    assert (signed.number, signed.date, signed.signer_titles) == (
        "07/QĐ-UBND", dt.date(2024, 9, 24), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))
    result = build(workbook, tmp_path / "out", settings)
    (path,) = [result.outdir / o.path for o in result.outputs if o.kind == "quyet_dinh"]
    assert from_docx(path, rules.catalogue).entries == signed.entries  # the Danh sách has the same order


@pytest.mark.parametrize("text, collective, expected", [
    ("Bà Vũ Thị Hoà, Chuyên viên Phòng Công chức, viên chức, Sở Nội vụ", False,
     ("Bà Vũ Thị Hoà", "Chuyên viên Phòng Công chức, viên chức, Sở Nội vụ")),
    ("Hộ gia đình ông Nguyễn Văn Tư, thôn Lũng Giang, thị trấn Lim", False,
     ("Hộ gia đình ông Nguyễn Văn Tư", "thôn Lũng Giang, thị trấn Lim")),
    ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ, Sở Nội vụ", True,
     ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Sở Nội vụ")),
    ("UBND phường Đồng Nguyên, thành phố Từ Sơn", True, ("UBND phường Đồng Nguyên", "thành phố Từ Sơn")),
])
def test_list_entries_split_into_name_and_position_unit(text, collective, expected):
    assert split_entry(text, collective) == expected


def test_cli_prints_signed_decisions_and_refuses_unnumbered_documents(sample_2024_built, settings, tmp_path):
    signed = sample_2024_built / "quy-iii-2024" / "qd-1205-bang-khen-tinh-cong-an-tinh.docx"
    out = tmp_path / "in"
    done = run_tdkt("in-bang", "--quyet-dinh", signed, "-o", out)
    assert done.returncode == 0, done.stderr
    assert f"Đã tạo: {out / 'qd-1205-bang-khen-tinh-cong-an-tinh.pdf'} (3 trang)" in done.stdout
    assert "Kích thước thực" in done.stdout
    unsigned = sample_2024_built / "cuoi-nam-2024" / "qd-02-chien-si-thi-dua-tinh.docx"
    refused = run_tdkt("in-bang", "--quyet-dinh", unsigned, "-o", tmp_path / "docx")
    assert refused.returncode == 1
    assert f'Quyết định "{unsigned}" chưa có số và ngày ký' in refused.stderr
    assert not (tmp_path / "docx").exists()
    draft = run_tdkt("in-bang", "--quyet-dinh", "--nhap", "--phoi", "giay-khen", unsigned, "-o", tmp_path / "docx")
    assert draft.returncode == 0, draft.stderr
    (page, *_) = read_fields(tmp_path / "docx" / "qd-02-chien-si-thi-dua-tinh-nhap.pdf",
                             load_layout("giay-khen", settings))
    assert (page["tang"].text, page["hinh_thuc"].text, page["so_quyet_dinh"].text) == (
        "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CẤP TỈNH", "Quyết định số [chưa có số], [chưa có ngày]")


def test_cli_uses_the_layout_in_mau_option_and_refuses_a_workbook_with_errors(make_workbook, decisions_content,
                                                                              tmp_path):
    workbook = make_workbook(decisions_content)
    mau = tmp_path / "rieng"
    (mau / "phoi").mkdir(parents=True)
    layout = (TEMPLATES / "phoi" / "bang-khen-tinh.toml").read_text(encoding="utf-8")
    (mau / "phoi" / "bang-khen-tinh.toml").write_text(layout.replace("verified = false", "verified = true"),
                                                      encoding="utf-8")
    done = run_tdkt("in-bang", workbook, "--mau", mau, "-o", tmp_path / "in")
    assert done.returncode == 0, done.stderr
    assert "Cảnh báo" not in done.stdout  # the office's own, checked layout
    assert f"Đã tạo: {tmp_path / 'in' / 'quy-iii-2024' / 'qd-05-bang-khen-tinh-so-y-te.pdf'} (2 trang)" in done.stdout
    decisions_content["nominations"][0]["form"] = "Huân chương Không Có"
    broken = run_tdkt("in-bang", make_workbook(decisions_content, "loi.xlsx"), "-o", tmp_path / "loi")
    assert broken.returncode == 1
    assert broken.stderr.startswith("Sổ số liệu có 1 lỗi, chưa tạo văn bản nào:\n  Lỗi: trang ")
    assert not (tmp_path / "loi").exists()


@pytest.mark.parametrize("args, message", [
    (["qd.docx"], 'dùng "tdkt in-bang --quyet-dinh qd.docx"'),
    (["--quyet-dinh", "so.xlsx"], "--quyet-dinh chỉ nhận quyết định .docx"),
    (["--quyet-dinh"], "ít nhất một quyết định .docx"),
    (["--can-chinh", "-o", "can-chinh.png"], "-o là tên tệp .pdf"),
])
def test_cli_usage_mistakes(args, message, tmp_path):
    done = run_tdkt("in-bang", *args, cwd=tmp_path)
    assert done.returncode == 1 and message in done.stderr


def test_signed_sheet_gives_the_certificates_their_number_and_date(settings, tmp_path):
    """Sheet "Quyết định đã ký" numbers an unnumbered decision (its file keeps its name) and wins over the batch's
    first number; a decision in neither is skipped with both ways to number it."""
    y_te = ["Quý III/2024", "qd-1206-bang-khen-tinh-so-y-te.docx", "1306", dt.date(2024, 9, 26)]
    out = tmp_path / "in"
    done = run_tdkt("in-bang", signed_book(tmp_path, [Q1, y_te]), "-o", out)
    assert done.returncode == 0, done.stderr
    layout = load_layout("bang-khen-tinh", settings)
    stems = ("quy-i-2024/qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao",
             "quy-iii-2024/qd-1205-bang-khen-tinh-cong-an-tinh", "quy-iii-2024/qd-1206-bang-khen-tinh-so-y-te")
    pages = {stem: [(page["so_quyet_dinh"].text, page["dia_danh_ngay"].text)
                    for page in read_fields(out / f"{stem}.pdf", layout)] for stem in stems}
    assert pages == {
        "quy-i-2024/qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao": [
            ("Quyết định số 125/QĐ-UBND, ngày 25 tháng 3 năm 2024", "Bắc Ninh, ngày 25 tháng 3 năm 2024")] * 3,
        "quy-iii-2024/qd-1205-bang-khen-tinh-cong-an-tinh": [
            ("Quyết định số 1205/QĐ-UBND, ngày 24 tháng 9 năm 2024", "Bắc Ninh, ngày 24 tháng 9 năm 2024")] * 3,
        "quy-iii-2024/qd-1206-bang-khen-tinh-so-y-te": [
            ("Quyết định số 1306/QĐ-UBND, ngày 26 tháng 9 năm 2024", "Bắc Ninh, ngày 26 tháng 9 năm 2024")] * 2,
    }
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == [f"{s}.pdf" for s in stems]
    assert ('Lưu ý: Bỏ qua quyết định "qd-02-bang-khen-tinh-ubnd-huyen-tien-du.docx" của đợt "Quý I/2024": chưa có '
            'số và ngày ký. Sau khi ký, ghi số và ngày ký của quyết định vào trang "Quyết định đã ký"; hoặc điền "Số '
            'quyết định đầu tiên" ở trang "Đợt khen thưởng" để đánh số trước khi ký. Dùng --nhap để in bản nháp.\n'
            ) in done.stdout


def test_signed_sheet_row_naming_no_decision_is_refused(tmp_path):
    missing = ["Quý I/2024", "qd-09-bang-khen-tinh.docx", "130", dt.date(2024, 3, 25)]
    done = run_tdkt("in-bang", signed_book(tmp_path, [Q1, missing]), "-o", tmp_path / "in")
    assert done.returncode == 1
    assert done.stderr.startswith(
        'Trang "Quyết định đã ký" của "tdkt-2024.xlsx" có 1 lỗi, chưa in bằng khen, giấy khen nào:\n'
        '  Lỗi: trang "Quyết định đã ký", ô B3 (cột "Tệp văn bản"): không có quyết định "qd-09-bang-khen-tinh.docx" '
        'trong đợt "Quý I/2024"; các quyết định của đợt: 1 (qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx), '
        "2 (qd-02-bang-khen-tinh-ubnd-huyen-tien-du.docx).")
    assert not (tmp_path / "in").exists()


def test_signing_date_giving_another_prize_is_refused(make_workbook, tmp_path):
    """Planned on the first day of lương cơ sở 2.340.000 đồng, signed the day before it."""
    book = make_workbook(xa_signed(dt.date(2024, 7, 1), dt.date(2024, 6, 30)))
    done = run_tdkt("in-bang", book, "-o", tmp_path / "in")
    assert done.returncode == 1
    assert done.stderr == (
        'Trang "Quyết định đã ký" của "so-lieu.xlsx" có 1 lỗi, chưa in bằng khen, giấy khen nào:\n'
        '  Lỗi: trang "Quyết định đã ký", ô D2 (cột "Ngày ký"): quyết định "qd-101-lao-dong-tien-tien.docx" tính '
        'tiền thưởng theo ngày ký dự kiến 01/7/2024 của đợt "Đợt 1/2024": mỗi cá nhân 710.000 đồng; ký ngày '
        '30/6/2024 thì tiền thưởng phải là mỗi cá nhân 540.000 đồng. Hãy sửa "Ngày ký dự kiến" của đợt "Đợt 1/2024" '
        'ở trang "Đợt khen thưởng" thành 30/6/2024, chạy lại tdkt build rồi trình ký lại quyết định đã sửa trước khi '
        "ghi sổ theo dõi, in bằng khen, giấy khen.\n")
    assert not (tmp_path / "in").exists()


def test_help_sheet_says_in_bang_prints_from_the_signed_sheet(make_workbook, content):
    book = openpyxl.load_workbook(make_workbook(content), read_only=True)
    lines = [row[0] for row in book[HELP_SHEET].iter_rows(values_only=True) if row and row[0]]
    assert any(line.startswith('Trang "Quyết định đã ký"') and 'lệnh "tdkt in-bang" in lên bằng khen, giấy khen'
               in line for line in lines)


def test_a_field_too_long_for_the_blank_is_blamed_on_its_workbook_cell(tmp_path):
    """The achievement of one of Quý III's numbered decisions, typed far too long: the refusal names the cell of
    "Đề nghị khen thưởng" to shorten, besides the decision and the recipient."""
    workbook = tmp_path / SAMPLE_2024.name
    shutil.copy(SAMPLE_2024, workbook)
    book = openpyxl.load_workbook(workbook)
    sheet = book["Đề nghị khen thưởng"]
    headers = [c.value for c in sheet[1]]
    batch_col, name_col, achievement_col = (headers.index(h) + 1 for h in ("Đợt", "Họ tên / Tên tập thể", "Thành tích"))
    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, batch_col).value == "Quý III/2024"]
    for row in rows:
        sheet.cell(row, achievement_col).value = "Đã có thành tích xuất sắc " + "trong công tác an ninh " * 100
    book.save(workbook)
    done = run_tdkt("in-bang", workbook, "-o", tmp_path / "in")
    assert done.returncode == 1
    an = next(r for r in rows if sheet.cell(r, name_col).value == "Nguyễn Văn An")
    assert (f'  Lỗi: trang "Đề nghị khen thưởng", ô {sheet.cell(an, achievement_col).coordinate}, văn bản '
            '"quy-iii-2024/qd-1205-bang-khen-tinh-cong-an-tinh.docx", số thứ tự 1 ("Ông Nguyễn Văn An"), ô '
            '"thanh_tich" của tệp bố cục phôi: nội dung ') in done.stderr
    assert "không vừa ô" in done.stderr and not (tmp_path / "in").exists()
