"""What a first-time user ran into: stale files, typed 'Như Điều 3', other provinces, dates, names, CLI."""
import datetime as dt
import shutil

import docx
import openpyxl
import pytest

from tdkt_docs import build as pipeline
from tdkt_docs.read import cells, load
from helpers import docx_blocks, run_tdkt

from conftest import ROOT, SAMPLE_2024
from test_build_decisions import batch, decisions_content, person  # noqa: F401 - fixture


def drop_rows(source, target, sheet, first, count):
    shutil.copy(source, target)
    book = openpyxl.load_workbook(target)
    book[sheet].delete_rows(first, count)
    book.save(target)
    return target


def test_rebuild_removes_outputs_that_no_longer_apply_and_keeps_valid_pdfs(tmp_path):
    out = tmp_path / "out"
    assert run_tdkt("build", SAMPLE_2024, "-o", out, "--pdf").returncode == 0
    fewer = drop_rows(SAMPLE_2024, tmp_path / "it-hon.xlsx", "Đề nghị khen thưởng", 5, 2)  # UBND huyện Tiên Du
    done = run_tdkt("build", fewer, "-o", out)
    assert done.returncode == 0, done.stderr
    gone = out / "quy-i-2024" / "qd-02-bang-khen-tinh-ubnd-huyen-tien-du"
    for suffix in (".docx", ".pdf"):
        assert f"Đã xóa: {gone.with_suffix(suffix)}" in done.stdout
        assert not gone.with_suffix(suffix).exists()
    assert not (out / "in-ky" / "quy-i-2024.pdf").exists()  # its bundle listed the removed decision
    assert (out / "quy-ii-2024" / "qd-01-bang-khen-tinh-so-lao-dong-thuong-binh-va-xa-hoi.pdf").exists()
    assert (out / "in-ky" / "quy-ii-2024.pdf").exists()


def test_an_obsolete_file_edited_by_hand_is_kept_with_a_warning(make_workbook, decisions_content, tmp_path):
    out = tmp_path / "out"
    decisions_content["nominations"].append(person("Lê Văn Nam", unit="UBND huyện Tiên Du",
                                                   submission_no="15/TTr-UBND"))
    pipeline.build(make_workbook(decisions_content), out)
    extra = out / "quy-iii-2024" / "qd-06-bang-khen-tinh-ubnd-huyen-tien-du.docx"
    edited = docx.Document(extra)
    edited.add_paragraph("Sửa tay")
    edited.save(extra)
    decisions_content["nominations"].pop()
    result = pipeline.build(make_workbook(decisions_content), out)
    assert extra.exists() and extra not in result.removed
    assert any("đã được sửa tay nên được giữ lại" in w and str(extra) in w for w in result.manifest.warnings)


