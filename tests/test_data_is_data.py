"""Data is data: markup characters and template-looking text print literally, in .docx and PDF."""
import copy
import unicodedata

import docx
import pytest
from pypdf import PdfReader

from tdkt_docs.build import build
from tdkt_docs.read.blank import write_filled_workbook

from helpers import docx_blocks
from support.workbooks import MINIMAL, batch, person

TRICKY = [
    "Công ty TNHH <Đại Phát> & Con",
    "Hội “Bạn nhà nông” 'Xanh' \"sạch\"",
    "Mã {{ x }} và {% if %} và {%p endfor %}",
    "Ghi chú {{ so_ky_hieu }} {# không phải chú thích #}",
]


@pytest.fixture(scope="module")
def tricky_workbook(tmp_path_factory, rules):
    root = tmp_path_factory.mktemp("tricky")
    content = copy.deepcopy(MINIMAL)
    content["legal_basis"] = [{"text": f"Căn cứ {t}"} for t in TRICKY]
    content["recipients"] = [{"document": "Kế hoạch", "name": t} for t in TRICKY] + [
        {"document": "Quyết định khen thưởng", "name": TRICKY[0]}]
    content["tasks"] = [{"quarter": "Quý I", "content": tuple(TRICKY), "directing": TRICKY[0],
                         "executing": (TRICKY[1], TRICKY[2]), "note": TRICKY[3]}]
    content["batches"] = [batch()]
    content["nominations"] = [person(f"Nguyễn Văn {letter}", workplace=t) for letter, t in zip("ABCD", TRICKY)]
    content["nominations"][0]["achievement"] = "Đã có thành tích <xuất sắc> & “đặc biệt” {{ x }}"
    workbook = root / "so-lieu.xlsx"
    write_filled_workbook(workbook, content, rules)
    return workbook


@pytest.fixture(scope="module")
def tricky_build(tricky_workbook, settings):
    return build(tricky_workbook, tricky_workbook.parent / "out", settings)


def texts(result, suffix):
    for path in sorted(p for p in result.outdir.rglob(f"*{suffix}") if p.parent.name != "in-ky"):
        if suffix == ".docx":
            yield path, "\n".join(docx_blocks(docx.Document(path)))
        else:
            yield path, unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def test_docx_outputs_show_the_text_literally(tricky_build):
    plan, decision = [t for _, t in texts(tricky_build, ".docx")]
    for tricky in TRICKY:
        assert f"Căn cứ {tricky};" in plan
        assert f"- {tricky};" in plan or f"- {tricky}." in plan
        assert tricky in decision
    assert "Đã có thành tích <xuất sắc> & “đặc biệt” {{ x }}" in decision


@pytest.mark.soffice
def test_pdf_outputs_show_the_text_literally(tricky_workbook, settings):
    result = build(tricky_workbook, tricky_workbook.parent / "out-pdf", settings, pdf=True)
    pdfs = dict(texts(result, ".pdf"))
    combined = "\n".join(pdfs.values())
    flat = " ".join(combined.split())
    for tricky in TRICKY:
        assert " ".join(tricky.split()) in flat
