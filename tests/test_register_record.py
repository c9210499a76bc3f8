"""Recording signed decisions in the award register: from the workbook, from a signed .docx, from a
list of past awards; corrections, transactions, matching people across years and their history."""
from __future__ import annotations

import datetime as dt
import itertools
import shutil
from dataclasses import replace

import docx
import openpyxl
import pytest
from sqlalchemy import event, select

from helpers import run_tdkt
from support.register import (BANG_KHEN, Q1, Q3, count, dump, past, past_list, signed_book, sqlite_url)
from support.workbooks import XA_DECISION, xa_signed
from tdkt_docs.register.from_docx import read_signed_docx
from tdkt_docs.register.history import lookup
from tdkt_docs.register.past import PAST_AWARDS, read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import open_register
from tdkt_docs.register.tables import awards, decisions, recipients


def test_workbook_decisions_recorded_once_with_number_date_and_rows(tmp_path, signed_2024, rules):
    book = signed_book(tmp_path, [Q1, Q3])
    target = tmp_path / "so.sqlite"
    ran = run_tdkt("ghi-so", book, "--so-theo-doi", target)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[:3] == [
        f"Sổ theo dõi: {target}",
        f"Đã ghi: Quyết định số 125/QĐ-UBND ngày 25/3/2024: {BANG_KHEN}, 3 người/tập thể/hộ.",
        f"Đã ghi: Quyết định số 1205/QĐ-UBND ngày 24/9/2024: {BANG_KHEN}, 3 người/tập thể/hộ."]
    with open_register(sqlite_url(target)) as register:
        assert record(register, signed_2024, rules.register_forms).unchanged == [
            "Quyết định số 125/QĐ-UBND ngày 25/3/2024", "Quyết định số 1205/QĐ-UBND ngày 24/9/2024"]
        with register.read() as conn:
            rows = conn.execute(select(decisions).order_by(decisions.c.signed)).all()
            assert [(r.number, r.signed, r.form_name, r.batch, r.quarter, r.signer, r.version) for r in rows] == [
                ("125/QĐ-UBND", dt.date(2024, 3, 25), BANG_KHEN, "Quý I/2024", "Quý I", "Nguyễn Hương Giang", 1),
                ("1205/QĐ-UBND", dt.date(2024, 9, 24), BANG_KHEN, "Quý III/2024", "Quý III", "Vương Quốc Tuấn", 1)]
            assert rows[0].issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
            got = conn.execute(select(awards).where(awards.c.decision_id == rows[1].id).order_by(awards.c.seq)).all()
        assert [(a.kind, a.name, a.sex, a.amount, a.source, a.source_row, a.proposing_unit) for a in got] == [
            ("Cá nhân", "Nguyễn Văn An", "Nam", 3510000, "tdkt-2024.xlsx", 12, "Công an tỉnh"),
            ("Cá nhân", "Đặng Văn Dũng", "Nam", 3510000, "tdkt-2024.xlsx", 13, "Công an tỉnh"),
            ("Cá nhân", "Dương Thị Mai", "Nữ", 3510000, "tdkt-2024.xlsx", 14, "Công an tỉnh")]
        assert count(register, awards) == 6 and count(register, recipients) == 6


def test_signed_docx_read_back_is_the_same_decision(tmp_path, sample_2024_built, signed_2024, rules):
    decision = read_signed_docx(sample_2024_built / "quy-iii-2024" / "qd-1205-bang-khen-tinh-cong-an-tinh.docx",
                                rules)
    assert (decision.number, decision.signed, decision.signer) == ("1205/QĐ-UBND", dt.date(2024, 9, 24),
                                                                   "Vương Quốc Tuấn")
    assert [(a.address, a.name, a.unit, a.amount, a.proposing_unit) for a in decision.awards][2] == (
        "Bà", "Dương Thị Mai", "Công an tỉnh", 3510000, "Công an tỉnh")
    with open_register(sqlite_url(tmp_path / "so.sqlite")) as register:
        assert record(register, signed_2024[1:], rules.register_forms).added
        assert record(register, [decision], rules.register_forms).unchanged == [
            "Quyết định số 1205/QĐ-UBND ngày 24/9/2024"]
        assert count(register, decisions) == 1 and count(register, awards) == 3


