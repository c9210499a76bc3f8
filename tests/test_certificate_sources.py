"""Signed decisions for tdkt in-bang: from the workbook's composition, from decision .docx files, and the CLI."""
import dataclasses
import sys
import datetime as dt
from pathlib import Path

import docx
import pytest

from tdkt_docs import build as pipeline
from tdkt_docs.certificate import run
from tdkt_docs.certificate.model import CertificateEntry
from tdkt_docs.certificate.sources import from_composed, from_docx, split_entry
from tdkt_docs.compose.decision import compose_decisions, decision_document, decisions_of
from tdkt_docs.errors import UserError
from tdkt_docs.read import load
from tdkt_docs.read.records import Agency, Batch, Nomination
from click.testing import CliRunner

from tdkt_docs.certificate.layout import load_layout, search_path
from tdkt_docs.cli import cli, main
from certificate_pdf import read_fields
from conftest import SAMPLE_2024

BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[tuple]:
    """(composed plan, its .docx as tdkt build renders it) for every decision of the 2024 sample."""
    folder = tmp_path_factory.mktemp("qd")
    plans = compose_decisions(load(SAMPLE_2024)).documents
    pairs = []
    for plan, output in zip(plans, pipeline.render_all(plans)):
        path = folder / Path(output.path).name
        path.write_bytes(output.data)
        pairs.append((plan, path))
    return pairs


def test_decision_documents_read_back_as_the_workbook_composed_them(built):
    assert len(built) == 9
    for plan, path in built:
        from_book, from_file = from_composed(plan), from_docx(path)
        assert dataclasses.replace(from_file, source="", stem="") == dataclasses.replace(from_book, source="", stem="")
        assert from_file.stem == path.stem and from_file.source == f'văn bản "{path.name}"'
    signed = from_docx(next(p for _, p in built if p.name.startswith("qd-1206")))
    assert (signed.number, signed.date, signed.signer_titles, signed.signer) == (
        "1206/QĐ-UBND", dt.date(2024, 9, 24), ("CHỦ TỊCH",), "Nguyễn Hương Giang")
    assert signed.entries[1] == CertificateEntry(
        "Ông Hoàng Minh Đức", "Trưởng khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh, Sở Y tế",
        "Đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024", 2)


def test_unnumbered_document_is_refused_until_the_number_and_date_are_typed_in(built, tmp_path):
    path = next(p for _, p in built if p.name == "qd-01-bang-khen-tinh-so-lao-dong-thuong-binh-va-xa-hoi.docx")
    with pytest.raises(UserError, match=f'Quyết định "{path}" chưa có số và ngày ký.*--nhap'):
        run.print_documents([path], run.Options(outdir=tmp_path))
    assert not list(tmp_path.rglob("*.pdf"))
    document = docx.Document(str(path))
    for paragraph in (p for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs):
        if paragraph.text.startswith("Số:"):
            paragraph.text = "Số: 125/QĐ-UBND"
        elif paragraph.text.startswith("Bắc Ninh, ngày"):
            paragraph.text = "Bắc Ninh, ngày 25 tháng 3 năm 2024"
    signed_path = tmp_path / "qd-125.docx"
    document.save(str(signed_path))
    printed = run.print_documents([signed_path], run.Options(outdir=tmp_path / "in"))
    assert printed.written == [(tmp_path / "in" / "qd-125.pdf", 3)]
    decision = from_docx(signed_path)
    assert (decision.number, decision.date) == ("125/QĐ-UBND", dt.date(2024, 3, 25))


