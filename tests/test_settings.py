"""The search path: the user's mau/ folder (or --mau) before the built-in templates and data."""
from __future__ import annotations


import docx
import pytest

from helpers import TEMPLATES, run_tdkt
from support.workbooks import MINIMAL
from tdkt_docs.build import build
from tdkt_docs.errors import UserError
from tdkt_docs.rules.book import Rules
from tdkt_docs.settings import BUILTIN_DATA, Settings


def texts(path) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs]


def decision_of(result):
    return next(result.outdir / o.path for o in result.outputs if o.kind == "quyet_dinh")


def edited_template(folder, old: str, new: str) -> None:
    """A copy of the built-in decision template with one sentence of its text changed."""
    folder.mkdir(exist_ok=True)
    document = docx.Document(TEMPLATES / "quyet-dinh.docx")
    run = next(r for p in document.paragraphs for r in p.runs if old in r.text)
    run.text = run.text.replace(old, new)
    document.save(folder / "quyet-dinh.docx")


def test_a_template_in_mau_beside_the_workbook_replaces_the_built_in_one(make_workbook, decisions_content, tmp_path):
    workbook = make_workbook(decisions_content)
    edited_template(workbook.parent / "mau", "chịu trách nhiệm thi hành", "có trách nhiệm thi hành")
    done = run_tdkt("build", workbook, "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert f"Dùng tệp riêng của cơ quan: {workbook.parent / 'mau' / 'quyet-dinh.docx'}" in done.stdout
    decision = next((tmp_path / "out" / "quy-iii-2024").glob("qd-*.docx"))
    article_3 = next(t for t in texts(decision) if t.startswith("Điều 3."))
    assert article_3.endswith("có trách nhiệm thi hành Quyết định này./.")


def test_a_template_no_document_uses_is_neither_listed_nor_stops_the_build_when_broken(make_workbook,
                                                                                      decisions_content, tmp_path):
    """Every template is read while the workbook is. The user's files listed are those the documents were made
    from; a broken Kế hoạch template in mau/ stops a build that makes a plan, and only such a build."""
    import shutil
    import zipfile

    workbook = make_workbook(decisions_content)  # decisions only: no Kế hoạch
    mau = workbook.parent / "mau"
    edited_template(mau, "chịu trách nhiệm thi hành", "có trách nhiệm thi hành")
    shutil.copy(TEMPLATES / "ke-hoach.docx", mau / "ke-hoach.docx")
    result = build(workbook, tmp_path / "out", Settings.for_workbook(workbook))
    assert result.user_files == [mau / "quyet-dinh.docx"]
    with zipfile.ZipFile(TEMPLATES / "ke-hoach.docx") as src, zipfile.ZipFile(mau / "ke-hoach.docx", "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, data.replace(b"{{", b"{{ {{", 1) if info.filename == "word/document.xml" else data)
    result = build(workbook, tmp_path / "out", Settings.for_workbook(workbook), force=True)
    assert result.user_files == [mau / "quyet-dinh.docx"]
    assert not list((tmp_path / "out").rglob("ke-hoach*"))
    done = run_tdkt("build", make_workbook(dict(decisions_content, plan=MINIMAL["plan"], tasks=MINIMAL["tasks"])),
                    "-o", tmp_path / "out-2")
    assert done.returncode == 1
    assert f'Mẫu "{mau / "ke-hoach.docx"}" có lỗi, chưa tạo văn bản nào' in done.stderr
    assert not (tmp_path / "out-2").exists()


def test_templates_are_read_ahead_only_until_the_workbook_is_prepared(rules):
    """What the thread that reads templates ahead has not begun once the workbook is read, resolved and composed
    is left to the documents that ask for it."""
    import threading

    from tdkt_docs.build import Renderer

    renderer, read = Renderer(Settings(), rules), threading.Event()
    read.set()
    renderer.read_templates(["quyet-dinh.docx", "to-trinh.docx"], read)
    assert renderer.templates == {}
    renderer.read_templates(["quyet-dinh.docx", "to-trinh.docx"], threading.Event())
    assert list(renderer.templates) == ["quyet-dinh.docx", "to-trinh.docx"]


def test_a_data_file_in_mau_replaces_the_built_in_one(make_workbook, decisions_content, tmp_path):
    """An empty "Quỹ chi thưởng" cell takes the level's wording, and mau/cap-ban-hanh.toml changes it."""
    mau = tmp_path / "rieng"
    mau.mkdir()
    wording = (BUILTIN_DATA / "cap-ban-hanh.toml").read_text(encoding="utf-8")
    (mau / "cap-ban-hanh.toml").write_text(
        wording.replace('quy = "Quỹ thi đua, khen thưởng của tỉnh"', 'quy = "Quỹ thi đua, khen thưởng của Sở"'),
        encoding="utf-8")
    decisions_content["agency"]["fund"] = ""
    result = build(make_workbook(decisions_content), tmp_path / "out", Settings((mau,)))
    article_2 = next(t for t in texts(decision_of(result)) if t.startswith("Điều 2."))
    assert article_2.endswith("trích từ Quỹ thi đua, khen thưởng của Sở năm 2024.")
    assert result.user_files == [mau / "cap-ban-hanh.toml"]


def test_two_settings_in_one_process_do_not_share_what_they_loaded(tmp_path):
    mau = tmp_path / "mau"
    mau.mkdir()
    (mau / "luong-co-so.toml").write_text(
        '[[muc]]\namount = 1000000\nfrom = 2024-01-01\nsource = "thử"\nverified = false\n', encoding="utf-8")
    import datetime as dt
    day = dt.date(2024, 3, 1)
    assert Rules(Settings((mau,))).salaries.on(day).amount == 1_000_000
    assert Rules(Settings()).salaries.on(day).amount == 1_800_000


def test_mau_option_names_the_folder_and_a_missing_one_is_a_message(make_workbook, decisions_content, tmp_path):
    workbook = make_workbook(decisions_content)
    other = tmp_path / "mau-khac"
    edited_template(other, "chịu trách nhiệm thi hành", "thi hành")
    done = run_tdkt("build", workbook, "-o", tmp_path / "out", "--mau", other)
    assert done.returncode == 0, done.stderr
    assert f"Dùng tệp riêng của cơ quan: {other / 'quyet-dinh.docx'}" in done.stdout
    missing = run_tdkt("build", workbook, "-o", tmp_path / "out", "--mau", tmp_path / "khong-co")
    assert missing.returncode == 1
    assert f'Không tìm thấy thư mục mẫu "{tmp_path / "khong-co"}" (tùy chọn --mau).' in missing.stderr


def test_a_broken_user_data_file_is_a_vietnamese_message_naming_it(make_workbook, decisions_content, tmp_path):
    workbook = make_workbook(decisions_content)
    (workbook.parent / "mau").mkdir()
    (workbook.parent / "mau" / "khen-thuong.toml").write_text("[lam_tron\n", encoding="utf-8")
    done = run_tdkt("build", workbook, "-o", tmp_path / "out")
    assert done.returncode == 1
    assert f"Tệp dữ liệu quy định {workbook.parent / 'mau' / 'khen-thuong.toml'} sai cú pháp" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_missing_everywhere_names_every_folder_searched(tmp_path):
    with pytest.raises(UserError, match=f'Không tìm thấy mẫu văn bản "bao-cao.docx" \\(đã tìm trong: {tmp_path}, '):
        Settings((tmp_path,)).template("bao-cao.docx")


def test_tdkt_mau_copies_the_built_in_files_for_editing_and_keeps_edited_ones(tmp_path):
    folder = tmp_path / "mau"
    done = run_tdkt("mau", folder)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [p.name for p in TEMPLATES.iterdir()] + [p.name for p in BUILTIN_DATA.glob("*.toml")])
    assert (folder / "quyet-dinh.docx").read_bytes() == (TEMPLATES / "quyet-dinh.docx").read_bytes()
    (folder / "can-cu.toml").write_text("# của tỉnh Đồng Nai\n", encoding="utf-8")
    again = run_tdkt("mau", folder)
    assert f"Đã có, giữ nguyên: {folder / 'can-cu.toml'}" in again.stdout
    assert (folder / "can-cu.toml").read_text(encoding="utf-8") == "# của tỉnh Đồng Nai\n"


def test_tdkt_mau_into_a_file_is_refused(tmp_path):
    target = tmp_path / "mau"
    target.write_text("x")
    done = run_tdkt("mau", target)
    assert done.returncode == 1 and f'"{target}" là một tệp, không phải thư mục.' in done.stderr
