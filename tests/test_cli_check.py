"""`tdkt check` as a user runs it: what build will make, the corrected copy, a template before use."""
import shutil

import docx
from docx.oxml.ns import qn

from helpers import SAMPLE_2024, SAMPLE_2026, TEMPLATES, edited_template, run_tdkt


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


def _office(tmp_path):
    """The 2026 sample workbook in a folder of its own, with an empty mau/ beside it."""
    workbook = tmp_path / SAMPLE_2026.name
    shutil.copy(SAMPLE_2026, workbook)
    (tmp_path / "mau").mkdir()
    return workbook


def test_check_stops_at_the_office_template_build_would_stop_at(tmp_path):
    """A workbook without error is not "ready to build" when its office's template in mau/ is broken."""
    workbook = _office(tmp_path)
    edited_template(tmp_path / "mau", "quyet-dinh.docx", "{{ chu_ky.ho_ten }}", "{{ chu_ky.hoten }}")
    done = run_tdkt("check", workbook)
    assert done.returncode == 1
    assert "tdkt build sẽ tạo" not in done.stdout
    assert f'  Mẫu "{tmp_path / "mau" / "quyet-dinh.docx"}" có lỗi, chưa tạo văn bản nào.' in done.stdout
    assert "  [lỗi] đoạn \"{{ chu_ky.hoten }}\"\n" in done.stdout
    assert '      Thực tế:  biến "chu_ky.hoten" không có; có phải là "chu_ky.ho_ten"?\n' in done.stdout
    assert done.stdout.rstrip().endswith(
        "tdkt build sẽ dừng, không tạo văn bản nào, cho đến khi các mẫu trên được sửa.")


def test_check_renders_the_office_template_against_nd30(tmp_path):
    """A template whose tags are right but whose font is Arial makes documents build refuses: check says so."""
    workbook = _office(tmp_path)
    template = docx.Document(TEMPLATES / "quyet-dinh.docx")
    fonts = template.styles.element.find(qn("w:docDefaults")).find(f'{qn("w:rPrDefault")}/{qn("w:rPr")}/{qn("w:rFonts")}')
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), "Arial")
    template.save(tmp_path / "mau" / "quyet-dinh.docx")
    done = run_tdkt("check", workbook)
    assert done.returncode == 1
    assert "tạo ra văn bản sai thể thức (1 lỗi)" in done.stdout
    assert '      Thực tế:  phông "Arial" (mặc định của tài liệu)\n' in done.stdout
    assert "tdkt build sẽ tạo" not in done.stdout