def test_a_file_that_could_not_be_written_is_never_removed(make_workbook, content, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.build(make_workbook(content), out)
    content["tasks"][0]["content"] = "Nội dung mới"
    monkeypatch.setattr(pipeline, "write_bytes_atomic",
                        lambda target, data: (_ for _ in ()).throw(PermissionError(13, "locked")))
    result = pipeline.build(make_workbook(content), out)
    assert result.failed and result.removed == []
    assert (out / "ke-hoach-tdkt-2024.docx").exists()


def test_a_typed_nhu_dieu_3_line_is_not_printed_twice(make_workbook, decisions_content, tmp_path):
    decisions_content["recipients"].insert(0, {"document": "Quyết định khen thưởng", "name": "Như Điều 3"})
    result = pipeline.build(make_workbook(decisions_content), tmp_path / "out")
    (path,) = [p for p in result.written if p.suffix == ".docx"]
    blocks = docx_blocks(docx.Document(path))
    assert blocks.count("- Như Điều 3;") == 1
    assert 'Trang "Nơi nhận", dòng 2: "Như Điều 3" được bỏ qua vì quyết định tự ghi dòng này.' \
        in result.manifest.skipped


def test_an_agency_of_another_province_is_told_to_fix_the_legal_basis_data(make_workbook, decisions_content,
                                                                          tmp_path):
    decisions_content["agency"].update(name_line_2="TỈNH HƯNG YÊN", place="Hưng Yên",
                                       short_name="UBND tỉnh Hưng Yên")
    result = pipeline.build(make_workbook(decisions_content), tmp_path / "out")
    assert any(note.startswith("Các dòng căn cứ của quyết định lấy từ data/can-cu.toml là của tỉnh Bắc Ninh, "
                               'khác địa danh "Hưng Yên"') for note in result.manifest.skipped)


def test_submission_dates_are_checked(make_workbook, decisions_content):
    decisions_content["nominations"][1]["submission_date"] = dt.date(2024, 9, 30)
    decisions_content["batches"][0]["submission_date"] = dt.date(2024, 9, 25)
    problems = [str(p) for p in load(make_workbook(decisions_content)).problems]
    assert problems == [
        'Lỗi: trang "Đợt khen thưởng", ô G2 (cột "Ngày tờ trình Sở Nội vụ"): ngày tờ trình Sở Nội vụ 25/9/2024 sau '
        "ngày ký dự kiến 24/9/2024.",
        'Lỗi: trang "Đề nghị khen thưởng", ô E3 (cột "Ngày tờ trình"): Tờ trình số 198/TTr-SYT của Sở Y tế đã ghi '
        "ngày 09/9/2024 ở dòng 2; một tờ trình chỉ có một ngày.",
        'Lỗi: trang "Đề nghị khen thưởng", ô E3 (cột "Ngày tờ trình"): ngày tờ trình 30/9/2024 sau ngày ký dự kiến '
        '24/9/2024 của đợt "Quý III/2024".',
    ]


def test_names_typed_without_capitals_are_flagged(make_workbook, decisions_content):
    decisions_content["nominations"][1]["name"] = "trần thị ánh"
    decisions_content["nominations"][0]["name"] = "KHOA HỒI SỨC TÍCH CỰC"
    problems = [str(p) for p in load(make_workbook(decisions_content)).problems]
    assert problems == [
        'Cảnh báo: trang "Đề nghị khen thưởng", ô H2 (cột "Họ tên / Tên tập thể"): tên "KHOA HỒI SỨC TÍCH CỰC" '
        "viết toàn chữ in hoa; danh sách kèm theo in đúng như đã gõ.",
        'Cảnh báo: trang "Đề nghị khen thưởng", ô H3 (cột "Họ tên / Tên tập thể"): họ tên "trần thị ánh" có chữ '
        "đầu chưa viết hoa; văn bản in đúng như đã gõ.",
    ]


@pytest.mark.parametrize("typed, expected", [("năm 2025", 2025), ("Năm 2024", 2024)])
def test_year_typed_with_its_word(typed, expected):
    assert cells.as_year(typed) == expected


@pytest.mark.parametrize("typed, expected", [("20/6/25", dt.date(2025, 6, 20)), ("ngày 05/3/2025", dt.date(2025, 3, 5))])
def test_dates_with_short_years_or_the_word_ngay(typed, expected):
    assert cells.as_date(typed) == expected


def test_pdf_of_a_file_in_the_current_folder(tmp_path):
    out = tmp_path / "out"
    run_tdkt("build", ROOT / "data" / "mau" / "tdkt-2026-bac-ninh-moi.xlsx", "-o", out)
    work = tmp_path / "lam-viec"
    work.mkdir()
    shutil.copy(next((out / "quy-i-2026").glob("qd-01-*.docx")), work / "qd.docx")
    done = run_tdkt("pdf", "qd.docx", cwd=work)
    assert done.returncode == 0, done.stderr
    assert (work / "qd.pdf").stat().st_size > 1000


def test_wrong_kinds_of_input_get_messages_not_crashes(tmp_path):
    done = run_tdkt("build", ROOT / "templates" / "ke-hoach.docx", "-o", tmp_path / "o")
    assert done.returncode == 1 and "là văn bản Word, không phải sổ Excel .xlsx" in done.stderr
    renamed = tmp_path / "so-lieu.xls"
    shutil.copy(SAMPLE_2024, renamed)  # an .xlsx with the wrong extension is read by its content
    assert run_tdkt("build", renamed, "-o", tmp_path / "o").returncode == 0
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    done = run_tdkt("check", old)
    assert done.returncode == 1 and "sổ Excel cũ (.xls)" in done.stderr


def test_plain_tdkt_shows_help_and_version():
    done = run_tdkt()
    assert done.returncode == 0 and "Cách dùng: tdkt" in done.stdout and "Lệnh:" in done.stdout
    assert run_tdkt("--version").stdout.strip() == "tdkt 0.1.0"


def test_check_says_what_build_will_make(tmp_path):
    done = run_tdkt("check", SAMPLE_2024)
    assert "tdkt build sẽ tạo 10 văn bản." in done.stdout
    fresh = tmp_path / "moi.xlsx"
    run_tdkt("init", fresh)
    done = run_tdkt("check", fresh)
    assert "Sổ chưa có phần nào để tạo văn bản" in done.stdout
