"""Document type: the Quyết định khen thưởng, one per (batch, form, tờ trình) or (batch, form).

Composition groups the resolved awards into decisions and gives the template the
facts of each; the sentences themselves are the template's (templates/quyet-dinh.docx).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial

from ..compose.common import (archive_places, awardee_name, entry, header_context, recipient_lines,
                              sentence_lines, signature_context)
from ..compose.document import (COMMON_VARIABLES, Attachment, Composition, DocumentPlan, DocumentType, Inputs, Items,
                                Source, fields)
from ..files import slug
from ..glossary import DocumentName, Order, RecipientKind, Split, Verb, batch_words
from ..read import cells
from ..read.records import Batch, Nomination, Recipient
from ..read.schema import AGENCY, BATCHES, NOMINATIONS, RECIPIENTS
from ..render.summary import summary_workbook
from ..rules.awards import Award, Resolution
from ..rules.issuer import Issuer
from ..rules.book import Rules
from ..rules.collation import match_key, number_key, person_sort_key, sort_key
from ..rules.dates import long_date, short_date
from ..rules.legal import AwardForm, rules_used_unverified
from ..rules.money import format_amount
from ..rules.numbering import roman, two_digit
from ..rules.words import amount_in_words
from ..text import spelled_out

TYPE_CODE = "QĐ"
AUTOMATIC_LINES = ("như điều 2", "như điều 3", "như trên")  # Nơi nhận lines the decision writes itself


@dataclass(frozen=True, slots=True)
class Delivery:
    """One line of a decision's distribution sheet."""

    recipient: str
    copies: int
    via: str = ""  # the line of Nơi nhận it stands behind

    def to_json(self) -> dict:
        """As the manifest lists it."""
        return {"noi_nhan": self.recipient, "so_ban": self.copies, "theo_dong": self.via}


@dataclass(frozen=True)
class Decision:
    """One decision: its batch, form, awards in list order, and assigned number."""

    batch: Batch
    form: AwardForm
    awards: tuple[Award, ...]
    number: int | None

    @cached_property  # the awards never change: each of these is worked out once
    def submissions(self) -> list[Nomination]:
        """One nomination per tờ trình, in the order they first appear."""
        firsts = {}
        for award in sorted(self.awards, key=lambda a: a.nomination.rows[0]):
            firsts.setdefault(submission_key(award.nomination), award.nomination)
        return list(firsts.values())

    @cached_property
    def kinds(self) -> list[RecipientKind]:
        return [k for k in RecipientKind if self.count(k)]

    def count(self, kind: RecipientKind) -> int:
        return self._counts[kind]

    @cached_property
    def _counts(self) -> Counter[RecipientKind]:
        return Counter(a.kind for a in self.awards)

    @cached_property
    def total(self) -> int:
        return sum(a.amount for a in self.awards)

    @property
    def pays(self) -> bool:
        """It awards money: its form comes with a prize that is not forgone by every awardee."""
        return self.form.paid and self.total > 0

    @cached_property
    def achievements(self) -> list[str]:
        return list(dict.fromkeys(achievement(a.nomination) for a in self.awards))

    @cached_property
    def entries(self) -> tuple[str, ...]:
        """Each award's line of the attached list, in award order (for the list and the distribution sheet)."""
        return tuple(entry(a.nomination) for a in self.awards)


@dataclass(eq=False)
class Distribution:
    """A decision's distribution (``distribution``), worked out when first asked for (by the summary workbook, the
    manifest), not when the decision is composed: a year-end batch's hundred thousand lines are then made while
    the documents render, not before any can. As the manifest lists it: its deliveries."""

    decision: Decision
    recipients: list[Recipient]
    issuer: Issuer
    executing: int  # the article that says who executes the decision
    rules: Rules

    @cached_property
    def deliveries(self) -> list[Delivery]:
        return self._lines(self.decision.entries)

    def copies(self) -> int:
        """The copies it gives out, counted without making a line for each awardee: one copy each, and the rest
        of the distribution's."""
        return len(self.decision.awards) + sum(delivery.copies for delivery in self._lines(()))

    def to_json(self) -> list[Delivery]:
        return self.deliveries

    def _lines(self, entries: tuple[str, ...]) -> list[Delivery]:
        return distribution(self.decision, entries, self.recipients, self.issuer, self.executing, self.rules)


