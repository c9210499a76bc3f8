"""The one adapter from the composition (compose/decision.py) to the register's input:
a decision as ``tdkt build`` makes it, plus the number and date the workbook gives it once signed."""
from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils import get_column_letter

from ..compose.decision import TYPE_CODE, Decision, achievement, compose_decisions
from ..compose.document import DocumentPlan
from ..errors import UserError
from ..read.problems import ERROR, Problem
from ..read.records import Agency, SignedNumber
from ..read.schema import AGENCY, SIGNED
from ..read.workbook import WorkbookData
from ..rules.collation import match_key
from ..rules.numbering import two_digit
from .model import AwardRow, SignedDecision, issuer_key

_NUMBER = re.compile(r"^\s*(\d+)\s*(?:/\s*(\S.*))?$")


def issuer_of(agency: Agency) -> str:
    return " ".join(agency.name_lines)


def from_composed(agency: Agency, decision: Decision, number: str, signed: dt.date, source: str,
                  slot: str = "") -> SignedDecision:
    """A composed decision as the register records it."""
    batch = decision.batch
    return SignedDecision(
        issuer=issuer_of(agency), number=number, signed=signed, form=decision.form.name, signer=batch.signer,
        position=batch.position, batch=batch.name, quarter=batch.quarter, source=source, slot=slot,
        awards=tuple(AwardRow(
            kind=n.kind, name=n.name, address=n.address, position=n.position, unit=n.workplace,
            proposing_unit=n.unit, birth_year=n.birth_year, cccd=n.cccd, achievement=achievement(n),
            amount=a.prize.amount, source=source, row=n.rows[0]) for a in decision.awards for n in [a.nomination]))


def signed_from_workbook(data: WorkbookData) -> tuple[list[SignedDecision], list[Problem]]:
    """The decisions whose number and date are filled in on sheet "Quyết định đã ký"."""
    if data.errors:
        raise UserError(f'Sổ "{data.path.name}" còn {len(data.errors)} lỗi, chưa ghi gì vào sổ theo dõi:\n'
                        + "\n".join(f"  {p}" for p in data.errors))
    rows: list[SignedNumber] = data.all(SIGNED.key)
    agency: Agency | None = data.one(AGENCY.key)
    if not rows or agency is None:
        return [], []
    plans = {}
    for plan in compose_decisions(data).documents:
        plans.setdefault(match_key(plan.payload.decision.batch.name), []).append(plan)
    found, problems, seen = [], [], {}
    for row in rows:
        plan, problem = _plan_for(row, plans.get(match_key(row.batch), []))
        number, bad_number = _number(row, agency)
        for issue in (problem, bad_number):
            if issue:
                problems.append(issue)
        if plan is None or number is None:
            continue
        if plan.filename in seen:
            problems.append(_problem(row, "document", f'quyết định "{plan.filename}" đã ghi ở dòng {seen[plan.filename]}.'))
            continue
        seen[plan.filename] = row.rows[0]
        decision = plan.payload.decision
        slot = "|".join((issuer_key(issuer_of(agency)), str(decision.batch.signing.year),
                         match_key(decision.batch.name), plan.filename.rsplit("/", 1)[-1]))
        found.append(from_composed(agency, decision, number, row.signed, data.path.name, slot))
    return found, problems


def _plan_for(row: SignedNumber, plans: list[DocumentPlan]) -> tuple[DocumentPlan | None, Problem | None]:
    if not plans:
        return None, _problem(row, "batch", f'đợt "{row.batch}" không có quyết định nào trong sổ.')
    wanted = match_key(row.document).removesuffix(".docx")
    for serial, plan in enumerate(plans, start=1):
        name = match_key(plan.filename.rsplit("/", 1)[-1]).removesuffix(".docx")
        if wanted in (name, str(serial), two_digit(serial)):
            return plan, None
    names = ", ".join(f'{i} ({p.filename.rsplit("/", 1)[-1]})' for i, p in enumerate(plans, start=1))
    return None, _problem(row, "document", f'không có quyết định "{row.document}" trong đợt "{row.batch}"; '
                                           f"các quyết định của đợt: {names}.")


def _number(row: SignedNumber, agency: Agency) -> tuple[str | None, Problem | None]:
    """"125" → "125/QĐ-UBND"; a full number and code is kept as typed."""
    match = _NUMBER.match(row.number)
    if not match:
        return None, _problem(row, "number", f'số quyết định "{row.number}" phải bắt đầu bằng chữ số, '
                                             "ví dụ 125 hoặc 125/QĐ-UBND.")
    code = match.group(2) or f"{TYPE_CODE}-{agency.code}"
    return f"{two_digit(int(match.group(1)))}/{code.strip()}", None


def _problem(row: SignedNumber, key: str, message: str) -> Problem:
    index = next(i for i, c in enumerate(SIGNED.columns) if c.key == key)
    return Problem(ERROR, SIGNED.title, message, cell=f"{get_column_letter(index + 1)}{row.rows[0]}",
                   column=SIGNED.column(key).header)
