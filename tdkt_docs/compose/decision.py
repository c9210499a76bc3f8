"""Nominations → Quyết định khen thưởng contexts, one per (batch, form, tờ trình) or (batch, form)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..read import cells
from ..read.records import Agency, Batch, Nomination, Recipient
from ..read.schema import AGENCY, BATCHES, DOCUMENTS, KINDS, NOMINATIONS, ORDERS, RECIPIENTS, SPLITS
from ..read.workbook import WorkbookData
from ..rules.collation import match_key, person_sort_key, sort_key
from ..rules.dates import long_date, short_date
from ..rules.legal import (AwardForm, award_forms, find_form, legal_basis_on, legal_basis_province,
                           rules_used_unverified)
from ..rules.money import Prize, format_amount, prize_amount
from ..rules.numbering import roman, two_digit
from ..rules.practice import decision_wording, unit_head
from ..rules.words import amount_in_words
from ..files import slug
from .common import archive_places, header_context, recipient_lines, sentence_lines, signature_context
from .document import Composition, DocumentPlan, Source

KIND = "quyet_dinh"
TEMPLATE = "quyet-dinh.docx"
TYPE_CODE = "QĐ"
PASSED = ("Đạt", "")
AUTOMATIC_LINES = ("như điều 3", "như trên")  # Nơi nhận lines the decision writes itself
COLLECTIVE = KINDS[0]


@dataclass(frozen=True)
class Delivery:
    """One line of a decision's distribution sheet."""

    recipient: str
    copies: int
    via: str = ""  # the line of Nơi nhận it stands behind


@dataclass(frozen=True)
class Composed:
    """A decision with its distribution, as carried to summaries."""

    decision: Decision
    deliveries: list[Delivery]


@dataclass(frozen=True)
class BatchSummary:
    batch: Batch
    decisions: list[tuple[DocumentPlan, list[Delivery]]]


@dataclass(frozen=True)
class Award:
    nomination: Nomination
    prize: Prize


@dataclass(frozen=True)
class Decision:
    """One decision: its batch, form, awards in list order, and assigned number."""

    batch: Batch
    form: AwardForm
    awards: tuple[Award, ...]
    number: int | None

    @property
    def submissions(self) -> list[Nomination]:
        """One nomination per tờ trình, in the order they first appear."""
        firsts = {}
        for award in sorted(self.awards, key=lambda a: a.nomination.rows[0]):
            firsts.setdefault(submission_key(award.nomination), award.nomination)
        return list(firsts.values())

    def count(self, kind: str) -> int:
        return sum(a.nomination.kind == kind for a in self.awards)

    def prize_of(self, kind: str) -> Prize | None:
        return next((a.prize for a in self.awards if a.nomination.kind == kind), None)

    @property
    def total(self) -> int:
        return sum(a.prize.amount for a in self.awards)


def compose_decisions(data: WorkbookData) -> Composition:
    nominations = data.all(NOMINATIONS.key)
    agency = data.one(AGENCY.key)
    if not nominations:
        return Composition([], [f'Bỏ qua Quyết định khen thưởng: trang "{NOMINATIONS.title}" chưa có đề nghị nào.'])
    if agency is None:
        return Composition([], [f'Bỏ qua Quyết định khen thưởng: trang "{AGENCY.title}" chưa được điền.'])
    skipped = [f'Không đưa vào quyết định: dòng {n.rows[0]} ("{n.name}") có kết quả thẩm định "{n.appraisal}".'
               for n in nominations if n.appraisal not in PASSED]
    passed = [n for n in nominations if n.appraisal in PASSED]
    recipients = [r for r in data.all(RECIPIENTS.key) if r.document == DOCUMENTS[1]]
    automatic = [r for r in recipients if cells.header_key(r.name).strip(" -;.") in AUTOMATIC_LINES]
    skipped += [f'Trang "{RECIPIENTS.title}", dòng {r.rows[0]}: "{r.name}" được bỏ qua vì quyết định tự ghi '
                "dòng này." for r in automatic]
    recipients = [r for r in recipients if r not in automatic]
    province = legal_basis_province()
    if match_key(agency.place) != match_key(province):
        skipped.append(f'Các dòng căn cứ của quyết định lấy từ data/can-cu.toml là của tỉnh {province}, khác địa danh '
                       f'"{agency.place}" ở trang "{AGENCY.title}": hãy sửa data/can-cu.toml cho đúng tỉnh mình '
                       "trước khi trình ký.")
    documents, summaries = [], []
    for batch in data.all(BATCHES.key):
        members = [n for n in passed if match_key(n.batch) == match_key(batch.name)]
        if not members:
            skipped.append(f'Đợt "{batch.name}" chưa có đề nghị nào đạt, không có quyết định.')
            continue
        plans = [decision_document(agency, decision, recipients, serial)
                 for serial, decision in enumerate(decisions_of(batch, members), start=1)]
        documents += plans
        summaries.append(BatchSummary(batch, [(plan, plan.payload.deliveries) for plan in plans]))
    return Composition(documents, skipped, summaries)


