"""The awards of one year (current versions only), flat, for statistics and export."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ..errors import UserError
from ..glossary import Quarter, RecipientKind, Sex
from .forms import RegisterForms
from .model import issuer_key, search_key
from .store import Register
from .tables import CURRENT, awards, decisions


@dataclass(frozen=True)
class YearAward:
    issuer: str
    number: str
    signed: dt.date
    signer: str
    form: str
    level: str
    batch: str
    quarter: str          # "" for a batch that is not a quarter's (tổng kết năm, chuyên đề, …)
    batch_kind: str
    kind: RecipientKind
    address: str
    name: str
    position: str
    unit: str
    proposing_unit: str
    birth_year: int | None
    cccd: str
    sex: Sex | None
    achievement: str
    amount: int


def awards_of_year(register: Register, year: int, forms: RegisterForms) -> list[YearAward]:
    """``forms`` gives each award its level (cấp khen thưởng) for the statistics."""
    query = (select(decisions.c.issuer, decisions.c.number, decisions.c.signed, decisions.c.signer,
                    decisions.c.form_name, decisions.c.batch, decisions.c.quarter,
                    decisions.c.batch_kind, awards.c.kind, awards.c.address,
                    awards.c.name, awards.c.position, awards.c.unit, awards.c.proposing_unit, awards.c.birth_year,
                    awards.c.cccd, awards.c.sex, awards.c.achievement, awards.c.amount)
             .join(awards, awards.c.decision_id == decisions.c.id)
             .where(CURRENT, decisions.c.signed.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
             .order_by(decisions.c.signed, decisions.c.number, awards.c.seq))
    with register.read() as conn:
        rows = conn.execute(query).all()
    return [YearAward(r.issuer, r.number, r.signed, r.signer, r.form_name, forms.resolve(r.form_name).level,
                      r.batch, _quarter(r), r.batch_kind, RecipientKind(r.kind),
                      r.address, r.name, r.position, r.unit, r.proposing_unit, r.birth_year, r.cccd or "",
                      Sex(r.sex) if r.sex else None, r.achievement, r.amount) for r in rows]


def of_issuer(awards: list[YearAward], year: int, issuer: str) -> list[YearAward]:
    """The awards of the issuers whose name contains ``issuer`` (accents, case ignored; "UBND" is "Ủy ban nhân
    dân"): one office's share of a register several offices keep together. None found is refused, naming the
    issuers the year has."""
    if not issuer:
        return awards
    key = _issuer_search(issuer)
    chosen = [a for a in awards if key in _issuer_search(a.issuer)]
    if not chosen:
        names = issuers(awards)
        raise UserError(f'Sổ theo dõi không có khen thưởng năm {year} của cơ quan "{issuer}"'
                        + (": các cơ quan có khen thưởng năm đó là " + ", ".join(f'"{n}"' for n in names) + "."
                           if names else ": sổ chưa có khen thưởng nào của năm đó."))
    return chosen


def _issuer_search(name: str) -> str:
    return search_key(issuer_key(name))


def issuers(awards: list[YearAward]) -> list[str]:
    """The issuers of ``awards``, each once, in the order first met."""
    return list(dict.fromkeys(a.issuer for a in awards))


def _quarter(row) -> str:
    """The batch's quarter; a decision recorded without its batch (a past list, a .docx) takes the quarter
    it was signed in, while a batch without a quarter is counted by its đợt alone."""
    if row.quarter or row.batch:
        return row.quarter
    return list(Quarter)[(row.signed.month - 1) // 3].label