def test_signed_docx_has_its_workbook_rows_only_as_its_build_listed_it(tmp_path, sample_2024_copy, rules):
    """Rows come from the manifest of the build folder the .docx is in, matched line by line: none for a copy
    kept elsewhere, nor for a list with a line taken out by hand."""
    name = "qd-1205-bang-khen-tinh-cong-an-tinh.docx"
    built, elsewhere = sample_2024_copy / "quy-iii-2024" / name, tmp_path / name

    def rows(path):
        return [(a.source, a.row) for a in read_signed_docx(path, rules).awards]

    assert rows(built) == [("tdkt-2024.xlsx", 12), ("tdkt-2024.xlsx", 13), ("tdkt-2024.xlsx", 14)]
    shutil.copy(built, elsewhere)
    assert rows(elsewhere) == [(name, None)] * 3
    document = docx.Document(str(built))
    line = next(p for p in document.paragraphs if p.text.startswith("3. Bà Dương Thị Mai"))
    line._element.getparent().remove(line._element)
    document.save(str(built))
    assert rows(built) == [(name, None)] * 2


def test_unnumbered_docx_refused_naming_the_file(tmp_path, sample_2024_built):
    name = "qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx"
    ran = run_tdkt("ghi-so", "--quyet-dinh", sample_2024_built / "quy-i-2024" / name,
                   "--so-theo-doi", tmp_path / "so.sqlite")
    assert ran.returncode == 1
    assert f'Văn bản "{name}" chưa có số và ngày ký' in ran.stderr
    assert not (tmp_path / "so.sqlite").exists()


def test_bad_signed_rows_named_by_cell(tmp_path):
    book = signed_book(tmp_path, [["Quý I/2024", "qd-09.docx", "125", dt.date(2024, 3, 25)],
                                  ["Quý IX", "1", "12", dt.date(2024, 3, 25)],
                                  ["Quý I/2024", "1", "số", dt.date(2024, 3, 25)]])
    ran = run_tdkt("ghi-so", book, "--so-theo-doi", tmp_path / "so.sqlite")
    assert ran.returncode == 1
    assert ('Lỗi: trang "Quyết định đã ký", ô B2 (cột "Tệp văn bản"): không có quyết định "qd-09.docx" trong đợt '
            '"Quý I/2024"; các quyết định của đợt: 1 (qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx)') in ran.stderr
    assert 'ô A3 (cột "Đợt"): đợt "Quý IX" không có quyết định nào' in ran.stderr
    assert 'ô C4 (cột "Số quyết định"): số quyết định "số" phải bắt đầu bằng chữ số' in ran.stderr
    assert not (tmp_path / "so.sqlite").exists()


def test_a_date_in_the_number_column_is_refused_at_its_cell_not_recorded_as_a_number(tmp_path):
    book = signed_book(tmp_path, [["Quý I/2024", "1", dt.date(2024, 3, 5), dt.date(2024, 3, 25)]])
    ran = run_tdkt("ghi-so", book, "--so-theo-doi", tmp_path / "so.sqlite")
    assert ran.returncode == 1
    assert ('Lỗi: trang "Quyết định đã ký", ô C2 (cột "Số quyết định"): số quyết định "05/03/2024" không có ký hiệu '
            'sau dấu "/" (ô đang ghi một ngày?); ghi số quyết định, ví dụ 125 hoặc 125/QĐ-UBND, và ghi ngày ký ở cột '
            '"Ngày ký".') in ran.stderr
    assert not (tmp_path / "so.sqlite").exists()


PLANNED = dt.date(2024, 6, 28)  # lương cơ sở 1.800.000 đồng: Lao động tiên tiến 540.000 đồng


