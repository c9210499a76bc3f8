"""The per-row rules a nomination must meet for the office's decision, as (column key, message)."""
from __future__ import annotations

from ..glossary import RecipientKind
from ..read.validate import address_issue
from ..rules.awards import form_issue
from ..rules.issuer import Issuer
from ..rules.legal import Catalogue

FORM_HINT = "; hãy chọn trong danh sách của cột Hình thức khen thưởng"


def review(kind: RecipientKind | None, address: str, rank: str, name: str, form_text: str, catalogue: Catalogue,
           issuer: Issuer | None = None) -> list[tuple[str, str]]:
    """What keeps this row from a lawful decision by ``issuer`` (None: not known): a missing Ông/Bà or rank, an
    unknown form, a form outside the issuer's authority, a form not for this kind."""
    found = []
    if (missing := address_issue(kind, address, name, rank)):
        found.append(("address", missing))
    form = catalogue.find(form_text) if form_text else None
    if form_text and (issue := form_issue(form, form_text, kind, issuer)) is not None:
        code, message = issue
        found.append(("form", message + (FORM_HINT if form is None else "")))
    return found