@dataclass(frozen=True)
class DecisionDocument:
    """A composed decision with the plan it renders from and its distribution."""

    plan: DocumentPlan
    decision: Decision
    distribution: Distribution
    number: str  # "05/QĐ-UBND", or the blank the văn thư fills in

    @property
    def deliveries(self) -> list[Delivery]:
        return self.distribution.deliveries

    @property
    def label(self) -> str:
        """"05/QĐ-UBND" once numbered, else the file name (the văn thư numbers it later)."""
        if self.decision.number:
            return self.number
        return f'Chưa có số ({self.plan.filename.rsplit("/", 1)[-1]})'


@dataclass(frozen=True)
class BatchSummary:
    batch: Batch
    decisions: list[DecisionDocument]


def compose_decisions(inputs: Inputs) -> Composition:
    summaries, skipped = decision_batches(inputs)
    return Composition(documents=[d.plan for s in summaries for d in s.decisions], skipped=skipped,
                       attachments=[summary_attachment(s, inputs.resolution) for s in summaries])


def decision_batches(inputs: Inputs) -> tuple[list[BatchSummary], list[str]]:
    """Every batch's composed decisions, and the notes on what was left out and why (composed once per
    ``inputs``: the Tờ trình proposes the same decisions)."""
    return inputs.shared(_decision_batches)


def _decision_batches(inputs: Inputs) -> tuple[list[BatchSummary], list[str]]:
    data, rules = inputs.data, inputs.rules
    issuer, awards = inputs.resolution.issuer, inputs.resolution.awards
    if not data.all(NOMINATIONS.key):
        return [], [f'Bỏ qua Quyết định khen thưởng: trang "{NOMINATIONS.title}" chưa có đề nghị nào.']
    if issuer is None:
        return [], [f'Bỏ qua Quyết định khen thưởng: trang "{AGENCY.title}" chưa được điền.']
    skipped = [f'Không đưa vào quyết định: trang "{NOMINATIONS.title}" dòng {a.nomination.rows[0]} '
               f'("{a.nomination.name}") có kết quả thẩm định "{a.nomination.appraisal.label}".'
               for a in awards if not a.passed]
    recipients = [r for r in data.all(RECIPIENTS.key) if r.document is DocumentName.DECISION]
    automatic = [r for r in recipients if cells.header_key(r.name).strip(" -;.") in AUTOMATIC_LINES]
    skipped += [f'Trang "{RECIPIENTS.title}", dòng {r.rows[0]}: "{r.name}" được bỏ qua vì quyết định tự ghi '
                "dòng này." for r in automatic]
    recipients = [r for r in recipients if r not in automatic]
    summaries = []
    for batch in data.all(BATCHES.key):
        documents = batch_documents(issuer, batch, awards, recipients, rules)
        if not documents:
            skipped.append(f'Đợt "{batch.name}" chưa có đề nghị nào đạt, không có quyết định.')
            continue
        summaries.append(BatchSummary(batch, documents))
    return summaries, skipped


def batch_documents(issuer: Issuer, batch: Batch, awards: list[Award], recipients: list[Recipient],
                    rules: Rules) -> list[DecisionDocument]:
    """The decisions of ``batch`` (its awards that passed appraisal), composed in their order."""
    members = [a for a in awards if a.passed and a.batch is batch]
    return [decision_document(issuer, decision, recipients, serial, rules)
            for serial, decision in enumerate(decisions_of(batch, members, rules), start=1)]


def summary_attachment(summary: BatchSummary, resolution: Resolution) -> Attachment:
    """The batch's summary workbook; its lookup sheet holds the earlier awards the eligibility review found in
    the register (``resolution.history``), read when the workbook is made: the build reviews while the
    decisions render."""
    name = slug(summary.batch.name)
    rows = tuple(sorted(a.nomination.rows[0] for d in summary.decisions for a in d.decision.awards))
    return Attachment(
        kind="tong_hop", filename=f"{name}/tong-hop-{name}.xlsx",
        title=f"Tổng hợp khen thưởng và phát hành đợt {batch_words(summary.batch.name)}",
        render=partial(_summary_workbook, summary, rows, resolution),
        sources=(Source(BATCHES.title, summary.batch.rows), Source(NOMINATIONS.title, rows)),
        group=summary.batch.name)


