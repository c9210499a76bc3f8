"""Document type: the Tờ trình of each batch, from the appraising body to the issuer.

It proposes exactly the decisions the batch composes: its table counts their awards and
money by proposing unit, tờ trình and form, and it lists them as the drafts attached.
"""
from __future__ import annotations

from ..compose.common import header_context, recipient_lines, sentence_lines, signature_context
from ..compose.document import COMMON_VARIABLES, Composition, DocumentPlan, DocumentType, Inputs, Items, Source, fields
from ..files import slug
from ..glossary import DocumentName, RecipientKind, batch_words
from ..read.schema import BATCHES, NOMINATIONS, RECIPIENTS
from ..read.workbook import WorkbookData
from ..rules.book import Rules
from ..rules.collation import match_key
from ..rules.dates import long_date, short_date
from ..rules.issuer import Issuer
from ..rules.legal import rules_used_unverified
from ..rules.money import format_amount
from ..rules.numbering import two_digit
from .quyet_dinh import BatchSummary, decision_batches, describe_counts, submission_key, verb_of

ARCHIVE = "VT"


def compose_submissions(inputs: Inputs) -> Composition:
    data, resolution, rules = inputs.data, inputs.resolution, inputs.rules
    summaries, _ = decision_batches(inputs)  # the decisions' own notes are theirs to give
    recipients = [r for r in data.all(RECIPIENTS.key) if r.document is DocumentName.SUBMISSION]
    composition = Composition()
    for summary in summaries:
        batch = summary.batch
        if not batch.proposed:
            composition.skipped.append(
                f'Chưa tạo Tờ trình của đợt "{batch.name}": trang "{BATCHES.title}" chưa ghi chức vụ và họ tên '
                "người ký tờ trình (cột \"Chức vụ người ký tờ trình\", \"Người ký tờ trình\").")
            continue
        composition.documents.append(submission_document(resolution.issuer, summary, recipients, data, rules))
    return composition


def submission_document(issuer: Issuer, summary: BatchSummary, recipients: list, data: WorkbookData,
                        rules: Rules) -> DocumentPlan:
    batch = summary.batch
    decisions = [d.decision for d in summary.decisions]
    nominations = [n for n in data.all(NOMINATIONS.key) if match_key(n.batch) == match_key(batch.name)]
    header = header_context(issuer.agency, rules.type_codes["TỜ TRÌNH"], None, batch.submission_date,
                            batch.submission_date.year)
    forms = list(dict.fromkeys(d.form.key for d in decisions))
    national = list(dict.fromkeys(b for key in forms for b in rules.bases.on(batch.signing, issuer.level, key)))
    lines = (issuer.own_bases(batch.signing, before=True) + [b.text for b in national]
             + issuer.own_bases(batch.signing, before=False))
    table = rows_of(summary)
    context = {
        **header,
        "co_quan_chu_quan": " ".join(issuer.agency.header_lines),
        "co_quan_ban_hanh": [issuer.appraising_body.upper()],
        "co_quan_viet_gon": issuer.appraising_body,
        "so_ky_hieu": batch.submission_no,
        "ngay_ban_hanh": long_date(batch.submission_date),
        "nam": batch.signing.year,
        "kinh_gui": issuer.head_of,
        "can_cu": sentence_lines(lines),
        "to_trinh": {
            "dot": batch_words(batch.name), "co_quan": issuer.appraising_body,
            "so_de_nghi": two_digit(len(nominations)),
            "so_don_vi": two_digit(len({match_key(n.unit) for n in nominations})),
            "so_dat": two_digit(sum(len(d.awards) for d in decisions)),
            "so_du_thao": two_digit(len(decisions)),
        },
        "tong_hop": table,
        "tong_cong": totals(summary),
        "du_thao": [f"Quyết định {verb_of(d.form, issuer)} {d.form.phrase} cho {describe_counts(d)}"
                    for d in decisions],
        "noi_nhan": ["- Như trên;"] + recipient_lines(recipients, ARCHIVE),
        "chu_ky": signature_context("", batch.appraisal_position, batch.appraisal_signer),
    }
    rows = tuple(sorted(a.nomination.rows[0] for d in decisions for a in d.awards))
    name = slug(batch.name)
    return DocumentPlan(
        kind=DOCUMENT.key, template=DOCUMENT.template, make_context=lambda: context,
        filename=f"{name}/to-trinh-{name}.docx",
        sources=(Source(BATCHES.title, batch.rows), Source(NOMINATIONS.title, rows)),
        title=f"Tờ trình đề nghị khen thưởng đợt {batch_words(batch.name)}",
        group=batch.name,
        warnings=tuple(rules_used_unverified(national)),
        copies=1 + sum(r.copies or 1 for r in recipients) + 1,
        extra={"dot": batch.name, "so_nguoi": sum(len(d.awards) for d in decisions),
               "tong_tien": sum(d.total for d in decisions)},
    )


def rows_of(summary: BatchSummary) -> list[dict]:
    """One row per proposing unit's tờ trình and form, in the order of the decisions."""
    groups: dict[tuple, dict] = {}
    for document in summary.decisions:
        decision = document.decision
        for award in decision.awards:
            n = award.nomination
            key = (submission_key(n), decision.form.key)
            row = groups.setdefault(key, {"don_vi": n.unit, "hinh_thuc": decision.form.name,
                                          "to_trinh": f"{n.submission_no} ngày {short_date(n.submission_date)}",
                                          "counts": dict.fromkeys(RecipientKind, 0), "money": 0})
            row["counts"][award.kind] += 1
            row["money"] += award.amount
    return [{"stt": index, "don_vi": row["don_vi"], "to_trinh": row["to_trinh"], "hinh_thuc": row["hinh_thuc"],
             **_counts(row["counts"]), "so_tien": format_amount(row["money"])}
            for index, row in enumerate(groups.values(), start=1)]


def totals(summary: BatchSummary) -> dict:
    counts = dict.fromkeys(RecipientKind, 0)
    for document in summary.decisions:
        for award in document.decision.awards:
            counts[award.kind] += 1
    return {**_counts(counts), "so_tien": format_amount(sum(d.decision.total for d in summary.decisions))}


def _counts(counts: dict) -> dict:
    return {"tap_the": counts[RecipientKind.COLLECTIVE], "ca_nhan": counts[RecipientKind.INDIVIDUAL],
            "ho_gia_dinh": counts[RecipientKind.HOUSEHOLD]}


DOCUMENT = DocumentType(
    key="to_trinh",
    name="Tờ trình đề nghị khen thưởng",
    template="to-trinh.docx",
    variables=fields(
        "kinh_gui", "du_thao", **COMMON_VARIABLES,
        to_trinh=fields("dot", "co_quan", "so_de_nghi", "so_don_vi", "so_dat", "so_du_thao"),
        tong_hop=Items(fields("stt", "don_vi", "to_trinh", "hinh_thuc", "tap_the", "ca_nhan", "ho_gia_dinh", "so_tien")),
        tong_cong=fields("tap_the", "ca_nhan", "ho_gia_dinh", "so_tien"),
    ),
    compose=compose_submissions,
)
