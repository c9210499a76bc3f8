"""A person's or a collective's awards, newest first, from the current version of every decision."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Connection, select

from ..glossary import RecipientKind
from ..rules.collation import normal_cccd
from ..rules.dates import short_date
from .model import search_key
from .store import Register
from .tables import CURRENT, awards, decisions, possible_matches, recipients

_CCCD = re.compile(r"[\d .]+")
"""What a typed CCCD may look like: digits, grouped by spaces or dots."""


@dataclass(frozen=True)
class HistoryLine:
    recipient_id: int
    kind: RecipientKind
    name: str
    unit: str
    form: str
    number: str
    signed: dt.date
    issuer: str
    achievement: str
    amount: int
    notes: tuple[str, ...] = ()   # possible matches with other recipients, never merged

    @property
    def decision(self) -> str:
        return f"{self.number} ngày {short_date(self.signed)}"


def lookup(register: Register, name: str, unit: str = "") -> list[HistoryLine]:
    """Awards whose recipient's name contains ``name`` (accents, case and punctuation ignored), or whose CCCD
    is ``name`` when it is one (9 to 12 digits, spaces and dots allowed), optionally in ``unit``; none for a
    name without a letter or digit."""
    if not (key := search_key(name)):
        return []
    found = recipients.c.name_search.contains(key, autoescape=True)
    if _CCCD.fullmatch(name.strip()) and len(cccd := normal_cccd(name)) == 12:  # a CCCD, as collation keys it
        found = found | (recipients.c.cccd == cccd) | (awards.c.cccd == cccd)
    query = (select(recipients.c.id, recipients.c.kind, recipients.c.name, awards.c.unit, recipients.c.unit.label("home"),
                    decisions.c.form_name, decisions.c.number, decisions.c.signed, decisions.c.issuer,
                    awards.c.achievement, awards.c.amount, awards.c.id.label("award_id"))
             .join(awards, awards.c.recipient_id == recipients.c.id)
             .join(decisions, decisions.c.id == awards.c.decision_id)
             .where(CURRENT, found))
    if unit:
        query = query.where(recipients.c.unit_search.contains(search_key(unit), autoescape=True))
    with register.read() as conn:
        rows = conn.execute(query.order_by(decisions.c.signed.desc(), decisions.c.number, awards.c.seq)).all()
        notes = _notes(conn, [r.award_id for r in rows])
    return [HistoryLine(r.id, RecipientKind(r.kind), r.name, r.unit or r.home, r.form_name, r.number, r.signed, r.issuer,
                        r.achievement, r.amount, notes.get(r.award_id, ())) for r in rows]


def _notes(conn: Connection, award_ids: list[int]) -> dict[int, tuple[str, ...]]:
    if not award_ids:
        return {}
    rows = conn.execute(select(possible_matches.c.award_id, possible_matches.c.reason, recipients.c.name,
                               recipients.c.unit)
                        .join(recipients, recipients.c.id == possible_matches.c.recipient_id)
                        .where(possible_matches.c.award_id.in_(award_ids))).all()
    found: dict[int, tuple[str, ...]] = {}
    for r in rows:
        found[r.award_id] = found.get(r.award_id, ()) + (f"có thể là {r.name} ({r.unit}): {r.reason}",)
    return found


def by_recipient(lines: list[HistoryLine]) -> list[list[HistoryLine]]:
    """The lines of each recipient together, recipients in the order of their latest award."""
    groups: dict[int, list[HistoryLine]] = {}
    for line in lines:  # newest first
        groups.setdefault(line.recipient_id, []).append(line)
    return list(groups.values())


def format_history(lines: list[HistoryLine]) -> list[str]:
    """Grouped by recipient, newest first: what ``tdkt tra-cuu`` prints."""
    out: list[str] = []
    for members in by_recipient(lines):
        first = members[0]
        out.append(f"{first.name} ({first.kind.label.lower()}, {first.unit or 'không rõ đơn vị'}):")
        out += _lines(members)
    return out


def _lines(members: list[HistoryLine]) -> list[str]:
    out = []
    for line in members:
        out.append(f"  {short_date(line.signed)}  {line.form}  — Quyết định số {line.decision} "
                   f"({line.issuer})" + (f"; {line.achievement}" if line.achievement else ""))
        out += [f"      Lưu ý: {note}; chưa gộp." for note in line.notes]
    return out
