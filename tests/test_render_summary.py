"""The batch summary workbook: sheets, header, widths and formats; text stays text; equal input, equal bytes.
Also a workbook filled in memory (not write-only), which ``workbook_bytes`` makes inert when it saves it."""
from __future__ import annotations

import csv
import dataclasses
import io
import re
import subprocess
import zipfile

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from tdkt_docs.build import build, prepare
from tdkt_docs.export import find_soffice
from tdkt_docs.read.grid import ValueBook
from tdkt_docs.documents.quyet_dinh import BatchSummary, decision_batches
from tdkt_docs.register.eligibility import Earlier
from tdkt_docs.render.summary import HISTORY_SHEET, MONEY, summary_workbook
from tdkt_docs.render.sheets import Column, DataBook, Style, Styled
from tdkt_docs.render.xlsx import workbook_bytes

WIDTHS = {"Danh sách": [6, 28, 34, 12, 30, 30, 30, 28, 18, 16, 40], "Tổng hợp": [18, 44, 16, 18],
          "Phát hành": [28, 30, 60, 8], HISTORY_SHEET: [28, 30, 10, 40, 44, 8, 22]}
FORMULA = "=SUM(J2:J3)"


@pytest.fixture
def summary(make_workbook, decisions_content, settings) -> BatchSummary:
    decisions_content["nominations"][0]["name"] = FORMULA  # a tập thể: the name is written as it is
    prepared = prepare(make_workbook(decisions_content), settings)
    (batch,), _ = decision_batches(prepared.inputs)
    return batch


