"""Prize money: coefficient × base salary in force on the signing date, rounded, integers only."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import Any

from .dates import short_date
from .legal import (AwardForm, Coefficient, RuleError, check_no_overlap, coefficient, covers,
                    field, load_data, outside_periods)

_SALARY_FILE = "luong-co-so.toml"
_FORMS_FILE = "khen-thuong.toml"
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


def format_amount(n: int) -> str:
    """3510000 -> "3.510.000"."""
    return f"{n:,}".replace(",", ".")


@functools.cache
def _salaries() -> tuple[BaseSalary, ...]:
    salaries = tuple(
        BaseSalary(
            amount=int(field(rec, "amount", _SALARY_FILE)),
            effective_from=field(rec, "from", _SALARY_FILE),
            source=field(rec, "source", _SALARY_FILE),
            verified=bool(field(rec, "verified", _SALARY_FILE)),
            effective_to=rec.get("to"),
        )
        for rec in field(load_data(_SALARY_FILE), "muc", _SALARY_FILE)
    )
    check_no_overlap([(s.effective_from, s.effective_to) for s in salaries], "mức lương cơ sở", _SALARY_FILE)
    return salaries


def base_salary_on(d: date) -> BaseSalary:
    """The base salary in force on ``d``."""
    for salary in _salaries():
        if covers(salary.effective_from, salary.effective_to, d):
            return salary
    raise outside_periods(d, "mức lương cơ sở", [(s.effective_from, s.effective_to) for s in _salaries()])


@functools.cache
def rounding_rule() -> Rounding:
    rec = field(load_data(_FORMS_FILE), "lam_tron", _FORMS_FILE)
    mode = rec.get("mode", "up")
    if mode not in ROUNDING_MODES:
        raise RuleError(f'Tệp dữ liệu quy định {_FORMS_FILE}: cách làm tròn "{mode}" không hợp lệ; '
                        f'chỉ dùng: {", ".join(ROUNDING_MODES)}.')
    step = field(rec, "step", _FORMS_FILE)
    if not isinstance(step, int) or step < 1:
        raise RuleError(f'Tệp dữ liệu quy định {_FORMS_FILE}: bước làm tròn "{step}" phải là số nguyên dương (đồng).')
    return Rounding(mode, field(rec, "source", _FORMS_FILE), bool(field(rec, "verified", _FORMS_FILE)), step)


def prize_amount(form: AwardForm, kind: str, d: date) -> Prize:
    """Prize for one awardee of ``kind`` receiving ``form`` by a decision signed on ``d``."""
    base = base_salary_on(d)
    coef = coefficient(form, kind, d)
    rounding = rounding_rule()
    if coef.of_kind:
        of = prize_amount(form, coef.of_kind, d)
        amount = rounding.apply(coef.hundredths * of.amount, 100)
        return Prize(amount, coef, base, rounding, of)
    return Prize(rounding.apply(coef.hundredths * base.amount, 100), coef, base, rounding)
