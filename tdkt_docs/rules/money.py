"""Prize money: coefficient × base salary in force on the signing date, rounded, integers only."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ..glossary import RecipientKind
from .dates import short_date
from .legal import (FORMS_FILE, Coefficient, RuleError, check_no_overlap, cited, covers, describe_periods, field,
                    outside_periods)

SALARY_FILE = "luong-co-so.toml"
ROUNDING_MODES = ("up", "nearest")


@dataclass(frozen=True)
class BaseSalary:
    amount: int
    effective_from: date
    source: str
    verified: bool
    effective_to: date | None = None

    @property
    def label(self) -> str:
        return f"mức lương cơ sở {format_amount(self.amount)} đồng từ {short_date(self.effective_from)}"


@dataclass(frozen=True)
class Rounding:
    mode: str
    source: str
    verified: bool
    step: int = 10_000  # đồng

    @property
    def label(self) -> str:
        how = "lên" if self.mode == "up" else "gần nhất"
        return f"cách làm tròn tiền thưởng ({how}, bước {format_amount(self.step)} đồng)"

    def apply(self, numerator: int, denominator: int) -> int:
        """Round ``numerator / denominator`` đồng to the step, in integer arithmetic."""
        unit = denominator * self.step
        if self.mode == "up":
            return -(-numerator // unit) * self.step
        return (numerator + unit // 2) // unit * self.step


@dataclass(frozen=True)
class Prize:
    amount: int
    coefficient: Coefficient
    base: BaseSalary
    rounding: Rounding
    of: Prize | None = None
    """The amount this one multiplies (hộ gia đình: the cá nhân prize)."""

    @property
    def rules(self) -> tuple[Any, ...]:
        own = (self.coefficient, self.base, self.rounding)
        return own + (self.of.rules if self.of else ())


@dataclass(frozen=True)
class HighestTitleOnly:
    """Several danh hiệu thi đua of one recipient at one time: only the highest prize is paid."""

    text: str  # the rule as warnings quote it
    source: str
    verified: bool
    effective_from: date
    effective_to: date | None = None

    @property
    def label(self) -> str:
        return f"quy tắc “{self.text}”, {describe_periods([(self.effective_from, self.effective_to)])}"

    @property
    def cited(self) -> str:
        return cited(self.source, self.verified)


def read_highest_title(data: dict[str, Any]) -> tuple[HighestTitleOnly, ...]:
    """The periods of the rule (none when the data file has no [nhieu_danh_hieu])."""
    rec = data.get("nhieu_danh_hieu")
    if rec is None:
        return ()
    text = field(rec, "ten", FORMS_FILE)
    rules = tuple(HighestTitleOnly(text, field(p, "source", FORMS_FILE), bool(field(p, "verified", FORMS_FILE)),
                                   field(p, "from", FORMS_FILE), p.get("to"))
                  for p in field(rec, "giai_doan", FORMS_FILE))
    check_no_overlap([(r.effective_from, r.effective_to) for r in rules], "quy tắc nhiều danh hiệu thi đua",
                     FORMS_FILE)
    return rules


def format_amount(n: int) -> str:
    """3510000 -> "3.510.000"."""
    return f"{n:,}".replace(",", ".")


class Salaries:
    """The base salary (mức lương cơ sở) by period."""

    def __init__(self, data: dict[str, Any]):
        self.levels = tuple(
            BaseSalary(
                amount=int(field(rec, "amount", SALARY_FILE)),
                effective_from=field(rec, "from", SALARY_FILE),
                source=field(rec, "source", SALARY_FILE),
                verified=bool(field(rec, "verified", SALARY_FILE)),
                effective_to=rec.get("to"),
            )
            for rec in field(data, "muc", SALARY_FILE)
        )
        check_no_overlap([(s.effective_from, s.effective_to) for s in self.levels], "mức lương cơ sở", SALARY_FILE)

    def on(self, d: date) -> BaseSalary:
        """The base salary in force on ``d``."""
        for salary in self.levels:
            if covers(salary.effective_from, salary.effective_to, d):
                return salary
        raise outside_periods(d, "mức lương cơ sở", [(s.effective_from, s.effective_to) for s in self.levels],
                              SALARY_FILE)


def read_rounding(data: dict[str, Any]) -> Rounding:
    rec = field(data, "lam_tron", FORMS_FILE)
    mode = rec.get("mode", "up")
    if mode not in ROUNDING_MODES:
        raise RuleError(f'Tệp dữ liệu quy định {FORMS_FILE}: cách làm tròn "{mode}" không hợp lệ; '
                        f'chỉ dùng: {", ".join(ROUNDING_MODES)}.')
    step = field(rec, "step", FORMS_FILE)
    if not isinstance(step, int) or step < 1:
        raise RuleError(f'Tệp dữ liệu quy định {FORMS_FILE}: bước làm tròn "{step}" phải là số nguyên dương (đồng).')
    return Rounding(mode, field(rec, "source", FORMS_FILE), bool(field(rec, "verified", FORMS_FILE)), step)


def prize(coefficient_of: Callable[[RecipientKind], Coefficient], base: BaseSalary, rounding: Rounding,
          kind: RecipientKind) -> Prize:
    """Prize for one awardee of ``kind``: its coefficient × the base salary (or × another kind's prize)."""
    coef = coefficient_of(kind)
    if coef.of_kind:
        of = prize(coefficient_of, base, rounding, coef.of_kind)
        return Prize(rounding.apply(coef.hundredths * of.amount, 100), coef, base, rounding, of)
    return Prize(rounding.apply(coef.hundredths * base.amount, 100), coef, base, rounding)