NO_PERIOD = ('Hãy kiểm tra lại ngày ký. Nếu ngày ký đúng và có văn bản quy định cho giai đoạn này (kể cả quy định '
             'riêng của cơ quan), chạy lệnh "tdkt mau" trong thư mục chứa sổ Excel, ghi giai đoạn đó kèm nguồn '
             '(văn bản, điều khoản) vào tệp mau/luong-co-so.toml, rồi chạy lại.')
"""What a date outside every period of the lương cơ sở says to do."""


@pytest.mark.parametrize("signed, message", [
    (dt.date(2024, 7, 2),  # lương cơ sở 2.340.000 đồng from 01/7/2024
     'quyết định "qd-101-lao-dong-tien-tien.docx" tính tiền thưởng theo ngày ký dự kiến 28/6/2024 của đợt '
     '"Đợt 1/2024": mỗi cá nhân 540.000 đồng; ký ngày 02/7/2024 thì tiền thưởng phải là mỗi cá nhân 710.000 đồng. '
     'Hãy sửa "Ngày ký dự kiến" của đợt "Đợt 1/2024" ở trang "Đợt khen thưởng" thành 02/7/2024, chạy lại tdkt '
     "build rồi trình ký lại quyết định đã sửa trước khi ghi sổ theo dõi, in bằng khen, giấy khen."),
    (dt.date(2023, 6, 28),  # the year mistyped: no lương cơ sở in the data
     'không tính được tiền thưởng của quyết định "qd-101-lao-dong-tien-tien.docx" khi ký ngày 28/6/2023 (ngày ký '
     'dự kiến của đợt "Đợt 1/2024" là 28/6/2024): Ngày ký 28/6/2023 nằm ngoài mọi giai đoạn có quy định về mức '
     "lương cơ sở (có quy định từ 01/7/2023). " + NO_PERIOD),
])
def test_signing_date_giving_another_prize_is_refused_on_its_cell(make_workbook, tmp_path, signed, message):
    target = tmp_path / "so.sqlite"
    ran = run_tdkt("ghi-so", make_workbook(xa_signed(PLANNED, signed)), "--so-theo-doi", target)
    assert ran.returncode == 1
    assert ran.stderr == ('Trang "Quyết định đã ký" của "so-lieu.xlsx" có 1 lỗi, chưa ghi gì vào sổ theo dõi:\n'
                          f'  Lỗi: trang "Quyết định đã ký", ô D2 (cột "Ngày ký"): {message}\n')
    assert not target.exists()


def test_signing_date_in_the_planned_period_is_recorded_as_signed(make_workbook, tmp_path):
    target = tmp_path / "so.sqlite"
    ran = run_tdkt("ghi-so", make_workbook(xa_signed(PLANNED, dt.date(2024, 6, 30))), "--so-theo-doi", target)
    assert ran.returncode == 0, ran.stderr
    with open_register(sqlite_url(target)) as register, register.read() as conn:
        rows = conn.execute(select(decisions.c.number, decisions.c.signed, awards.c.name, awards.c.amount)
                            .join(awards, awards.c.decision_id == decisions.c.id)).all()
    assert [tuple(r) for r in rows] == [("101/QĐ-UBND", dt.date(2024, 6, 30), "Trần Thị Hoa", 540000)]


