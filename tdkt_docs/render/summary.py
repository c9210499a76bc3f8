"""Per-batch summary workbook for the finance and records office.

Sheets: every awardee with decision, form and amount; totals per decision, per
form and per quarter; and the distribution of every decision with copy counts.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..compose.common import awardee_name
from .xlsx import workbook_bytes

if TYPE_CHECKING:
    from ..documents.quyet_dinh import BatchSummary

MONEY = "#,##0"
BOLD = Font(name="Times New Roman", bold=True)


def summary_workbook(summary: BatchSummary, history: dict[int, list] | None = None) -> bytes:
    """``history``: workbook row → earlier awards found in the award register (its own sheet, when any)."""
    book = openpyxl.Workbook()
    _awardees(book.active, summary)
    _totals(book.create_sheet("Tổng hợp"), summary)
    _distribution(book.create_sheet("Phát hành"), summary)
    if history:
        _history(book.create_sheet(HISTORY_SHEET), summary, history)
    return workbook_bytes(book)


def _header(ws: Worksheet, titles: list[str], widths: list[int]) -> None:
    ws.append(titles)
    for cell, width in zip(ws[ws.max_row], widths):
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = f"A{ws.max_row + 1}"


def _awardees(ws: Worksheet, summary: BatchSummary) -> None:
    ws.title = "Danh sách"
    _header(ws, ["STT", "Quyết định", "Hình thức", "Loại", "Tên", "Chức vụ", "Đơn vị công tác", "Đơn vị trình",
                 "Tờ trình", "Số tiền (đồng)"], [6, 28, 34, 12, 30, 30, 30, 28, 18, 16])
    row = 1
    for document in summary.decisions:
        decision = document.decision
        for award in decision.awards:
            n = award.nomination
            row += 1
            ws.append([row - 1, document.label, decision.form.name, n.kind.label,
                       awardee_name(n), n.position, n.workplace, n.unit, n.submission_no,
                       award.prize.amount if award.prize else None])  # None: a form without money
            ws.cell(row, 10).number_format = MONEY
    ws.append([None, "Tổng cộng", None, None, None, None, None, None, None,
               sum(d.decision.total for d in summary.decisions)])
    row += 1
    ws.cell(row, 2).font = ws.cell(row, 10).font = BOLD
    ws.cell(row, 10).number_format = MONEY


def _totals(ws: Worksheet, summary: BatchSummary) -> None:
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
    row = 1
    for bucket, rows in groups.items():
        for name, (count, total) in rows.items():
            ws.append([bucket, name, count, total])
            row += 1
            ws.cell(row, 4).number_format = MONEY


HISTORY_SHEET = "Tra cứu khen thưởng đã có"


def _history(ws: Worksheet, summary: BatchSummary, history: dict[int, list]) -> None:
    """Each awardee's earlier awards in the register, as ``tdkt tra-cuu`` finds them."""
    _header(ws, ["Quyết định", "Tên", "Dòng trong sổ", "Đã được khen", "Quyết định đã ký", "Năm", "Khớp người"],
            [28, 30, 10, 40, 44, 8, 22])
    for document in summary.decisions:
        for award in document.decision.awards:
            row = award.nomination.rows[0]
            for earlier in history.get(row, []):
                ws.append([document.label, awardee_name(award.nomination), row, earlier.form, earlier.where,
                           earlier.year, "chắc chắn" if earlier.certain else "có thể (cùng tên)"])


def period(batch) -> tuple[str, str]:
    """A batch counts under its quarter, or under its own name when it has none (năm học, chuyên đề)."""
    return (batch.quarter.label, "Theo quý") if batch.quarter else (batch.name, "Theo đợt")


def _distribution(ws: Worksheet, summary: BatchSummary) -> None:
    _header(ws, ["Quyết định", "Dòng Nơi nhận", "Nơi nhận cụ thể", "Số bản"], [28, 30, 60, 8])
    row = 1
    for document in summary.decisions:
        for delivery in document.deliveries:
            ws.append([document.label, delivery.via, delivery.recipient, delivery.copies])
        ws.append([document.label, "Cộng", None, sum(d.copies for d in document.deliveries)])
        row += len(document.deliveries) + 1
        ws.cell(row, 2).font = ws.cell(row, 4).font = BOLD