def decisions_of(batch: Batch, nominations: list[Nomination]) -> list[Decision]:
    """Group a batch's nominations into decisions, in a stable order, numbered if asked."""
    forms = {f.key: i for i, f in enumerate(award_forms())}
    by_submission = batch.split != SPLITS[1]

    def key(n: Nomination) -> tuple:
        form = find_form(n.form)
        return (forms[form.key], submission_key(n) if by_submission else ())

    groups: dict[tuple, list[Nomination]] = {}
    for n in sorted(nominations, key=lambda n: n.rows[0]):
        groups.setdefault(key(n), []).append(n)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[1][0].rows[0]))
    decisions = []
    for index, (_, members) in enumerate(ordered):
        form = find_form(members[0].form)
        awards = tuple(Award(n, prize_amount(form, n.kind, batch.signing)) for n in order_entries(members, batch.order))
        number = batch.first_number + index if batch.first_number else None
        decisions.append(Decision(batch, form, awards, number))
    return decisions


def submission_key(n: Nomination) -> tuple:
    """A tờ trình is its unit, number and date: two units may both send a "12/TTr-UBND"."""
    return (match_key(n.unit), match_key(n.submission_no), n.submission_date)


def order_entries(nominations: list[Nomination], order: str) -> list[Nomination]:
    """Kinds in the order tập thể, cá nhân, hộ gia đình; within a kind as submitted or alphabetical."""
    def key(n: Nomination) -> tuple:
        if order != ORDERS[1]:
            return (KINDS.index(n.kind), n.rows[0])
        name_key = sort_key(n.name) if n.kind == COLLECTIVE else person_sort_key(n.name)
        return (KINDS.index(n.kind), name_key, n.rows[0])
    return sorted(nominations, key=key)


def decision_document(agency: Agency, decision: Decision, recipients: list[Recipient], serial: int) -> DocumentPlan:
    batch, form = decision.batch, decision.form
    header = header_context(agency, TYPE_CODE, decision.number, batch.signing if decision.number else None,
                            batch.signing.year)
    bases = legal_basis_on(batch.signing)
    context = {
        **header,
        "nam": batch.signing.year,
        "trich_yeu": form.title,
        "tham_quyen_ban_hanh": "CHỦ TỊCH " + " ".join(agency.name_lines).upper(),
        "can_cu": sentence_lines([b.text for b in bases] + [proposal_line(decision)], last_end="."),
        "dieu_1": article_1(decision),
        "dieu_2": article_2(decision),
        "dieu_3": article_3(decision),
        "noi_nhan": ["- Như Điều 3;"] + recipient_lines(recipients, batch.archive or decision_wording()["luu"]),
        "chu_ky": signature_context("", batch.position, batch.signer),
        "danh_sach": attached_list(agency, decision, header["so_ky_hieu"]),
    }
    deliveries = distribution(decision, recipients)
    first = decision.submissions[0]
    suffix = slug(form.key) + ("" if batch.split == SPLITS[1] else "-" + slug(first.unit))
    serial_text = two_digit(decision.number if decision.number else serial)
    used = [a.prize for a in decision.awards] + bases
    return DocumentPlan(
        kind=KIND, template=TEMPLATE, context=context,
        filename=f"{slug(batch.name)}/qd-{serial_text}-{suffix}.docx",
        sources=(Source(BATCHES.title, batch.rows),
                 Source(NOMINATIONS.title, tuple(sorted(a.nomination.rows[0] for a in decision.awards)))),
        title=f"Quyết định tặng {form.phrase} ({describe_counts(decision)})",
        group=batch.name,
        warnings=tuple(rules_used_unverified(used)),
        copies=sum(d.copies for d in deliveries),
        payload=Composed(decision, deliveries),
        extra={
            "dot": batch.name, "quy": batch.quarter, "hinh_thuc": form.name, "so": decision.number,
            "so_nguoi": len(decision.awards), "tong_tien": decision.total,
            "phat_hanh": [{"noi_nhan": d.recipient, "so_ban": d.copies, "theo_dong": d.via} for d in deliveries],
        },
    )


def describe_counts(decision: Decision) -> str:
    parts = [f"{two_digit(c)} {kind.lower()}" for kind in KINDS if (c := decision.count(kind))]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def proposal_line(decision: Decision) -> str:
    units = "; ".join(
        f"{unit_head(n.unit, n.unit_head)} tại Tờ trình số {n.submission_no} ngày {short_date(n.submission_date)}"
        for n in decision.submissions)
    batch = decision.batch
    return (f"Xét đề nghị của {units} và đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {batch.submission_no} "
            f"ngày {short_date(batch.submission_date)}")


