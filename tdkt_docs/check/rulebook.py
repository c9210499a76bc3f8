"""The NĐ 30 constants (nd30.toml), as the checker asks for them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SizeRule:
    label: str
    low: float
    high: float


class Rulebook:
    """Read access to the constants loaded by ``Rules.nd30``."""

    def __init__(self, data: dict):
        self._data = data

    def __getitem__(self, key: str):
        return self._data[key]

    def size_rule(self, role: str) -> SizeRule:
        entry = self._data["co_chu"][role]
        low, high = entry["khoang"]
        return SizeRule(entry["nhan"], low, high)

    def type_codes(self) -> dict[str, str]:
        """Upper-case document type name → its Phụ lục III abbreviation."""
        return {item["ten"]: item["viet_tat"] for item in self._data["loai_van_ban"]}

    def all_codes(self) -> set[str]:
        return set(self.type_codes().values()) | set(self._data["ban_sao"]["viet_tat"])