@pytest.mark.parametrize("date, message", [
    ("ngày 02 tháng 7 năm 2024",
     'Văn bản "qd-101-lao-dong-tien-tien.docx" ghi tiền thưởng mỗi cá nhân 540.000 đồng (Điều 2); ký ngày '
     '02/7/2024 thì tiền thưởng phải là mỗi cá nhân 710.000 đồng. Hãy sửa "Ngày ký dự kiến" của đợt ở trang '
     '"Đợt khen thưởng" thành 02/7/2024, chạy lại tdkt build rồi trình ký lại quyết định đã sửa trước khi ghi sổ '
     "theo dõi, in bằng khen, giấy khen."),
    ("ngày 28 tháng 6 năm 2023",
     'Văn bản "qd-101-lao-dong-tien-tien.docx": không tính được tiền thưởng khi ký ngày 28/6/2023 (ngày ký ghi '
     "trên văn bản): Ngày ký 28/6/2023 nằm ngoài mọi giai đoạn có quy định về mức lương cơ sở (có quy định từ "
     "01/7/2023). " + NO_PERIOD),
])
def test_signed_docx_dated_for_another_prize_is_refused(make_workbook, tmp_path, date, message):
    book = make_workbook(xa_signed(PLANNED, PLANNED))
    assert run_tdkt("build", book, "-o", tmp_path / "out").returncode == 0
    path = tmp_path / "out" / "dot-1-2024" / XA_DECISION
    document = docx.Document(str(path))  # the văn thư types the real date over the planned one
    place_date = document.tables[0].rows[1].cells[1].paragraphs[0].runs[0]
    place_date.text = place_date.text.replace("ngày 28 tháng 6 năm 2024", date)
    document.save(str(path))
    target = tmp_path / "so.sqlite"
    ran = run_tdkt("ghi-so", "--quyet-dinh", path, "--so-theo-doi", target)
    assert ran.returncode == 1
    assert ran.stderr == message + "\n"
    assert not target.exists()


def test_correction_keeps_previous_version(tmp_path, signed_2024, rules):
    first, forms = signed_2024[0], rules.register_forms
    with open_register(sqlite_url(tmp_path / "so.sqlite")) as register:
        record(register, [first], forms)
        fixed = replace(first, number="126/QĐ-UBND", signed=dt.date(2024, 3, 26))  # same batch and file
        assert record(register, [fixed], forms).corrected == [
            "Quyết định số 126/QĐ-UBND ngày 26/3/2024: ghi bản sửa, bản trước (số 125/QĐ-UBND ngày 25/3/2024) "
            "được giữ lại, đánh dấu đã thay."]
        renamed = replace(fixed, awards=(replace(fixed.awards[0], name="Phòng Giáo dục Trung học phổ thông"),
                                         *fixed.awards[1:]))
        assert record(register, [renamed], forms).corrected
        assert record(register, [renamed], forms).unchanged
        with register.read() as conn:
            rows = conn.execute(select(decisions).order_by(decisions.c.id)).all()
        assert [(r.number, r.version, r.superseded_by is None) for r in rows] == [
            ("125/QĐ-UBND", 1, False), ("126/QĐ-UBND", 1, False), ("126/QĐ-UBND", 2, True)]
        assert rows[0].superseded_by == rows[1].id and rows[1].superseded_by == rows[2].id
        assert count(register, awards) == 9  # every version keeps its list
        assert [(h.number, h.signed) for h in lookup(register, "Nguyễn Thị Thu Hà")] == [
            ("126/QĐ-UBND", dt.date(2024, 3, 26))]


def test_interrupted_recording_leaves_register_as_it_was(tmp_path, signed_2024, rules):
    with open_register(sqlite_url(tmp_path / "so.sqlite")) as register:
        record(register, signed_2024[:1], rules.register_forms)
        before = dump(register)
        inserted = itertools.count()

        def interrupt(conn, cursor, statement, parameters, context, executemany):
            if statement.startswith("INSERT INTO awards") and next(inserted) == 4:  # inside the second decision
                raise KeyboardInterrupt

        event.listen(register.engine, "before_cursor_execute", interrupt)
        with pytest.raises(KeyboardInterrupt):
            record(register, [replace(signed_2024[0], number="127/QĐ-UBND"), signed_2024[1]], rules.register_forms)
        event.remove(register.engine, "before_cursor_execute", interrupt)
        assert next(inserted) == 5
        assert dump(register) == before


