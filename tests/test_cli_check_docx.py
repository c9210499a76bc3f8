"""`tdkt check FILE.docx` and the build's own conformance gate (issue: format checker)."""
import io
import json
import zipfile

import docx
import pytest

from helpers import TEMPLATES, run_tdkt


@pytest.fixture
def plan_docx(sample_2024_built):
    return sample_2024_built / "ke-hoach-tdkt-2024.docx"


def test_our_plan_is_clean(plan_docx):
    done = run_tdkt("check", plan_docx)
    assert done.returncode == 0
    assert done.stdout.strip() == "ke-hoach-tdkt-2024.docx: đúng thể thức, không có lỗi."


def test_a_hand_typed_document_with_deviations(plan_docx, tmp_path):
    document = docx.Document(plan_docx)
    for paragraph in document.tables[0].rows[0].cells[1].paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")
    target = tmp_path / "go-tay.docx"
    document.save(target)
    done = run_tdkt("check", target)
    assert done.returncode == 1
    assert "Độc lập – Tự do – Hạnh phúc" in done.stdout
    report = json.loads(run_tdkt("check", target, "--json").stdout)
    assert report["errors"] >= 1
    assert any(f["rule"] == "tieu_ngu.chinh_ta" for f in report["findings"])


def write_edited_plan_template(folder):
    """The shipped Kế hoạch template with the Quốc hiệu misspelt, saved in ``folder``."""
    folder.mkdir()
    target = folder / "ke-hoach.docx"
    patched = io.BytesIO()
    with zipfile.ZipFile(TEMPLATES / "ke-hoach.docx") as src, zipfile.ZipFile(patched, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace("CỘNG HÒA XÃ HỘI".encode(), "CỘNG HOÀ XÃ HỘI".encode())
            dst.writestr(info, data)
    target.write_bytes(patched.getvalue())
    return target


@pytest.mark.parametrize("where", ["mau beside the workbook", "--mau"])
def test_build_refuses_an_edited_template_that_breaks_the_format(tmp_path, make_workbook, content, where):
    workbook = make_workbook(content)
    if where == "--mau":
        template = write_edited_plan_template(tmp_path / "mau-rieng")
        done = run_tdkt("build", workbook, "-o", tmp_path / "out", "--mau", template.parent)
    else:
        template = write_edited_plan_template(tmp_path / "mau")
        done = run_tdkt("build", workbook, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert f'Mẫu "{template}" tạo ra văn bản sai thể thức' in done.stderr
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in done.stderr
    assert not (tmp_path / "out").exists()  # the folder the build made is gone: nothing written, nothing staged


def test_check_refuses_other_file_types(tmp_path):
    target = tmp_path / "ghi-chu.txt"
    target.write_text("x", encoding="utf-8")
    done = run_tdkt("check", target)
    assert done.returncode == 1
    assert "chỉ nhận sổ Excel .xlsx hoặc văn bản Word .docx" in done.stderr