def _summary_workbook(summary: BatchSummary, rows: tuple[int, ...], resolution: Resolution) -> bytes:
    history = resolution.history
    return summary_workbook(summary, {row: history[row] for row in rows if history.get(row)})


def decisions_of(batch: Batch, awards: list[Award], rules: Rules) -> list[Decision]:
    """Group a batch's awards into decisions, in a stable order, numbered if asked."""
    forms = {f.key: i for i, f in enumerate(rules.catalogue.forms)}
    by_submission = batch.split is not Split.BY_FORM

    def key(a: Award) -> tuple:
        return (forms[a.form.key], submission_key(a.nomination) if by_submission else ())

    groups: dict[tuple, list[Award]] = {}
    for award in sorted(awards, key=lambda a: a.nomination.rows[0]):
        groups.setdefault(key(award), []).append(award)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[1][0].nomination.rows[0]))
    decisions = []
    for index, (_, members) in enumerate(ordered):
        number = batch.first_number + index if batch.first_number else None
        decisions.append(Decision(batch, members[0].form, tuple(order_entries(members, batch.order)), number))
    return decisions


def submission_key(n: Nomination) -> tuple:
    """A tờ trình is its unit, number and date: two units may both send a "12/TTr-UBND"."""
    return (match_key(n.unit), number_key(n.submission_no), n.submission_date)


def order_entries(awards: list[Award], order: Order | None) -> list[Award]:
    """Kinds in the order tập thể, cá nhân, hộ gia đình; within a kind as submitted or alphabetical."""
    kinds = list(RecipientKind)

    def key(a: Award) -> tuple:
        n = a.nomination
        if order is not Order.ALPHABETICAL:
            return (kinds.index(n.kind), n.rows[0])
        by_name = sort_key(n.name) if n.kind is RecipientKind.COLLECTIVE else person_sort_key(n.name)
        return (kinds.index(n.kind), by_name, n.rows[0])
    return sorted(awards, key=key)


def decision_document(issuer: Issuer, decision: Decision, recipients: list[Recipient], serial: int,
                      rules: Rules) -> DecisionDocument:
    batch, form = decision.batch, decision.form
    issued = batch.signing if decision.number else None
    header = header_context(issuer.agency, TYPE_CODE, decision.number, issued, batch.signing.year)
    bases = rules.bases.on(batch.signing, issuer.level, form.key)
    heads = [rules.unit_heads.rule_for(n.unit, n.unit_head) for n in decision.submissions]  # None: typed or default
    distributed = Distribution(decision, recipients, issuer, executing_article(decision), rules)
    serial_text = two_digit(decision.number if decision.number else serial)
    unit = "" if batch.split is Split.BY_FORM else " " + decision.submissions[0].unit
    name = slug(f"qd {serial_text} {form.key}{unit}")
    plan = DocumentPlan(
        kind=DOCUMENT.key, template=DOCUMENT.template,
        make_context=partial(decision_context, issuer, decision, recipients, header, bases, rules),
        filename=f"{slug(batch.name)}/{name}.docx",
        sources=(Source(BATCHES.title, batch.rows),
                 Source(NOMINATIONS.title, tuple(sorted(a.nomination.rows[0] for a in decision.awards)))),
        title=f"Quyết định {verb_of(form, issuer)} {form.phrase} ({describe_counts(decision)})",
        group=batch.name,
        warnings=tuple(rules_used_unverified([form, *(a.prize for a in decision.awards if a.prize),
                                              *(a.forgone.rule for a in decision.awards if a.forgone), *bases,
                                              *filter(None, heads)])),
        copies=distributed.copies(),
        extra={
            "dot": batch.name, "quy": batch.quarter.label if batch.quarter else None, "hinh_thuc": form.name, "so": decision.number,
            "so_nguoi": len(decision.awards), "tong_tien": decision.total,
            "dong_danh_sach": [a.nomination.rows[0] for a in listed_awards(decision)],  # for register.from_docx
            "phat_hanh": distributed,  # Distribution.to_json, then Delivery.to_json, in the manifest
        },
    )
    return DecisionDocument(plan, decision, distributed, header["so_ky_hieu"])


