"""Text keys used to recognise elements regardless of accents, case and spacing."""
from __future__ import annotations

from ..text import fold, plain

__all__ = ["first_token", "fold", "plain"]


def first_token(text: str) -> str:
    parts = text.split()
    return parts[0] if parts else ""
