"""Wording taken from practice, not from a legal text: data/quyet-dinh.toml and data/ky-niem.toml."""
from __future__ import annotations

import datetime as dt
import functools

from .dates import short_date
from .legal import RuleError, field, load_data

WORDING_FILE = "quyet-dinh.toml"
ANNIVERSARY_FILE = "ky-niem.toml"


@functools.cache
def decision_wording() -> dict:
    """Điều 3 executors, the fund, the default archive line, heads of proposing units."""
    data = load_data(WORDING_FILE)
    for name in ("thi_hanh", "quy", "luu", "thu_truong", "mac_dinh"):
        field(data, name, WORDING_FILE)
    return data


def unit_head(unit: str, given: str = "") -> str:
    """"Giám đốc Sở Nội vụ", "Chủ tịch UBND xã …": the head named in Điều 3 and the Xét đề nghị line."""
    if given:
        return given
    wording = decision_wording()
    for rule in wording["thu_truong"]:
        if unit.startswith(tuple(field(rule, "bat_dau", WORDING_FILE))):
            return f"{field(rule, 'chuc_danh', WORDING_FILE)} {unit}"
    return f"{field(wording['mac_dinh'], 'chuc_danh', WORDING_FILE)} {unit}"


@functools.cache
def _anniversary_entries() -> tuple[dict, ...]:
    entries = tuple(field(load_data(ANNIVERSARY_FILE), "ky_niem", ANNIVERSARY_FILE))
    for entry in entries:
        for name in ("khoa", "ten", "ngay"):
            field(entry, name, ANNIVERSARY_FILE)
        if not isinstance(entry["ngay"], dt.date):
            raise RuleError(f'Tệp dữ liệu {ANNIVERSARY_FILE}: ngày của "{entry["khoa"]}" phải viết dạng năm-tháng-ngày.')
    return entries


def anniversaries(year: int) -> dict:
    """ky_niem.<khoa> = {so_nam, tu, den, nam_goc, ten} for the plan year."""
    result = {}
    for entry in _anniversary_entries():
        origin: dt.date = entry["ngay"]
        day = min(origin.day, 28) if (origin.month, origin.day) == (2, 29) else origin.day
        result[entry["khoa"]] = {
            "so_nam": year - origin.year,
            "tu": short_date(origin),
            "den": short_date(dt.date(year, origin.month, day)),
            "nam_goc": origin.year,
            "ten": entry["ten"],
        }
    return result
