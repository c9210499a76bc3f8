"""`tdkt build --pdf`: signing copies, print bundles, manifest page counts, nothing reconverted twice."""
import copy
import json
import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from tdkt_docs.read.blank import write_filled_workbook

from helpers import run_tdkt
from support.workbooks import MINIMAL, batch, person


def signing_content() -> dict:
    content = copy.deepcopy(MINIMAL)
    content["recipients"].append({"document": "Kế hoạch", "name": "Sở Nội vụ", "copies": 2})
    content["batches"] = [batch()]
    content["nominations"] = [person("Nguyễn Văn Đức"), person("Trần Thị Ánh", "Bà"),
                              person("Lê Văn Nam", unit="UBND huyện Tiên Du", submission_no="15/TTr-UBND")]
    return content


@pytest.fixture(scope="module")
def signed(tmp_path_factory, rules):
    """One `tdkt build --pdf` (LibreOffice) shared by the tests of this module."""
    root = tmp_path_factory.mktemp("pdf")
    workbook = root / "so-lieu.xlsx"
    write_filled_workbook(workbook, signing_content(), rules)
    done = run_tdkt("build", workbook, "-o", root / "out", "--pdf")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "out", workbook


def manifest(out):
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]


def pdf_text(path) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(path).pages))


@pytest.mark.soffice
def test_every_document_has_a_pdf_with_its_vietnamese_text(signed):
    out, _ = signed
    plan = pdf_text(out / "ke-hoach-tdkt-2024.pdf")
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH",
                     "Nguyễn Hương Giang", "PHỤ LỤC THỰC HIỆN NHIỆM VỤ NĂM 2024"):
        assert expected in plan
    decision = pdf_text(out / "quy-iii-2024" / "qd-01-bang-khen-tinh-so-y-te.pdf")
    assert "Ông Nguyễn Văn Đức, Bác sĩ, Bệnh viện Đa khoa tỉnh;" in decision
    assert "Bằng chữ: Bảy triệu không trăm hai mươi nghìn đồng" in decision


@pytest.mark.soffice
def test_manifest_lists_pdfs_with_page_counts(signed):
    out, _ = signed
    pdfs = {d["path"]: d for d in manifest(out) if d["kind"] == "pdf"}
    assert set(pdfs) == {"ke-hoach-tdkt-2024.pdf", "quy-iii-2024/qd-01-bang-khen-tinh-so-y-te.pdf",
                         "quy-iii-2024/qd-02-bang-khen-tinh-ubnd-huyen-tien-du.pdf"}
    for path, entry in pdfs.items():
        assert entry["pages"] == len(PdfReader(out / path).pages) >= 2
        assert entry["extra"]["tu"] == path.replace(".pdf", ".docx")


@pytest.mark.soffice
def test_bundles_repeat_copies_each_on_an_odd_page(signed):
    out, _ = signed
    bundles = {d["path"]: d for d in manifest(out) if d["kind"] == "bo_in"}
    assert set(bundles) == {"in-ky/ke-hoach-nam-2024.pdf", "in-ky/quy-iii-2024.pdf"}
    plan = bundles["in-ky/ke-hoach-nam-2024.pdf"]
    (item,) = plan["extra"]["van_ban"]
    assert item["so_ban"] == 1 + 2 + 2  # Các Sở (1) + Sở Nội vụ (2) + Lưu: VT, NC
    assert all(start % 2 == 1 for start in item["trang_bat_dau"])
    assert len(item["trang_bat_dau"]) == 5
    reader = PdfReader(out / "in-ky" / "ke-hoach-nam-2024.pdf")
    assert len(reader.pages) == plan["pages"]
    assert plan["pages"] == plan["extra"]["trang_bia"] + plan["extra"]["trang_trang"] + 5 * item["so_trang"]
    cover = unicodedata.normalize("NFC", reader.pages[0].extract_text())
    assert "Kế hoạch công tác thi đua, khen thưởng năm 2024" in cover
    decisions = bundles["in-ky/quy-iii-2024.pdf"]["extra"]["van_ban"]
    assert decisions[0]["so_ban"] == 4 + 2 + 2  # Điều 3 officials, the awardees, Lưu: VT, NC


@pytest.mark.soffice
def test_second_build_converts_nothing(signed, tmp_path):
    out, workbook = signed
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    done = run_tdkt("build", workbook, "-o", out, "--pdf")
    assert done.returncode == 0, done.stderr
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == before
    assert "Không có gì thay đổi từ lần tạo trước" in done.stdout
    empty = tmp_path / "mau-trong"
    empty.mkdir()
    rebuilt = run_tdkt("build", workbook, "-o", out, "--pdf", "--mau", empty)  # other inputs, same documents
    assert rebuilt.returncode == 0 and "0 tệp mới" in rebuilt.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == before


@pytest.mark.soffice
def test_rebuild_removes_outputs_that_no_longer_apply_and_keeps_valid_pdfs(signed, rules, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(signed[0], out)
    content = signing_content()
    content["nominations"].pop()  # UBND huyện Tiên Du
    fewer = tmp_path / "it-hon.xlsx"
    write_filled_workbook(fewer, content, rules)
    done = run_tdkt("build", fewer, "-o", out)
    assert done.returncode == 0, done.stderr
    gone = out / "quy-iii-2024" / "qd-02-bang-khen-tinh-ubnd-huyen-tien-du"
    for suffix in (".docx", ".pdf"):
        assert f"Đã xóa: {gone.with_suffix(suffix)}" in done.stdout
        assert not gone.with_suffix(suffix).exists()
    assert f"Đã xóa: {out / 'in-ky' / 'quy-iii-2024.pdf'}" in done.stdout  # it listed the removed decision
    kept = {d["path"]: d["kind"] for d in manifest(out) if d["kind"] in ("pdf", "bo_in")}
    assert kept == {"ke-hoach-tdkt-2024.pdf": "pdf", "quy-iii-2024/qd-01-bang-khen-tinh-so-y-te.pdf": "pdf",
                    "in-ky/ke-hoach-nam-2024.pdf": "bo_in"}
    assert all((out / path).is_file() for path in kept)


def test_missing_libreoffice_is_a_message_with_the_install_command(make_workbook, tmp_path, monkeypatch):
    workbook = make_workbook(signing_content())
    monkeypatch.setenv("TDKT_SOFFICE", str(tmp_path / "khong-co" / "soffice"))
    done = run_tdkt("build", workbook, "-o", tmp_path / "o", "--pdf")
    assert done.returncode == 1
    assert "TDKT_SOFFICE" in done.stderr
    assert "Traceback" not in done.stderr
    monkeypatch.setenv("TDKT_SOFFICE", "")
    monkeypatch.setenv("PATH", str(tmp_path))
    done = run_tdkt("build", workbook, "-o", tmp_path / "p", "--pdf")
    assert done.returncode == 1
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation2" in done.stderr
    assert "Traceback" not in done.stderr
