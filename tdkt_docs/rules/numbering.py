"""Section numbers, two-digit counts and document numbers ("Số: 05/QĐ-UBND") used in documents."""
from __future__ import annotations

import re

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)


def roman(n: int) -> str:
    """1 -> "I", 4 -> "IV"; defined for 1..3999."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numerals cover 1..3999, got {n}")
    parts = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


def two_digit(n: int) -> str:
    """Counts and document numbers below 10 get a leading zero: 5 -> "05"."""
    if n < 0:
        raise ValueError(f"counts are not negative, got {n}")
    return f"{n:02d}"


UNFILLED = re.compile(r"^[\s.…_]*$")
"""A number or date of a document not issued yet: left blank, or dotted for the clerk ("Số: …/QĐ-UBND")."""


def number_written(number: str) -> bool:
    """The number before "/" of "Số: 05/…" as NĐ 30 writes it: Arabic digits, 01–09 with a leading 0 and no other
    leading 0, no space before "/"; or left blank."""
    digits = number.strip()
    if UNFILLED.match(number):
        return True
    return digits.isascii() and digits.isdecimal() and number == number.rstrip() and (
        len(digits) == 2 if int(digits) < 10 else not digits.startswith("0"))


def code_kind(code: str) -> str | None:
    """The type code of the part after "/" ("QĐ" of "QĐ-UBND", after a year if any: "2024/QĐ-UBND"); None when
    that part is empty or spaced."""
    parts = code.split("/")
    if len(parts) == 2 and re.fullmatch(r"\d{4}", parts[0]):
        code = parts[1]
    if not code or code != code.strip() or " " in code:
        return None
    return code.split("-")[0]


def type_codes(nd30: dict) -> dict[str, str]:
    """Upper-case document type name → its abbreviation in a document's number (nd30.toml, Phụ lục III)."""
    return {item["ten"]: item["viet_tat"] for item in nd30["loai_van_ban"]}
