"""Recording signed decisions: idempotent by issuer + number + date; a correction supersedes
the previous version, which is kept. One call is one transaction."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import Connection, func, insert, select, update

from ..rules.collation import normal_cccd
from ..rules.dates import short_date
from .forms import RegisterForms
from .matching import match_recipient
from .model import SignedDecision, content_hash, issuer_key, number_key
from .store import Register
from .tables import CURRENT, awards, decisions, possible_matches


@dataclass
class RecordResult:
    """What one recording did, as Vietnamese lines for the user."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)


def record(register: Register, signed: Iterable[SignedDecision], forms: RegisterForms) -> RecordResult:
    """Record every decision in one transaction: all of them, or (on any error) none."""
    items = list(signed)
    return register.write(lambda conn: _record_all(conn, items, forms))


def _record_all(conn: Connection, items: list[SignedDecision], forms: RegisterForms) -> RecordResult:
    result = RecordResult()
    now = dt.datetime.now().replace(microsecond=0)
    for decision in items:
        _record_one(conn, decision, forms, result, now)
    return result


def _record_one(conn: Connection, decision: SignedDecision, forms: RegisterForms, result: RecordResult,
                now: dt.datetime) -> None:
    form = forms.resolve(decision.form)
    digest = content_hash(decision, form.key)
    key = (decisions.c.issuer_key == issuer_key(decision.issuer)) & \
          (decisions.c.number_key == number_key(decision.number)) & (decisions.c.signed == decision.signed)
    current = conn.execute(select(decisions).where(key & CURRENT)).first()
    if current is not None and current.content_hash == digest:
        result.unchanged.append(decision.label)
        return
    replaced = [current] if current is not None else []
    if decision.slot:
        replaced += conn.execute(select(decisions).where(
            (decisions.c.slot == decision.slot) & CURRENT & ~key)).all()
    if replaced:  # free the "current" place first, then point the old versions at the new one
        conn.execute(update(decisions).where(decisions.c.id.in_([r.id for r in replaced])).values(superseded_at=now))
    version = (conn.execute(select(func.max(decisions.c.version)).where(key)).scalar() or 0) + 1
    new_id = conn.execute(insert(decisions).values(
        issuer=decision.issuer, issuer_key=issuer_key(decision.issuer), number=decision.number,
        number_key=number_key(decision.number), signed=decision.signed, signer=decision.signer,
        position=decision.position, batch=decision.batch,
        quarter=decision.quarter.label if decision.quarter else "",
        batch_kind=decision.batch_kind.label if decision.batch_kind else "", form_key=form.key,
        form_name=form.name, source=decision.source, slot=decision.slot, content_hash=digest, version=version,
        recorded_at=now)).inserted_primary_key[0]
    if replaced:
        conn.execute(update(decisions).where(decisions.c.id.in_([r.id for r in replaced])).values(superseded_by=new_id))
        olds = ", ".join(f"số {r.number} ngày {short_date(r.signed)}" for r in replaced)
        result.corrected.append(f"{decision.label}: ghi bản sửa, bản trước ({olds}) được giữ lại, đánh dấu đã thay.")
    else:
        result.added.append(f"{decision.label}: {form.name}, {len(decision.awards)} người/tập thể/hộ.")
    for seq, award in enumerate(decision.awards, start=1):
        match = match_recipient(conn, award)
        award_id = conn.execute(insert(awards).values(
            decision_id=new_id, recipient_id=match.recipient_id, seq=seq, kind=award.kind.label, address=award.address, rank=award.rank,
            name=award.name, position=award.position, unit=award.unit, proposing_unit=award.proposing_unit,
            birth_year=award.birth_year, cccd=normal_cccd(award.cccd) or None, sex=award.sex.label if award.sex else "",
            achievement=award.achievement, amount=award.amount, source=award.source or decision.source,
            source_row=award.row)).inserted_primary_key[0]
        for recipient_id, reason in match.candidates:
            conn.execute(insert(possible_matches).values(award_id=award_id, recipient_id=recipient_id, reason=reason))
            result.uncertain.append(f'{decision.label}: "{award.entry}" có thể là người/tập thể đã có trong sổ '
                                    f"({reason}); chưa gộp, hãy xem lại bằng tdkt tra-cuu.")
