"""Nominations resolved against the dated rules, once: each gets its form, its batch and its prize."""
from __future__ import annotations

from dataclasses import dataclass

from ..glossary import Appraisal, RecipientKind
from ..problems import Problem
from ..read.records import Batch, Nomination
from ..read.schema import BATCHES, NOMINATIONS
from ..read.validate import record_problem
from ..read.workbook import WorkbookData
from .book import Rules
from .collation import match_key
from .legal import AwardForm, RuleError
from .money import Prize


@dataclass(frozen=True)
class Award:
    """A nomination that can be decided: its form record, its batch and its prize."""

    nomination: Nomination
    form: AwardForm
    batch: Batch
    prize: Prize

    @property
    def kind(self) -> RecipientKind:
        return self.nomination.kind

    @property
    def passed(self) -> bool:
        return self.nomination.appraisal in (Appraisal.PASSED, None)


@dataclass
class Resolution:
    awards: list[Award]
    problems: list[Problem]


def resolve(data: WorkbookData, rules: Rules) -> Resolution:
    """Every nomination's form, batch and prize; a problem for each one that has none."""
    batches = {match_key(b.name): b for b in data.all(BATCHES.key)}
    problems = [p for batch in batches.values() for p in _batch_problems(batch, rules)]
    dated = {key: b for key, b in batches.items() if not any(p.location.cell == b.cells.get("signing")
                                                           for p in problems)}
    # A batch row with its own error is missing from ``batches``: do not blame its nominations too.
    batches_complete = not data.has_errors_in(BATCHES)
    awards, seen = [], {}
    for n in data.all(NOMINATIONS.key):
        award, found = _resolve_one(n, batches, dated, rules, batches_complete)
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
    return Resolution(awards, list(dict.fromkeys(problems)))


def _batch_problems(batch: Batch, rules: Rules) -> list[Problem]:
    if batch.signing is None:
        return []
    problems = []
    for lookup in (rules.salaries.on, rules.bases.on):
        try:
            lookup(batch.signing)
        except RuleError as exc:
            problems.append(record_problem(BATCHES, batch, "signing", "dot.ngay_ky", f'đợt "{batch.name}": {exc}'))
    return problems


def _resolve_one(n: Nomination, batches: dict[str, Batch], dated: dict[str, Batch], rules: Rules,
                 batches_complete: bool) -> tuple[Award | None, list[Problem]]:
    batch = batches.get(match_key(n.batch))
    if batch is None:
        return None, [record_problem(NOMINATIONS, n, "batch", "de_nghi.dot",
                                     f'đợt "{n.batch}" không có trong trang "{BATCHES.title}"; '
                                     "hãy thêm đợt đó hoặc sửa tên đợt cho khớp.")] if batches_complete else []
    form = rules.catalogue.find(n.form)
    if form is None:
        return None, [record_problem(NOMINATIONS, n, "form", "hinh_thuc.khong_co",
                                     f'"{n.form}" không phải hình thức khen thưởng do Chủ tịch UBND tỉnh quyết '
                                     "định; hãy chọn trong danh sách của cột này.")]
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
