"""The award register: recording signed decisions, corrections, matching, history, eligibility,
statistics, export, transactions and migrations, on SQLite and on a real PostgreSQL server."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile
from xml.etree import ElementTree
from dataclasses import replace
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from sqlalchemy import func, select

from click.testing import CliRunner

from helpers import run_tdkt
from tdkt_docs.cli import cli
from tdkt_docs.read.workbook import WorkbookData
from tdkt_docs.build import InvalidWorkbook, build
from tdkt_docs.read import load
from tdkt_docs.read.schema import SIGNED
from tdkt_docs.register import record as record_module
from tdkt_docs.register.eligibility import parse_rules, review_workbook
from tdkt_docs.register.export import EXPORT_SCHEMA
from tdkt_docs.register.from_docx import read_signed_docx
from tdkt_docs.register.from_workbook import signed_from_workbook
from tdkt_docs.register.history import lookup
from tdkt_docs.register.model import SignedDecision
from tdkt_docs.register.past import PAST_AWARDS, read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import open_register, register_url
from tdkt_docs.register.tables import awards, decisions, possible_matches, recipients
from tdkt_docs.register.year import awards_of_year
from tdkt_docs.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "mau" / "tdkt-2024.xlsx"
BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


@pytest.fixture(scope="module")
def sample() -> WorkbookData:
    return load(SAMPLE)


@pytest.fixture(scope="module")
def signed_2024(tmp_path_factory) -> list[SignedDecision]:
    """Quý I's first decision as 125 of 25/3/2024 and Quý III's as 1205 of 24/9/2024."""
    signed, problems = signed_from_workbook(load(signed_book(tmp_path_factory.mktemp("signed"), [Q1, Q3])))
    assert problems == []
    return signed


@pytest.fixture(scope="module")
def built(tmp_path_factory, signed_2024) -> Path:
    """The 2024 sample built once with a register that holds Quý III's decision."""
    out = tmp_path_factory.mktemp("built")
    with open_register(str(out / "so.sqlite")) as register:
        record(register, signed_2024[1:])
    build(SAMPLE, out, register=str(out / "so.sqlite"))
    return out


def tdkt(*args) -> tuple[int, str, str]:
    """Run a command in this process as ``tdkt`` would: exit code, output, Vietnamese error."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    if isinstance(result.exception, UserError):
        return 1, result.output, str(result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output, ""


def signed_book(tmp_path: Path, rows: list[list]) -> Path:
    """The 2024 sample with sheet "Quyết định đã ký" filled with ``rows``."""
    book = openpyxl.load_workbook(SAMPLE)
    ws = book.create_sheet(SIGNED.title)
    ws.append([c.header for c in SIGNED.columns])
    for row in rows:
        ws.append(row)
    path = tmp_path / "tdkt-2024.xlsx"
    book.save(path)
    return path


Q1 = ["Quý I/2024", "1", "125", dt.date(2024, 3, 25)]
Q3 = ["Quý III/2024", "qd-1205-bang-khen-tinh-cong-an-tinh.docx", "1205/QĐ-UBND", dt.date(2024, 9, 24)]


def count(register, table) -> int:
    with register.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def dump(register) -> dict:
    with register.read() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=str)
                for t in (decisions, recipients, awards, possible_matches)}


def past_list(path: Path, rows: list[dict]) -> Path:
    """A list of past awards as an office would type it: headers, then one award a row."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = PAST_AWARDS.title
    ws.append([c.header for c in PAST_AWARDS.columns])
    for row in rows:
        ws.append([row.get(c.key) for c in PAST_AWARDS.columns])
    book.save(path)
    return path


def past(number: str, date: dt.date, form: str, name: str, place: str, **extra) -> dict:
    return {"issuer": "Sở Nội vụ tỉnh Bắc Ninh", "number": number, "signed": date, "form": form, "kind": "Cá nhân",
            "address": "Ông", "name": name, "workplace": place, "achievement": f"Hoàn thành xuất sắc nhiệm vụ năm {date.year}",
            **extra}


