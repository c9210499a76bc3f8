"""Every part of the workbook is optional: what is filled is built, what is not is reported."""
import errno
import os

import docx
import pytest

from tdkt_docs.build import build
from tdkt_docs.files import FileInUse, write_bytes_atomic
from tdkt_docs.settings import Settings

from helpers import docx_blocks, run_tdkt


def run_build(make_workbook, content, tmp_path):
    done = run_tdkt("build", make_workbook(content), "-o", tmp_path / "out")
    return done, tmp_path / "out" / "ke-hoach-tdkt-2024.docx"


def test_full_minimal_workbook(make_workbook, content, tmp_path):
    done, target = run_build(make_workbook, content, tmp_path)
    assert done.returncode == 0, done.stderr
    document = docx.Document(target)
    assert len(document.sections) == 2
    blocks = docx_blocks(document)
    assert "Căn cứ Luật Thi đua, khen thưởng năm 2022;" in blocks
    assert blocks[-1] == "1\tXây dựng Kế hoạch\tUBND tỉnh\tSở Nội vụ Sở Tài chính\t\t"


def test_without_tasks_there_is_no_appendix(make_workbook, content, tmp_path):
    content["tasks"] = []
    done, target = run_build(make_workbook, content, tmp_path)
    assert done.returncode == 0
    assert 'Kế hoạch không có Phụ lục: trang "Phụ lục" chưa có nhiệm vụ nào.' in done.stdout
    document = docx.Document(target)
    assert len(document.sections) == 1
    assert document.sections[0].page_height > document.sections[0].page_width
    blocks = docx_blocks(document)
    assert "(Có phụ lục chi tiết kèm theo)" not in blocks
    assert not any(b.startswith("PHỤ LỤC") for b in blocks)


def test_without_legal_basis_or_recipients(make_workbook, content, tmp_path):
    content["legal_basis"] = []
    content["recipients"] = []
    content["plan"]["archive"] = ""
    done, target = run_build(make_workbook, content, tmp_path)
    assert done.returncode == 0
    assert 'Kế hoạch không có Căn cứ: trang "Căn cứ" chưa có dòng nào.' in done.stdout
    assert 'Kế hoạch không có Nơi nhận: trang "Nơi nhận" chưa có dòng nào cho Kế hoạch.' in done.stdout
    blocks = docx_blocks(docx.Document(target))
    assert not any(b.startswith("Căn cứ") for b in blocks)
    assert blocks[blocks.index("Nơi nhận:") + 1] == "- Lưu: VT, NC."  # only the archive line, the level's own