def test_matching_by_name_and_unit_or_cccd_uncertain_shown(tmp_path, rules):
    rows = [past("10/QĐ-SNV", dt.date(2021, 12, 20), "Chiến sĩ thi đua cơ sở", "Nguyễn Văn An", "Sở Nội vụ"),
            past("11/QĐ-SNV", dt.date(2022, 12, 20), "Lao động tiên tiến", "nguyễn  văn an", "Phòng X, Sở Nội vụ"),
            past("12/QĐ-SNV", dt.date(2023, 12, 20), "Lao động tiên tiến", "Nguyễn Văn An", "Sở Y tế"),
            past("13/QĐ-SNV", dt.date(2023, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Y tế", address="Bà",
                 cccd="027190000123"),
            past("14/QĐ-SNV", dt.date(2024, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Tài chính", address="Bà",
                 cccd="27190000123")]
    target = tmp_path / "so.sqlite"
    with open_register(sqlite_url(target)) as register:
        result = record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", rows)), rules.register_forms)
        assert result.uncertain == ['Quyết định số 12/QĐ-SNV ngày 20/12/2023: "Ông Nguyễn Văn An, Sở Y tế" có thể là '
                                    "người/tập thể đã có trong sổ (cùng họ tên, khác đơn vị (Sở Nội vụ)); chưa gộp, "
                                    "hãy xem lại bằng tdkt tra-cuu."]
        assert count(register, recipients) == 3  # An of Sở Nội vụ (twice), An of Sở Y tế, Hoa (by CCCD)
        assert [h.number for h in lookup(register, "van an", unit="noi vu")] == ["11/QĐ-SNV", "10/QĐ-SNV"]
        assert [h.unit for h in lookup(register, "hoa")] == ["Sở Tài chính", "Sở Y tế"]
        assert len({h.recipient_id for h in lookup(register, "hoa")}) == 1
    lines = run_tdkt("tra-cuu", "NGUYEN VAN AN", "--so-theo-doi", target).stdout.splitlines()
    assert lines[:2] == ["Nguyễn Văn An (cá nhân, Sở Y tế):",
                         "  20/12/2023  Lao động tiên tiến  — Quyết định số 12/QĐ-SNV ngày 20/12/2023 "
                         "(Sở Nội vụ tỉnh Bắc Ninh); Hoàn thành xuất sắc nhiệm vụ năm 2023"]
    assert lines[2].startswith("      Lưu ý: có thể là Nguyễn Văn An (Sở Nội vụ): cùng họ tên, khác đơn vị")
    assert lines[3] == "Nguyễn Văn An (cá nhân, Phòng X, Sở Nội vụ):"
    assert [line.split("  ")[1] for line in lines[4:]] == ["20/12/2022", "20/12/2021"]
    ran = run_tdkt("tra-cuu", "An", "--so-theo-doi", tmp_path / "khong-co.sqlite")
    assert ran.returncode == 1 and "Chưa có sổ theo dõi khen thưởng" in ran.stderr
    assert not (tmp_path / "khong-co.sqlite").exists()


def test_search_takes_punctuation_between_words_for_a_space(tmp_path, rules):
    """"Ngọc Ánh" or "ngoc anh" finds a "Nguyễn Thị Ngọc-Ánh"; who is who stays as strict: a "Ngọc Ánh" of the
    same unit is recorded apart."""
    target = tmp_path / "so.sqlite"
    with open_register(sqlite_url(target)) as register:
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", [
            past("1/QĐ-SNV", dt.date(2023, 1, 2), "Giấy khen", "Nguyễn Thị Ngọc-Ánh", "Phòng CSGT, Công an tỉnh",
                 address="Bà"),
            past("2/QĐ-SNV", dt.date(2024, 1, 2), "Giấy khen", "Nguyễn Thị Ngọc Ánh", "Phòng CSGT, Công an tỉnh",
                 address="Bà")])), rules.register_forms)
        assert count(register, recipients) == 2
        for typed in ("Ngọc Ánh", "ngoc anh", "NGỌC-ÁNH", "Thị Ngọc – Ánh"):
            assert [(h.name, h.number) for h in lookup(register, typed, unit="csgt công an")] == [
                ("Nguyễn Thị Ngọc Ánh", "2/QĐ-SNV"), ("Nguyễn Thị Ngọc-Ánh", "1/QĐ-SNV")]
        assert lookup(register, " - ") == []
    ran = run_tdkt("tra-cuu", "ngoc anh", "--so-theo-doi", target)
    assert ran.stdout.splitlines()[2:4] == [
        "Nguyễn Thị Ngọc-Ánh (cá nhân, Phòng CSGT, Công an tỉnh):",
        "  02/01/2023  Giấy khen  — Quyết định số 1/QĐ-SNV ngày 02/01/2023 (Sở Nội vụ tỉnh Bắc Ninh); Hoàn thành "
        "xuất sắc nhiệm vụ năm 2023"]


