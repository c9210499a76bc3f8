"""Vietnamese text primitives shared by every stage: one normaliser, one tone table, one fold."""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Iterable

TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"
"""Combining sắc, huyền, hỏi, ngã, nặng: the order of the legacy code tables."""

_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width spaces and joiners, BOM, soft hyphen
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]+")
_OTHER_SPACES = r"\t\u00a0\u2000-\u200a\u202f\u205f\u3000"  # tab, no-break and typographic spaces
_ODD_SPACES = re.compile(f"[{_OTHER_SPACES}]|  ")  # what _SPACES would change
_SPACES = re.compile(f"[ {_OTHER_SPACES}]+")
_BREAKS = "\r\n\u2028\u2029"
_LINE_BREAKS = re.compile(f"\r\n|[{_BREAKS}]")
_UNUSUAL = re.compile(f"[{_INVISIBLE_CHARACTERS}{_OTHER_SPACES}{_BREAKS}]")
"""A character that ``_INVISIBLE``, ``_ODD_SPACES`` or ``_LINE_BREAKS`` finds."""


def _usual(text: str) -> bool:
    """NFC, without invisible characters, odd spaces or line breaks: what most cells are, and all the cleaning
    it needs is trimming. Told by one search rather than one for each kind."""
    return "  " not in text and unicodedata.is_normalized("NFC", text) and not _UNUSUAL.search(text)


def clean_line(text: str) -> str:
    """NFC, invisible characters removed, runs of spaces (NBSP too) one space, trimmed. Text that needs none
    of it (most cells) is only searched."""
    return text.strip() if _usual(text) else _cleaned_line(text)


def _cleaned_line(text: str) -> str:
    """``clean_line`` of text that is not ``_usual``."""
    if _INVISIBLE.search(text):  # before NFC, so a mark they separated from its letter composes with it
        text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _ODD_SPACES.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()


def clean_lines(text: str) -> tuple[str, ...]:
    """Split on line breaks (Alt+Enter in Excel) and clean each non-empty line."""
    if _usual(text):
        return (line,) if (line := text.strip()) else ()
    return _cleaned_lines(text)


def _cleaned_lines(text: str) -> tuple[str, ...]:
    """``clean_lines`` of text that is not ``_usual``: told once, not again for the whole text on the way down."""
    if not _LINE_BREAKS.search(text):
        return (line,) if (line := _cleaned_line(text)) else ()
    lines = (clean_line(part) for part in _LINE_BREAKS.split(text))
    return tuple(line for line in lines if line)


def clean(text: str) -> str:
    """One line: line breaks become spaces, then ``clean_line``."""
    return text.strip() if _usual(text) else " ".join(_cleaned_lines(text))


_COMBINING = re.compile("[\u0300-\u036f]")
"""The combining marks of Vietnamese letters decomposed (and of most Latin ones): removed by one expression, the
rest of the marks (category Mn) only from text that is not then plain ASCII."""


@functools.lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """Lower case without Vietnamese accents (đ → d), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = _COMBINING.sub("", decomposed)
    if not bare.isascii():  # other marks may be left
        bare = "".join(c for c in bare if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


_NOT_LETTER_OR_DIGIT = re.compile("[^a-z0-9]")


def fold(text: str) -> str:
    """Letters and digits only: the key for 'the same words, however typed'."""
    return _NOT_LETTER_OR_DIGIT.sub("", plain(text))


def closest(text: str, options: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The one of ``options`` most like ``text`` however either is accented, cased or spaced: a typo, accents left
    out, words added or cut ("Phụ lục" and "Phu luc 2024"); None when none is near."""
    wanted = plain(text)

    def likeness(option: str) -> float:
        other = plain(option)
        if min(len(wanted), len(other)) >= 4 and (wanted in other or other in wanted):
            return 1.0
        return difflib.SequenceMatcher(None, wanted, other).ratio()
    scored = max(((likeness(option), option) for option in options), default=(0.0, None))
    return scored[1] if scored[0] >= cutoff else None


def spelled_out(text: str, abbreviations: dict[str, str]) -> str:
    """``text`` with the ``abbreviations`` it holds as words written in full, whatever their case: "Văn phòng HĐND
    và UBND" names the same office as "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"."""
    for short, full in abbreviations.items():
        if short.casefold() in text.casefold():
            text = re.sub(rf"\b{re.escape(short)}\b\.?", full, text, flags=re.IGNORECASE)  # "TP." too
    return text
