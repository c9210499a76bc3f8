"""`build --pdf`: every PDF read at most once per build, bundles laid out as the manifest says, a bundle
updated when one of its decisions changed."""
import copy
import hashlib
import json
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tdkt_docs.build import build
from tdkt_docs.export.pdfout import updates
from tdkt_docs.read.blank import write_filled_workbook
from tdkt_docs.read.schema import NOMINATIONS
from tdkt_docs.settings import Settings

from helpers import SAMPLES
from support.workbooks import MINIMAL, batch, person

pytestmark = pytest.mark.soffice

SAMPLE = SAMPLES / "phuong-kinh-bac" / "tdkt-2026-phuong-kinh-bac.xlsx"
CHANGED_PDF = "quy-i-2026/qd-01-giay-khen-phong-van-hoa-xa-hoi.pdf"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def opens(monkeypatch) -> Counter:
    """How often pypdf opened each PDF (by its bytes) while the test ran."""
    counts: Counter = Counter()
    original = PdfReader.__init__

    def counting(self, stream, *args, **kwargs):
        data = Path(stream).read_bytes() if isinstance(stream, (str, Path)) else stream.getvalue()
        counts[digest(data)] += 1
        original(self, stream, *args, **kwargs)

    monkeypatch.setattr(PdfReader, "__init__", counting)
    return counts


def pdf_build(workbook: Path, out: Path):
    return build(workbook, out, Settings.for_workbook(SAMPLE), pdf=True)


def signing_pdfs(out: Path) -> dict[str, str]:
    """Each PDF beside a .docx (path → digest of its bytes)."""
    return {str(p.relative_to(out)): digest(p.read_bytes()) for p in out.rglob("*.pdf") if "in-ky" not in p.parts}


def with_new_position(workbook: Path, target: Path) -> Path:
    """A copy of ``workbook`` where Ngô Văn Hải (Quý I/2026) has another position."""
    book = openpyxl.load_workbook(workbook)
    sheet = book[NOMINATIONS.title]
    headers = [cell.value for cell in sheet[1]]
    row = next(row for row in sheet.iter_rows(min_row=2) if row[headers.index("Họ tên / Tên tập thể")].value
               == "Ngô Văn Hải")
    row[headers.index("Chức vụ")].value = "Phó Tổ trưởng Tổ dân phố số 5"
    book.save(target)
    return target


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("pkb") / "out"
    pdf_build(SAMPLE, out)
    return out


def test_a_new_pdf_is_opened_once_for_fonts_pages_and_bundle(tmp_path, opens):
    out = tmp_path / "out"
    pdf_build(SAMPLE, out)
    made = signing_pdfs(out)
    assert len(made) == 5
    assert [opens[sha] for sha in made.values()] == [1] * len(made)
    assert max(opens.values()) == 1  # the covers too: one per bundle, read from memory


def test_after_one_changed_row_only_its_bundle_reads_pdfs(built, tmp_path, opens):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = signing_pdfs(out)
    pdf_build(with_new_position(SAMPLE, tmp_path / "sua.xlsx"), out)
    after = signing_pdfs(out)
    assert {path for path in after if after[path] != before[path]} == {CHANGED_PDF}
    same_bundle = {path for path in after if path.startswith("quy-i-2026/")}
    assert {path for path, sha in after.items() if opens[sha]} == same_bundle
    assert max(opens.values()) == 1


def test_no_change_reads_no_pdf(built, tmp_path, opens):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    (out / "manifest.json").write_text((out / "manifest.json").read_text(encoding="utf-8").replace(
        '"inputs": "', '"inputs": "x'), encoding="utf-8")  # not the no-change shortcut: the export decides
    pdf_build(SAMPLE, out)
    assert not opens


def page_texts(reader: PdfReader) -> list[str]:
    return [unicodedata.normalize("NFC", page.extract_text()).strip() for page in reader.pages]


def bundles(out: Path) -> list[dict]:
    entries = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    return [entry for entry in entries if entry["kind"] == "bo_in"]


def assert_laid_out_as_listed(out: Path, bundle: dict) -> None:
    """The bundle holds its cover, then each copy of each PDF and the blanks, as its manifest entry says."""
    extra = bundle["extra"]
    reader = PdfReader(out / bundle["path"])
    texts = page_texts(reader)
    assert len(texts) == bundle["pages"]
    assert texts[0].startswith(bundle["title"])
    expected, marks = ["" for _ in texts], []
    for item in extra["van_ban"]:
        source = page_texts(PdfReader(out / item["pdf"]))
        assert len(source) == item["so_trang"]
        starts = item["trang_bat_dau"]
        for number, start in enumerate(starts, start=1):
            expected[start - 1:start - 1 + len(source)] = source
            marks.append((item["ten"] if len(starts) == 1 else f"{item['ten']} (bản {number}/{len(starts)})", start))
    assert texts[extra["trang_bia"]:] == expected[extra["trang_bia"]:]
    assert texts.count("") == extra["trang_trang"]
    assert [(mark.title, reader.get_destination_page_number(mark) + 1) for mark in reader.outline] == marks


def test_bundles_hold_cover_then_every_copy_as_the_manifest_says(built):
    assert len(bundles(built)) == 3
    for bundle in bundles(built):
        assert_laid_out_as_listed(built, bundle)


def five_decisions() -> dict:
    """One batch of five decisions, one person each."""
    content = copy.deepcopy(MINIMAL)
    content["batches"] = [batch()]
    units = ["Sở Y tế", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "UBND huyện Tiên Du"]
    names = ["Nguyễn Văn Đức", "Trần Văn Bình", "Lê Văn Nam", "Phạm Văn Hùng", "Hoàng Văn Sơn"]
    content["nominations"] = [person(name, unit=unit, submission_no=f"{10 + n}/TTr-X")
                              for n, (name, unit) in enumerate(zip(names, units))]
    return content


def test_one_changed_decision_is_added_to_its_bundle_as_an_update(tmp_path, rules, opens):
    content = five_decisions()
    write_filled_workbook(tmp_path / "so-lieu.xlsx", content, rules)
    out = tmp_path / "out"
    build(tmp_path / "so-lieu.xlsx", out, Settings(), pdf=True)
    (bundle,) = [entry for entry in bundles(out) if len(entry["extra"]["van_ban"]) == 5]
    before, pdfs = (out / bundle["path"]).read_bytes(), signing_pdfs(out)
    content["nominations"][2]["position"] = "Trưởng phòng"
    write_filled_workbook(tmp_path / "sua.xlsx", content, rules)
    opens.clear()
    build(tmp_path / "sua.xlsx", out, Settings(), pdf=True)
    changed = {path for path, sha in signing_pdfs(out).items() if pdfs[path] != sha}
    assert len(changed) == 1
    assert {path for path, sha in signing_pdfs(out).items() if opens[sha]} == changed
    assert max(opens.values()) == 1
    after = (out / bundle["path"]).read_bytes()
    assert after.startswith(before) and updates(after) == 1
    (updated,) = [entry for entry in bundles(out) if entry["path"] == bundle["path"]]
    assert_laid_out_as_listed(out, updated)
