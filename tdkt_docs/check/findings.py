"""Format deviations as problems, and helpers to phrase them."""
from __future__ import annotations

from ..problems import Location, Problem, Severity

ERROR = Severity.ERROR
WARNING = Severity.WARNING
EXCERPT_LEN = 50
EXCERPT_HEAD = 32
EXCERPT_TAIL = 12


def finding(rule: str, severity: Severity, where: str, expected: str, found: str) -> Problem:
    """A deviation at ``where`` (a paragraph, table cell or part of the document)."""
    ending = "" if found.endswith("?") else "."  # a question ("có phải là …?") ends the sentence itself
    return Problem(severity, rule, f"quy định: {expected}; thực tế: {found}{ending}", Location(paragraph=where),
                   expected=expected, found=found)


def excerpt(text: str) -> str:
    """Quote a paragraph's text for a location; a long one keeps its start and its end."""
    flat = " ".join(text.split())
    if len(flat) > EXCERPT_LEN:
        flat = flat[:EXCERPT_HEAD].rstrip() + " … " + flat[-EXCERPT_TAIL:].lstrip()
    return f'"{flat}"'


def number(value: float) -> str:
    """Vietnamese decimal: 12,5 / 13."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def value_range(low: float, high: float, unit: str) -> str:
    if low == high:
        return f"{number(low)} {unit}"
    return f"{number(low)}–{number(high)} {unit}"
