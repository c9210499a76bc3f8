"""Nominations resolved against the dated rules, once: each gets its form, its batch and its prize."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..glossary import Appraisal, IssuerLevel, RecipientKind
from ..problems import Problem, Severity
from ..read.records import Batch, Nomination
from ..read.schema import AGENCY, BATCHES, LEGAL_BASIS, NOMINATIONS, PLAN
from ..read.validate import record_problem
from ..read.workbook import WorkbookData
from .book import Rules
from .issuer import DEPUTY, Issuer, issuer_of
from .collation import match_key
from .legal import AwardForm, RuleError, describe_periods
from .money import Prize


@dataclass(frozen=True)
class Award:
    """A nomination that can be decided: its form record, its batch and its prize."""

    nomination: Nomination
    form: AwardForm
    batch: Batch
    prize: Prize | None  # None: the form comes without money

    @property
    def kind(self) -> RecipientKind:
        return self.nomination.kind

    @property
    def passed(self) -> bool:
        return self.nomination.appraisal in (Appraisal.PASSED, None)


@dataclass
class Resolution:
    issuer: Issuer | None
    awards: list[Award]
    problems: list[Problem]


def resolve(data: WorkbookData, rules: Rules) -> Resolution:
    """The issuer, and every nomination's form, batch and prize; a problem for each one that has none."""
    issuer, problems = issuer_of(data, rules.levels)
    batches = {match_key(b.name): b for b in data.all(BATCHES.key)}
    problems += [p for batch in batches.values() for p in _batch_problems(batch, issuer, rules)]
    plan = data.one(PLAN.key)
    if issuer and plan and not issuer.signs_as(plan.position):
        problems.append(_signer_problem(PLAN, plan, issuer))
    if plan:
        problems += _plan_basis_problems(data.all(LEGAL_BASIS.key), plan.year, rules)
    dated = {key: b for key, b in batches.items() if not any(p.location.cell == b.cells.get("signing")
                                                           for p in problems)}
    # A batch row with its own error is missing from ``batches``: do not blame its nominations too.
    batches_complete = not data.has_errors_in(BATCHES)
    awards, seen = [], {}
    for n in data.all(NOMINATIONS.key):
        award, found = _resolve_one(n, batches, dated, issuer, rules, batches_complete)
        problems += found
        if award is None:
            continue
        key = (n.kind, match_key(n.name), match_key(n.workplace), award.form.key, award.batch.signing.year)
        if key in seen:
            problems.append(record_problem(NOMINATIONS, n, "name", "de_nghi.trung",
                                           f'trùng với đề nghị ở dòng {seen[key]}: cùng {n.kind.label.lower()} '
                                           f'"{n.name}", cùng hình thức, cùng năm {award.batch.signing.year}.'))
        seen.setdefault(key, n.rows[0])
        awards.append(award)
    return Resolution(issuer, awards, list(dict.fromkeys(problems)))


def _plan_basis_problems(lines: list, year: int, rules: Rules) -> list[Problem]:
    """A plan citing a national text that is not in force at any time of the plan's year."""
    problems = []
    first, last = date(year, 1, 1), date(year, 12, 31)
    for line in lines:
        text = match_key(line.text)
        for name, periods in rules.bases.texts().items():
            if match_key(name) in text and not any(start <= last and (end is None or end >= first)
                                                   for start, end in periods):
                problems.append(record_problem(LEGAL_BASIS, line, "text", "ke_hoach.can_cu_het_hieu_luc",
                                               f'Kế hoạch năm {year} dẫn "{name}", văn bản không có hiệu lực trong '
                                               f"năm {year} (áp dụng {describe_periods(periods)}). Hãy dẫn văn bản "
                                               "đang có hiệu lực.", Severity.WARNING))
                break
    return problems


def _signer_problem(sheet, record, issuer: Issuer) -> Problem:
    head = issuer.head.upper()
    return record_problem(sheet, record, "position", "nguoi_ky.chuc_vu",
                          f'chức vụ người ký "{record.position}" không phải thủ trưởng ({head}) hay cấp phó '
                          f'({DEPUTY}{head}) của {issuer.agency.short_name} (trang "{AGENCY.title}", dòng '
                          f'"{AGENCY.column("head").header}").')


def _batch_problems(batch: Batch, issuer: Issuer | None, rules: Rules) -> list[Problem]:
    problems = [_signer_problem(BATCHES, batch, issuer)] if issuer and not issuer.signs_as(batch.position) else []
    if batch.signing is None:
        return problems
    level = issuer.level if issuer else IssuerLevel.PROVINCE
    for lookup in (rules.salaries.on, lambda d: rules.bases.on(d, level)):
        try:
            lookup(batch.signing)
        except RuleError as exc:
            problems.append(record_problem(BATCHES, batch, "signing", "dot.ngay_ky", f'đợt "{batch.name}": {exc}'))
    return problems


def _resolve_one(n: Nomination, batches: dict[str, Batch], dated: dict[str, Batch], issuer: Issuer | None,
                 rules: Rules, batches_complete: bool) -> tuple[Award | None, list[Problem]]:
    batch = batches.get(match_key(n.batch))
    if batch is None:
        return None, [record_problem(NOMINATIONS, n, "batch", "de_nghi.dot",
                                     f'đợt "{n.batch}" không có trong trang "{BATCHES.title}"; '
                                     "hãy thêm đợt đó hoặc sửa tên đợt cho khớp.")] if batches_complete else []
    form = rules.catalogue.find(n.form)
    if form is None:
        return None, [record_problem(NOMINATIONS, n, "form", "hinh_thuc.khong_co",
                                     f'"{n.form}" không phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm '
                                     "biết; hãy chọn trong danh sách của cột này.")]
    if issuer and issuer.level not in form.levels:
        who = ", ".join(level.label.lower() for level in form.levels)
        return None, [record_problem(NOMINATIONS, n, "form", "hinh_thuc.tham_quyen",
                                     f'"{form.name}" không thuộc thẩm quyền của {issuer.head_of} '
                                     f"({issuer.level.label.lower()}): hình thức này do {who} quyết định "
                                     f"({form.authority_source}). Hãy trình lên cấp đó hoặc chọn hình thức khác.")]
    if n.kind not in form.kinds:
        allowed = ", ".join(k.label.lower() for k in form.kinds)
        return None, [record_problem(NOMINATIONS, n, "form", "hinh_thuc.loai",
                                     f"{form.name} không tặng cho {n.kind.label.lower()} (chỉ tặng cho: {allowed}).")]
    if match_key(batch.name) not in dated or batch.signing is None:
        return None, []
    try:
        return Award(n, form, batch, rules.prize(form, n.kind, batch.signing)), []
    except RuleError as exc:
        return None, [record_problem(BATCHES, batch, "signing", "dot.he_so", f'đợt "{batch.name}": {exc}')]
