"""Wording taken from practice, not from a legal text: cap-ban-hanh.toml and ky-niem.toml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..glossary import IssuerLevel
from ..read.schema import NOMINATIONS
from .dates import short_date
from .legal import RuleError, field

LEVELS_FILE = "cap-ban-hanh.toml"
ANNIVERSARY_FILE = "ky-niem.toml"


@dataclass(frozen=True)
class LevelDefaults:
    """The wording an issuer of one level uses unless its workbook says otherwise (cap-ban-hanh.toml)."""

    level: IssuerLevel
    head: str                   # "Chủ tịch", "Giám đốc"
    appraiser: str              # in "… và đề nghị của <appraiser> tại Tờ trình số …"
    appraising_body: str        # writes the batch's Tờ trình
    appraising_head: str        # its head's title
    executors: tuple[str, ...]  # Điều 3, before the heads of the proposing units
    fund: str                   # Điều 2; "{co_quan}" stands for the agency's short name
    archive: str
    basis_example: str
    source: str
    verified: bool

    @property
    def label(self) -> str:
        return f"cách viết mặc định của {self.level.label.lower()}"


@dataclass(frozen=True)
class UnitHead:
    """Units whose name starts with one of ``prefixes`` are headed by a ``title`` (cap-ban-hanh.toml)."""

    prefixes: tuple[str, ...]
    title: str
    source: str
    verified: bool

    @property
    def label(self) -> str:
        starts = ", ".join(f'"{prefix.strip()} …"' for prefix in self.prefixes)
        return (f'chức danh "{self.title}" của thủ trưởng đơn vị {starts} (khác thì ghi chức danh và tên đơn vị ở '
                f'cột "{NOMINATIONS.column("unit_head").header}", trang "{NOMINATIONS.title}")')


@dataclass(frozen=True)
class UnitHeads:
    """The title of a proposing unit's head, from the start of the unit's name."""

    rules: tuple[UnitHead, ...]
    default: str

    def rule_for(self, unit: str, given: str = "") -> UnitHead | None:
        """The rule that names ``unit``'s head; None when the workbook gives the head or no rule fits."""
        return None if given else next((rule for rule in self.rules if unit.startswith(rule.prefixes)), None)

    def of(self, unit: str, given: str = "") -> str:
        """"Giám đốc Sở Nội vụ", "Chủ tịch UBND xã …": the head named in Điều 3 and the Xét đề nghị line."""
        if given:
            return given
        rule = self.rule_for(unit)
        return f"{rule.title if rule else self.default} {unit}"


def read_levels(data: dict[str, Any]) -> dict[IssuerLevel, LevelDefaults]:
    levels = {}
    for rec in field(data, "cap", LEVELS_FILE):
        level = IssuerLevel.from_key(field(rec, "key", LEVELS_FILE))
        levels[level] = LevelDefaults(
            level=level,
            head=field(rec, "thu_truong", LEVELS_FILE),
            appraiser=field(rec, "tham_dinh", LEVELS_FILE),
            appraising_body=field(rec, "co_quan_tham_dinh", LEVELS_FILE),
            appraising_head=field(rec, "thu_truong_tham_dinh", LEVELS_FILE),
            executors=tuple(field(rec, "thi_hanh", LEVELS_FILE)),
            fund=field(rec, "quy", LEVELS_FILE),
            archive=field(rec, "luu", LEVELS_FILE),
            basis_example=field(rec, "can_cu_mau", LEVELS_FILE),
            source=field(rec, "source", LEVELS_FILE),
            verified=bool(field(rec, "verified", LEVELS_FILE)),
        )
    missing = [level.label for level in IssuerLevel if level not in levels]
    if missing:
        raise RuleError(f"Tệp dữ liệu {LEVELS_FILE} thiếu cách viết của: {', '.join(missing)}.")
    return levels


def read_unit_heads(data: dict[str, Any]) -> UnitHeads:
    """The unit-head rules; one without ``source`` and ``verified`` (a copy of the file made before they were
    asked for) is taken as before, without a warning."""
    rules = tuple(UnitHead(tuple(field(rule, "bat_dau", LEVELS_FILE)), field(rule, "chuc_danh", LEVELS_FILE),
                           rule.get("source", ""), bool(rule.get("verified", True)))
                  for rule in field(data, "thu_truong_don_vi", LEVELS_FILE))
    return UnitHeads(rules, field(field(data, "thu_truong_mac_dinh", LEVELS_FILE), "chuc_danh", LEVELS_FILE))


@dataclass(frozen=True)
class Anniversary:
    key: str
    name: str
    origin: dt.date

    def in_year(self, year: int) -> dict:
        """{so_nam, tu, den, nam_goc, ten} as the plan template reads them."""
        origin = self.origin
        day = min(origin.day, 28) if (origin.month, origin.day) == (2, 29) else origin.day
        return {
            "so_nam": year - origin.year,
            "tu": short_date(origin),
            "den": short_date(dt.date(year, origin.month, day)),
            "nam_goc": origin.year,
            "ten": self.name,
        }


def read_anniversaries(data: dict[str, Any]) -> tuple[Anniversary, ...]:
    entries = []
    for entry in field(data, "ky_niem", ANNIVERSARY_FILE):
        for name in ("khoa", "ten", "ngay"):
            field(entry, name, ANNIVERSARY_FILE)
        if not isinstance(entry["ngay"], dt.date):
            raise RuleError(f'Tệp dữ liệu {ANNIVERSARY_FILE}: ngày của "{entry["khoa"]}" phải viết dạng năm-tháng-ngày.')
        entries.append(Anniversary(entry["khoa"], entry["ten"], entry["ngay"]))
    return tuple(entries)
