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
    issuer_key: str       # the issuer however spelt ("UBND tỉnh Bắc Ninh", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")


def awards_of_year(register: Register, year: int, forms: RegisterForms) -> list[YearAward]:
    """``forms`` gives each award its level (cấp khen thưởng) for the statistics."""
    query = (select(decisions.c.issuer, decisions.c.number, decisions.c.signed, decisions.c.signer,
                    decisions.c.form_name, decisions.c.batch, decisions.c.quarter,
                    decisions.c.batch_kind, awards.c.kind, awards.c.address,
                    awards.c.name, awards.c.position, awards.c.unit, awards.c.proposing_unit, awards.c.birth_year,
                    awards.c.cccd, awards.c.sex, awards.c.achievement, awards.c.amount, decisions.c.issuer_key)
             .join(awards, awards.c.decision_id == decisions.c.id)
             .where(CURRENT, decisions.c.signed.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
             .order_by(decisions.c.signed, decisions.c.number, awards.c.seq))
    with register.read() as conn:
        rows = conn.execute(query).all()
    return [YearAward(r.issuer, r.number, r.signed, r.signer, r.form_name, forms.resolve(r.form_name).level,
                      r.batch, _quarter(r), r.batch_kind, RecipientKind(r.kind),
                      r.address, r.name, r.position, r.unit, r.proposing_unit, r.birth_year, r.cccd or "",
                      Sex(r.sex) if r.sex else None, r.achievement, r.amount, r.issuer_key) for r in rows]


def of_issuer(awards: list[YearAward], year: int, issuer: str) -> list[YearAward]:
    """The awards of the issuers whose name contains ``issuer`` (accents, case ignored; "UBND" is "Ủy ban nhân
    dân"): one office's share of a register several offices keep together. None found is refused, naming the
    issuers the year has."""
    if not issuer:
        return awards
    wanted = search_key(issuer_key(issuer))
    matching = {key for key in {a.issuer_key for a in awards} if wanted in search_key(key)}
    if not matching:
        names = issuers(awards)
        raise UserError(f'Sổ theo dõi không có khen thưởng năm {year} của cơ quan "{issuer}"'
                        + (": các cơ quan có khen thưởng năm đó là " + ", ".join(f'"{n}"' for n in names) + "."
                           if names else ": sổ chưa có khen thưởng nào của năm đó."))
    return [a for a in awards if a.issuer_key in matching]


def one_office(awards: list[YearAward], year: int, unit_code: str) -> None:
    """A unit code (MaDonVi) is one office's: refused for the awards of several."""
    if len(names := issuers(awards)) > 1:
        raise UserError(f"Sổ theo dõi có khen thưởng năm {year} của {len(names)} cơ quan ban hành ("
                        + ", ".join(f'"{n}"' for n in names) + f'): mã đơn vị "{unit_code}" chỉ là mã của một '
                        f'cơ quan, chưa ghi tệp nào. Hãy chọn cơ quan của mã đó, ví dụ --co-quan "{names[0]}".')


def issuers(awards: list[YearAward]) -> list[str]:
    """The issuers of ``awards``, each once however it was spelt (as first met), in the order first met."""
    return list(issuer_names(awards).values())


def issuer_names(awards: list[YearAward]) -> dict[str, str]:
    """Each issuer's key → its name as first met: one office, one name, however its awards spelt it."""
    named: dict[str, str] = {}
    for award in awards:
        named.setdefault(award.issuer_key, award.issuer)
    return named


def _quarter(row) -> str:
    """The batch's quarter; a decision recorded without its batch (a past list, a .docx) takes the quarter
    it was signed in, while a batch without a quarter is counted by its đợt alone."""
    if row.quarter or row.batch:
        return row.quarter
    return list(Quarter)[(row.signed.month - 1) // 3].label
