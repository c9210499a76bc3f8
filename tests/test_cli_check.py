"""`tdkt check` as a user runs it: what build will make, the corrected copy, a template before use."""
import docx

from helpers import SAMPLE_2024, TEMPLATES, run_tdkt


def test_check_says_what_build_will_make(tmp_path):
    done = run_tdkt("check", SAMPLE_2024)
    assert "tdkt build sẽ tạo 14 văn bản." in done.stdout
    fresh = tmp_path / "moi.xlsx"
    run_tdkt("init", fresh)
    done = run_tdkt("check", fresh)
    assert "Sổ chưa có phần nào để tạo văn bản" in done.stdout


def test_check_fix_never_overwrites_an_existing_copy(make_workbook, content):
    path = make_workbook(content)
    existing = path.with_name("so-lieu-da-sua.xlsx")
    existing.write_bytes(b"ban sua tay")
    done = run_tdkt("check", "--fix", path)
    assert done.returncode == 1
    assert f'Đã có tệp "{existing}"' in done.stderr
    assert existing.read_bytes() == b"ban sua tay"


def test_check_template_before_use(tmp_path):
    broken = tmp_path / "mau-hong.docx"
    source = docx.Document(TEMPLATES / "quyet-dinh.docx")
    for paragraph in source.paragraphs:
        if "endfor" in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace("endfor", "")
            break
    source.save(broken)
    done = run_tdkt("check", "--template", broken)
    assert done.returncode == 1
    assert "mau.cu_phap" in done.stdout
    done = run_tdkt("check", "--template", TEMPLATES / "quyet-dinh.docx")
    assert done.returncode == 0
    assert done.stdout.strip() == "quyet-dinh.docx: mẫu không có lỗi, dùng được."
