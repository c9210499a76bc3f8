"""Per-batch summary workbook for the finance and records office.

Sheets: every awardee with decision, form, amount and why a prize is not paid; totals per decision, per form
and per quarter; and the distribution of every decision with copy counts. Written row by row
(``sheets.DataBook``): memory stays flat however many awardees the batch has.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..compose.common import awardee_name
from ..rules.money import format_amount
from .sheets import MONEY, Column, DataBook, Style, Styled

if TYPE_CHECKING:
    from ..documents.quyet_dinh import BatchSummary
    from ..rules.awards import Award

__all__ = ["HISTORY_SHEET", "MONEY", "period", "summary_workbook"]

HISTORY_SHEET = "Tra cứu khen thưởng đã có"


def summary_workbook(summary: BatchSummary, history: dict[int, list] | None = None) -> bytes:
    """``history``: workbook row → earlier awards found in the award register (its own sheet, when any)."""
    book = DataBook()
    _awardees(book, summary)
    _totals(book, summary)
    _distribution(book, summary)
    if history:
        _history(book, summary, history)
    return book.finish()


def _awardees(book: DataBook, summary: BatchSummary) -> None:
    columns = [("STT", 6), Column("Quyết định", 28, True), Column("Hình thức", 34, True), Column("Loại", 12, True),
               ("Tên", 30), Column("Chức vụ", 30, True), Column("Đơn vị công tác", 30, True),
               Column("Đơn vị trình", 28, True), Column("Tờ trình", 18, True), ("Số tiền (đồng)", 16), ("Ghi chú", 40)]
    paid = {id(a.forgone.paid) for document in summary.decisions for a in document.decision.awards if a.forgone}
    labels = {id(a): document.label for document in summary.decisions for a in document.decision.awards
              if id(a) in paid}  # the decision of each award paid for another (few: not one per awardee)
    with book.sheet("Danh sách", columns) as ws:
        serial = 0
        for document in summary.decisions:
            decision = document.decision
            for award in decision.awards:
                n = award.nomination
                serial += 1
                ws.row([serial, document.label, decision.form.name, n.kind.label, awardee_name(n), n.position,
                        n.workplace, n.unit, n.submission_no,
                        Styled(award.amount if award.prize else None, Style.MONEY),  # None: a form without money
                        _forgone_note(award, labels)])
        ws.row([None, Styled("Tổng cộng", Style.BOLD), None, None, None, None, None, None, None,
                Styled(sum(d.decision.total for d in summary.decisions), Style.BOLD_MONEY), None])


def _forgone_note(award: Award, labels: dict[int, str]) -> str | None:
    """Why an award's prize is not paid (``labels``: each award's decision, by ``id``)."""
    if not award.forgone:
        return None
    paid = award.forgone.paid
    return (f"Không chi {format_amount(award.prize.amount)} đồng: nhận tiền thưởng {paid.form.name} "
            f"({labels[id(paid)]}), danh hiệu cao hơn cùng đợt")


def _totals(book: DataBook, summary: BatchSummary) -> None:
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
    with book.sheet("Tổng hợp", [("Nhóm", 18), ("Tên", 44), ("Số người/tập thể", 16), ("Tổng tiền (đồng)", 18)]) as ws:
        for bucket, rows in groups.items():
            for name, (count, total) in rows.items():
                ws.row([bucket, name, count, Styled(total, Style.MONEY)])


def _history(book: DataBook, summary: BatchSummary, history: dict[int, list]) -> None:
    """Each awardee's earlier awards in the register, as ``tdkt tra-cuu`` finds them."""
    columns = [("Quyết định", 28), ("Tên", 30), ("Dòng trong sổ", 10), ("Đã được khen", 40),
               ("Quyết định đã ký", 44), ("Năm", 8), ("Khớp người", 22)]
    with book.sheet(HISTORY_SHEET, columns) as ws:
        for document in summary.decisions:
            for award in document.decision.awards:
                row = award.nomination.rows[0]
                for earlier in history.get(row, []):
                    ws.row([document.label, awardee_name(award.nomination), row, earlier.form, earlier.where,
                            earlier.year, "chắc chắn" if earlier.certain else "có thể (cùng tên)"])


def period(batch) -> tuple[str, str]:
    """A batch counts under its quarter, or under its own name when it has none (năm học, chuyên đề)."""
    return (batch.quarter.label, "Theo quý") if batch.quarter else (batch.name, "Theo đợt")


def _distribution(book: DataBook, summary: BatchSummary) -> None:
    with book.sheet("Phát hành", [Column("Quyết định", 28, True), Column("Dòng Nơi nhận", 30, True),
                                  ("Nơi nhận cụ thể", 60), ("Số bản", 8)]) as ws:
        for document in summary.decisions:
            for delivery in document.deliveries:
                ws.row([document.label, delivery.via, delivery.recipient, delivery.copies])
            ws.row([document.label, Styled("Cộng", Style.BOLD), None,
                    Styled(sum(d.copies for d in document.deliveries), Style.BOLD)])
