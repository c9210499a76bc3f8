"""Text keys used to recognise elements regardless of accents, case and spacing."""
from __future__ import annotations

import re

from ..text import fold, plain

__all__ = ["first_token", "fold", "plain", "words"]

_WORD = re.compile(r"[a-z0-9]+")


def first_token(text: str) -> str:
    parts = text.split()
    return parts[0] if parts else ""


def words(text: str) -> tuple[str, ...]:
    """The words of ``text`` without accents, case or punctuation: "Sở GD&ĐT" → ("so", "gd", "dt")."""
    return tuple(_WORD.findall(plain(text)))
