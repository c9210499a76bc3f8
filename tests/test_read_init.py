"""`tdkt init`: the ready-to-fill workbook derived from the schema."""
import dataclasses

import openpyxl
import pytest

from tdkt_docs.glossary import Quarter
from tdkt_docs.read.schema import HELP_SHEET, LISTS_SHEET, SHEETS, Layout

from helpers import run_tdkt


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    """The workbook of one `tdkt init`, opened; the first test checks the command itself."""
    target = tmp_path_factory.mktemp("init") / "moi.xlsx"
    done = run_tdkt("init", target)
    assert done.returncode == 0, done.stderr
    assert "Đã tạo" in done.stdout
    return openpyxl.load_workbook(target)


def test_init_writes_every_sheet_with_help_first_and_hidden_lists(blank):
    book = blank
    assert book.sheetnames == [HELP_SHEET] + [s.title for s in SHEETS] + [LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    help_text = "\n".join(str(c.value) for row in book[HELP_SHEET].iter_rows() for c in row if c.value)
    for sheet in SHEETS:
        assert f'Trang "{sheet.title}"' in help_text
        for column in sheet.columns:
            assert column.header in help_text


def test_table_sheets_have_headers_frozen_widths_and_an_example_row(blank):
    book = blank
    for sheet in (s for s in SHEETS if s.layout is Layout.TABLE):
        ws = book[sheet.title]
        assert [c.value for c in ws[1]][:len(sheet.columns)] == [c.header for c in sheet.columns]
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width == sheet.columns[0].width
        example = [c.value for c in ws[2]][:len(sheet.columns)]
        assert any(example), sheet.title
        assert ws["A2"].font.italic


def test_dropdowns_point_at_the_hidden_list_sheet_and_inputs_have_prompts(blank):
    book = blank
    tasks = book["Phụ lục"]
    lists = [dv for dv in tasks.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    formula = lists[0].formula1
    assert formula.startswith(f"'{LISTS_SHEET}'!$")
    column, first, last = formula.split("!$")[1].replace("$", "").replace(":", " ").split()[0][0], 2, 5
    values = [book[LISTS_SHEET][f"{column}{r}"].value for r in range(first, last + 1)]
    assert tuple(values) == Quarter.labels()
    assert "A2:A2000" in str(lists[0].sqref)
    prompts = {dv.promptTitle: dv.prompt for dv in tasks.data_validations.dataValidation}
    assert prompts["Đơn vị chỉ đạo"] == "Mỗi đơn vị một dòng."
    assert all(dv.showInputMessage for dv in tasks.data_validations.dataValidation)


def test_form_sheets_list_every_field_with_help(blank):
    ws = blank["Kế hoạch"]
    labels = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert labels == [c.header for c in SHEETS[1].columns]
    assert "Phó Chủ tịch ký" in ws.cell(labels.index("Chức vụ người ký") + 2, 3).value


def test_init_refuses_to_overwrite_and_wants_xlsx(tmp_path):
    target = tmp_path / "co-san.xlsx"
    target.write_bytes(b"x")
    done = run_tdkt("init", target)
    assert done.returncode == 1
    assert "đã có" in done.stderr and "--force" in done.stderr
    assert target.read_bytes() == b"x"
    done = run_tdkt("init", tmp_path / "so-lieu.xls")
    assert done.returncode == 1 and "đuôi .xlsx" in done.stderr


def test_a_table_sheets_record_holds_its_columns_in_order_then_rows_and_cells():
    """Rows are made into records positionally (``read.workbook.table_rows``, ``TableRows.extend``): a record
    whose fields were reordered would take one column's values for another's."""
    for sheet in (s for s in SHEETS if s.layout is Layout.TABLE):
        fields = [field.name for field in dataclasses.fields(sheet.record)]
        assert fields == [column.key for column in sheet.columns] + ["rows", "cells"], sheet.key