# --- recording -----------------------------------------------------------------------------------

def test_workbook_decisions_recorded_once_with_number_date_and_rows(tmp_path, signed_2024):
    book = signed_book(tmp_path, [Q1, Q3])
    target = tmp_path / "so.sqlite"
    code, out, error = tdkt("ghi-so", book, "--so-theo-doi", target)
    assert code == 0, error
    assert "Đã ghi: Quyết định số 125/QĐ-UBND ngày 25/3/2024: Bằng khen" in out
    with open_register(str(target)) as register:
        assert record(register, signed_2024).unchanged == ["Quyết định số 125/QĐ-UBND ngày 25/3/2024",
                                                           "Quyết định số 1205/QĐ-UBND ngày 24/9/2024"]
        with register.read() as conn:
            rows = conn.execute(select(decisions).order_by(decisions.c.signed)).all()
            assert [(r.number, r.signed, r.form_name, r.batch, r.quarter, r.signer, r.version) for r in rows] == [
                ("125/QĐ-UBND", dt.date(2024, 3, 25), BANG_KHEN, "Quý I/2024", "Quý I", "Nguyễn Hương Giang", 1),
                ("1205/QĐ-UBND", dt.date(2024, 9, 24), BANG_KHEN, "Quý III/2024", "Quý III", "Nguyễn Hương Giang", 1)]
            assert rows[0].issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
            got = conn.execute(select(awards).where(awards.c.decision_id == rows[1].id).order_by(awards.c.seq)).all()
        assert [(a.name, a.sex, a.amount, a.source, a.source_row, a.proposing_unit) for a in got] == [
            ("Nguyễn Văn An", "Nam", 3510000, "tdkt-2024.xlsx", 12, "Công an tỉnh"),
            ("Đặng Văn Dũng", "Nam", 3510000, "tdkt-2024.xlsx", 13, "Công an tỉnh"),
            ("Dương Thị Mai", "Nữ", 3510000, "tdkt-2024.xlsx", 14, "Công an tỉnh")]
        assert count(register, awards) == 6 and count(register, recipients) == 6


def test_signed_docx_read_back_is_the_same_decision(tmp_path, built, signed_2024):
    docx_path = built / "quy-iii-2024" / "qd-1205-bang-khen-tinh-cong-an-tinh.docx"
    decision = read_signed_docx(docx_path)
    assert (decision.number, decision.signed, decision.signer) == ("1205/QĐ-UBND", dt.date(2024, 9, 24),
                                                                   "Nguyễn Hương Giang")
    assert [(a.address, a.name, a.unit, a.amount) for a in decision.awards][2] == ("Bà", "Dương Thị Mai",
                                                                                   "Công an tỉnh", 3510000)
    with open_register(str(tmp_path / "so.sqlite")) as register:
        assert record(register, signed_2024[1:]).added
        assert record(register, [decision]).unchanged == ["Quyết định số 1205/QĐ-UBND ngày 24/9/2024"]
        assert count(register, decisions) == 1 and count(register, awards) == 3


def test_unnumbered_docx_refused_naming_the_file(built):
    result = run_tdkt("ghi-so", "--quyet-dinh", built / "quy-i-2024" / "qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx",
                      "--so-theo-doi", built / "x.sqlite")
    assert result.returncode == 1
    assert 'Văn bản "qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx" chưa có số và ngày ký' in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_signed_rows_named_by_cell(tmp_path):
    book = signed_book(tmp_path, [["Quý I/2024", "qd-09.docx", "125", dt.date(2024, 3, 25)],
                                  ["Quý IX", "1", "12", dt.date(2024, 3, 25)],
                                  ["Quý I/2024", "1", "số", dt.date(2024, 3, 25)]])
    code, _, error = tdkt("ghi-so", book, "--so-theo-doi", tmp_path / "so.sqlite")
    assert code == 1
    assert 'ô B2 (cột "Tệp văn bản"): không có quyết định "qd-09.docx" trong đợt "Quý I/2024"' in error
    assert 'ô A3 (cột "Đợt"): đợt "Quý IX" không có quyết định nào' in error
    assert 'ô C4 (cột "Số quyết định"): số quyết định "số" phải bắt đầu bằng chữ số' in error
    assert not (tmp_path / "so.sqlite").exists()


