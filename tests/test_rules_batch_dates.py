"""Dates that cannot be meant, quarters that do not match, and changes of law or salary near the signing date."""
from __future__ import annotations

import datetime as dt

from helpers import run_tdkt
from support.workbooks import batch
from tdkt_docs.build import prepare


def problems_of(make_workbook, content, settings, code):
    return [p for p in prepare(make_workbook(content), settings).problems if p.code == code]


def test_a_signing_year_far_from_the_batch_year_is_an_error_at_its_cell(make_workbook, decisions_content, tmp_path):
    decisions_content["batches"] = [batch(signing=dt.date(2204, 9, 24), first_number=5)]
    done = run_tdkt("build", make_workbook(decisions_content), "-o", tmp_path / "out")
    assert done.returncode == 1
    assert ('Lỗi: trang "Đợt khen thưởng", ô D2 (cột "Ngày ký dự kiến"): ngày ký 24/9/2204 không khớp năm 2024 '
            'của đợt "Quý III/2024"') in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_signing_date_far_from_today_is_an_error_even_without_a_year_in_the_name(make_workbook, decisions_content,
                                                                                     settings):
    decisions_content["batches"] = [batch(name="Đợt đột xuất", signing=dt.date(2095, 1, 5), first_number=5)]
    for n in decisions_content["nominations"]:
        n["batch"] = "Đợt đột xuất"
    (problem,) = problems_of(make_workbook, decisions_content, settings, "dot.ngay_xa")
    assert problem.is_error and "quá xa hôm nay" in problem.message


def test_a_quarter_that_does_not_match_the_signing_date_is_a_warning(make_workbook, decisions_content, settings):
    decisions_content["batches"] = [batch(quarter="Quý II", first_number=5)]
    (problem,) = problems_of(make_workbook, decisions_content, settings, "dot.quy")
    assert not problem.is_error and problem.location.cell == "C2"
    assert problem.message.startswith("ngày ký dự kiến 24/9/2024 thuộc Quý III, không phải Quý II")


def test_a_salary_change_within_thirty_days_states_both_amounts(make_workbook, decisions_content, settings):
    decisions_content["batches"] = [batch(quarter="Quý II", signing=dt.date(2024, 6, 20),
                                          submission_date=dt.date(2024, 6, 12), first_number=5)]
    for n in decisions_content["nominations"]:
        n["submission_date"] = dt.date(2024, 6, 10)
    (problem,) = problems_of(make_workbook, decisions_content, settings, "dot.gan_ngay_doi")
    assert "từ ngày 01/7/2024 mức lương cơ sở đổi từ 1.800.000 đồng sang 2.340.000 đồng" in problem.message


def test_a_decree_change_within_thirty_days_names_both_decrees(make_workbook, decisions_content, settings):
    decisions_content["batches"] = [batch(quarter="Quý II", signing=dt.date(2025, 6, 16),
                                          submission_date=dt.date(2025, 6, 12), first_number=5)]
    for n in decisions_content["nominations"]:
        n["submission_date"] = dt.date(2025, 6, 10)
    messages = [p.message for p in problems_of(make_workbook, decisions_content, settings, "dot.gan_ngay_doi")]
    assert any("căn cứ đổi từ" in m and "NĐ 98/2023/NĐ-CP" in m and "NĐ 152/2025/NĐ-CP" in m for m in messages)
