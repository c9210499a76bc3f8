"""The one adapter from the composition (documents/quyet_dinh.py) to the register's input:
a decision as ``tdkt build`` makes it, plus the number and date the workbook gives it once signed
(``signed_documents``, the one reading of sheet "Quyết định đã ký", which ``tdkt in-bang`` prints from too)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..documents.quyet_dinh import TYPE_CODE, DecisionDocument, achievement, decision_batches
from ..errors import UserError
from ..problems import Problem
from ..read.records import SignedNumber
from ..read.schema import SIGNED
from ..read.validate import record_problem
from ..rules.collation import match_key
from ..rules.dates import short_date
from ..rules.issuer import Issuer
from ..rules.legal import RuleError
from ..rules.numbering import two_digit
from .model import AwardRow, SignedDecision, awardee, issuer_key
from .prize_date import each, prize_change

if TYPE_CHECKING:
    from pathlib import Path

    from ..build import Prepared
    from ..rules.book import Rules
    from ..settings import Settings

_NUMBER = re.compile(r"^\s*(\d+)\s*(?:/\s*(\S.*))?$")


def issuer_name(issuer: Issuer) -> str:
    """The issuing body as the decision's header names it: the profile's name lines, in capitals (a line typed
    "xã Liên Bão" is printed "XÃ LIÊN BÃO" in the header, and is so in the register and its exports)."""
    return " ".join(issuer.agency.header_lines)


def file_name(document: DecisionDocument) -> str:
    return document.plan.filename.rsplit("/", 1)[-1]


def from_composed(issuer: Issuer, document: DecisionDocument, number: str, signed: dt.date,
                  source: str) -> SignedDecision:
    """A composed decision as the register records it, once signed as ``number`` on ``signed``."""
    decision = document.decision
    batch = decision.batch
    slot = "|".join((issuer_key(issuer_name(issuer)), str(batch.signing.year), match_key(batch.name),
                     file_name(document)))
    return SignedDecision(
        issuer=issuer_name(issuer), number=number, signed=signed, form=decision.form.name, signer=batch.signer,
        position=batch.position, batch=batch.name, quarter=batch.quarter, batch_kind=batch.kind, source=source,
        slot=slot, awards=tuple(AwardRow(
            **awardee(n.kind, n.name, n.address, n.rank), position=n.position, unit=n.workplace,
            proposing_unit=n.unit, birth_year=n.birth_year, cccd=n.cccd, achievement=achievement(n),
            amount=a.amount, source=source, row=n.rows[0])
            for a in decision.awards for n in [a.nomination]))


def read_signed_workbook(path: Path, settings: Settings) -> list[SignedDecision]:
    """The signed decisions the workbook at ``path`` lists (sheet "Quyết định đã ký"); refused with every
    problem of that sheet, or when it lists none."""
    from ..build import prepare

    signed, problems = signed_from_workbook(prepare(path, settings))
    if problems:
        raise UserError(f'Trang "{SIGNED.title}" của "{path.name}" có {len(problems)} lỗi, chưa ghi gì vào sổ '
                        "theo dõi:\n" + "\n".join(f"  {p}" for p in problems))
    if not signed:
        headers = ", ".join(f'"{c.header}"' for c in SIGNED.columns)
        raise UserError(f'Sổ "{path.name}" chưa có quyết định nào ghi số và ngày ký. Thêm trang "{SIGNED.title}" '
                        f"(tdkt init tạo sẵn) với các cột {headers}; mỗi quyết định đã ký một dòng.")
    return signed


@dataclass(frozen=True)
class Signing:
    """A composed decision with the number and date a row of sheet "Quyết định đã ký" gives it."""

    document: DecisionDocument
    number: str  # "125/QĐ-UBND"
    signed: dt.date


def signed_from_workbook(prepared: Prepared) -> tuple[list[SignedDecision], list[Problem]]:
    """The decisions whose number and date are filled in on sheet "Quyết định đã ký"."""
    data = prepared.data
    if prepared.errors:
        raise UserError(f'Sổ "{data.path.name}" còn {len(prepared.errors)} lỗi, chưa ghi gì vào sổ theo dõi:\n'
                        + "\n".join(f"  {p}" for p in prepared.errors))
    signings, problems = signed_documents(prepared)
    issuer = prepared.resolution.issuer
    return [from_composed(issuer, s.document, s.number, s.signed, data.path.name) for s in signings], problems


def signed_documents(prepared: Prepared) -> tuple[list[Signing], list[Problem]]:
    """The composed decisions of a workbook without errors that sheet "Quyết định đã ký" lists, matched by
    batch and file name (or serial in the batch), each signed on a date that gives its awards the prizes they
    were composed with; the problems name the sheet's cells."""
    rows: list[SignedNumber] = prepared.data.all(SIGNED.key)
    issuer = prepared.resolution.issuer
    if not rows or issuer is None:
        return [], []
    summaries, _ = decision_batches(prepared.inputs)
    documents = {match_key(s.batch.name): s.decisions for s in summaries}
    found, problems, seen = [], [], {}
    for row in rows:
        document, problem = _document_for(row, documents.get(match_key(row.batch), []))
        number, bad_number = _number(row, issuer)
        changed = _prize_change(row, document, prepared.rules) if document else None
        problems += [issue for issue in (problem, bad_number, changed) if issue]
        if document is None or number is None or changed:
            continue
        name = document.plan.filename
        if name in seen:
            problems.append(_problem(row, "document", f'quyết định "{name}" đã ghi ở dòng {seen[name]}.'))
            continue
        seen[name] = row.rows[0]
        found.append(Signing(document, number, row.signed))
    return found, problems