def test_correction_keeps_previous_version(tmp_path, signed_2024):
    first = signed_2024[0]
    with open_register(str(tmp_path / "so.sqlite")) as register:
        record(register, [first])
        fixed = replace(first, number="126/QĐ-UBND", signed=dt.date(2024, 3, 26))  # same batch and file
        assert record(register, [fixed]).corrected == [
            "Quyết định số 126/QĐ-UBND ngày 26/3/2024: ghi bản sửa, bản trước (số 125/QĐ-UBND ngày 25/03/2024) "
            "được giữ lại, đánh dấu đã thay."]
        renamed = replace(fixed, awards=(replace(fixed.awards[0], name="Phòng Giáo dục Trung học phổ thông"),
                                         *fixed.awards[1:]))
        assert record(register, [renamed]).corrected
        assert record(register, [renamed]).unchanged
        with register.read() as conn:
            rows = conn.execute(select(decisions).order_by(decisions.c.id)).all()
        assert [(r.number, r.version, r.superseded_by is None) for r in rows] == [
            ("125/QĐ-UBND", 1, False), ("126/QĐ-UBND", 1, False), ("126/QĐ-UBND", 2, True)]
        assert rows[0].superseded_by == rows[1].id and rows[1].superseded_by == rows[2].id
        assert count(register, awards) == 9  # every version keeps its list
        assert [(h.number, h.signed) for h in lookup(register, "Nguyễn Thị Thu Hà")] == [
            ("126/QĐ-UBND", dt.date(2024, 3, 26))]


def test_interrupted_recording_leaves_register_as_it_was(tmp_path, monkeypatch, signed_2024):
    with open_register(str(tmp_path / "so.sqlite")) as register:
        record(register, signed_2024[:1])
        before = dump(register)
        both = [replace(signed_2024[0], number="127/QĐ-UBND"), signed_2024[1]]
        real = record_module.match_recipient
        calls = iter(range(100))

        def interrupted(conn, award):
            if next(calls) == 4:  # in the middle of the second decision
                raise KeyboardInterrupt
            return real(conn, award)

        monkeypatch.setattr(record_module, "match_recipient", interrupted)
        with pytest.raises(KeyboardInterrupt):
            record(register, both)
        assert dump(register) == before


# --- matching and history -------------------------------------------------------------------------

