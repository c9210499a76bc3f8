"""Eligibility rules as data (dieu-kien.toml), each with its article, source and whether it was
checked against the official text. Loaded through ``Rules.eligibility_rules``."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from ..rules.legal import RuleError, cited, field
from .forms import RegisterForms

RULES_FILE = "dieu-kien.toml"


class Check(enum.Enum):
    """How a rule compares a nomination with earlier awards (the ``loai`` of the data file)."""

    SAME_PERIOD = "cung_ky"               # the same form twice in one year
    SAME_ACHIEVEMENT = "cung_thanh_tich"  # one achievement awarded twice
    STREAK = "lien_tuc"                   # needs ``years`` consecutive years of ``required``
    INTERVAL = "khoang_cach"              # at least ``years`` years between two awards of the form


@dataclass(frozen=True)
class EligibilityRule:
    key: str
    check: Check
    label: str
    article: str
    source: str
    verified: bool
    absolute: bool                           # a certain breach is an error, else a warning
    forms: frozenset[str] = frozenset()      # form keys the rule is about (empty: every form)
    required: frozenset[str] = frozenset()   # form keys that must come first (STREAK)
    years: int = 0

    def applies(self, form_key: str) -> bool:
        return not self.forms or form_key in self.forms

    @property
    def cited(self) -> str:
        return cited(self.article, self.verified)


def read_rules(data: dict[str, Any], forms: RegisterForms) -> tuple[EligibilityRule, ...]:
    rules = []
    for rec in field(data, "quy_tac", RULES_FILE):
        kind = field(rec, "loai", RULES_FILE)
        try:
            check = Check(kind)
        except ValueError:
            allowed = ", ".join(c.value for c in Check)
            raise RuleError(f'Tệp dữ liệu quy định {RULES_FILE}: quy tắc "{rec.get("key")}" có loai "{kind}" '
                            f"không hợp lệ; chỉ dùng: {allowed}.") from None
        rules.append(EligibilityRule(
            key=field(rec, "key", RULES_FILE), check=check, label=field(rec, "ten", RULES_FILE),
            article=field(rec, "dieu_khoan", RULES_FILE), source=field(rec, "source", RULES_FILE),
            verified=bool(field(rec, "verified", RULES_FILE)), absolute=bool(field(rec, "tuyet_doi", RULES_FILE)),
            forms=frozenset(forms.resolve(f).key for f in rec.get("hinh_thuc", ())),
            required=frozenset(forms.resolve(f).key for f in rec.get("can_co", ())),
            years=int(rec.get("so_nam", 0))))
    return tuple(rules)