def test_registers_follow_the_attached_list_not_the_rows():
    """Mixed achievements: the list groups by kind, then by achievement; số sổ vàng counts down that list."""
    agency = Agency("", "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "UBND tỉnh Bắc Ninh", "UBND", "Bắc Ninh")
    batch = Batch("Quý III/2024", "Quý III", dt.date(2024, 9, 24), "PHÓ CHỦ TỊCH", "Vương Quốc Tuấn", "142/TTr-SNV",
                  dt.date(2024, 9, 16), 7, "", "", "")
    common = ("Quý III/2024", "Sở Y tế", "", "198/TTr-SYT", dt.date(2024, 9, 9))
    rows = [("Cá nhân", "Ông", "Lê Văn Nam", "Bác sĩ", "Đã có thành tích đột xuất."),
            ("Tập thể", "", "Khoa Hồi sức tích cực", "", "Đã có thành tích xuất sắc năm 2024"),
            ("Cá nhân", "Bà", "Trần Thị Ánh", "Điều dưỡng", "Đã có thành tích xuất sắc năm 2024")]
    nominations = [Nomination(*common, kind, address, name, position, "Bệnh viện Đa khoa tỉnh", BK, achievement, "Đạt",
                              rows=(row,))
                   for row, (kind, address, name, position, achievement) in enumerate(rows, start=5)]
    (decision,) = decisions_of(batch, nominations)
    signed = from_composed(decision_document(agency, decision, [], 1))
    assert [(e.recipient, e.register_number, e.achievement) for e in signed.entries] == [
        ("Khoa Hồi sức tích cực", 1, "Đã có thành tích xuất sắc năm 2024"),
        ("Bà Trần Thị Ánh", 2, "Đã có thành tích xuất sắc năm 2024"),
        ("Ông Lê Văn Nam", 3, "Đã có thành tích đột xuất"),
    ]
    assert (signed.number, signed.date, signed.signer_titles) == (
        "07/QĐ-UBND", dt.date(2024, 9, 24), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"))


@pytest.mark.parametrize("text, collective, expected", [
    ("Bà Vũ Thị Hoà, Chuyên viên Phòng Công chức, viên chức, Sở Nội vụ", False,
     ("Bà Vũ Thị Hoà", "Chuyên viên Phòng Công chức, viên chức, Sở Nội vụ")),
    ("Hộ gia đình ông Nguyễn Văn Tư, thôn Lũng Giang, thị trấn Lim", False,
     ("Hộ gia đình ông Nguyễn Văn Tư", "thôn Lũng Giang, thị trấn Lim")),
    ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ, Sở Nội vụ", True,
     ("Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", "Sở Nội vụ")),
    ("UBND phường Đồng Nguyên, thành phố Từ Sơn", True, ("UBND phường Đồng Nguyên", "thành phố Từ Sơn")),
])
def test_list_entries_split_into_name_and_position_unit(text, collective, expected):
    assert split_entry(text, collective) == expected


def test_cli_prints_signed_decisions_and_refuses_unnumbered_documents(built, tmp_path, monkeypatch, capsys):
    signed = next(p for _, p in built if p.name == "qd-1205-bang-khen-tinh-cong-an-tinh.docx")
    out = tmp_path / "in"
    result = CliRunner().invoke(cli, ["in-bang", "--quyet-dinh", str(signed), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Đã tạo: {out / 'qd-1205-bang-khen-tinh-cong-an-tinh.pdf'} (3 trang)" in result.output
    assert "Kích thước thực" in result.output
    unsigned = next(p for _, p in built if p.name == "qd-02-chien-si-thi-dua-tinh.docx")
    monkeypatch.setattr(sys, "argv", ["tdkt", "in-bang", "--quyet-dinh", str(unsigned), "-o", str(tmp_path / "docx")])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1
    assert f'Quyết định "{unsigned}" chưa có số và ngày ký' in capsys.readouterr().err
    assert not (tmp_path / "docx").exists()
    draft = run.print_documents([unsigned], run.Options(outdir=tmp_path / "docx", draft=True, form="giay-khen"))
    (page,) = read_fields(draft.written[0][0], load_layout("giay-khen", search_path(None)))
    assert draft.written[0][0].name == "qd-02-chien-si-thi-dua-tinh-nhap.pdf"
    assert (page["tang"].text, page["hinh_thuc"].text, page["so_quyet_dinh"].text) == (
        "TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CẤP TỈNH", "Quyết định số [chưa có số], [chưa có ngày]")


@pytest.mark.parametrize("args, message", [
    (["qd.docx"], 'dùng "tdkt in-bang --quyet-dinh qd.docx"'),
    (["--quyet-dinh", "so.xlsx"], "--quyet-dinh chỉ nhận quyết định .docx"),
    (["--quyet-dinh"], "ít nhất một quyết định .docx"),
    (["--can-chinh", "-o", "can-chinh.png"], "-o là tên tệp .pdf"),
])
def test_cli_usage_mistakes(args, message):
    result = CliRunner().invoke(cli, ["in-bang", *args])
    assert isinstance(result.exception, UserError) and message in str(result.exception)
