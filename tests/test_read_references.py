"""Tờ trình numbers typed a little differently, and fields blamed on their own cell."""
from __future__ import annotations

import pytest

from tdkt_docs.build import build, prepare


def test_numbers_differing_only_in_spacing_or_case_are_one_tờ_trình(make_workbook, decisions_content, settings, tmp_path):
    decisions_content["nominations"][1]["submission_no"] = "198/ttr- SYT"
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    assert [o.path for o in result.outputs if o.kind == "quyet_dinh"] == ["quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx"]


def test_two_numbers_one_character_apart_get_a_warning_before_they_make_two_decisions(make_workbook, decisions_content,
                                                                                     settings):
    decisions_content["nominations"][1]["submission_no"] = "199/TTr-SYT"
    warnings = [p for p in prepare(make_workbook(decisions_content), settings).problems
                if p.code == "to_trinh.gan_giong"]
    assert len(warnings) == 1 and warnings[0].location.cell == "D3"
    assert "chỉ khác một ký tự so với tờ trình ở dòng 2" in warnings[0].message


def test_a_place_with_a_comma_is_blamed_on_its_cell_not_on_the_template(make_workbook, content, settings):
    content["agency"] = {**content["agency"], "place": "Bắc Ninh,", "code": "UBND tỉnh"}
    problems = {p.code: p for p in prepare(make_workbook(content), settings).problems}
    assert problems["co_quan.dia_danh"].location.cell == "B8"
    assert problems["co_quan.chu_viet_tat"].location.cell == "B7"
    assert '"UBND tỉnh" không dùng được trong ký hiệu văn bản' in problems["co_quan.chu_viet_tat"].message


def test_errors_in_several_sheets_are_all_listed_at_once(make_workbook, decisions_content, settings):
    decisions_content["agency"] = {**decisions_content["agency"], "place": "Bắc Ninh,"}
    decisions_content["nominations"][0]["kind"] = "Tổ chức"
    sheets = {p.location.sheet for p in prepare(make_workbook(decisions_content), settings).errors}
    assert sheets == {"Cơ quan", "Đề nghị khen thưởng"}


def test_an_authority_line_that_is_not_the_head_and_the_body_is_blamed_on_its_cell(make_workbook, content, settings):
    content["agency"] = {**content["agency"], "authority": "CHỦ TỊCH SỞ GIÁO DỤC VÀ ĐÀO TẠO"}
    (problem,) = [p for p in prepare(make_workbook(content), settings).problems if p.code == "co_quan.tham_quyen"]
    assert problem.is_error and problem.location.sheet == "Cơ quan" and problem.location.cell.startswith("B")
    assert problem.message.endswith('"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH".')


def test_row_cells_are_made_from_the_row_and_the_sheets_letters():
    from tdkt_docs.read.records import RowCells

    cells = RowCells({"name": "E", "note": ""}, 7)
    assert dict(cells) == {"name": "E7", "note": "dòng 7"}
    assert cells.get("name") == "E7" and cells.get("absent", "") == ""


@pytest.mark.parametrize("number", ["5/TTr-SNV", "²/TTr-SNV", "１２/TTr-SNV"])
def test_a_tờ_trình_number_the_header_rules_refuse_is_blamed_on_its_cell_not_on_the_template(
        make_workbook, decisions_content, tmp_path, number):
    from helpers import run_tdkt

    decisions_content["batches"][0].update(submission_no=number, appraisal_position="GIÁM ĐỐC",
                                           appraisal_signer="Nguyễn Văn Bình")
    ran = run_tdkt("build", make_workbook(decisions_content), "-o", tmp_path / "out")
    assert ran.returncode == 1 and "Mẫu" not in ran.stdout + ran.stderr and "Traceback" not in ran.stderr
    assert ('Lỗi: trang "Đợt khen thưởng", ô G2 (cột "Số tờ trình thẩm định"): số, ký hiệu tờ trình thẩm định '
            f'"{number}" in ở đầu Tờ trình ("Số: …") phải viết như "05/TTr-SNV": số bằng chữ số, số nhỏ hơn 10 ghi '
            'thêm số 0, liền với dấu "/", rồi ký hiệu bắt đầu bằng TTr, không có dấu cách.') in ran.stdout + ran.stderr
    assert not (tmp_path / "out").exists()
