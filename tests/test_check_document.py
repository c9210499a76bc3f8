import json
import zipfile

import docx
import pytest

from tdkt_docs.check.document import check_document
from tdkt_docs.check.findings import ERROR, WARNING, finding
from tdkt_docs.check.report import findings_json, format_findings
from tdkt_docs.errors import UserError
from support.documents import BOOK, plan_document, save

FINDINGS = [
    finding("trang.le_trai", ERROR, "mục (section) 1", "lề trái 30–35 mm", "lề trái 25 mm"),
    finding("phu_luc.kem_theo", WARNING, 'đoạn "DANH SÁCH"', 'dòng "(Kèm theo …)"', "không có"),
]


def test_text_file_named_docx_is_a_user_error(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_text("không phải Word", encoding="utf-8")
    with pytest.raises(UserError, match='Tệp "ke-hoach.docx" không phải tệp Word .docx đọc được'):
        check_document(path, BOOK)


def test_workbook_is_a_user_error(tmp_path):
    path = tmp_path / "so.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(UserError, match="không phải tệp Word .docx"):
        check_document(path, BOOK)


def test_old_doc_file_gets_a_hint(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old binary Word")
    with pytest.raises(UserError, match="lưu lại dạng .docx"):
        check_document(path, BOOK)


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        check_document(tmp_path / "khong-co.docx", BOOK)


def test_plain_python_docx_document_gets_the_basic_findings(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Xin chào")
    rules = [f.code for f in check_document(save(doc, tmp_path), BOOK)]
    assert rules == ["trang.kho_giay", "trang.le_phai", "chu.phong_chu", "chu.co_chu",
                     "quoc_hieu.thieu", "tieu_ngu.thieu", "so_trang.thieu"]


def test_text_report_has_one_block_per_finding_and_a_summary(tmp_path):
    text = format_findings(tmp_path / "ke-hoach.docx", FINDINGS)
    assert text.splitlines()[0] == "ke-hoach.docx:"
    assert "[lỗi] mục (section) 1\n    Quy định: lề trái 30–35 mm\n    Thực tế:  lề trái 25 mm\n" \
           "    (quy tắc trang.le_trai)" in text
    assert '[cảnh báo] đoạn "DANH SÁCH"' in text
    assert text.splitlines()[-1] == "ke-hoach.docx: 1 lỗi, 1 cảnh báo."


def test_text_report_for_a_clean_document(tmp_path):
    path = save(plan_document(), tmp_path)
    assert format_findings(path, check_document(path, BOOK)) == "van-ban.docx: đúng thể thức, không có lỗi."


def test_json_report(tmp_path):
    data = json.loads(findings_json(tmp_path / "qd.docx", FINDINGS))
    assert data["file"].endswith("qd.docx") and data["errors"] == 1 and data["warnings"] == 1
    assert data["findings"][0] == {"rule": "trang.le_trai", "severity": "lỗi", "where": "mục (section) 1",
                                   "expected": "lề trái 30–35 mm", "found": "lề trái 25 mm"}


def test_the_model_reads_a_paragraph_without_its_deleted_runs_or_text_box(tmp_path):
    """Tracked deletions are not the document's text; a text box's paragraphs are its own, not the anchor's."""
    from docx.oxml import parse_xml

    from tdkt_docs.check.model import build_model

    doc = plan_document()
    para = doc.add_paragraph("Giữ lại")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="A"><w:r><w:delText>đã xóa</w:delText>'
                             "<w:t>đã xóa</w:t></w:r></w:del>"))
    para._p.append(parse_xml(f'<w:r {w}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                             f"<w:txbxContent><w:p><w:r><w:t>trong khung</w:t></w:r></w:p></w:txbxContent>"
                             "</v:textbox></v:shape></w:pict></w:r>"))
    para._p.append(parse_xml(f'<w:r {w}><w:t> cuối</w:t></w:r>'))
    model = build_model(docx.Document(save(doc, tmp_path)), BOOK)
    (found,) = [p for p in model.paras if p.text.startswith("Giữ lại")]
    assert found.text == "Giữ lại cuối" and found.has_shape
