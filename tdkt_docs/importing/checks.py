"""The per-row rules a nomination must meet for the office's decision, as (column key, message)."""
from __future__ import annotations

from ..glossary import RecipientKind
from ..read.validate import address_issue
from ..rules.awards import form_issue
from ..rules.legal import Catalogue

FORM_HINT = "; hãy chọn trong danh sách của cột Hình thức khen thưởng"


def review(kind: RecipientKind | None, address: str, name: str, form_text: str,
           catalogue: Catalogue) -> list[tuple[str, str]]:
    """What keeps this row from a lawful decision: a missing Ông/Bà, an unknown form, a form not for this kind."""
    found = []
    if (missing := address_issue(kind, address, name)):
        found.append(("address", missing))
    form = catalogue.find(form_text) if form_text else None
    if form_text and (issue := form_issue(form, form_text, kind)) is not None:
        code, message = issue
        found.append(("form", message + (FORM_HINT if form is None else "")))
    return found
