"""Per-batch summary workbook for the finance and records office.

Sheets: every awardee with decision, form and amount; totals per decision, per
form and per quarter; and the distribution of every decision with copy counts.
"""
from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..compose.decision import BatchSummary, Decision, awardee_name
from ..files import deterministic_zip

MONEY = "#,##0"
BOLD = Font(name="Times New Roman", bold=True)
FIXED_TIME = dt.datetime(2000, 1, 1)


def decision_label(plan, decision: Decision) -> str:
    """"05/QĐ-UBND" once numbered, else the file name (the văn thư numbers it later)."""
    return plan.context["so_ky_hieu"] if decision.number else f'Chưa có số ({plan.filename.rsplit("/", 1)[-1]})'


def summary_workbook(summary: BatchSummary, history: dict | None = None) -> bytes:
    """``history``: earlier awards from the register by nomination row (None: no register consulted)."""
    book = openpyxl.Workbook()
    _awardees(book.active, summary)
    _totals(book.create_sheet("Tổng hợp"), summary)
    _distribution(book.create_sheet("Phát hành"), summary)
    if history is not None:
        _history(book.create_sheet("Tra cứu khen thưởng đã có"), summary, history)
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic_zip(buffer.getvalue())


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
    for plan, _ in summary.decisions:
        decision: Decision = plan.payload.decision
        for award in decision.awards:
            n = award.nomination
            row += 1
            ws.append([row - 1, decision_label(plan, decision), decision.form.name, n.kind,
                       awardee_name(n), n.position, n.workplace, n.unit, n.submission_no, award.prize.amount])
            ws.cell(row, 10).number_format = MONEY
    ws.append([None, "Tổng cộng", None, None, None, None, None, None, None,
               sum(p.payload.decision.total for p, _ in summary.decisions)])
    row += 1
    ws.cell(row, 2).font = ws.cell(row, 10).font = BOLD
    ws.cell(row, 10).number_format = MONEY


def _totals(ws: Worksheet, summary: BatchSummary) -> None:
    groups = {
        "Theo quyết định": defaultdict(lambda: [0, 0]),
        "Theo hình thức": defaultdict(lambda: [0, 0]),
        "Theo quý": defaultdict(lambda: [0, 0]),
    }
    for plan, _ in summary.decisions:
        decision: Decision = plan.payload.decision
        for key, bucket in ((decision_label(plan, decision), "Theo quyết định"),
                            (decision.form.name, "Theo hình thức"),
                            (summary.batch.quarter, "Theo quý")):
            groups[bucket][key][0] += len(decision.awards)
            groups[bucket][key][1] += decision.total
    _header(ws, ["Nhóm", "Tên", "Số người/tập thể", "Tổng tiền (đồng)"], [18, 44, 16, 18])
    row = 1
    for bucket, rows in groups.items():
        for name, (count, total) in rows.items():
            ws.append([bucket, name, count, total])
            row += 1
            ws.cell(row, 4).number_format = MONEY


def _distribution(ws: Worksheet, summary: BatchSummary) -> None:
    _header(ws, ["Quyết định", "Dòng Nơi nhận", "Nơi nhận cụ thể", "Số bản"], [28, 30, 60, 8])
    row = 1
    for plan, deliveries in summary.decisions:
        label = decision_label(plan, plan.payload.decision)
        for delivery in deliveries:
            ws.append([label, delivery.via, delivery.recipient, delivery.copies])
        ws.append([label, "Cộng", None, sum(d.copies for d in deliveries)])
        row += len(deliveries) + 1
        ws.cell(row, 2).font = ws.cell(row, 4).font = BOLD


def _history(ws: Worksheet, summary: BatchSummary, history: dict) -> None:
    """Each awardee of the batch with the awards the register already holds, newest first."""
    _header(ws, ["Tên trong đợt này", "Hình thức đã được khen", "Quyết định", "Ngày", "Cơ quan ban hành",
                 "Thành tích", "Lưu ý"], [30, 34, 18, 12, 30, 50, 40])
    for plan, _ in summary.decisions:
        for award in plan.payload.decision.awards:
            n = award.nomination
            lines = history.get(n.rows[0], [])
            if not lines:
                ws.append([awardee_name(n), "Chưa có trong sổ theo dõi"])
            for line in lines:
                ws.append([awardee_name(n), line.form, line.number, line.signed, line.issuer, line.achievement,
                           "; ".join(line.notes)])
                ws.cell(ws.max_row, 4).number_format = "DD/MM/YYYY"
    ws.auto_filter.ref = ws.dimensions
