"""Workbooks the tool writes are inert (text that looks like a formula stays text) and hold their text in UTF-8."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import python_calamine

from tdkt_docs.build import build


def test_summary_cells_beginning_with_formula_characters_are_text(make_workbook, decisions_content, settings, tmp_path):
    decisions_content["nominations"][1]["position"] = "+84 Bác sĩ"
    decisions_content["nominations"][1]["workplace"] = "@Sở Y tế"
    workbook = make_workbook(decisions_content)
    book = openpyxl.load_workbook(workbook)
    typed = book["Đề nghị khen thưởng"]["I2"]
    typed.value, typed.data_type = '=HYPERLINK("http://x","bấm")', "s"  # typed as text, as Excel stores '=…
    book.save(workbook)
    result = build(workbook, tmp_path / "out", settings)
    (summary,) = [result.outdir / o.path for o in result.outputs if o.kind == "tong_hop"]
    sheet = openpyxl.load_workbook(summary)["Danh sách"]
    cells = {cell.value: cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row
             if isinstance(cell.value, str)}
    assert cells['=HYPERLINK("http://x","bấm")'] == "s"
    assert cells["+84 Bác sĩ"] == "s" and cells["@Sở Y tế"] == "s"
    assert not any(kind == "f" for kind in cells.values())


def test_imported_and_exported_text_stays_text(tmp_path, rules):
    from tdkt_docs.read.blank import write_filled_workbook
    from tdkt_docs.read.schema import NOMINATIONS

    target = tmp_path / "so.xlsx"
    write_filled_workbook(target, {"nominations": [{"name": "=1+1", "position": "-Trưởng phòng"}]}, rules,
                          (NOMINATIONS,))
    sheet = openpyxl.load_workbook(target)["Đề nghị khen thưởng"]
    assert [(c.value, c.data_type) for c in (sheet["I2"], sheet["J2"])] == [("=1+1", "s"), ("-Trưởng phòng", "s")]


def test_workbooks_the_tool_writes_hold_their_text_in_utf8(tmp_path, rules, monkeypatch):
    """As Excel writes: "ố" is its three bytes, not the seven of "&#7889;" that every reader decodes again. Both ways
    of writing are tried from openpyxl as it comes (the change is the process's from the first write on)."""
    from openpyxl.worksheet import _writer

    from tdkt_docs.read.blank import write_filled_workbook
    from tdkt_docs.read.schema import NOMINATIONS
    from tdkt_docs.render import xlsx

    def as_openpyxl_comes():
        monkeypatch.setattr(_writer, "xmlfile", getattr(_writer.xmlfile, "func", _writer.xmlfile))
        xlsx._utf8_sheets.cache_clear()

    name = "Nguyễn Thị Hồng Ngọc <Đội 1> & Cộng sự"
    target = tmp_path / "so.xlsx"
    as_openpyxl_comes()
    write_filled_workbook(target, {"nominations": [{"name": name, "position": "Phó Trưởng phòng"}]}, rules,
                          (NOMINATIONS,))
    with zipfile.ZipFile(target) as archive:
        xml = b"".join(archive.read(part) for part in archive.namelist() if part.startswith("xl/worksheets/"))
    assert "<t>Nguyễn Thị Hồng Ngọc &lt;Đội 1&gt; &amp; Cộng sự</t>".encode() in xml
    assert b"&#" not in xml and b"<?xml" not in xml  # no declaration: UTF-8 is XML's own default
    assert openpyxl.load_workbook(target)[NOMINATIONS.title]["I2"].value == name
    sheet = python_calamine.CalamineWorkbook.from_path(str(target)).get_sheet_by_name(NOMINATIONS.title)
    assert sheet.to_python()[1][8] == name

    as_openpyxl_comes()
    book = openpyxl.Workbook()
    book.active["A1"] = "Quyết định số 12/QĐ-UBND"
    with zipfile.ZipFile(io.BytesIO(xlsx.workbook_bytes(book))) as archive:
        assert "<t>Quyết định số 12/QĐ-UBND</t>".encode() in archive.read("xl/worksheets/sheet1.xml")
