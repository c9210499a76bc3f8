"""Edge cases: same submission numbers, colliding batch folders, numbers below 1, CLI corners."""
import datetime as dt
import shutil

import docx
import openpyxl
import pytest

from tdkt_docs import build as pipeline
from tdkt_docs.errors import UserError
from tdkt_docs.read import load
from tdkt_docs.rules import legal
from helpers import docx_blocks, run_tdkt

from conftest import ROOT
from test_build_decisions import batch, decisions_content, person  # noqa: F401 - fixture


def test_two_units_with_the_same_submission_number_get_their_own_decisions(make_workbook, decisions_content,
                                                                           tmp_path):
    same = {"submission_no": "12/TTr-UBND", "submission_date": dt.date(2024, 9, 10)}
    decisions_content["nominations"] = [person("Lê Văn Nam", unit="UBND huyện Tiên Du", **same),
                                        person("Trần Văn Bình", unit="UBND huyện Quế Võ", **same)]
    result = pipeline.build(make_workbook(decisions_content), tmp_path / "out")
    decisions = sorted(p for p in result.written if p.suffix == ".docx")
    assert [p.name for p in decisions] == ["qd-05-bang-khen-tinh-ubnd-huyen-tien-du.docx",
                                           "qd-06-bang-khen-tinh-ubnd-huyen-que-vo.docx"]
    article_3 = [next(b for b in docx_blocks(docx.Document(p)) if b.startswith("Điều 3.")) for p in decisions]
    assert "Chủ tịch UBND huyện Tiên Du" in article_3[0] and "Quế Võ" not in article_3[0]
    assert "Chủ tịch UBND huyện Quế Võ" in article_3[1]


def test_batch_names_that_make_the_same_folder_are_refused(make_workbook, decisions_content):
    decisions_content["batches"].append(batch(name="Quý III-2024"))
    assert [str(p) for p in load(make_workbook(decisions_content)).problems] == [
        'Lỗi: trang "Đợt khen thưởng", ô A3 (cột "Đợt"): đợt "Quý III-2024" và đợt ở dòng 2 cùng ra thư mục '
        '"quy-iii-2024"; hãy đặt tên đợt khác hẳn nhau.']


@pytest.mark.parametrize("sheet, field, value, cell, header", [
    ("batches", "first_number", -5, "H2", "Số quyết định đầu tiên"),
    ("batches", "first_number", 0, "H2", "Số quyết định đầu tiên"),
    ("recipients", "copies", 0, "D2", "Số bản"),
])
def test_numbers_below_one_are_refused(make_workbook, decisions_content, sheet, field, value, cell, header):
    decisions_content[sheet][0][field] = value
    problems = [str(p) for p in load(make_workbook(decisions_content)).problems]
    assert problems == [f'Lỗi: trang "{"Đợt khen thưởng" if sheet == "batches" else "Nơi nhận"}", ô {cell} '
                        f'(cột "{header}"): cần một số từ 1 trở lên, không phải {value}.']


def test_summary_labels_use_the_decision_number_and_household_wording(make_workbook, decisions_content, tmp_path):
    decisions_content["agency"]["code"] = "SNV"
    decisions_content["nominations"].append(person("Hoàng Thị Sen", "Bà", kind="Hộ gia đình", position="",
                                                   workplace="thôn Kép"))
    pipeline.build(make_workbook(decisions_content), tmp_path / "out")
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "quy-iii-2024" / "tong-hop-quy-iii-2024.xlsx")
                ["Danh sách"].iter_rows(min_row=2, max_row=4, values_only=True))
    assert [(r[1], r[4]) for r in rows] == [("05/QĐ-SNV", "Khoa Hồi sức tích cực"),
                                            ("05/QĐ-SNV", "Bà Trần Thị Ánh"),
                                            ("05/QĐ-SNV", "Hộ gia đình bà Hoàng Thị Sen")]


def test_broken_rules_data_is_a_vietnamese_message(make_workbook, decisions_content, tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    forms = data / "khen-thuong.toml"
    forms.write_text(forms.read_text(encoding="utf-8").replace("value = 3.0", 'value = "x"', 1), encoding="utf-8")
    monkeypatch.setattr(legal, "DATA_DIR", data)
    legal._forms_data.cache_clear()
    try:
        with pytest.raises(UserError) as failure:
            pipeline.build(make_workbook(decisions_content), tmp_path / "out")
    finally:
        legal._forms_data.cache_clear()
    assert "khen-thuong.toml" in str(failure.value)


def test_check_fix_never_overwrites_an_existing_copy(make_workbook, content):
    path = make_workbook(content)
    existing = path.with_name("so-lieu-da-sua.xlsx")
    existing.write_bytes(b"ban sua tay")
    done = run_tdkt("check", "--fix", path)
    assert done.returncode == 1
    assert f'Đã có tệp "{existing}"' in done.stderr
    assert existing.read_bytes() == b"ban sua tay"


@pytest.mark.parametrize("args, message", [
    (["build", "x.xlsx", "-o"], "tùy chọn -o cần một giá trị đi kèm"),
    (["build", "x.xlsx", "--pdf=3"], "tùy chọn --pdf không nhận giá trị"),
    (["build", "x.xlsx", "--khong-co"], "không có tùy chọn --khong-co"),
    (["xay-dung"], 'không có lệnh "xay-dung"'),
    (["build"], "thiếu TỆP.xlsx"),
])
def test_usage_errors_are_vietnamese(args, message):
    done = run_tdkt(*args)
    assert done.returncode == 2
    assert f"Lỗi cách dùng: {message}" in done.stderr
    assert "Traceback" not in done.stderr and "Usage" not in done.stderr


def test_pdf_and_template_commands(tmp_path):
    out = tmp_path / "out"
    assert run_tdkt("build", ROOT / "data" / "mau" / "tdkt-2026-bac-ninh-moi.xlsx", "-o", out).returncode == 0
    done = run_tdkt("pdf", out / "quy-i-2026", "-o", tmp_path / "pdf")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "pdf").glob("*.pdf")) == sorted(
        p.with_suffix(".pdf").name for p in (out / "quy-i-2026").glob("*.docx"))
    broken = tmp_path / "mau-hong.docx"
    source = docx.Document(ROOT / "templates" / "quyet-dinh.docx")
    for paragraph in source.paragraphs:
        if "endfor" in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace("endfor", "")
            break
    source.save(broken)
    done = run_tdkt("check", "--template", broken)
    assert done.returncode == 1
    assert "mau.cu_phap" in done.stdout
    assert run_tdkt("check", "--template", ROOT / "templates" / "quyet-dinh.docx").stdout.strip() == \
        "quyet-dinh.docx: mẫu không có lỗi, dùng được."