def _document_for(row: SignedNumber, documents: list[DecisionDocument]
                  ) -> tuple[DecisionDocument | None, Problem | None]:
    if not documents:
        return None, _problem(row, "batch", f'đợt "{row.batch}" không có quyết định nào trong sổ.')
    wanted = match_key(row.document).removesuffix(".docx")
    for serial, document in enumerate(documents, start=1):
        if wanted in (match_key(file_name(document)).removesuffix(".docx"), str(serial), two_digit(serial)):
            return document, None
    names = ", ".join(f"{i} ({file_name(d)})" for i, d in enumerate(documents, start=1))
    return None, _problem(row, "document", f'không có quyết định "{row.document}" trong đợt "{row.batch}"; '
                                           f"các quyết định của đợt: {names}.")


def _prize_change(row: SignedNumber, document: DecisionDocument, rules: Rules) -> Problem | None:
    """A real signing date (column "Ngày ký") at which an award of ``document`` gets another prize than at the
    batch's planned date, which its text was composed with."""
    batch, name = document.decision.batch, file_name(document)
    planned = {a.kind: a.prize.amount for a in document.decision.awards if a.prize}
    try:
        change = prize_change(document.decision.form, planned, row.signed, rules, batch.name)
    except RuleError as exc:
        return _problem(row, "signed", f'không tính được tiền thưởng của quyết định "{name}" khi ký ngày '
                                       f"{short_date(row.signed)} (ngày ký dự kiến của đợt \"{batch.name}\" là "
                                       f"{short_date(batch.signing)}): {exc}")
    if not change:
        return None
    return _problem(row, "signed", f'quyết định "{name}" tính tiền thưởng theo ngày ký dự kiến '
                                   f'{short_date(batch.signing)} của đợt "{batch.name}": {each(planned)}; {change}')


def _number(row: SignedNumber, issuer: Issuer) -> tuple[str | None, Problem | None]:
    """"125" → "125/QĐ-UBND"; a full number and code is kept as typed."""
    match = _NUMBER.match(row.number)
    if not match:
        return None, _problem(row, "number", f'số quyết định "{row.number}" phải bắt đầu bằng chữ số, '
                                             "ví dụ 125 hoặc 125/QĐ-UBND.")
    if match.group(2) and not any(c.isalpha() for c in match.group(2)):  # a date typed (or kept by Excel) here
        return None, _problem(row, "number", f'số quyết định "{row.number}" không có ký hiệu sau dấu "/" (ô đang ghi '
                                             'một ngày?); ghi số quyết định, ví dụ 125 hoặc 125/QĐ-UBND, và ghi '
                                             'ngày ký ở cột "Ngày ký".')
    code = match.group(2) or f"{TYPE_CODE}-{issuer.agency.code}"
    return f"{two_digit(int(match.group(1)))}/{code.strip()}", None


def _problem(row: SignedNumber, key: str, message: str) -> Problem:
    return record_problem(SIGNED, row, key, f"da_ky.{key}", message)
