"""Typed records read from the workbook, one dataclass per sheet.

``rows`` holds the workbook rows a record came from, for the build manifest, and
``cells`` the cell each value was read from ("I7"), for messages that point at it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from ..glossary import Appraisal, BatchKind, DocumentName, IssuerLevel, Order, Quarter, RecipientKind, Split, Verb
from ..problems import ROW

Cells = Mapping[str, str]


class RowCells(Mapping[str, str]):
    """The cells of one table row: the address of a column's cell ("I7") is made when asked for, from the
    row number and the sheet's column letters ("" for a column the sheet lacks: "dòng 7"), so a sheet of a
    hundred thousand rows does not hold a string per cell."""

    __slots__ = ("_letters", "_row")

    def __init__(self, letters: Mapping[str, str], row: int):
        self._letters, self._row = letters, row

    def __getitem__(self, key: str) -> str:
        letter = self._letters[key]
        return f"{letter}{self._row}" if letter else f"{ROW}{self._row}"

    def __iter__(self) -> Iterator[str]:
        return iter(self._letters)

    def __len__(self) -> int:
        return len(self._letters)


def cell_field() -> Cells:
    """A record's column → cell address map: not part of its value, equality or repr."""
    return field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Agency:
    """Sheet "Cơ quan": the issuing agency and its own wording (empty: the level's usual wording)."""

    parent: str
    name_line_1: str
    name_line_2: str
    short_name: str
    code: str
    place: str
    level: IssuerLevel | None = None
    head: str = ""
    authority: str = ""
    appraiser: str = ""
    appraising_body: str = ""
    appraising_head: str = ""
    executors: tuple[str, ...] = ()
    fund: str = ""
    archive: str = ""
    verb: Verb | None = None
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()

    @property
    def name_lines(self) -> tuple[str, ...]:
        return tuple(line for line in (self.name_line_1, self.name_line_2) if line)

    @property
    def header_lines(self) -> list[str]:
        """The name lines as a document's header prints them, in capitals ("xã Liên Bão" → "XÃ LIÊN BÃO")."""
        return [line.upper() for line in self.name_lines]


@dataclass(frozen=True, slots=True)
class PlanInfo:
    """Sheet "Kế hoạch": the plan's year, number, date and signer."""

    year: int
    number: int | None
    issued: dt.date | None
    authority: str
    position: str
    signer: str
    archive: str
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class LegalBasisLine:
    """Sheet "Căn cứ": one Căn cứ line of the plan."""

    text: str
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class DecisionBasis:
    """Sheet "Căn cứ quyết định": one of the issuer's own Căn cứ lines, with the dates it applies."""

    text: str
    start: dt.date | None
    end: dt.date | None
    position: str
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class Recipient:
    """Sheet "Nơi nhận": one line of a distribution list."""

    document: DocumentName
    name: str
    note: str
    copies: int | None
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class Task:
    """Sheet "Phụ lục": one task of the plan's appendix table."""

    quarter: Quarter
    content: tuple[str, ...]
    directing: tuple[str, ...]
    executing: tuple[str, ...]
    cooperating: tuple[str, ...]
    note: tuple[str, ...]
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class Batch:
    """Sheet "Đợt khen thưởng": one batch of decisions signed together."""

    name: str
    kind: BatchKind | None
    quarter: Quarter | None
    signing: dt.date | None
    position: str
    signer: str
    submission_no: str
    submission_date: dt.date | None
    appraisal_position: str
    appraisal_signer: str
    first_number: int | None
    split: Split | None
    order: Order | None
    archive: str
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()

    @property
    def proposed(self) -> bool:
        """Its decisions are proposed by a Tờ trình of the appraising office: the one who signs it is given."""
        return bool(self.appraisal_position and self.appraisal_signer)


@dataclass(frozen=True, slots=True)
class Nomination:
    """Sheet "Đề nghị khen thưởng": one proposed awardee."""

    batch: str
    unit: str
    unit_head: str
    submission_no: str
    submission_date: dt.date | None
    kind: RecipientKind
    address: str
    rank: str
    name: str
    position: str
    workplace: str
    form: str
    achievement: str
    appraisal: Appraisal | None
    birth_year: int | None = None
    cccd: str = ""
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


@dataclass(frozen=True, slots=True)
class SignedNumber:
    """Sheet "Quyết định đã ký": the number and date a decision received when signed."""

    batch: str
    document: str
    number: str
    signed: dt.date | None
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()