def opened(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def history_of(summary: BatchSummary) -> dict[int, list]:
    row = summary.decisions[0].decision.awards[0].nomination.rows[0]
    return {row: [Earlier("bk", "=Bằng khen", 2022, "", "Quyết định số 12/QĐ-UBND", certain=True)]}


def test_sheets_with_a_bold_wrapped_frozen_header_and_set_widths(summary):
    assert opened(summary_workbook(summary)).sheetnames == list(WIDTHS)[:3]
    book = opened(summary_workbook(summary, history_of(summary)))
    assert book.sheetnames == list(WIDTHS)
    for ws in book.worksheets:
        widths = WIDTHS[ws.title]
        assert ws.freeze_panes == "A2"
        assert [ws.column_dimensions[get_column_letter(i)].width for i in range(1, len(widths) + 1)] == widths
        header = ws[1]
        assert len(header) == len(widths)
        for cell in header:
            assert (cell.font.name, cell.font.b, cell.alignment.wrap_text, cell.alignment.vertical) == (
                "Times New Roman", True, True, "center")
        assert not ws["A2"].font.b


def test_money_cells_are_formatted_and_totals_bold(summary):
    book = opened(summary_workbook(summary))
    *awardees, total = book["Danh sách"].iter_rows(min_row=2)
    for row in awardees:
        assert row[9].number_format == MONEY and isinstance(row[9].value, int) and not row[9].font.b
        assert row[0].number_format == "General"
    assert [(c.value, c.font.b) for c in (total[1], total[9])] == [
        ("Tổng cộng", True), (sum(r[9].value for r in awardees), True)]
    assert total[9].number_format == MONEY and total[9].font.name == "Times New Roman"
    assert total[0].value is None and not total[0].has_style
    assert all(row[3].number_format == MONEY for row in book["Tổng hợp"].iter_rows(min_row=2))
    sent = list(book["Phát hành"].iter_rows(min_row=2))
    assert [[c.font.b for c in row] for row in sent if row[1].value == "Cộng"] == [[False, True, False, True]]
    assert not any(c.font.b for row in sent if row[1].value != "Cộng" for c in row)


def test_an_award_without_money_leaves_its_formatted_cell_empty(summary):
    document = summary.decisions[0]
    first, *rest = document.decision.awards
    decision = dataclasses.replace(document.decision, awards=(dataclasses.replace(first, prize=None), *rest))
    without = dataclasses.replace(summary, decisions=[dataclasses.replace(document, decision=decision),
                                                      *summary.decisions[1:]])
    cell = opened(summary_workbook(without))["Danh sách"]["J2"]
    assert (cell.value, cell.number_format) == (None, MONEY)


def test_text_that_looks_like_a_formula_stays_text(summary):
    book = opened(summary_workbook(summary, history_of(summary)))
    assert [(c.value, c.data_type) for c in (book["Danh sách"]["E2"], book[HISTORY_SHEET]["B2"],
                                             book[HISTORY_SHEET]["D2"])] == [(FORMULA, "s")] * 2 + [("=Bằng khen", "s")]
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_two_builds_write_the_same_bytes_with_fixed_times(make_workbook, decisions_content, settings, tmp_path):
    workbook = make_workbook(decisions_content)
    written = [(tmp_path / out / "quy-iii-2024" / "tong-hop-quy-iii-2024.xlsx").read_bytes()
               for out in ("a", "b") if build(workbook, tmp_path / out, settings)]
    assert written[0] == written[1]
    with zipfile.ZipFile(io.BytesIO(written[0])) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified


def test_a_workbook_filled_in_memory_is_saved_inert():
    book = openpyxl.Workbook()
    book.active.append(["=1+1", "-2", 3])
    assert book.active["A1"].data_type == "f"
    assert [(c.value, c.data_type) for c in opened(workbook_bytes(book)).active[1]] == [
        ("=1+1", "s"), ("-2", "s"), (3, "n")]


def _awkward_book() -> bytes:
    """A data sheet holding markup characters, a control code, spaces at both ends, text that looks like a
    formula, an empty styled cell, whole numbers."""
    book = DataBook()
    with book.sheet("Dữ liệu <thử> & kiểm", [("Tên", 20), ("Số", 10), ("Ghi chú", 30), Column("Đợt", 12, True)]) as ws:
        ws.row(["A <b> & C", 1, "  đầu cuối  ", "Đợt <1> & 2"])
        ws.row(["ký\x07tự", Styled(None, Style.MONEY), "=1+1", "  đầu cuối  "])
        ws.row(["", Styled(1234567, Style.BOLD_MONEY), None, "Đợt <1> & 2"])
        ws.row([None, 2, "x", ""])
        ws.row([None, 3, "y", Styled("Cộng", Style.BOLD)])
    return book.finish()


EXPECTED = [["Tên", "Số", "Ghi chú", "Đợt"], ["A <b> & C", 1, "  đầu cuối  ", "Đợt <1> & 2"],
            ["kýtự", None, "=1+1", "  đầu cuối  "], [None, 1234567, None, "Đợt <1> & 2"], [None, 2, "x", None],
            [None, 3, "y", "Cộng"]]


def test_a_repeated_column_is_written_once_per_value_and_reads_back_as_text():
    """A ``Column.repeated`` column's texts go into the shared strings, once each, in the order they come; the
    cells refer to them by number, and the others stay inline."""
    with zipfile.ZipFile(io.BytesIO(_awkward_book())) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        assert "sharedStrings.xml" in archive.read("xl/_rels/workbook.xml.rels").decode()
        assert "/xl/sharedStrings.xml" in archive.read("[Content_Types].xml").decode()
    assert re.findall("<t[^>]*>([^<]*)</t>", shared) == ["Đợt &lt;1&gt; &amp; 2", "  đầu cuối  "]
    assert 'uniqueCount="2"' in shared
    assert re.findall(r'<c r="D\d+" t="s"><v>(\d+)</v></c>', sheet) == ["0", "1", "0"]
    assert sheet.count('t="inlineStr"') == 11  # the header row's four, the other columns' texts, a styled one
    assert '<c r="D5"' not in sheet and '<c r="D6" s="3" t="inlineStr"><is><t xml:space="preserve">Cộng' in sheet
    assert "Đợt" not in sheet.split("</row>", 1)[1]


def test_a_data_sheet_reads_back_the_same_in_openpyxl_and_calamine(tmp_path):
    data = _awkward_book()
    ws = opened(data).active
    assert ws.title == "Dữ liệu <thử> & kiểm"
    assert [list(row) for row in ws.iter_rows(values_only=True)] == EXPECTED
    assert ws["C3"].data_type == "s" and (ws["B3"].number_format, ws["B4"].number_format) == (MONEY, MONEY)
    assert ws["B4"].font.b and not ws["A2"].has_style
    (tmp_path / "sheet.xlsx").write_bytes(data)
    (grid,) = [ValueBook(tmp_path / "sheet.xlsx").grid(ws.title)]
    assert [row for _, row in grid.rows()] == EXPECTED


def test_a_data_sheet_holds_only_text_and_whole_numbers():
    book = DataBook()
    with pytest.raises(TypeError), book.sheet("A", [("Số", 10)]) as ws:
        ws.row([1.5])


@pytest.mark.soffice
def test_libreoffice_opens_the_summary_as_written(summary, tmp_path):
    """The summary, written without a spreadsheet library, is read by a real office suite: LibreOffice converts
    its first sheet to CSV with every awardee, the amounts as numbers."""
    source = tmp_path / "tong-hop.xlsx"
    source.write_bytes(summary_workbook(summary))
    subprocess.run([str(find_soffice()), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=120)
    rows = list(csv.reader((tmp_path / "tong-hop.csv").read_text(encoding="utf-8").splitlines()))
    awards = [a for d in summary.decisions for a in d.decision.awards]
    assert rows[0][:2] == ["STT", "Quyết định"] and len(rows) == len(awards) + 2
    assert rows[1][4] == FORMULA and rows[-1][1] == "Tổng cộng"
    assert int(rows[-1][9].replace(",", "")) == sum(d.decision.total for d in summary.decisions)


def test_no_entry_of_a_data_book_carries_a_zip64_header():
    """Excel takes a ZIP64 header on a small entry for a damaged file: every local header is a plain one."""
    data = _awkward_book()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            header = data[info.header_offset:info.header_offset + 30]
            needed, extra = int.from_bytes(header[4:6], "little"), int.from_bytes(header[28:30], "little")
            assert header[:4] == b"PK\x03\x04" and needed == 20 and extra == 0, info.filename
