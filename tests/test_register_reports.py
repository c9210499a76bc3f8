"""The year's statistics workbook (tables by form and level, quarter, proposing unit; a chart) and the
export: JSON with the national database's field names, and an Excel list another register reads back."""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from xml.etree import ElementTree

import jsonschema
import openpyxl
import pytest

from helpers import run_tdkt
from support.register import BANG_KHEN, past, past_list, sqlite_url
from tdkt_docs.glossary import RecipientKind
from tdkt_docs.register.export import EXPORT_SCHEMA
from tdkt_docs.register.past import read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import open_register
from tdkt_docs.register.year import awards_of_year

BK_TOTAL = 5400000 + 2 * 2700000 + 3 * 3510000


@pytest.fixture(scope="module")
def recorded_2024(tmp_path_factory, signed_2024, rules):
    """The 2024 sample's two signed decisions and a past Chiến sĩ thi đua cơ sở of 2024 (and one of 2023)."""
    folder = tmp_path_factory.mktemp("recorded")
    target = folder / "so.sqlite"
    with open_register(sqlite_url(target)) as register:
        record(register, signed_2024, rules.register_forms)
        record(register, read_past_awards(past_list(folder / "cu.xlsx", [
            past("5/QĐ-SNV", dt.date(2024, 12, 30), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ",
                 unit="Sở Nội vụ", amount=2340000),
            past("5/QĐ-SNV", dt.date(2023, 12, 30), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ")])),
            rules.register_forms)
    return target


def test_statistics_workbook(tmp_path, recorded_2024):
    out = tmp_path / "tk.xlsx"
    ran = run_tdkt("thong-ke", "--nam", "2024", "-o", out, "--so-theo-doi", recorded_2024)
    assert ran.stdout.strip() == f'Đã tạo "{out}": 7 lượt khen thưởng năm 2024.'
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Thông tin", "Theo hình thức và cấp", "Theo quý, đợt", "Theo đơn vị trình", "Biểu đồ"]
    assert list(book["Theo hình thức và cấp"].iter_rows(min_row=2, values_only=True)) == [
        ("Cấp khen thưởng", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "trong đó nữ", "cá nhân chưa rõ giới tính",
         "Hộ gia đình", "Tổng số", "Tiền thưởng (đồng)"),
        ("Cấp tỉnh", BANG_KHEN, 1, 5, 2, 0, 0, 6, BK_TOTAL),
        ("Cấp cơ sở", "Chiến sĩ thi đua cơ sở", 0, 1, 0, 0, 0, 1, 2340000),
        ("Cộng", None, 1, 6, 2, 0, 0, 7, BK_TOTAL + 2340000)]
    quarters = list(book["Theo quý, đợt"].iter_rows(min_row=3, values_only=True))
    assert [r[:3] + r[7:8] for r in quarters] == [("Quý I", "Quý I/2024", 1, 3), ("Quý III", "Quý III/2024", 0, 3),
                                                  ("Quý IV", "Không rõ đợt", 0, 1), ("Cộng", None, 1, 7)]
    units = {r[0]: r[6] for r in book["Theo đơn vị trình"].iter_rows(min_row=3, values_only=True)}
    assert units == {"Sở Giáo dục và Đào tạo": 3, "Công an tỉnh": 3, "Sở Nội vụ": 1, "Cộng": 7}
    with zipfile.ZipFile(out) as archive:
        chart = ElementTree.fromstring(archive.read("xl/charts/chart1.xml"))
        assert "xl/chartsheets/sheet1.xml" in archive.namelist()
    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    assert chart.find(f".//{c}barDir").get("val") == "bar"
    assert [s.find(f"{c}tx//{c}f").text for s in chart.iter(f"{c}ser")] == [
        f"'Theo hình thức và cấp'!{col}2" for col in "CDG"]  # tập thể, cá nhân, hộ gia đình per form
    assert "Số hiệu biểu mẫu báo cáo của Bộ Nội vụ" in book["Thông tin"]["B7"].value
    assert [c.value for c in book["Thông tin"][3]] == [
        "Cơ quan ban hành", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH; Sở Nội vụ tỉnh Bắc Ninh"]
    ran = run_tdkt("thong-ke", "--nam", "2024", "-o", out, "--so-theo-doi", recorded_2024, "--co-quan", "so noi vu")
    assert ran.stdout.strip() == f'Đã tạo "{out}": 1 lượt khen thưởng năm 2024.'
    assert [c.value for c in openpyxl.load_workbook(out)["Thông tin"][3]] == [
        "Cơ quan ban hành", "Sở Nội vụ tỉnh Bắc Ninh"]


def test_one_offices_code_is_never_stamped_on_another_offices_awards(tmp_path, recorded_2024):
    """A register the province and a sở keep together: the province's unit code goes on the province's
    awards only, chosen by --co-quan; without it the export is refused and nothing is written."""
    target = tmp_path / "kt.json"
    ran = run_tdkt("xuat", "--nam", "2024", "-o", target, "--so-theo-doi", recorded_2024,
                   "--ma-don-vi", "000.00.27.H04")
    assert ran.returncode == 1 and not target.exists()
    assert ran.stderr.strip() == (
        'Sổ theo dõi có khen thưởng năm 2024 của 2 cơ quan ban hành ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Sở Nội vụ '
        'tỉnh Bắc Ninh"): mã đơn vị "000.00.27.H04" chỉ là mã của một cơ quan, chưa ghi tệp nào. Hãy chọn cơ quan '
        'của mã đó, ví dụ --co-quan "ỦY BAN NHÂN DÂN TỈNH BẮC NINH".')
    ran = run_tdkt("xuat", "--nam", "2024", "-o", target, "--so-theo-doi", recorded_2024,
                   "--ma-don-vi", "000.00.27.H04", "--co-quan", "so noi vu")
    assert ran.returncode == 0, ran.stderr
    body = json.loads(target.read_text(encoding="utf-8"))["Body"]
    assert [(p["MaDonVi"], p["TenDonVi"], p["TenCanBo"]) for p in body["CaNhan"]] == [
        ("000.00.27.H04", "Sở Nội vụ tỉnh Bắc Ninh", "Nguyễn Đức Thịnh")] and body["TapThe"] == []
    out = tmp_path / "tk.xlsx"
    ran = run_tdkt("thong-ke", "--nam", "2024", "-o", out, "--so-theo-doi", recorded_2024, "--co-quan", "UBND tỉnh")
    assert ran.stdout.strip() == f'Đã tạo "{out}": 6 lượt khen thưởng năm 2024.'
    assert list(openpyxl.load_workbook(out)["Theo hình thức và cấp"].iter_rows(min_row=3, values_only=True)) == [
        ("Cấp tỉnh", BANG_KHEN, 1, 5, 2, 0, 0, 6, BK_TOTAL), ("Cộng", None, 1, 5, 2, 0, 0, 6, BK_TOTAL)]
    ran = run_tdkt("thong-ke", "--nam", "2024", "-o", out, "--so-theo-doi", recorded_2024, "--co-quan", "Sở Y tế")
    assert ran.returncode == 1 and ran.stderr.strip() == (
        'Sổ theo dõi không có khen thưởng năm 2024 của cơ quan "Sở Y tế": các cơ quan có khen thưởng năm đó là '
        '"ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Sở Nội vụ tỉnh Bắc Ninh".')


def test_export_json_and_excel_list(tmp_path, recorded_2024, rules):
    ran = run_tdkt("xuat", "--nam", "2024", "-o", tmp_path / "kt.json", "--so-theo-doi", recorded_2024,
                   "--ma-don-vi", "000.00.27.H04", "--co-quan", "UBND tỉnh Bắc Ninh")
    assert ran.returncode == 0, ran.stderr
    document = json.loads((tmp_path / "kt.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, EXPORT_SCHEMA, format_checker=jsonschema.FormatChecker())
    people, collectives = document["Body"]["CaNhan"], document["Body"]["TapThe"]
    assert len(people) == 5 and len(collectives) == 1
    assert people[2] == {
        "MaDonVi": "000.00.27.H04", "TenDonVi": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "LoaiHinhKhenThuong": "",
        "NoiDungKhenThuong": "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông",
        "SoQuyetDinh": "1205/QĐ-UBND", "NgayQuyetDinh": "2024-09-24", "MaCanBo": "", "TenCanBo": "Nguyễn Văn An",
        "TenChucVu": "Đội trưởng Đội Tuần tra, kiểm soát, Phòng Cảnh sát giao thông, Công an tỉnh",
        "MaHinhThucKhenThuong": "", "TenHinhThucKhenThuong": BANG_KHEN}
    assert collectives[0]["TenTapThe"] == "Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo"
    bad = json.loads(json.dumps(document))
    del bad["Body"]["CaNhan"][0]["SoQuyetDinh"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, EXPORT_SCHEMA)
    assert run_tdkt("xuat", "--nam", "2024", "-o", tmp_path / "kt.xlsx", "--so-theo-doi", recorded_2024).returncode == 0
    with open_register(sqlite_url(recorded_2024)) as register:
        original = awards_of_year(register, 2024, rules.register_forms)
    with open_register(sqlite_url(tmp_path / "khac.sqlite")) as other:  # the Excel list back-fills another register
        record(other, read_past_awards(tmp_path / "kt.xlsx"), rules.register_forms)
        copied = awards_of_year(other, 2024, rules.register_forms)
    fields = ("number", "signed", "kind", "name", "sex", "amount", "form", "level", "unit", "proposing_unit")
    assert [tuple(getattr(a, f) for f in fields) for a in copied] == \
           [tuple(getattr(a, f) for f in fields) for a in original]
    assert len(copied) == 7


def test_an_office_spelt_two_ways_in_the_register_is_one_office():
    """A past list wrote "UBND tỉnh Bắc Ninh", the decisions "ỦY BAN NHÂN DÂN TỈNH BẮC NINH": one office, chosen
    whole by --co-quan, named once."""
    from tdkt_docs.register.model import issuer_key
    from tdkt_docs.register.export import export_json
    from tdkt_docs.register.year import YearAward, issuers, of_issuer

    def award(issuer: str, name: str) -> YearAward:
        return YearAward(issuer, "5/QĐ-UBND", dt.date(2024, 3, 1), "", BANG_KHEN, "Cấp tỉnh", "", "", "",
                         RecipientKind.INDIVIDUAL, "Ông", name, "", "", "", None, "", None, "", 0, issuer_key(issuer))

    awards = [award("UBND tỉnh Bắc Ninh", "Lê Văn An"), award("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Lê Văn Bình"),
              award("Sở Nội vụ tỉnh Bắc Ninh", "Lê Văn Cường")]
    assert issuers(awards) == ["UBND tỉnh Bắc Ninh", "Sở Nội vụ tỉnh Bắc Ninh"]
    assert [a.name for a in of_issuer(awards, 2024, "ủy ban nhân dân tỉnh")] == ["Lê Văn An", "Lê Văn Bình"]
    exported = export_json(awards[:2], "000.00.27.H04", dt.date(2024, 12, 31))
    assert [row["TenDonVi"] for row in exported["Body"]["CaNhan"]] == ["UBND tỉnh Bắc Ninh"] * 2
