"""Per-batch summary workbook for the finance and records office.

Sheets: every awardee with decision, form and amount; totals per decision, per
form and per quarter; and the distribution of every decision with copy counts.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..compose.common import awardee_name
from .xlsx import append, cell, workbook_bytes

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    from ..documents.quyet_dinh import BatchSummary

MONEY = "#,##0"
BOLD = Font(name="Times New Roman", bold=True)
WRAP = Alignment(wrap_text=True, vertical="center")


def summary_workbook(summary: BatchSummary, history: dict[int, list] | None = None) -> bytes:
    """``history``: workbook row → earlier awards found in the award register (its own sheet, when any).

    Written row by row (openpyxl write-only): memory stays flat however many awardees the batch has."""
    book = openpyxl.Workbook(write_only=True)
    _awardees(book.create_sheet("Danh sách"), summary)
    _totals(book.create_sheet("Tổng hợp"), summary)
    _distribution(book.create_sheet("Phát hành"), summary)
    if history:
        _history(book.create_sheet(HISTORY_SHEET), summary, history)
    return workbook_bytes(book)


def _header(ws: WriteOnlyWorksheet, titles: list[str], widths: list[int]) -> None:
    """The first row, frozen; column widths and panes must be set before any row is written."""
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"
    append(ws, [cell(ws, title, font=BOLD, alignment=WRAP) for title in titles])


def _awardees(ws: WriteOnlyWorksheet, summary: BatchSummary) -> None:
    _header(ws, ["STT", "Quyết định", "Hình thức", "Loại", "Tên", "Chức vụ", "Đơn vị công tác", "Đơn vị trình",
                 "Tờ trình", "Số tiền (đồng)"], [6, 28, 34, 12, 30, 30, 30, 28, 18, 16])
    serial = 0
    for document in summary.decisions:
        decision = document.decision
        for award in decision.awards:
            n = award.nomination
            serial += 1
            append(ws, [serial, document.label, decision.form.name, n.kind.label,
                        awardee_name(n), n.position, n.workplace, n.unit, n.submission_no,
                        cell(ws, award.prize.amount if award.prize else None,  # None: a form without money
                             number_format=MONEY)])
    append(ws, [None, cell(ws, "Tổng cộng", font=BOLD), None, None, None, None, None, None, None,
                cell(ws, sum(d.decision.total for d in summary.decisions), font=BOLD, number_format=MONEY)])


def _totals(ws: WriteOnlyWorksheet, summary: BatchSummary) -> None:
    groups = {
        "Theo quyết định": defaultdict(lambda: [0, 0]),
        "Theo hình thức": defaultdict(lambda: [0, 0]),
        "Theo quý": defaultdict(lambda: [0, 0]),
        "Theo đợt": defaultdict(lambda: [0, 0]),
    }
    for document in summary.decisions:
        decision = document.decision
        for key, bucket in ((document.label, "Theo quyết định"),
                            (decision.form.name, "Theo hình thức"),
                            period(summary.batch)):
            groups[bucket][key][0] += len(decision.awards)
            groups[bucket][key][1] += decision.total
    _header(ws, ["Nhóm", "Tên", "Số người/tập thể", "Tổng tiền (đồng)"], [18, 44, 16, 18])
    for bucket, rows in groups.items():
        for name, (count, total) in rows.items():
            append(ws, [bucket, name, count, cell(ws, total, number_format=MONEY)])


HISTORY_SHEET = "Tra cứu khen thưởng đã có"


def _history(ws: WriteOnlyWorksheet, summary: BatchSummary, history: dict[int, list]) -> None:
    """Each awardee's earlier awards in the register, as ``tdkt tra-cuu`` finds them."""
    _header(ws, ["Quyết định", "Tên", "Dòng trong sổ", "Đã được khen", "Quyết định đã ký", "Năm", "Khớp người"],
            [28, 30, 10, 40, 44, 8, 22])
    for document in summary.decisions:
        for award in document.decision.awards:
            row = award.nomination.rows[0]
            for earlier in history.get(row, []):
                append(ws, [document.label, awardee_name(award.nomination), row, earlier.form, earlier.where,
                            earlier.year, "chắc chắn" if earlier.certain else "có thể (cùng tên)"])


def period(batch) -> tuple[str, str]:
    """A batch counts under its quarter, or under its own name when it has none (năm học, chuyên đề)."""
    return (batch.quarter.label, "Theo quý") if batch.quarter else (batch.name, "Theo đợt")


def _distribution(ws: WriteOnlyWorksheet, summary: BatchSummary) -> None:
    _header(ws, ["Quyết định", "Dòng Nơi nhận", "Nơi nhận cụ thể", "Số bản"], [28, 30, 60, 8])
    for document in summary.decisions:
        for delivery in document.deliveries:
            append(ws, [document.label, delivery.via, delivery.recipient, delivery.copies])
        append(ws, [document.label, cell(ws, "Cộng", font=BOLD), None,
                    cell(ws, sum(d.copies for d in document.deliveries), font=BOLD)])