def decision_context(issuer: Issuer, decision: Decision, recipients: list[Recipient], header: dict, bases: list,
                     rules: Rules) -> dict:
    """The decision template's variables."""
    batch, form = decision.batch, decision.form
    issued = batch.signing if decision.number else None
    lines = issuer.own_bases(batch.signing, before=True) + [b.text for b in bases] + issuer.own_bases(
        batch.signing, before=False)
    archive = issuer.archive_for(batch.archive)
    money = article_2(decision, issuer)
    executing = executing_article(decision)
    return {
        **header,
        "nam": batch.signing.year,
        "tham_quyen_ban_hanh": issuer.authority,
        "khen_thuong": {"dong_tu": verb_of(form, issuer), "hinh_thuc": form.phrase},
        "can_cu": sentence_lines(lines),
        "xet_de_nghi": proposals(decision, issuer, rules),
        "dieu_1": article_1(decision),
        "dieu_2": money,
        "dieu_3": {"so": executing, "thi_hanh": executors(decision, issuer, rules),
                   "doi_tuong": [k.label.lower() for k in decision.kinds]},
        "noi_nhan": [f"- Như Điều {executing};"] + recipient_lines(recipients, archive),
        "chu_ky": signature_context("", batch.position, batch.signer),
        "danh_sach": {
            "doi_tuong": [k.label.upper() for k in decision.kinds],
            "ngay": long_date(issued, year=batch.signing.year),
            "cua": issuer.head_of,
            "dong": list_lines(decision, decision.entries),
        },
    }


def describe_counts(decision: Decision) -> str:
    parts = [f"{two_digit(decision.count(kind))} {kind.label.lower()}" for kind in decision.kinds]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def verb_of(form: AwardForm, issuer: Issuer) -> str:
    """"tặng", or the issuer's own verb for a danh hiệu thi đua."""
    return issuer.verb.label if form.is_title else Verb.GIVE.label


def proposals(decision: Decision, issuer: Issuer, rules: Rules) -> list[dict]:
    """The "Xét đề nghị" line: each proposing body with its tờ trình, the appraising body last.
    A body is named once: a unit that is the appraising body itself joins its tờ trình to the appraisal's."""
    bodies: dict[str, dict] = {}
    for n in decision.submissions:
        head = rules.unit_heads.of(n.unit, n.unit_head)
        bodies.setdefault(match_key(head), {"thu_truong": head, "to_trinh": []})["to_trinh"].append(
            {"so": n.submission_no, "ngay": short_date(n.submission_date)})
    appraisal = {"so": decision.batch.submission_no, "ngay": short_date(decision.batch.submission_date)}
    appraiser = bodies.pop(match_key(issuer.appraiser), {"thu_truong": issuer.appraiser, "to_trinh": []})
    appraiser["to_trinh"].append(appraisal)
    return [*bodies.values(), appraiser]


def achievement(n: Nomination) -> str:
    """The achievement text without the user's closing punctuation (the document adds its own)."""
    return n.achievement.rstrip(" .;,:")


def article_1(decision: Decision) -> dict:
    achievements = decision.achievements
    single = achievements[0] if len(achievements) == 1 else ""
    return {"doi_tuong": describe_counts(decision), "thanh_tich": single[:1].lower() + single[1:]}


def executing_article(decision: Decision) -> int:
    """The number of the article that says who executes the decision: it follows the money article, if any."""
    return 3 if decision.pays else 2


def article_2(decision: Decision, issuer: Issuer) -> dict | None:
    """The prize money article; None when the decision pays none (a form without money, or every awardee paid
    the prize of a higher title instead). ``rieng``: the awardees paid the prize of a higher title instead
    (``Award.forgone``), each named by the whole list line when another awardee has the same name."""
    if not decision.pays:
        return None
    prizes = {a.kind: a.prize for a in reversed(decision.awards)}
    each = [{"loai": kind.label.lower(), "so_tien": format_amount(prizes[kind].amount)} for kind in decision.kinds]
    forgone = [a for a in listed_awards(decision) if a.forgone] if any(a.forgone for a in decision.awards) else []
    names = Counter(awardee_name(a.nomination) for a in decision.awards) if forgone else Counter()
    instead = [{"ten": in_sentence(a.nomination, whole=names[awardee_name(a.nomination)] > 1),
                "danh_hieu": a.forgone.paid.form.phrase} for a in forgone]
    return {"muc": each, "rieng": instead, "tong_tien": format_amount(decision.total),
            "bang_chu": amount_in_words(decision.total), "quy": issuer.fund}


