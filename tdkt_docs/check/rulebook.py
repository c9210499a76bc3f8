"""The NĐ 30 constants (nd30.toml), as the checker asks for them."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..rules.numbering import type_codes
from ..text import fold
from .text import words


@dataclass(frozen=True)
class SizeRule:
    label: str
    low: float
    high: float


@dataclass(frozen=True)
class Head:
    """The head of a kind of body: "SỞ" is led by a "GIÁM ĐỐC"."""
    kind: str                 # the words a body's name starts with: "SỞ"
    title: str                # "GIÁM ĐỐC"
    collective: bool          # the body also decides as a body ("TM. ỦY BAN NHÂN DÂN")

    @property
    def kind_words(self) -> tuple[str, ...]:
        return words(self.kind)

    @property
    def title_words(self) -> tuple[str, ...]:
        return words(self.title)


class Rulebook:
    """Read access to the constants loaded by ``Rules.nd30``."""

    def __init__(self, data: dict):
        self._data = data
        self._size_rules: dict[str, SizeRule] = {}
        self.section_findings: dict[tuple, tuple] = {}  # (section, index) → its findings (check.page)

    def __getitem__(self, key: str):
        return self._data[key]

    def size_rule(self, role: str) -> SizeRule:
        """Made once per role: asked for at every line of every document."""
        if role not in self._size_rules:
            entry = self._data["co_chu"][role]
            low, high = entry["khoang"]
            self._size_rules[role] = SizeRule(entry["nhan"], low, high)
        return self._size_rules[role]

    @cached_property
    def type_codes(self) -> dict[str, str]:
        """Upper-case document type name → its Phụ lục III abbreviation."""
        return type_codes(self._data)

    @cached_property
    def folded_type_names(self) -> frozenset[str]:
        """The type names as ``fold`` gives them ("quyetdinh"): how a document's name line is recognised."""
        return frozenset(map(fold, self.type_codes))

    def all_codes(self) -> set[str]:
        return set(self.type_codes.values()) | set(self._data["ban_sao"]["viet_tat"])

    @cached_property
    def heads(self) -> tuple[Head, ...]:
        """The [[tham_quyen.nguoi_dung_dau]] table."""
        return tuple(Head(row["co_quan"], row["chuc_vu"], row["tap_the"])
                     for row in self._data["tham_quyen"]["nguoi_dung_dau"])

    @cached_property
    def _abbreviations(self) -> dict[str, tuple[str, ...]]:
        return {"".join(words(short)): words(full) for short, full in self._data["tham_quyen"]["viet_tat"].items()}

    def name_words(self, text: str) -> tuple[str, ...]:
        """The words of a body's or a title's name, accepted abbreviations written out (UBND)."""
        return tuple(part for word in words(text) for part in self._abbreviations.get(word, (word,)))

    def head_of(self, body: tuple[str, ...]) -> Head | None:
        """The head of the body named ``body`` (see ``name_words``), if its kind is in the table."""
        return next((h for h in self.heads if body[:len(h.kind_words)] == h.kind_words), None)
