"""Workbooks the tool writes are inert: text that looks like a formula stays text."""
from __future__ import annotations

import openpyxl

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
