"""The per-row rules a nomination must meet for the office's decision, as (column key, message)."""
from __future__ import annotations

from ..rules.legal import find_form
from .words import PERSON


def review(kind: str, address: str, name: str, form_text: str) -> list[tuple[str, str]]:
    """What keeps this row from a lawful decision: a missing Ông/Bà, an unknown form, a form not for this kind."""
    found = []
    if kind == PERSON and not address:
        found.append(("address", f'thiếu Ông/Bà cho cá nhân "{name}"; danh sách kèm theo ghi "Ông …" hoặc "Bà …"'))
    form = find_form(form_text) if form_text else None
    if form_text and form is None:
        found.append(("form", f'"{form_text}" không phải hình thức khen thưởng do Chủ tịch UBND tỉnh quyết định; '
                              "hãy chọn trong danh sách của cột Hình thức khen thưởng"))
    elif form is not None and kind and kind not in form.kinds:
        allowed = ", ".join(k.lower() for k in form.kinds)
        found.append(("form", f"{form.name} không tặng cho {kind.lower()} (chỉ tặng cho: {allowed})"))
    return found
