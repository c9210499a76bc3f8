"""Who an award went to: the same recipient across years by CCCD, or by name plus unit.

A certain match joins the recipient; anything less (same name elsewhere, a different birth
year) makes a new recipient and keeps the candidates as possible matches, shown to the user.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from ..rules.collation import name_key, normal_cccd
from .model import AwardRow, search_key, unit_key
from .tables import recipients


@dataclass(frozen=True)
class Match:
    recipient_id: int
    candidates: tuple[tuple[int, str], ...] = ()  # (recipient id, why it might be the same)


def _filters(award: AwardRow):
    name, unit = name_key(award.name), unit_key(award.unit or award.proposing_unit)
    in_unit = (recipients.c.unit_key == unit) | recipients.c.unit_key.startswith(unit + "#", autoescape=True)
    named = (recipients.c.kind == award.kind.label) & (recipients.c.name_key == name)
    return name, unit, named, in_unit


def known_recipients(conn: Connection, award: AwardRow) -> tuple[list[int], list[int]]:
    """Read-only: recipients that are certainly, and that may be, the one ``award`` names."""
    cccd = normal_cccd(award.cccd) or None
    _, _, named, in_unit = _filters(award)
    certain: list[int] = []
    if cccd:
        certain += conn.execute(select(recipients.c.id).where(recipients.c.cccd == cccd)).scalars().all()
    uncertain: list[int] = []
    for r in conn.execute(select(recipients).where(named)).all():
        if r.id in certain or (cccd and r.cccd and r.cccd != cccd):
            continue
        same_unit = conn.execute(select(recipients.c.id).where((recipients.c.id == r.id) & in_unit)).first()
        sure = same_unit is not None and _same_birth(r.birth_year, award.birth_year)
        (certain if sure else uncertain).append(r.id)
    return certain, uncertain


def match_recipient(conn: Connection, award: AwardRow) -> Match:
    cccd = normal_cccd(award.cccd) or None
    name, unit, named, in_unit = _filters(award)
    if cccd:
        found = conn.execute(select(recipients.c.id).where(recipients.c.cccd == cccd)).scalar()
        if found is not None:
            return Match(found)
    same = conn.execute(select(recipients).where(named & in_unit)).all()
    plain = [r for r in same if r.cccd is None]
    exact = [r for r in plain if award.birth_year and r.birth_year == award.birth_year]
    chosen = (exact or [r for r in plain if _same_birth(r.birth_year, award.birth_year)] or [None])[0]
    if chosen is not None:
        _complete(conn, chosen, cccd, award.birth_year)
        return Match(chosen.id)
    candidates = [(r.id, _why_same_unit(r, award)) for r in same if not (cccd and r.cccd)]
    if cccd is None or not same:
        others = conn.execute(select(recipients).where(named & ~in_unit)).all()
        candidates += [(r.id, f"cùng họ tên, khác đơn vị ({r.unit})") for r in others]
    return Match(_new_recipient(conn, award, cccd, name, unit, bool(plain)), tuple(candidates))


def _same_birth(known: int | None, given: int | None) -> bool:
    return known is None or given is None or known == given


def _why_same_unit(row, award: AwardRow) -> str:
    if row.cccd:
        return f"cùng họ tên, cùng đơn vị, đã ghi số CCCD {row.cccd}; lần này không có số CCCD"
    return f"cùng họ tên, cùng đơn vị nhưng khác năm sinh ({row.birth_year} và {award.birth_year})"


def _complete(conn: Connection, row, cccd: str | None, birth_year: int | None) -> None:
    """Fill a matched recipient's CCCD or birth year when they were unknown."""
    values = {}
    if cccd and row.cccd is None:
        values["cccd"] = cccd
    if birth_year and row.birth_year is None:
        values["birth_year"] = birth_year
    if values:
        conn.execute(update(recipients).where(recipients.c.id == row.id).values(**values))


def _new_recipient(conn: Connection, award: AwardRow, cccd: str | None, name: str, unit: str,
                   clash: bool) -> int:
    """A new recipient; when a CCCD-less one with the same name and unit stays apart (different
    birth year), the new one keeps its birth year in the unit key so both can exist."""
    key = f"{unit}#{award.birth_year}" if clash and cccd is None else unit
    unit_text = award.unit or award.proposing_unit
    return conn.execute(insert(recipients).values(
        kind=award.kind.label, name=award.name, name_key=name, name_search=search_key(award.name),
        unit=unit_text, unit_key=key, unit_search=search_key(unit_text), cccd=cccd,
        birth_year=award.birth_year)).inserted_primary_key[0]
