"""Text keys used to recognise elements regardless of accents, case and spacing."""
from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """Lower case without Vietnamese accents, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


def fold(text: str) -> str:
    """Letters and digits only: the key for 'the same words, however typed'."""
    return re.sub(r"[^a-z0-9]", "", plain(text))


def first_token(text: str) -> str:
    parts = text.split()
    return parts[0] if parts else ""
