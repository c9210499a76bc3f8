"""Wording taken from practice, not from a legal text: quyet-dinh.toml and ky-niem.toml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .dates import short_date
from .legal import RuleError, field

WORDING_FILE = "quyet-dinh.toml"
ANNIVERSARY_FILE = "ky-niem.toml"


@dataclass(frozen=True)
class Wording:
    """Điều 3 executors, the fund, the default archive line, heads of proposing units."""

    executors: tuple[str, ...]
    appraiser: str   # the head of the appraising body, in the "Xét đề nghị" line
    fund: str
    archive: str
    heads: tuple[tuple[tuple[str, ...], str], ...]  # (name prefixes, head's title)
    default_head: str

    def unit_head(self, unit: str, given: str = "") -> str:
        """"Giám đốc Sở Nội vụ", "Chủ tịch UBND xã …": the head named in Điều 3 and the Xét đề nghị line."""
        if given:
            return given
        title = next((title for prefixes, title in self.heads if unit.startswith(prefixes)), self.default_head)
        return f"{title} {unit}"


def read_wording(data: dict[str, Any]) -> Wording:
    heads = tuple((tuple(field(rule, "bat_dau", WORDING_FILE)), field(rule, "chuc_danh", WORDING_FILE))
                  for rule in field(data, "thu_truong", WORDING_FILE))
    return Wording(
        executors=tuple(field(data, "thi_hanh", WORDING_FILE)),
        appraiser=field(data, "tham_dinh", WORDING_FILE),
        fund=field(data, "quy", WORDING_FILE),
        archive=field(data, "luu", WORDING_FILE),
        heads=heads,
        default_head=field(field(data, "mac_dinh", WORDING_FILE), "chuc_danh", WORDING_FILE),
    )


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
