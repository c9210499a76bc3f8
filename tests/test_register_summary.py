"""The batch summary workbook carries each awardee's earlier awards found in the register."""
from __future__ import annotations

import datetime as dt

import openpyxl

from helpers import run_tdkt
from support.register import Q1, signed_book, sqlite_url
from support.workbooks import batch, person
from tdkt_docs.build import build
from tdkt_docs.settings import Settings


def test_the_summary_has_a_lookup_sheet_of_earlier_awards(make_workbook, decisions_content, tmp_path):
    register = tmp_path / "so.sqlite"
    assert run_tdkt("ghi-so", signed_book(tmp_path, [Q1]), "--so-theo-doi", register).returncode == 0
    decisions_content["batches"] = [batch(name="Quý III/2025", signing=dt.date(2025, 9, 24),
                                          submission_date=dt.date(2025, 9, 16), first_number=5)]
    decisions_content["nominations"] = [person(
        "Nguyễn Thị Thu Hà", "Bà", batch="Quý III/2025", submission_date=dt.date(2025, 9, 9),
        position="Trưởng phòng Giáo dục Trung học", workplace="Sở Giáo dục và Đào tạo", unit="Sở Giáo dục và Đào tạo",
        submission_no="30/TTr-SGDĐT")]
    settings = Settings(register_url=sqlite_url(register))
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    (summary,) = [result.outdir / o.path for o in result.outputs if o.kind == "tong_hop"]
    sheet = openpyxl.load_workbook(summary)["Tra cứu khen thưởng đã có"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [["05/QĐ-UBND", "Bà Nguyễn Thị Thu Hà", 2, "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                     "Quyết định số 125/QĐ-UBND ngày 25/3/2024 (ỦY BAN NHÂN DÂN TỈNH BẮC NINH)", 2024, "chắc chắn"]]


def test_without_a_register_the_summary_has_no_lookup_sheet(make_workbook, decisions_content, tmp_path, settings):
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    (summary,) = [result.outdir / o.path for o in result.outputs if o.kind == "tong_hop"]
    assert "Tra cứu khen thưởng đã có" not in openpyxl.load_workbook(summary).sheetnames
