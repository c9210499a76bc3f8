"""The register with issuers below the province (a sở, a phường) and the issuer profile: the issuer's name,
batch kinds, batches without a quarter, households typed whole, ranks, forms without money, and the rule
that a Chiến sĩ thi đua cơ sở needs Lao động tiên tiến."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from helpers import ROOT, run_tdkt
from support.register import fill_signed, past, past_list, sqlite_url
from tdkt_docs.build import build, prepare
from tdkt_docs.problems import Severity
from tdkt_docs.read.schema import BATCHES
from tdkt_docs.register.from_docx import read_signed_docx
from tdkt_docs.register.from_workbook import signed_from_workbook
from tdkt_docs.register.past import read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import open_register
from tdkt_docs.register.tables import awards, decisions
from tdkt_docs.settings import Settings

SAMPLES = ROOT / "data" / "mau"
PHUONG = SAMPLES / "phuong-kinh-bac" / "tdkt-2026-phuong-kinh-bac.xlsx"
SO = SAMPLES / "so-gddt-bac-ninh" / "tdkt-nam-hoc-2025-2026.xlsx"
DONG_NAI = SAMPLES / "dong-nai-2026" / "tdkt-2026-dong-nai.xlsx"


def numbered(sample: Path, folder: Path, first: int, serial: int = 1) -> Path:
    """``sample`` with batch i numbered from ``first + 10 i`` and its decision ``serial`` entered as signed
    that day."""
    book = openpyxl.load_workbook(sample)
    ws = book[BATCHES.title]
    headers = [c.value for c in ws[1]]
    number, signing = (headers.index(BATCHES.column(key).header) + 1 for key in ("first_number", "signing"))
    signed = []
    for index, row in enumerate(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value):
        ws.cell(row, number).value = first + 10 * index
        signed.append([ws.cell(row, 1).value, str(serial), str(first + 10 * index + serial - 1),
                       ws.cell(row, signing).value])
    fill_signed(book, signed)
    path = folder / sample.name
    book.save(path)
    return path


@pytest.fixture(scope="module")
def lower_levels(tmp_path_factory):
    """The phường's and the sở's first decision of each batch, signed, recorded in one register; the
    phường's decisions are also built, to read one back."""
    folder = tmp_path_factory.mktemp("lower")
    phuong = numbered(PHUONG, folder, 40)
    so = numbered(SO, folder, 300)
    build(phuong, folder / "out", Settings.for_workbook(phuong))
    signed = [signed_from_workbook(prepare(book, Settings.for_workbook(book))) for book in (phuong, so)]
    assert [problems for _, problems in signed] == [[], []]
    return folder, [d for found, _ in signed for d in found]