def test_matching_by_name_and_unit_or_cccd_uncertain_shown(tmp_path):
    rows = [past("10/QĐ-SNV", dt.date(2021, 12, 20), "Chiến sĩ thi đua cơ sở", "Nguyễn Văn An", "Sở Nội vụ"),
            past("11/QĐ-SNV", dt.date(2022, 12, 20), "Lao động tiên tiến", "nguyễn  văn an", "Phòng X, Sở Nội vụ"),
            past("12/QĐ-SNV", dt.date(2023, 12, 20), "Lao động tiên tiến", "Nguyễn Văn An", "Sở Y tế"),
            past("13/QĐ-SNV", dt.date(2023, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Y tế", address="Bà",
                 cccd="027190000123"),
            past("14/QĐ-SNV", dt.date(2024, 12, 21), "Giấy khen", "Lê Thị Hoa", "Sở Tài chính", address="Bà",
                 cccd="27190000123")]
    target = tmp_path / "so.sqlite"
    with open_register(str(target)) as register:
        result = record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", rows)))
        assert result.uncertain == ['Quyết định số 12/QĐ-SNV ngày 20/12/2023: "Ông Nguyễn Văn An, Sở Y tế" có thể là '
                                    "người/tập thể đã có trong sổ (cùng họ tên, khác đơn vị (Sở Nội vụ)); chưa gộp, "
                                    "hãy xem lại bằng tdkt tra-cuu."]
        assert count(register, recipients) == 3  # An of Sở Nội vụ (twice), An of Sở Y tế, Hoa (by CCCD)
        assert [h.number for h in lookup(register, "van an", unit="noi vu")] == ["11/QĐ-SNV", "10/QĐ-SNV"]
        assert [h.unit for h in lookup(register, "hoa")] == ["Sở Tài chính", "Sở Y tế"]
        assert len({h.recipient_id for h in lookup(register, "hoa")}) == 1
    code, out, _ = tdkt("tra-cuu", "NGUYEN VAN AN", "--so-theo-doi", target)
    lines = out.splitlines()
    assert lines[:2] == ["Nguyễn Văn An (cá nhân, Sở Y tế):",
                         "  20/12/2023  Lao động tiên tiến  — Quyết định số 12/QĐ-SNV ngày 20/12/2023 "
                         "(Sở Nội vụ tỉnh Bắc Ninh); Hoàn thành xuất sắc nhiệm vụ năm 2023"]
    assert lines[2].startswith("      Lưu ý: có thể là Nguyễn Văn An (Sở Nội vụ): cùng họ tên, khác đơn vị")
    assert lines[3] == "Nguyễn Văn An (cá nhân, Phòng X, Sở Nội vụ):"
    assert [line.split("  ")[1] for line in lines[4:]] == ["20/12/2022", "20/12/2021"]
    code, _, error = tdkt("tra-cuu", "An", "--so-theo-doi", tmp_path / "khong-co.sqlite")
    assert code == 1 and "Chưa có sổ theo dõi khen thưởng" in error
    assert not (tmp_path / "khong-co.sqlite").exists()


# --- eligibility -----------------------------------------------------------------------------------

def test_eligibility_streak_same_year_and_achievement(tmp_path, sample):
    target = str(tmp_path / "so.sqlite")
    rows = [past("20/QĐ-SNV", dt.date(2022, 12, 20), "CSTĐCS", "Nguyễn Đức Thịnh", "Sở Nội vụ"),
            past("21/QĐ-SNV", dt.date(2023, 12, 20), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ"),
            {**past("22/QĐ-UBND", dt.date(2024, 6, 1), "Tập thể lao động xuất sắc", "Phòng Kinh tế",
                    "UBND thành phố Từ Sơn"), "kind": "Tập thể", "address": "", "issuer": "UBND tỉnh Bắc Ninh"}]
    with open_register(target) as register:
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", rows)))
    review = review_workbook(sample, target)
    messages = [str(p) for p in review.problems]
    assert ('Cảnh báo: trang "Đề nghị khen thưởng", ô H18 (cột "Họ tên / Tên tập thể"): "Nguyễn Đức Thịnh": '
            "sổ theo dõi chỉ ghi nhận các năm: 2022, 2023 (Quyết định số 20/QĐ-SNV ngày 20/12/2022 (Sở Nội vụ tỉnh "
            "Bắc Ninh); Quyết định số 21/QĐ-SNV ngày 20/12/2023 (Sở Nội vụ tỉnh Bắc Ninh)). Quy tắc: Chiến sĩ thi đua "
            "cấp tỉnh xét trong số cá nhân có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (Luật Thi đua, "
            "khen thưởng 2022 Điều 22; chưa đối chiếu với văn bản chính thức).") in messages
    error = next(p for p in review.problems if p.is_error)
    assert (error.cell, error.sheet) == ("H22", "Đề nghị khen thưởng")
    assert ("đã được tặng Tập thể lao động xuất sắc (Quyết định số 22/QĐ-UBND ngày 01/6/2024 (UBND tỉnh Bắc Ninh))"
            in error.message and "một danh hiệu thi đua chỉ xét tặng một lần cho một năm" in error.message)
    assert review.history[22][0].number == "22/QĐ-UBND" and review.history[2] == []
    with pytest.raises(InvalidWorkbook) as raised:
        build(SAMPLE, tmp_path / "out", register=target)
    assert "ô H22" in str(raised.value) and not (tmp_path / "out").exists()
    code, out, _ = tdkt("check", SAMPLE, "--so-theo-doi", target)
    assert code == 1 and "ô H18" in out and 'Lỗi: trang "Đề nghị khen thưởng", ô H22' in out
    with open_register(target) as register:  # the third year makes the streak
        record(register, read_past_awards(past_list(tmp_path / "cu2.xlsx", [
            past("23/QĐ-SNV", dt.date(2024, 12, 1), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ")])))
    assert not [p for p in review_workbook(sample, target).problems if p.cell == "H18"]


def test_eligibility_within_workbook_and_interval_rule(tmp_path, content, make_workbook):
    content["batches"] = [{"name": "Đợt 1", "quarter": "Quý IV", "signing": dt.date(2025, 12, 20),
                           "position": "CHỦ TỊCH", "signer": "Vương Quốc Tuấn", "submission_no": "9/TTr-SNV",
                           "submission_date": dt.date(2025, 12, 1)}]
    person = {"batch": "Đợt 1", "unit": "Sở Y tế", "submission_no": "3/TTr-SYT", "submission_date": dt.date(2025, 11, 1),
              "kind": "Cá nhân", "address": "Bà", "name": "Trần Thị Ánh", "workplace": "Sở Y tế",
              "form": "Bằng khen của Chủ tịch UBND tỉnh", "achievement": "Đã có thành tích xuất sắc năm 2025"}
    content["nominations"] = [person, {**person, "form": "Chiến sĩ thi đua cấp tỉnh"}]
    data = load(make_workbook(content))
    found = review_workbook(data, str(tmp_path / "khong-co.sqlite")).problems
    assert [(p.severity, p.cell) for p in found] == [("Cảnh báo", "H3")]
    assert "đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (dòng 2 của sổ này)" in found[0].message
    rulebook = parse_rules({"quy_tac": [{"key": "k", "loai": "khoang_cach", "ten": "cách nhau ít nhất 5 năm",
                                         "hinh_thuc": ["Bằng khen tỉnh"], "so_nam": 5, "dieu_khoan": "Điều thử",
                                         "source": "thử", "verified": True, "tuyet_doi": False}]})
    target = str(tmp_path / "so.sqlite")
    with open_register(target) as register:
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", [
            {**past("1/QĐ-UBND", dt.date(2022, 5, 1), "BK tỉnh", "Trần Thị Ánh", "Sở Y tế"), "address": "Bà"}])))
    found = review_workbook(data, target, rulebook).problems
    assert [p.message for p in found] == [
        '"Trần Thị Ánh": đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2022 (Quyết định số '
        "1/QĐ-UBND ngày 01/5/2022 (Sở Nội vụ tỉnh Bắc Ninh)), chưa đủ 5 năm. Quy tắc: cách nhau ít nhất 5 năm "
        "(Điều thử)."]
    assert not os.path.exists(tmp_path / "khong-co.sqlite")


def test_build_summary_has_lookup_sheet(built):
    ws = openpyxl.load_workbook(built / "quy-iii-2024" / "tong-hop-quy-iii-2024.xlsx")["Tra cứu khen thưởng đã có"]
    rows = [tuple(row[:4]) for row in ws.iter_rows(min_row=2, values_only=True)]
    assert ("Ông Nguyễn Văn An", BANG_KHEN, "1205/QĐ-UBND", dt.datetime(2024, 9, 24)) in rows
    assert ("Bà Trần Thị Ánh", "Chưa có trong sổ theo dõi", None, None) in rows


# --- statistics and export -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def recorded_2024(tmp_path_factory, signed_2024) -> str:
    folder = tmp_path_factory.mktemp("recorded")
    target = str(folder / "so.sqlite")
    with open_register(target) as register:
        record(register, signed_2024)
        record(register, read_past_awards(past_list(folder / "cu.xlsx", [
            past("5/QĐ-SNV", dt.date(2024, 12, 30), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ",
                 unit="Sở Nội vụ", amount=2340000),
            past("5/QĐ-SNV", dt.date(2023, 12, 30), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ")])))
    return target


def test_statistics_workbook(tmp_path, recorded_2024):
    out = tmp_path / "tk.xlsx"
    code, stdout, _ = tdkt("thong-ke", "--nam", "2024", "-o", out, "--so-theo-doi", recorded_2024)
    assert stdout.strip() == f'Đã tạo "{out}": 7 lượt khen thưởng năm 2024.'
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Thông tin", "Theo hình thức và cấp", "Theo quý, đợt", "Theo đơn vị trình", "Biểu đồ"]
    rows = list(book["Theo hình thức và cấp"].iter_rows(min_row=2, values_only=True))
    assert rows == [
        ("Cấp khen thưởng", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "trong đó nữ", "cá nhân chưa rõ giới tính",
         "Hộ gia đình", "Tổng số", "Tiền thưởng (đồng)"),
        ("Cấp tỉnh", BANG_KHEN, 1, 5, 2, 0, 0, 6, 5400000 + 2 * 2700000 + 3 * 3510000),
        ("Cấp cơ sở", "Chiến sĩ thi đua cơ sở", 0, 1, 0, 0, 0, 1, 2340000),
        ("Cộng", None, 1, 6, 2, 0, 0, 7, 5400000 + 2 * 2700000 + 3 * 3510000 + 2340000)]
    quarters = list(book["Theo quý, đợt"].iter_rows(min_row=3, values_only=True))
    assert [r[:3] + r[7:8] for r in quarters] == [("Quý I", "Quý I/2024", 1, 3), ("Quý III", "Quý III/2024", 0, 3),
                                                  ("Quý IV", "Không rõ đợt", 0, 1), ("Cộng", None, 1, 7)]
    units = {r[0]: r[6] for r in book["Theo đơn vị trình"].iter_rows(min_row=3, values_only=True)}
    assert units == {"Sở Giáo dục và Đào tạo": 3, "Công an tỉnh": 3, "Sở Nội vụ": 1, "Cộng": 7}
    with zipfile.ZipFile(out) as archive:
        chart = ElementTree.fromstring(archive.read("xl/charts/chart1.xml"))
        assert "xl/chartsheets/sheet1.xml" in archive.namelist()
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    assert chart.find(f".//{c}barDir").get("val") == "bar"
    assert [s.find(f"{c}tx//{c}f").text for s in chart.iter(f"{c}ser")] == [
        f"'Theo hình thức và cấp'!{col}2" for col in "CDG"]  # tập thể, cá nhân, hộ gia đình per form
    assert "Số hiệu biểu mẫu báo cáo của Bộ Nội vụ" in book["Thông tin"]["B6"].value


def test_export_json_and_excel_list(tmp_path, recorded_2024):
    code, _, error = tdkt("xuat", "--nam", "2024", "-o", tmp_path / "kt.json", "--so-theo-doi", recorded_2024,
                          "--ma-don-vi", "000.00.27.H04")
    assert code == 0, error
    document = json.loads((tmp_path / "kt.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, EXPORT_SCHEMA, format_checker=jsonschema.FormatChecker())
    people, collectives = document["Body"]["CaNhan"], document["Body"]["TapThe"]
    assert len(people) == 6 and len(collectives) == 1
    assert people[2] == {
        "MaDonVi": "000.00.27.H04", "TenDonVi": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "LoaiHinhKhenThuong": "",
        "NoiDungKhenThuong": "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông",
        "SoQuyetDinh": "1205/QĐ-UBND", "NgayQuyetDinh": "2024-09-24", "MaCanBo": "", "TenCanBo": "Nguyễn Văn An",
        "TenChucVu": "Đội trưởng Đội Tuần tra, kiểm soát, Phòng Cảnh sát giao thông, Công an tỉnh",
        "MaHinhThucKhenThuong": "", "TenHinhThucKhenThuong": BANG_KHEN}
    assert collectives[0]["TenTapThe"] == "Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo"
    bad = json.loads(json.dumps(document))
    del bad["Body"]["CaNhan"][0]["SoQuyetDinh"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, EXPORT_SCHEMA)
    assert tdkt("xuat", "--nam", "2024", "-o", tmp_path / "kt.xlsx", "--so-theo-doi", recorded_2024)[0] == 0
    with open_register(recorded_2024) as register:
        original = awards_of_year(register, 2024)
    with open_register(str(tmp_path / "khac.sqlite")) as other:  # the Excel list back-fills another register
        record(other, read_past_awards(tmp_path / "kt.xlsx"))
        copied = awards_of_year(other, 2024)
    assert [(a.number, a.signed, a.name, a.amount, a.form, a.unit) for a in copied] == \
           [(a.number, a.signed, a.name, a.amount, a.form, a.unit) for a in original]


# --- storage: location, migration backup, PostgreSQL ------------------------------------------------

def test_register_location(monkeypatch, tmp_path):
    monkeypatch.delenv("TDKT_SO_THEO_DOI", raising=False)
    assert register_url(None).endswith("/tdkt/so-theo-doi-khen-thuong.sqlite")
    monkeypatch.setenv("TDKT_SO_THEO_DOI", "postgresql://u@host/db")
    assert register_url(None) == "postgresql+psycopg://u@host/db"
    assert register_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    with pytest.raises(UserError, match="không đúng dạng"):
        open_register("khong-biet://x")


def test_backup_before_migration(tmp_path, signed_2024):
    from alembic import command
    from tdkt_docs.register.store import _config

    path = tmp_path / "so.sqlite"
    with open_register(str(path)) as register:
        record(register, signed_2024)
        with register.engine.begin() as conn:
            command.downgrade(_config(conn), "base")
    before = path.read_bytes()
    with open_register(str(path)) as register:
        assert count(register, decisions) == 0
    backups = list(tmp_path.glob("so.truoc-nang-cap-goc-*.sqlite"))
    assert len(backups) == 1 and backups[0].read_bytes() == before


def test_postgresql_records_idempotently(postgres_server, signed_2024):
    with open_register(postgres_server()) as register:
        assert register.engine.dialect.name == "postgresql"
        assert len(record(register, signed_2024).added) == 2
        assert len(record(register, signed_2024).unchanged) == 2
        assert [h.number for h in lookup(register, "nguyen van an")] == ["1205/QĐ-UBND"]
        assert count(register, awards) == 6


def test_postgresql_two_users_recording_at_once_lose_nothing(postgres_server, tmp_path):
    url = postgres_server()
    open_register(url).close()  # the schema exists before both users start
    lists = []
    for user in (0, 1):
        rows = [past(f"{n}/QĐ-SNV", dt.date(2023, 1, 1) + dt.timedelta(days=n), "Giấy khen",
                     f"Người Số {n % 15}", "Sở Nội vụ") for n in range(user * 15, user * 15 + 30)]
        lists.append(past_list(tmp_path / f"ds-{user}.xlsx", rows))  # 15 decisions shared by both users
    env = {**os.environ, "TDKT_SO_THEO_DOI": url}
    runs = [subprocess.Popen([sys.executable, "-m", "tdkt_docs", "ghi-so", "--danh-sach", str(path)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for path in lists]
    outputs = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert [code for _, _, code in outputs] == [0, 0], outputs
    with open_register(url) as register:
        with register.read() as conn:
            numbers = conn.execute(select(decisions.c.number)).scalars().all()
        assert sorted(numbers, key=lambda n: int(n.split("/")[0])) == [f"{n}/QĐ-SNV" for n in range(45)]
        assert count(register, awards) == 45 and count(register, recipients) == 15
