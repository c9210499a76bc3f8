"""Nominations resolved against the dated rules, once: each gets its form, its batch and its prize."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from ..glossary import Appraisal, IssuerLevel, RecipientKind
from ..problems import Problem, Severity
from ..read.records import Batch, Nomination
from ..read.schema import AGENCY, BATCHES, LEGAL_BASIS, NOMINATIONS, PLAN
from ..read.validate import record_problem
from ..read.workbook import WorkbookData
from .book import Rules
from .collation import match_key, name_key, normal_cccd
from .dates import quarter_of, short_date
from .legal import AwardForm, RuleError, describe_periods
from .issuer import DEPUTY, Issuer, issuer_of
from .money import HighestTitleOnly, Prize, format_amount
from .numbering import code_kind, number_written


_PASSING = (Appraisal.PASSED, None)  # None: not appraised (yet)


@dataclass(frozen=True, slots=True)
class Award:
    """A nomination that can be decided: its form record, its batch and its prize."""

    nomination: Nomination
    form: AwardForm
    batch: Batch
    prize: Prize | None  # None: the form comes without money
    forgone: Forgone | None = None  # the prize is not paid: a higher title of the same recipient is

    @property
    def kind(self) -> RecipientKind:
        return self.nomination.kind

    @property
    def passed(self) -> bool:
        return self.nomination.appraisal in _PASSING

    @property
    def amount(self) -> int:
        """The money paid: the prize, or 0 without one or when forgone."""
        return self.prize.amount if self.prize and not self.forgone else 0

    def shares_prize_with(self, other: Award) -> bool:
        """One prize stands for both: one is forgone for the other, or both for a third."""
        return bool(self.forgone or other.forgone) and self._paid is other._paid

    @property
    def _paid(self) -> Award:
        return self.forgone.paid if self.forgone else self


@dataclass(frozen=True, slots=True)
class Forgone:
    """Why an award's prize is not paid: ``paid``, the same recipient's higher title at the same time, is."""

    paid: Award
    rule: HighestTitleOnly


@dataclass
class Resolution:
    issuer: Issuer | None
    awards: list[Award]
    problems: list[Problem]
    history: dict[int, list] = field(default_factory=dict)  # workbook row → earlier awards in the register


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
    dated = {key: b for key, b in batches.items() if not any(p.is_error and p.location.cell == b.cells.get("signing")
                                                           for p in problems)}
    # A batch row with its own error is missing from ``batches``: do not blame its nominations too.
    batches_complete = not data.has_errors_in(BATCHES)
    awards, seen, resolved = [], {}, {}
    for n in data.all(NOMINATIONS.key):
        award, found = _resolve_one(n, batches, dated, issuer, rules, batches_complete, resolved)
        problems += found
        if award is None:
            continue
        key = (*_recipient(n), award.form.key, award.batch.signing.year)
        if key in seen:
            problems.append(record_problem(NOMINATIONS, n, "name", "de_nghi.trung",
                                           f'trùng với đề nghị ở dòng {seen[key]}: cùng {n.kind.label.lower()} '
                                           f'"{n.name}", cùng hình thức, cùng năm {award.batch.signing.year}.'))
        seen.setdefault(key, n.rows[0])
        awards.append(award)
    awards, found = _highest_title_paid(awards, rules)
    return Resolution(issuer, awards, list(dict.fromkeys(problems + found)))


def _recipient(n: Nomination) -> tuple:
    """Rows of one recipient in this workbook share this key: kind, name and workplace."""
    return n.kind, name_key(n.name), match_key(n.workplace)


def _highest_title_paid(awards: list[Award], rules: Rules) -> tuple[list[Award], list[Problem]]:
    """Of one recipient's danh hiệu thi đua with money in one batch (one time), only the highest prize is paid
    (``Rules.highest_title``): the others are forgone, each with a warning naming both rows. A CCCD or birth
    year given on one row only keeps the rows apart."""
    groups: dict[tuple, list[Award]] = {}
    for award in awards:
        if award.passed and award.form.is_title and award.prize:
            n = award.nomination
            key = (id(award.batch), *_recipient(n), normal_cccd(n.cccd), n.birth_year)
            groups.setdefault(key, []).append(award)
    forgone: dict[int, Forgone] = {}
    problems = []
    for group in groups.values():
        rule = rules.highest_title(group[0].batch.signing)
        if rule is None or len({a.form.key for a in group}) < 2:
            continue
        paid = max(group, key=lambda a: (a.prize.amount, -a.nomination.rows[0]))
        for award in group:
            if award.form.key != paid.form.key:
                forgone[id(award)] = Forgone(paid, rule)
                problems.append(_forgone_problem(award, paid, rule))
    return [replace(a, forgone=forgone[id(a)]) if id(a) in forgone else a for a in awards], problems


def _forgone_problem(award: Award, paid: Award, rule: HighestTitleOnly) -> Problem:
    n, row, paid_row = award.nomination, award.nomination.rows[0], paid.nomination.rows[0]
    return record_problem(
        NOMINATIONS, n, "form", "tien_thuong.danh_hieu_cao_nhat",
        f'"{n.name}" được đề nghị {award.form.name} (dòng {row}) và {paid.form.name} (dòng {paid_row}, ô '
        f'{paid.nomination.cells.get("form", "")}) trong cùng đợt "{award.batch.name}"; {rule.text} ({rule.cited}). '
        f"Tiền thưởng chỉ tính cho {paid.form.name} ở dòng {paid_row} ({format_amount(paid.prize.amount)} đồng); "
        f"{award.form.name} ở dòng {row} không kèm tiền thưởng (không tính {format_amount(award.prize.amount)} "
        "đồng). Phần mềm coi các danh hiệu cùng đợt là có cùng thời gian được tính: nếu không phải vậy, mỗi danh "
        "hiệu đều có tiền thưởng, hãy đưa chúng vào hai đợt khác nhau.", Severity.WARNING)


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
    problems += _submission_number_problems(batch, rules)
    if batch.signing is None:
        return problems
    level = issuer.level if issuer else IssuerLevel.PROVINCE
    if (far := _far_date(batch)):
        return problems + [record_problem(BATCHES, batch, "signing", "dot.ngay_xa", far)]
    for lookup in (rules.salaries.on, lambda d: rules.bases.on(d, level)):
        try:
            lookup(batch.signing)
        except RuleError as exc:
            problems.append(record_problem(BATCHES, batch, "signing", "dot.ngay_ky", f'đợt "{batch.name}": {exc}'))
    if batch.quarter and batch.quarter is not quarter_of(batch.signing):
        problems.append(record_problem(BATCHES, batch, "quarter", "dot.quy",
                                       f'ngày ký dự kiến {short_date(batch.signing)} thuộc {quarter_of(batch.signing).label}, '
                                       f'không phải {batch.quarter.label}; hãy xem lại quý hoặc ngày ký.', Severity.WARNING))
    return problems + _nearby_changes(batch, level, rules)


def _submission_number_problems(batch: Batch, rules: Rules) -> list[Problem]:
    """The number of the batch's Tờ trình as its header must read ("Số: 05/TTr-SNV", as the format check wants
    it): refused at its cell, not at the template the build would blame."""
    number, slash, code = batch.submission_no.partition("/")
    if not (batch.proposed and batch.submission_no) or (
            slash and number_written(number) and code_kind(code) == rules.type_codes["TỜ TRÌNH"]):
        return []
    return [record_problem(BATCHES, batch, "submission_no", "to_trinh.so_ky_hieu",
                           f'số, ký hiệu tờ trình thẩm định "{batch.submission_no}" in ở đầu Tờ trình ("Số: …") phải '
                           'viết như "05/TTr-SNV": số bằng chữ số, số nhỏ hơn 10 ghi thêm số 0, liền với dấu "/", rồi '
                           "ký hiệu bắt đầu bằng TTr, không có dấu cách.")]


FAR_YEARS = 1


def _far_date(batch: Batch) -> str:
    """Why the signing date cannot be meant (a year far from the batch's or from today's), or ""."""
    d, today = batch.signing, date.today()
    named = [int(y) for y in re.findall(r"(?<!\d)(?:19|20|21|22)\d{2}(?!\d)", batch.name)]
    if named and all(abs(d.year - y) > FAR_YEARS for y in named):
        return (f'ngày ký {short_date(d)} không khớp năm {named[0]} của đợt "{batch.name}"; '
                "hãy xem lại năm của ngày ký.")
    if not today.year - 10 <= d.year <= today.year + FAR_YEARS:
        return f"ngày ký {short_date(d)} quá xa hôm nay ({short_date(today)}); hãy xem lại năm của ngày ký."
    return ""


NEARBY_DAYS = 30


def _nearby_changes(batch: Batch, level: IssuerLevel, rules: Rules) -> list[Problem]:
    """A change of lương cơ sở or of decree within 30 days of the signing date: both outcomes, named."""
    d, problems = batch.signing, []
    levels = sorted(rules.salaries.levels, key=lambda s: s.effective_from)
    for before, after in zip(levels, levels[1:]):
        change = after.effective_from
        if 0 < abs((change - d).days) <= NEARBY_DAYS:
            problems.append(_nearby(batch, change, f"mức lương cơ sở đổi từ {format_amount(before.amount)} đồng sang "
                                                   f"{format_amount(after.amount)} đồng"))
    for change in sorted({b.effective_from for b in rules.bases.lines} | {b.effective_to + timedelta(days=1)
                                                                           for b in rules.bases.lines if b.effective_to}):
        if 0 < abs((change - d).days) <= NEARBY_DAYS:
            old = _names(rules.bases, change - timedelta(days=1), level)
            new = _names(rules.bases, change, level)
            if old != new:
                problems.append(_nearby(batch, change, f"căn cứ đổi từ {', '.join(sorted(old - new))} sang "
                                                       f"{', '.join(sorted(new - old))}"))
    return problems


def _names(bases, d: date, level: IssuerLevel) -> set[str]:
    try:
        return {b.source.split(",")[0].split(" (")[0] for b in bases.on(d, level)}
    except RuleError:
        return set()


def _nearby(batch: Batch, change: date, what: str) -> Problem:
    return record_problem(BATCHES, batch, "signing", "dot.gan_ngay_doi",
                          f"ngày ký dự kiến {short_date(batch.signing)} cách ngày {short_date(change)} chưa đến "
                          f"{NEARBY_DAYS} ngày; từ ngày {short_date(change)} {what}: quyết định ký trước ngày đó theo "
                          "cách cũ, từ ngày đó theo cách mới. Hãy kiểm tra ngày ký thật trước khi trình.",
                          Severity.WARNING)


def form_issue(form: AwardForm | None, text: str, kind: RecipientKind | None,
               issuer: Issuer | None) -> tuple[str, str] | None:
    """Why ``text`` (found in the catalogue as ``form``) cannot be the form of a nomination of ``kind`` decided by
    ``issuer``: (code, message without a final period), or None."""
    if form is None:
        return "hinh_thuc.khong_co", f'"{text}" không phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm biết'
    if issuer and issuer.level not in form.levels:
        who = ", ".join(level.label.lower() for level in form.levels)
        return "hinh_thuc.tham_quyen", (f'"{form.name}" không thuộc thẩm quyền của {issuer.head_of} '
                                        f"({issuer.level.label.lower()}): hình thức này do {who} quyết định "
                                        f"({form.authority_source}). Hãy trình lên cấp đó hoặc chọn hình thức khác")
    if kind is not None and kind not in form.kinds:
        allowed = ", ".join(k.label.lower() for k in form.kinds)
        return "hinh_thuc.loai", f"{form.name} không tặng cho {kind.label.lower()} (chỉ tặng cho: {allowed})"
    return None


def _resolve_one(n: Nomination, batches: dict[str, Batch], dated: dict[str, Batch], issuer: Issuer | None,
                 rules: Rules, batches_complete: bool,
                 resolved: dict[tuple, tuple]) -> tuple[Award | None, list[Problem]]:
    """``resolved``: the form, batch and prize of each batch, form and kind as typed, once they made an award
    without a problem (they depend on nothing else in the row: a year-end sheet repeats a few on every row)."""
    typed = (n.batch, n.form, n.kind)
    if (known := resolved.get(typed)) is not None:
        return Award(n, *known), []
    batch = batches.get(match_key(n.batch))
    problems = []
    if batch is None and batches_complete:
        problems.append(record_problem(NOMINATIONS, n, "batch", "de_nghi.dot",
                                       f'đợt "{n.batch}" không có trong trang "{BATCHES.title}"; '
                                       "hãy thêm đợt đó hoặc sửa tên đợt cho khớp."))
    # The form is judged even when the batch is missing or has an error of its own, so that one check lists
    # every wrong form at once (a batch row without its signer must not hide them).
    form = rules.catalogue.find(n.form)
    if (issue := form_issue(form, n.form, n.kind, issuer)) is not None:
        code, message = issue
        hint = "; hãy chọn trong danh sách của cột này" if form is None else ""
        problems.append(record_problem(NOMINATIONS, n, "form", code, f"{message}{hint}."))
    if batch is None or problems:
        return None, problems
    if match_key(batch.name) not in dated or batch.signing is None:
        return None, []
    try:
        known = resolved[typed] = (form, batch, rules.prize(form, n.kind, batch.signing))
        return Award(n, *known), []
    except RuleError as exc:
        return None, [record_problem(BATCHES, batch, "signing", "dot.he_so", f'đợt "{batch.name}": {exc}')]
