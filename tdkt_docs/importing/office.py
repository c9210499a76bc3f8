"""The office workbook being appended to: existing rows read, new rows added below, saved atomically.

The workbook is opened with its formulas, styles, dropdowns and other sheets and
saved whole; existing cells are never written. Before the save a copy of the file
as it was is kept beside it (``<name>.bak.xlsx``).
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from copy import copy
from pathlib import Path

from openpyxl.styles.numbers import is_date_format
from openpyxl.utils import get_column_letter

from ..errors import UserError
from ..glossary import kept_name
from ..render.xlsx import put, save_workbook
from ..files import atomic_path
from ..read import cells
from ..read.schema import AGENCY, BATCHES, NOMINATIONS
from ..read.workbook import WorkbookData, find_sheet, locate_headers, open_workbook, read_form
from ..rules.book import Rules
from ..rules.collation import match_key, name_key
from ..rules.issuer import Issuer, issuer_of
from ..rules.legal import Catalogue
from .words import kind_of

Fingerprint = tuple[str, ...]


def fingerprint(values: dict[str, object], catalogue: Catalogue) -> Fingerprint:
    """Same unit, tờ trình, kind, name and form: the same nomination, whatever else was edited."""
    form = catalogue.find(str(values.get("form") or ""))
    return (match_key(str(values.get("unit") or "")), match_key(str(values.get("submission_no") or "")),
            match_key(str(values.get("kind") or "")), _name(values), form.key if form else match_key(str(values.get("form") or "")))


def person(values: dict[str, object]) -> Fingerprint:
    return match_key(str(values.get("kind") or "")), _name(values), match_key(str(values.get("workplace") or ""))


def _name(values: dict[str, object]) -> str:
    """The name compared as the register keeps it: with or without the rank or "Hộ ông" typed before it."""
    return name_key(kept_name(kind_of(str(values.get("kind") or "")), str(values.get("name") or "")))


class OfficeBook:
    """The office's Đề nghị khen thưởng sheet, ready for rows to be appended, and who decides on them."""

    def __init__(self, path: Path, rules: Rules) -> None:
        self.path = Path(path)
        self.catalogue = rules.catalogue
        self.book = open_workbook(self.path, data_only=False)  # formulas kept as formulas
        self.ws = find_sheet(self.book, NOMINATIONS.title)
        if self.ws is None:
            raise UserError(f'Sổ "{self.path.name}" không có trang "{NOMINATIONS.title}": đây không phải sổ số liệu '
                            'tạo bằng "tdkt init". Hãy chỉ đúng sổ số liệu của cơ quan.')
        header_row, self.columns, problems = locate_headers(self.ws, NOMINATIONS)
        if header_row is None:
            raise UserError(f'Sổ "{self.path.name}", trang "{NOMINATIONS.title}": '
                            + " ".join(p.message for p in problems if p.is_error))
        self.header_row = header_row
        self.rows: list[tuple[int, dict[str, object]]] = []
        rows = self.ws.iter_rows(min_row=header_row + 1, max_col=max(self.columns.values()), values_only=True)
        for row, raw in enumerate(rows, start=header_row + 1):
            values = {key: raw[col - 1] for key, col in self.columns.items()}
            if not all(cells.is_blank(v) for v in values.values()):
                self.rows.append((row, values))
        self.last_row = self.rows[-1][0] if self.rows else header_row
        self.added: list[int] = []
        self.issuer = self._issuer(rules)

    def _issuer(self, rules: Rules) -> Issuer | None:
        """Who decides on the workbook's nominations, as the build reads the Cơ quan sheet; None when it cannot
        say (the build reports why)."""
        ws = find_sheet(self.book, AGENCY.title)
        if ws is None:
            return None
        data = WorkbookData(self.path)
        data.records[AGENCY.key] = read_form(ws, AGENCY)[0]
        return issuer_of(data, rules.levels)[0]

    def has(self, key: str) -> bool:
        """Whether the sheet has the column ``key`` (a workbook of an earlier version may lack one)."""
        return key in self.columns

    def batches(self) -> list[str]:
        ws = find_sheet(self.book, BATCHES.title)
        if ws is None:
            return []
        header_row, columns, _ = locate_headers(ws, BATCHES)
        if header_row is None:
            return []
        names = (ws.cell(row, columns["name"]).value for row in range(header_row + 1, ws.max_row + 1))
        return [cells.as_text(name) for name in names if not cells.is_blank(name)]

    def units(self) -> list[str]:
        return list(dict.fromkeys(cells.as_text(v["unit"]) for _, v in self.rows if not cells.is_blank(v["unit"])))

    def fingerprints(self) -> Counter:
        return Counter(fingerprint(values, self.catalogue) for _, values in self.rows)

    def people(self, batch: str) -> dict[Fingerprint, int]:
        """Who is already proposed in ``batch``: person key → its row."""
        found: dict[Fingerprint, int] = {}
        for row, values in self.rows:
            if match_key(str(values.get("batch") or "")) == match_key(batch):
                found.setdefault(person(values), row)
        return found

    def append(self, values: dict[str, object]) -> int:
        """Write one new row below the last used one; returns its row number."""
        row = self.last_row + 1
        for key, col in self.columns.items():
            cell = self.ws.cell(row, col)
            if not cell.has_style and (model := self._style_model(row, col)) is not None:
                cell._style = copy(model._style)
            value = values.get(key)
            if isinstance(value, dt.date) and not is_date_format(cell.number_format):
                cell.number_format = "dd/mm/yyyy"
            put(cell, value if value not in ("", None) else None)
        self.rows.append((row, values))
        self.last_row = row
        self.added.append(row)
        return row

    def _style_model(self, row: int, col: int):
        """What a new cell looks like: its column's style (as Excel shows an empty cell), else the cell above."""
        column = self.ws.column_dimensions[get_column_letter(col)]
        if column.has_style:
            return column
        above = self.ws.cell(row - 1, col) if row - 1 > self.header_row else None
        return above if above is not None and above.has_style else None

    def save(self) -> Path:
        """Keep a copy of the workbook as it was, then replace it atomically; returns the copy's path."""
        backup = self.path.with_name(f"{self.path.stem}.bak{self.path.suffix}")
        with atomic_path(backup) as tmp:
            shutil.copyfile(self.path, tmp)
        save_workbook(self.book, self.path)
        return backup
