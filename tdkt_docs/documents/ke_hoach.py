"""Document type: the Kế hoạch công tác thi đua, khen thưởng, with its appendix table."""
from __future__ import annotations

from itertools import groupby

from ..compose.common import archive_places, header_context, recipient_lines, sentence_lines, signature_context
from ..compose.document import (COMMON_VARIABLES, Composition, DocumentPlan, DocumentType, Entries, Inputs, Items,
                                Source, fields)
from ..glossary import DocumentName
from ..read.records import Task
from ..read.schema import AGENCY, LEGAL_BASIS, PLAN, RECIPIENTS, TASKS
from ..rules.book import Rules
from ..rules.numbering import roman

TYPE_CODE = "KH"


def compose_plan(inputs: Inputs) -> Composition:
    data, rules, issuer = inputs.data, inputs.rules, inputs.resolution.issuer
    agency, plan = data.one(AGENCY.key), data.one(PLAN.key)
    if agency is None or plan is None:
        missing = " và ".join(f'"{s.title}"' for s, r in ((AGENCY, agency), (PLAN, plan)) if r is None)
        return Composition([], [f"Bỏ qua Kế hoạch: trang {missing} chưa được điền."])
    tasks = data.all(TASKS.key)
    legal = data.all(LEGAL_BASIS.key)
    recipients = [r for r in data.all(RECIPIENTS.key) if r.document is DocumentName.PLAN]
    skipped = [note for note, empty in (
        ('Kế hoạch không có Phụ lục: trang "Phụ lục" chưa có nhiệm vụ nào.', not tasks),
        ('Kế hoạch không có Căn cứ: trang "Căn cứ" chưa có dòng nào.', not legal),
        ('Kế hoạch không có Nơi nhận: trang "Nơi nhận" chưa có dòng nào cho Kế hoạch.', not recipients),
    ) if empty]
    archive = issuer.archive_for(plan.archive)
    authority = plan.authority
    if not authority and (body := rules.collective_body(agency.name_line_1)):
        authority = f"TM. {body}"
        skipped.append(f'Kế hoạch ký "{authority}": trang "{PLAN.title}" để trống "{PLAN.column("authority").header}"; '
                       f"văn bản của {body.capitalize()} ký thay mặt tập thể (Nghị định 30/2020/NĐ-CP).")
    context = {
        **header_context(agency, TYPE_CODE, plan.number, plan.issued, plan.year),
        **year_context(plan.year, rules),
        "can_cu": sentence_lines([line.text for line in legal]),
        "phu_luc": appendix_context(tasks) if tasks else None,
        "noi_nhan": recipient_lines(recipients, archive),
        "chu_ky": signature_context(authority, plan.position, plan.signer),
    }
    sources = tuple(Source(sheet.title, rows) for sheet, rows in (
        (AGENCY, agency.rows), (PLAN, plan.rows),
        (LEGAL_BASIS, _rows(legal)), (RECIPIENTS, _rows(recipients)), (TASKS, _rows(tasks)),
    ) if rows)
    document = DocumentPlan(
        kind=DOCUMENT.key, template=DOCUMENT.template, filename=f"ke-hoach-tdkt-{plan.year}.docx", make_context=lambda: context,
        sources=sources, title=f"Kế hoạch công tác thi đua, khen thưởng năm {plan.year}",
        group=f"Kế hoạch năm {plan.year}", copies=copy_count(recipients, archive))
    return Composition([document], skipped)


def copy_count(recipients: list, archive: str) -> int:
    """Paper copies to print: each recipient's count (1 when blank) plus one per archive place."""
    return sum(r.copies or 1 for r in recipients) + len(archive_places(archive)) or 1


def year_context(year: int, rules: Rules) -> dict:
    anniversaries = {entry.key: entry.in_year(year) for entry in rules.anniversaries}
    return {"nam": year, "nam_truoc": year - 1, "nam_sau": year + 1, "ky_niem": anniversaries}


def appendix_context(tasks: list[Task]) -> dict:
    """Tasks grouped by quarter (in quarter order), numbered from 1 in each."""
    ordered = sorted(tasks, key=lambda t: t.quarter.number)
    quarters = []
    for quarter, group in groupby(ordered, key=lambda t: t.quarter):
        quarters.append({
            "so_la_ma": roman(quarter.number),
            "ten": quarter.label,
            "nhiem_vu": [_task_row(n, task) for n, task in enumerate(group, start=1)],
        })
    return {"quy": quarters}


def _task_row(number: int, task: Task) -> dict:
    return {
        "stt": number,
        "noi_dung": list(task.content),
        "don_vi_chi_dao": list(task.directing),
        "don_vi_thuc_hien": list(task.executing),
        "don_vi_phoi_hop": list(task.cooperating),
        "ghi_chu": list(task.note),
    }


def _rows(records: list) -> tuple[int, ...]:
    return tuple(row for record in records for row in record.rows)


DOCUMENT = DocumentType(
    key="ke_hoach",
    name="Kế hoạch công tác thi đua, khen thưởng",
    template="ke-hoach.docx",
    variables=fields(
        "nam_truoc", "nam_sau", **COMMON_VARIABLES,
        ky_niem=Entries(fields("so_nam", "tu", "den", "nam_goc", "ten")),
        phu_luc=fields(quy=Items(fields("so_la_ma", "ten", nhiem_vu=Items(fields(
            "stt", "noi_dung", "don_vi_chi_dao", "don_vi_thuc_hien", "don_vi_phoi_hop", "ghi_chu"))))),
    ),
    compose=compose_plan,
)
