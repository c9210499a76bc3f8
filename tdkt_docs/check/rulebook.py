"""The NĐ 30 constants from data/nd30.toml."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..rules.legal import load_data

DATA_FILE = "nd30.toml"


@dataclass(frozen=True)
class SizeRule:
    label: str
    low: float
    high: float


@functools.cache
def rulebook() -> dict:
    return load_data(DATA_FILE, parse_float=float)


def size_rule(role: str) -> SizeRule:
    entry = rulebook()["co_chu"][role]
    low, high = entry["khoang"]
    return SizeRule(entry["nhan"], low, high)


def type_codes() -> dict[str, str]:
    """Upper-case document type name → its Phụ lục III abbreviation."""
    return {item["ten"]: item["viet_tat"] for item in rulebook()["loai_van_ban"]}


def all_codes() -> set[str]:
    return set(type_codes().values()) | set(rulebook()["ban_sao"]["viet_tat"])