def achievement(n: Nomination) -> str:
    """The achievement text without the user's closing punctuation (the document adds its own)."""
    return n.achievement.rstrip(" .;,:")


def _achievements(decision: Decision) -> list[str]:
    return list(dict.fromkeys(achievement(a.nomination) for a in decision.awards))


def article_1(decision: Decision) -> str:
    achievements = _achievements(decision)
    counts = describe_counts(decision)
    head = f"Tặng {decision.form.phrase} cho {counts}"
    if len(achievements) == 1:
        text = achievements[0]
        return f"{head} (có danh sách kèm theo), {text[:1].lower()}{text[1:]}."
    return f"{head} đã có thành tích xuất sắc (có danh sách kèm theo)."


def article_2(decision: Decision) -> str:
    each = [f"mỗi {kind.lower()} là {format_amount(prize.amount)} đồng"
            for kind in KINDS if (prize := decision.prize_of(kind))]
    total = decision.total
    return (f"Tiền thưởng kèm theo cho {', '.join(each)}; tổng số tiền: {format_amount(total)} đồng "
            f"(Bằng chữ: {amount_in_words(total)}), trích từ {decision_wording()['quy']} năm {decision.batch.signing.year}.")


def executors(decision: Decision) -> list[str]:
    heads = [unit_head(n.unit, n.unit_head) for n in decision.submissions]
    return list(dict.fromkeys(decision_wording()["thi_hanh"] + heads))


def article_3(decision: Decision) -> str:
    named = ", ".join(k.lower() for k in KINDS if decision.count(k))
    return (f"{', '.join(executors(decision))} và các {named} có tên tại Điều 1 "
            "chịu trách nhiệm thi hành Quyết định này./.")


def attached_list(agency: Agency, decision: Decision, number_and_code: str) -> dict:
    kinds = [k.upper() for k in KINDS if decision.count(k)]
    batch = decision.batch
    date = long_date(batch.signing if decision.number else None, year=batch.signing.year)
    return {
        "tieu_de": f"{', '.join(kinds)} ĐƯỢC TẶNG {decision.form.phrase.upper()}",
        "kem_theo": f"(Kèm theo Quyết định số {number_and_code} {date} của Chủ tịch {agency.short_name})",
        "dong": list_lines(decision),
    }


def listed_awards(decision: Decision) -> list[Award]:
    """Awards in the order of the attached list: by kind, then (when they differ) by achievement."""
    order = _achievements(decision)
    return sorted(decision.awards, key=lambda a: (KINDS.index(a.nomination.kind),
                                                  order.index(achievement(a.nomination))))


def list_lines(decision: Decision) -> list[dict]:
    """Group headings, achievement sub-headings (when achievements differ) and numbered entries."""
    mixed = len(_achievements(decision)) > 1
    lines = []
    present = [k for k in KINDS if decision.count(k)]
    for index, kind in enumerate(present, start=1):
        awards = [a for a in listed_awards(decision) if a.nomination.kind == kind]
        lines.append({"kieu": "nhom", "noi_dung": f"{roman(index)}. {kind.upper()} ({two_digit(len(awards))})"})
        number = 0
        groups = groupby(awards, key=lambda a: achievement(a.nomination))
        for text, members in groups:
            if mixed:
                lines.append({"kieu": "thanh_tich", "noi_dung": text + ":"})
            for award in members:
                number += 1
                lines.append({"kieu": "muc", "noi_dung": f"{number}. {entry(award.nomination)};"})
    if lines:
        lines[-1]["noi_dung"] = lines[-1]["noi_dung"][:-1] + "."
    return lines


def awardee_name(n: Nomination) -> str:
    """"Ông Nguyễn Văn A", "Hộ gia đình bà Hoàng Thị Sen", or the collective's name."""
    if n.kind == COLLECTIVE:
        return n.name
    if n.kind == KINDS[2]:
        return " ".join(part for part in ("Hộ gia đình", n.address.lower(), n.name) if part)
    return f"{n.address} {n.name}"


def entry(n: Nomination) -> str:
    """"Ông Nguyễn Văn A, Trưởng phòng …, Sở …" as the attached list prints it."""
    return ", ".join(part for part in (awardee_name(n), n.position, n.workplace) if part)


def distribution(decision: Decision, recipients: list[Recipient]) -> list[Delivery]:
    """Concrete recipients and copy counts behind every Nơi nhận line of a decision."""
    as_article_3 = "Như Điều 3"
    lines = [Delivery(name, 1, as_article_3) for name in executors(decision)]
    lines += [Delivery(entry(a.nomination), 1, as_article_3) for a in decision.awards]
    lines += [Delivery(r.name, r.copies or 1, r.name) for r in recipients]
    archive = decision.batch.archive or decision_wording()["luu"]
    lines += [Delivery(place, 1, "Lưu") for place in archive_places(archive)]
    return lines
