"""Section numbers and two-digit counts used in documents."""
from __future__ import annotations

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
