"""Vietnamese number words as written in money amounts ("Bằng chữ: …").

Rules: "linh" (never "lẻ") for a zero tens digit, "mốt" for 1 after "mươi",
"tư" for 4 after "mươi", "lăm" for 5 after "mười"/"mươi", and "không trăm" for an
empty hundreds digit in every group after the first.
"""
from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")
_BILLION = 1_000_000_000


def _units_after_tens(tens: int, unit: int) -> str | None:
    if unit == 0:
        return None
    if unit == 1 and tens >= 2:
        return "mốt"
    if unit == 4 and tens >= 2:
        return "tư"
    if unit == 5:
        return "lăm"
    return DIGITS[unit]


def _group(n: int, *, full: bool) -> list[str]:
    """Words for 1..999; ``full`` reads an empty hundreds digit ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if unit:
            words += ["linh", DIGITS[unit]] if words else [DIGITS[unit]]
        return words
    words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    last = _units_after_tens(tens, unit)
    return words + [last] if last else words


def _below_billion(n: int, *, full: bool) -> list[str]:
    """Words for 1..999_999_999, reading groups in full once anything precedes them."""
    words: list[str] = []
    for power in (2, 1, 0):
        group = n // 1000**power % 1000
        if group:
            words += _group(group, full=full or bool(words))
            if _SCALES[power]:
                words.append(_SCALES[power])
    return words


def _words(n: int) -> list[str]:
    if n >= _BILLION:
        head, tail = divmod(n, _BILLION)
        words = _words(head) + ["tỷ"]
        return words + _below_billion(tail, full=True) if tail else words
    return _below_billion(n, full=False)


def number_in_words(n: int) -> str:
    """0 -> "không", 1005 -> "một nghìn không trăm linh năm"; lowercase."""
    if n < 0:
        raise ValueError(f"amounts are not negative, got {n}")
    return " ".join(_words(n)) if n else DIGITS[0]


def amount_in_words(n: int) -> str:
    """3_510_000 -> "Ba triệu năm trăm mười nghìn đồng"."""
    text = number_in_words(n)
    return f"{text[0].upper()}{text[1:]} đồng"