def test_recipient_punctuation_is_the_tools_job(make_workbook, content, tmp_path):
    content["recipients"] = [
        {"document": "Kế hoạch", "name": "- Bộ Nội vụ;", "note": "(b/c)"},
        {"document": "Kế hoạch", "name": "Các sở, ban, ngành tỉnh."},
    ]
    content["plan"]["archive"] = "Lưu: VT, NC."
    _, target = run_build(make_workbook, content, tmp_path)
    blocks = docx_blocks(docx.Document(target))
    start = blocks.index("Nơi nhận:")
    assert blocks[start + 1:start + 4] == ["- Bộ Nội vụ (b/c);", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, NC."]


def test_deputy_signs_on_behalf_of_the_chairman(make_workbook, content, tmp_path):
    content["plan"]["position"] = "Phó Chủ tịch"
    content["plan"]["signer"] = "Vương Quốc Tuấn"
    _, target = run_build(make_workbook, content, tmp_path)
    blocks = docx_blocks(docx.Document(target))
    start = blocks.index("TM. ỦY BAN NHÂN DÂN")
    assert blocks[start:start + 4] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vương Quốc Tuấn"]


def test_number_and_date_when_given(make_workbook, content, tmp_path):
    content["plan"]["number"] = 5
    content["plan"]["issued"] = "09/03/2024"
    _, target = run_build(make_workbook, content, tmp_path)
    blocks = docx_blocks(docx.Document(target))
    assert "Số: 05/KH-UBND" in blocks
    assert "Bắc Ninh, ngày 09 tháng 3 năm 2024" in blocks
    assert "(Kèm theo Kế hoạch số 05/KH-UBND, ngày 09 tháng 3 năm 2024 của UBND tỉnh Bắc Ninh)" in blocks


def test_without_a_plan_nothing_is_built(make_workbook, content, tmp_path):
    content["plan"] = {}
    done, _ = run_build(make_workbook, content, tmp_path)
    assert done.returncode == 1
    assert 'Bỏ qua Kế hoạch: trang "Kế hoạch" chưa được điền.' in done.stderr
    assert not (tmp_path / "out").exists()


def test_invalid_workbook_writes_nothing(make_workbook, content, tmp_path):
    content["tasks"][0]["quarter"] = "Quý 9"
    done, _ = run_build(make_workbook, content, tmp_path)
    assert done.returncode == 1
    assert "Sổ số liệu có 1 lỗi, chưa tạo văn bản nào:" in done.stderr
    assert 'ô A2 (cột "Quý")' in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_file_held_open_elsewhere_is_reported_and_the_rest_completes(make_workbook, content, tmp_path):
    def refuse(staged, target):
        raise FileInUse.of(target)  # what writing does on Windows when Word holds the file
    result = build(make_workbook(content), tmp_path / "out", Settings(), place=refuse)
    out = tmp_path / "out"
    assert result.failed == [f'Không ghi được "{out / "ke-hoach-tdkt-2024.docx"}": tệp đang mở trong Word hoặc '
                             f'chương trình khác, hoặc thư mục "{out}" không cho ghi. Hãy đóng tệp rồi chạy lại; nếu '
                             "tệp không mở ở đâu, hãy kiểm tra quyền ghi của thư mục hoặc ghi vào thư mục khác."]
    assert result.written == []
    assert result.manifest.documents == []
    assert (tmp_path / "out" / "manifest.json").read_text(encoding="utf-8").count('"kind"') == 0


@pytest.mark.parametrize("name, program", [("quyet-dinh.docx", "Word hoặc chương trình khác"),
                                           ("thong-ke.xlsx", "Excel hoặc chương trình khác"),
                                           ("khen-thuong.json", "chương trình khác")])
def test_a_file_that_cannot_be_replaced_names_both_causes(tmp_path, monkeypatch, name, program):
    """os.replace refused: on Windows the file is open in Word or Excel; elsewhere the folder is read-only."""
    def refused(source, destination):
        raise PermissionError(errno.EACCES, "Permission denied", str(destination))

    monkeypatch.setattr(os, "replace", refused)
    target = tmp_path / "ket-qua" / name
    with pytest.raises(FileInUse) as refusal:
        write_bytes_atomic(target, b"x")
    assert str(refusal.value) == (f'Không ghi được "{target}": tệp đang mở trong {program}, hoặc thư mục '
                                  f'"{target.parent}" không cho ghi. Hãy đóng tệp rồi chạy lại; nếu tệp không mở ở '
                                  "đâu, hãy kiểm tra quyền ghi của thư mục hoặc ghi vào thư mục khác.")
    assert [p.name for p in target.parent.iterdir()] == []  # the temporary file is gone


def test_a_file_that_could_not_be_written_is_never_removed(make_workbook, content, tmp_path):
    out = tmp_path / "out"
    build(make_workbook(content), out, Settings())
    before = (out / "ke-hoach-tdkt-2024.docx").read_bytes()
    content["tasks"][0]["content"] = "Nội dung mới"

    def locked(staged, target):
        raise FileInUse.of(target)
    result = build(make_workbook(content), out, Settings(), place=locked)
    assert result.failed and result.removed == []
    assert (out / "ke-hoach-tdkt-2024.docx").read_bytes() == before


def test_after_a_file_could_not_be_written_the_same_workbook_builds_it(make_workbook, content, tmp_path):
    """A build that left a file unwritten is no build "from these inputs": run again with the file closed, the same
    workbook writes it (never "nothing changed" over the out-of-date file)."""
    out = tmp_path / "out"
    build(make_workbook(content), out, Settings())
    content["tasks"][0]["content"] = "Nội dung mới"
    workbook = make_workbook(content)

    def locked(staged, target):
        raise FileInUse.of(target)
    assert build(workbook, out, Settings(), place=locked).failed
    again = build(workbook, out, Settings())
    assert not again.nothing_changed and not again.failed
    assert again.written == [out / "ke-hoach-tdkt-2024.docx"]
    assert "Nội dung mới" in "\n".join(c.text for t in docx.Document(out / "ke-hoach-tdkt-2024.docx").tables
                                       for r in t.rows for c in r.cells)
    assert build(workbook, out, Settings()).nothing_changed
