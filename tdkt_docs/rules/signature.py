"""Signature block lines (NĐ 30/2020/NĐ-CP Điều 13 and Phụ lục I).

A deputy signs "KT." (ký thay) for the head: the line "KT. <head>" goes above the
deputy's own title, under any "TM." line of the collective body.
"""
from __future__ import annotations

DEPUTY_PREFIX = "PHÓ "
ON_BEHALF_OF_HEAD = "KT. "


def signature_lines(authority: str, position: str) -> list[str]:
    """The upper-case lines above the signer's name."""
    lines = [authority.upper()] if authority else []
    position = position.upper()
    if position.startswith(DEPUTY_PREFIX):
        lines.append(ON_BEHALF_OF_HEAD + position.removeprefix(DEPUTY_PREFIX))
    lines.append(position)
    return lines
