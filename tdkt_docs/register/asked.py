"""What the eligibility review asks the award register (``eligibility.review_eligibility``): SQLAlchemy is loaded
with this module, only by a review given a register."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import Connection, select

from ..errors import UserError
from ..problems import Location, Problem, Severity
from ..read.records import Nomination
from ..read.schema import NOMINATIONS
from ..rules.collation import match_key
from ..rules.dates import short_date
from .conditions import Check, EligibilityRule
from .eligibility import Earlier, Probe
from .matching import known_recipients
from .model import achievement_key
from .store import Register, open_register
from .tables import CURRENT, awards as award_rows, decisions


def opened(url: str, problems: list[Problem]) -> Register | None:
    """The register at ``url``, when it exists (never created here); else None, with a warning in ``problems``
    when it exists but cannot be opened."""
    try:
        return open_register(url, create=False)
    except UserError as exc:
        problems.append(Problem(Severity.WARNING, "so_theo_doi.khong_mo_duoc",
                                f"chưa đối chiếu với sổ theo dõi khen thưởng: {exc}", Location(NOMINATIONS.title)))
        return None


def earlier(conn: Connection, probe: Probe, workbook: str, own: Mapping[tuple[str, int], dt.date]) -> list[Earlier]:
    """The awards the register holds of the probe's recipient (surely them, or perhaps), but the one this very
    nomination became and those the workbook's other rows under review became (``own``: the planned signing date
    of each, by batch key and row): those rows are compared on the workbook itself, as they were before their
    decisions were recorded."""
    certain, uncertain = known_recipients(conn, probe.row)
    if not certain + uncertain:
        return []
    rows = conn.execute(select(award_rows.c.recipient_id, award_rows.c.achievement, award_rows.c.source,
                               award_rows.c.source_row, decisions.c.batch, decisions.c.form_key,
                               decisions.c.form_name, decisions.c.number, decisions.c.signed, decisions.c.issuer)
                        .join(decisions, decisions.c.id == award_rows.c.decision_id)
                        .where(CURRENT, award_rows.c.recipient_id.in_(certain + uncertain))).all()
    return [Earlier(r.form_key, r.form_name, r.signed.year, achievement_key(r.achievement),
                    f"Quyết định số {r.number} ngày {short_date(r.signed)} ({r.issuer})", r.recipient_id in certain)
            for r in rows if not _under_review(r, probe, workbook, own)]


SIGNING_SPREAD = dt.timedelta(days=183)
"""How far from its batch's planned signing date a decision is signed at most."""


def _under_review(row, probe: Probe, workbook: str, own: Mapping[tuple[str, int], dt.date]) -> bool:
    """What this very nomination, or another row under review (``own``), became once recorded: from the same row,
    signed with its batch (a workbook kept from year to year reuses its batch names and rows: what they became a
    year before is an earlier award)."""
    if _itself(row, probe.nomination, workbook):
        planned = probe.award.batch.signing
    elif (planned := own.get((match_key(row.batch), row.source_row))) is None:
        return False
    return abs(row.signed - planned) <= SIGNING_SPREAD


def _itself(row, n: Nomination, workbook: str) -> bool:
    """Recorded from this very nomination's row (of this workbook, a copy of it, or a decision built from it:
    ``from_docx._built_rows``)."""
    return row.source_row == n.rows[0] and (row.source == workbook or match_key(row.batch) == match_key(n.batch))


def uncovered(conn: Connection, rulebook: tuple[EligibilityRule, ...],
               probes: list[Probe]) -> list[tuple[EligibilityRule, int]]:
    """Streak rules whose years neither the register nor the workbook hold anything of: they cannot be
    judged yet."""
    missing = []
    for rule in (r for r in rulebook if r.check is Check.STREAK):
        for year in sorted({p.year for p in probes if rule.applies(p.award.form.key)}):
            if any(p.award.form.key in rule.required and year - rule.years <= p.year <= year for p in probes):
                continue
            held = conn.execute(select(decisions.c.id).where(
                CURRENT, decisions.c.form_key.in_(rule.required),
                decisions.c.signed.between(dt.date(year - rule.years, 1, 1), dt.date(year, 12, 31)))).first()
            if held is None:
                missing.append((rule, year))
    return missing