def test_search_by_cccd_finds_the_person_recorded_with_it(tmp_path, rules):
    """A secretary who types the CCCD gets that person's awards, not "không tìm thấy"; a number that is not a
    CCCD still searches the names."""
    target = tmp_path / "so.sqlite"
    with open_register(sqlite_url(target)) as register:
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", [
            past("13/QĐ-SNV", dt.date(2023, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Y tế", address="Bà",
                 cccd="027190000123"),
            past("14/QĐ-SNV", dt.date(2024, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Tài chính", address="Bà",
                 cccd="27190000123"),
            past("15/QĐ-SNV", dt.date(2024, 12, 22), "Giấy khen", "Lê Thị Hoa", "Sở Xây dựng", address="Bà")])),
            rules.register_forms)
        for typed in ("027190000123", "27190000123", "027 190 000 123", "027.190.000.123"):
            assert [(h.name, h.unit, h.number) for h in lookup(register, typed)] == [
                ("Lê Thị Hoa", "Sở Tài chính", "14/QĐ-SNV"), ("Lê Thị Hoa", "Sở Y tế", "13/QĐ-SNV")]
        assert lookup(register, "027190000999") == []
    ran = run_tdkt("tra-cuu", "027190000123", "--so-theo-doi", target)
    assert ran.returncode == 0
    assert ran.stdout.splitlines()[-3:] == [
        "Lê Thị Hoa (cá nhân, Sở Tài chính):",
        "  21/12/2024  Giấy khen  — Quyết định số 14/QĐ-SNV ngày 21/12/2024 (Sở Nội vụ tỉnh Bắc Ninh); Hoàn thành "
        "xuất sắc nhiệm vụ năm 2024",
        "  21/12/2023  Giấy khen  — Quyết định số 13/QĐ-SNV ngày 21/12/2023 (Sở Nội vụ tỉnh Bắc Ninh); Hoàn thành "
        "xuất sắc nhiệm vụ năm 2023"]


def test_blank_past_list_then_a_list_with_errors_records_nothing(tmp_path):
    blank, target = tmp_path / "ds.xlsx", tmp_path / "so.sqlite"
    ran = run_tdkt("ghi-so", "--mau-danh-sach", blank)
    assert ran.stdout.strip() == f'Đã tạo "{blank}": điền mỗi dòng một khen thưởng rồi chạy tdkt ghi-so --danh-sach {blank}'
    ws = openpyxl.load_workbook(blank)[PAST_AWARDS.title]
    assert [c.value for c in ws[1]] == [c.header for c in PAST_AWARDS.columns]
    rows = [past("1/QĐ-SNV", dt.date(2023, 1, 2), "Giấy khen", "Lê Văn Bình", "Sở Nội vụ"),
            past("1/QĐ-SNV", dt.date(2023, 1, 2), "Lao động tiên tiến", "Lê Văn Cường", "Sở Nội vụ"),
            past("2/QĐ-SNV", dt.date(2023, 1, 3), "Giấy khen", "Lê Văn Dũng", "Sở Nội vụ", kind="Nhóm")]
    ran = run_tdkt("ghi-so", "--danh-sach", past_list(tmp_path / "cu.xlsx", rows), "--so-theo-doi", target)
    assert ran.returncode == 1
    assert ran.stderr.startswith('Danh sách "cu.xlsx" có 2 lỗi, chưa ghi gì vào sổ theo dõi:')
    assert 'Lỗi: trang "Khen thưởng đã có", ô F4 (cột "Loại"): "Nhóm" không có trong danh mục' in ran.stderr
    assert "Quyết định số 1/QĐ-SNV có nhiều hình thức khác nhau ở các dòng 2, 3" in ran.stderr
    assert not target.exists()