def in_sentence(n: Nomination, whole: bool = False) -> str:
    """The awardee's name inside a sentence: "bà Vũ Thị Giang"; ``whole``: the list line, which tells her from a
    namesake ("bà Vũ Thị Giang, Giáo viên, Trường Tiểu học Tam Giang")."""
    name = entry(n) if whole else awardee_name(n)
    return name[:1].lower() + name[1:] if n.address and name.startswith(n.address) else name


def executors(decision: Decision, issuer: Issuer, rules: Rules) -> list[str]:
    """Điều 3's executors: the issuer's own, then the heads of the proposing units, each once however it is
    spelt ("Chánh Văn phòng HĐND và UBND" is the issuer's "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân
    dân")."""
    heads = [rules.unit_heads.of(n.unit, n.unit_head) for n in decision.submissions]
    named = {}
    for executor in [*issuer.executors, *heads]:
        named.setdefault(match_key(spelled_out(executor, rules.abbreviations)), executor)
    return list(named.values())


def listed_awards(decision: Decision) -> list[Award]:
    """The awards in the order of the attached list: by kind, then (when they differ) by achievement."""
    kinds = {kind: index for index, kind in enumerate(RecipientKind)}
    order = {text: index for index, text in enumerate(decision.achievements)}
    return sorted(decision.awards, key=lambda a: (kinds[a.kind], order[achievement(a.nomination)]))


def list_lines(decision: Decision, entries: tuple[str, ...]) -> list[dict]:
    """Group headings, achievement sub-headings (when achievements differ) and numbered entries (``entries``:
    each award's line, in award order)."""
    named = dict(zip(map(id, decision.awards), entries))
    order = decision.achievements
    listed = listed_awards(decision)
    lines: list[dict] = []
    for index, kind in enumerate(decision.kinds, start=1):
        awards = [a for a in listed if a.kind is kind]
        lines.append({"kieu": "nhom", "so_la_ma": roman(index), "loai": kind.label, "so_luong": two_digit(len(awards))})
        number, current = 0, None
        for award in awards:
            text = achievement(award.nomination)
            if len(order) > 1 and text != current:
                lines.append({"kieu": "thanh_tich", "noi_dung": text})
            current = text
            number += 1
            lines.append({"kieu": "muc", "stt": number, "noi_dung": named[id(award)], "cuoi": False})
    lines[-1]["cuoi"] = True
    return lines


def distribution(decision: Decision, entries: tuple[str, ...], recipients: list[Recipient], issuer: Issuer,
                 executing: int, rules: Rules) -> list[Delivery]:
    """Concrete recipients and copy counts behind every Nơi nhận line of a decision (``entries``: each award's
    line of the attached list)."""
    as_article = f"Như Điều {executing}"
    lines = [Delivery(name, 1, as_article) for name in executors(decision, issuer, rules)]
    lines += [Delivery(line, 1, as_article) for line in entries]
    lines += [Delivery(r.name, r.copies or 1, r.name) for r in recipients]
    archive = issuer.archive_for(decision.batch.archive)
    lines += [Delivery(place, 1, "Lưu") for place in archive_places(archive)]
    return lines


DOCUMENT = DocumentType(
    key="quyet_dinh",
    name="Quyết định khen thưởng",
    template="quyet-dinh.docx",
    variables=fields(
        "tham_quyen_ban_hanh", **COMMON_VARIABLES,
        khen_thuong=fields("dong_tu", "hinh_thuc"),
        xet_de_nghi=Items(fields("thu_truong", to_trinh=Items(fields("so", "ngay")))),
        dieu_1=fields("doi_tuong", "thanh_tich"),
        dieu_2=fields("tong_tien", "bang_chu", "quy", muc=Items(fields("loai", "so_tien")),
                      rieng=Items(fields("ten", "danh_hieu"))),
        dieu_3=fields("so", "thi_hanh", "doi_tuong"),
        danh_sach=fields("doi_tuong", "ngay", "cua", dong=Items(fields(  # a row has the fields of its kind
            "kieu", "so_la_ma", "loai", "so_luong", "noi_dung", "stt", "cuoi"))),
    ),
    compose=compose_decisions,
)