def test_issuer_kind_households_and_money_from_the_profile(tmp_path, lower_levels, rules):
    folder, signed = lower_levels
    assert [(d.issuer, d.number, d.form, d.batch_kind.label, d.quarter) for d in signed] == [
        ("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "40/QĐ-UBND", "Giấy khen", "Theo quý", signed[0].quarter),
        ("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "50/QĐ-UBND", "Gia đình văn hóa", "Tổng kết năm", signed[1].quarter),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "300/QĐ-SGDĐT", "Giấy khen", "Năm học", None)]
    families = signed[1].awards
    assert [(a.address, a.name, a.amount, a.entry) for a in families] == [
        ("Ông", "Nguyễn Văn Bình", 0, "Hộ gia đình ông Nguyễn Văn Bình, Tổ dân phố số 5, phường Kinh Bắc"),
        ("Bà", "Trần Thị Hoa", 0, "Hộ gia đình bà Trần Thị Hoa, Tổ dân phố số 5, phường Kinh Bắc"),
        ("Ông", "Lý Văn Tư", 0, "Hộ gia đình ông Lý Văn Tư, Tổ dân phố số 5, phường Kinh Bắc")]
    document = next((folder / "out").rglob("qd-50-gia-dinh-van-hoa*.docx"))
    read_back = read_signed_docx(document, rules)  # printed "Hộ ông Lý Văn Tư", no Điều 2 money
    assert (read_back.issuer, read_back.number, read_back.signed) == (
        "ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "50/QĐ-UBND", dt.date(2026, 12, 4))
    with open_register(sqlite_url(tmp_path / "so.sqlite")) as register:
        record(register, signed, rules.register_forms)
        assert record(register, [read_back], rules.register_forms).unchanged == [read_back.label]
        with register.read() as conn:
            kinds = conn.execute(select(decisions.c.number, decisions.c.batch_kind, decisions.c.quarter)
                                 .order_by(decisions.c.id)).all()
    assert [tuple(k) for k in kinds][:3] == [("40/QĐ-UBND", "Theo quý", "Quý I"),
                                             ("50/QĐ-UBND", "Tổng kết năm", "Quý IV"),
                                             ("300/QĐ-SGDĐT", "Năm học", "")]


def test_the_issuer_is_registered_in_capitals_as_the_header_prints_it(tmp_path):
    """A name line typed in lower case on sheet "Cơ quan" is printed in capitals in the decision's header: the
    register, tdkt tra-cuu and the exports name the issuer the same way, not "ỦY BAN NHÂN DÂN phường Kinh Bắc"."""
    book = openpyxl.load_workbook(numbered(PHUONG, tmp_path, 40))
    agency = book["Cơ quan"]
    row = next(r for r in range(1, agency.max_row + 1) if agency.cell(r, 1).value == "Tên cơ quan ban hành (dòng 2)")
    agency.cell(row, 2).value = "phường Kinh Bắc"
    book.save(tmp_path / "so-lieu.xlsx")
    found, problems = signed_from_workbook(prepare(tmp_path / "so-lieu.xlsx", Settings()))
    assert problems == []
    assert [(d.issuer, d.number) for d in found] == [("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "40/QĐ-UBND"),
                                                     ("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "50/QĐ-UBND")]


def test_statistics_by_batch_without_quarter_and_export_kind(tmp_path, lower_levels, rules):
    _, signed = lower_levels
    target = tmp_path / "so.sqlite"
    with open_register(sqlite_url(target)) as register:
        record(register, signed, rules.register_forms)
    out = tmp_path / "tk.xlsx"
    assert run_tdkt("thong-ke", "--nam", "2026", "-o", out, "--so-theo-doi", target).returncode == 0
    book = openpyxl.load_workbook(out)
    quarters = [r[:2] + r[7:8] for r in book["Theo quý, đợt"].iter_rows(min_row=3, values_only=True)]
    assert quarters == [("Quý I", "Quý I/2026", 3), ("Không theo quý", "Năm học 2025-2026", 3),
                        ("Quý IV", "Gia đình văn hóa 2026", 3), ("Cộng", None, 9)]
    levels = {r[1]: r[0] for r in book["Theo hình thức và cấp"].iter_rows(min_row=3, values_only=True)}
    assert levels == {"Giấy khen": "Cấp cơ sở", "Gia đình văn hóa": "Cấp xã", None: "Cộng"}
    assert run_tdkt("xuat", "--nam", "2026", "-o", tmp_path / "kt.json", "--so-theo-doi", target).returncode == 0
    body = json.loads((tmp_path / "kt.json").read_text(encoding="utf-8"))["Body"]
    kinds = {(r["TenDonVi"], r["SoQuyetDinh"], r["LoaiHinhKhenThuong"]) for r in body["CaNhan"] + body["TapThe"]}
    assert kinds == {("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "300/QĐ-SGDĐT", "Năm học"),
                     ("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "40/QĐ-UBND", "Theo quý"),
                     ("ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC", "50/QĐ-UBND", "Tổng kết năm")}
    with open_register(sqlite_url(tmp_path / "cu.sqlite")) as register:  # a past list: no batch, no kind
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", [
            past("7/QĐ-SNV", dt.date(2026, 8, 3), "Giấy khen", "Lê Văn Bình", "Sở Nội vụ")])), rules.register_forms)
    assert run_tdkt("xuat", "--nam", "2026", "-o", tmp_path / "cu.json", "--so-theo-doi",
                    tmp_path / "cu.sqlite").returncode == 0
    person = json.loads((tmp_path / "cu.json").read_text(encoding="utf-8"))["Body"]["CaNhan"][0]
    assert person["LoaiHinhKhenThuong"] == ""


def test_rank_kept_apart_from_the_name(tmp_path, rules):
    book = numbered(DONG_NAI, tmp_path, 80, serial=2)  # the Công an tỉnh decision
    build(book, tmp_path / "out", Settings.for_workbook(book))
    (decision,), problems = signed_from_workbook(prepare(book, Settings.for_workbook(book)))
    assert problems == [] and decision.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
    officer = next(a for a in decision.awards if "Quang" in a.name)
    assert (officer.rank, officer.name, officer.entry.split(", ")[0]) == ("Thượng tá", "Phạm Văn Quang",
                                                                          "Thượng tá Phạm Văn Quang")
    read_back = read_signed_docx(next((tmp_path / "out").rglob("qd-81-*.docx")), rules)
    assert [(a.rank, a.name) for a in read_back.awards if a.rank] == [("Thượng tá", "Phạm Văn Quang")]
    with open_register(sqlite_url(tmp_path / "so.sqlite")) as register:
        record(register, [decision], rules.register_forms)
        assert record(register, [read_back], rules.register_forms).unchanged == [read_back.label]
        with register.read() as conn:
            assert conn.execute(select(awards.c.rank, awards.c.name).where(awards.c.rank != "")).all() == [
                ("Thượng tá", "Phạm Văn Quang")]


def test_chien_si_thi_dua_co_so_needs_lao_dong_tien_tien(tmp_path, rules):
    """Unverified (Luật Điều 23 read from a quoting page): a warning, never an error."""
    target = tmp_path / "so.sqlite"
    with open_register(sqlite_url(target)):
        pass  # an empty register: the workbook's own Lao động tiên tiến rows are what can be compared
    found = [p for p in prepare(SO, Settings(register_url=sqlite_url(target))).problems
             if p.code == "dieu_kien.cstdcs_can_ldtt"]
    assert [(p.severity, p.location.cell) for p in found] == [(Severity.WARNING, "I7")]
    assert found[0].message.startswith('"Phạm Văn Tuấn": sổ theo dõi chưa ghi nhận năm nào.')
    assert "(Luật Thi đua, khen thưởng 2022 Điều 23; chưa đối chiếu với văn bản chính thức)" in found[0].message
    with open_register(sqlite_url(target)) as register:
        record(register, read_past_awards(past_list(tmp_path / "cu.xlsx", [
            {**past("12/QĐ-SGDĐT", dt.date(2026, 6, 1), "LĐTT", "Phạm Văn Tuấn", "Trường THPT Lý Thái Tổ"),
             "issuer": "Sở Giáo dục và Đào tạo"}])), rules.register_forms)
    assert not [p for p in prepare(SO, Settings(register_url=sqlite_url(target))).problems
                if p.code.startswith("dieu_kien.")]
