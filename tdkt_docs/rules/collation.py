"""Vietnamese text keys: tolerant matching and ICU collation for list order."""
from __future__ import annotations

import functools
import re
import unicodedata

import icu

from ..text import TONE_MARKS, clean


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


_TONES = frozenset(TONE_MARKS)


def _unify_tones(decomposed: str) -> str:
    """Move the tone marks of every syllable (a run of letters and marks) to its end: "hòa" and "hoà" agree.

    A tone mark waits until the run it belongs to ends; only the characters after one are looked up."""
    out, tones = [], []
    for ch in decomposed:
        if ch in _TONES:
            tones.append(ch)
            continue
        if tones and not _is_letter(ch):
            out += tones
            tones.clear()
        out.append(ch)
    return "".join(out + tones)


def name_key(text: str) -> str:
    """Key for lookups and de-duplication; ignores case, spacing, NFC/NFD and tone placement. For text of which
    there are as many as rows (people's names), which a memo of whole texts would only fill: each word's key is
    memoised instead (a name is a few of some thousands of syllables; a space ends a syllable and is left alone
    by both normal forms, so the words are keyed one by one)."""
    return " ".join(map(_word_key, clean(text).casefold().split(" ")))


@functools.lru_cache(maxsize=1 << 14)
def _word_key(word: str) -> str:
    return unicodedata.normalize("NFC", _unify_tones(unicodedata.normalize("NFD", word)))


@functools.lru_cache(maxsize=1 << 17)
def match_key(text: str) -> str:
    """``name_key``, memoised: a workbook asks for the same few thousand units, forms and batches tens of
    thousands of times."""
    return name_key(text)


@functools.cache
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("vi"))


@functools.lru_cache(maxsize=1 << 14)  # a few tờ trình numbers, asked for by every row
def number_key(text: str) -> str:
    """Key of a document number: "45/TTr- SYT" and "45/ttr-SYT" are the same tờ trình."""
    return "".join(match_key(text).split())


def one_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one character: one replaced, added or left out."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    head = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return a[head + (len(a) >= len(b)):] == b[head + (len(b) >= len(a)):]


def sort_key(text: str) -> bytes:
    """ICU collation key, locale "vi": a < ă < â, d < đ, tones secondary."""
    return _collator().getSortKey(clean(text))


def person_sort_key(full_name: str) -> tuple[bytes, bytes, bytes]:
    """Official list order: tên (last word), then họ đệm (middle words), then họ (first word)."""
    words = clean(full_name).split(" ")
    given = words[-1]
    middle = " ".join(words[1:-1])
    family = words[0] if len(words) > 1 else ""
    return sort_key(given), sort_key(middle), sort_key(family)


def normal_cccd(text: str) -> str:
    """A CCCD as a key: digits only; an Excel number that lost its leading zero gets it back."""
    digits = re.sub(r"\D", "", text or "")
    return digits.zfill(12) if 9 <= len(digits) <= 12 else digits
