"""Real LibreOffice: Vietnamese text survives exactly, fonts are embedded Times stand-ins, bundles."""
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt
from pypdf import PdfReader

from tdkt_docs.export import BundleItem, check_pdf_fonts, convert_to_pdf, make_bundle, page_count

pytestmark = pytest.mark.soffice

LINES = ["Độc lập - Tự do - Hạnh phúc", "Nguyễn Hương Giang", "Ủy ban nhân dân tỉnh Bắc Ninh"]
STAND_IN = re.compile(r"^[A-Z]{6}\+(LiberationSerif|Tinos|TimesNewRoman)")


def vietnamese_docx(path: Path, *, font: str = "Times New Roman", pages: int = 1) -> Path:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(14)
    for page in range(pages):
        for line in LINES:
            doc.add_paragraph(line)
        if page < pages - 1:
            doc.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
    doc.save(path)
    return path


def pdffonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, emb) rows of poppler's pdffonts."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [(line.split()[0], line.split()[-5]) for line in lines[2:]]


def nfc_text(pdf: Path) -> str:
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in PdfReader(pdf).pages))


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    docs = [vietnamese_docx(src / "quyet-dinh.docx"), vietnamese_docx(src / "danh-sach.docx", pages=2),
            vietnamese_docx(src / "phong-cu.docx", font="VNI-Times")]
    return convert_to_pdf(docs, tmp_path_factory.mktemp("pdf"), jobs=2)


def test_vietnamese_text_is_exact(converted):
    text = nfc_text(converted[0])
    for line in LINES:
        assert line in text.splitlines()
    assert page_count(converted[0]) == 1 and page_count(converted[1]) == 2


def test_fonts_are_embedded_times_stand_ins(converted):
    for pdf in converted[:2]:
        fonts = pdffonts(pdf)
        assert fonts and all(emb == "yes" and STAND_IN.match(name) for name, emb in fonts)
        assert check_pdf_fonts(pdf) == []


def test_fallback_font_is_reported_with_the_vietnamese_letters(converted):
    fonts = pdffonts(converted[2])
    assert not any(STAND_IN.match(name) for name, _ in fonts)
    problems = check_pdf_fonts(converted[2])
    assert len(problems) == 1
    assert str(problems[0]).startswith('Lỗi: văn bản "phong-cu.pdf": có chữ in bằng phông thay thế')
    assert "gồm các chữ tiếng Việt: â ú Đ ơ ư ạ ậ ắ ễ ỉ ộ Ủ ự." in problems[0].message


def test_bundle_with_real_cover(converted, tmp_path):
    items = [BundleItem("Quyết định số 1234/QĐ-UBND", converted[0], 2),
             BundleItem("Danh sách kèm theo Quyết định số 1234/QĐ-UBND", converted[1], 1)]
    info = make_bundle(items, tmp_path / "bo-in.pdf", heading="BỘ VĂN BẢN TRÌNH KÝ ĐỢT 1 NĂM 2024")
    reader = PdfReader(info.path)
    cover = " ".join(unicodedata.normalize("NFC", reader.pages[0].extract_text()).split())
    assert cover == ("BỘ VĂN BẢN TRÌNH KÝ ĐỢT 1 NĂM 2024 STT Văn bản Số bản Số trang 1 Quyết định số 1234/QĐ-UBND 2 1 "
                     "2 Danh sách kèm theo Quyết định số 1234/QĐ-UBND 1 2")
    assert (info.cover_pages, info.total_pages, info.blank_pages) == (1, 8, 3)
    assert [e.starts for e in info.entries] == [(3, 5), (7,)]
    assert [bool(page.extract_text().strip()) for page in reader.pages] == [True, False, True, False,
                                                                            True, False, True, True]
    assert check_pdf_fonts(info.path) == []
