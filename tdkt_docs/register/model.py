"""What the register records, independent of where it was read from.

``SignedDecision`` and ``AwardRow`` are the register's own input: the workbook,
a signed .docx and a list of past awards are each turned into them by one adapter.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

from ..check.text import plain
from ..glossary import BatchKind, Quarter, RecipientKind, Sex, household_named, kept_name, rank_of
from ..rules.collation import clean, match_key, name_key
from ..rules.dates import short_date


@dataclass(frozen=True, slots=True)
class AwardRow:
    """One line of a decision's attached list."""

    kind: RecipientKind
    name: str
    address: str = ""         # Ông | Bà (the head of a household)
    rank: str = ""            # cấp bậc, quân hàm: printed instead of Ông/Bà
    position: str = ""
    unit: str = ""            # đơn vị công tác; a collective's parent unit; a household's address
    proposing_unit: str = ""
    birth_year: int | None = None
    cccd: str = ""
    achievement: str = ""
    amount: int = 0
    source: str = ""          # workbook it comes from, else document it was read from
    row: int | None = None    # its row in that workbook

    @property
    def entry(self) -> str:
        """The line as the attached list prints it: "Ông Nguyễn Văn An, Đội trưởng …, Công an tỉnh"."""
        return ", ".join(part for part in (self.display_name, self.position, self.unit) if part)

    @property
    def display_name(self) -> str:
        if self.kind is RecipientKind.COLLECTIVE:
            return self.name
        if self.kind is RecipientKind.HOUSEHOLD:
            return " ".join(p for p in ("Hộ gia đình", self.address.lower(), self.name) if p)
        return " ".join(p for p in (self.rank or self.address, self.name) if p)

    @property
    def sex(self) -> Sex | None:
        """Known only for a person addressed Ông or Bà."""
        if self.kind is not RecipientKind.INDIVIDUAL:
            return None
        return {"bà": Sex.FEMALE, "ông": Sex.MALE}.get(match_key(self.address))


def awardee(kind: RecipientKind, name: str, address: str = "", rank: str = "") -> dict:
    """Kind, name, address and rank as the register keeps them, however the list or workbook wrote the name:
    "Thượng tá Lê Hoàng Phúc" (rank typed with the name), "Hộ ông Lý Văn Tư" (household typed whole)."""
    if kind is RecipientKind.COLLECTIVE:
        return {"kind": kind, "name": name, "address": address, "rank": ""}
    head = name.split()[:4] if household_named(name) else []  # "Hộ gia đình ông …", "Hộ bà …"
    said = next((w.capitalize() for w in head if w.casefold() in ("ông", "bà")), "")
    return {"kind": kind, "name": kept_name(kind, name), "address": address or said,
            "rank": "" if kind is RecipientKind.HOUSEHOLD else rank or rank_of(name)}


@dataclass(frozen=True)
class SignedDecision:
    """A signed decision: issuer, number, date, form and its awards in list order."""

    issuer: str
    number: str               # "125/QĐ-UBND"
    signed: dt.date
    form: str
    signer: str = ""
    position: str = ""
    batch: str = ""
    quarter: Quarter | None = None
    batch_kind: BatchKind | None = None
    awards: tuple[AwardRow, ...] = ()
    source: str = ""
    slot: str = ""            # batch and file in the workbook: a later number or date for it is a correction

    @property
    def label(self) -> str:
        return f"Quyết định số {self.number} ngày {short_date(self.signed)}"


def issuer_key(issuer: str) -> str:
    """"UBND tỉnh Bắc Ninh" and "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" agree. Stored with each decision: the only
    abbreviation it spells out stays "UBND" (others, as ``text.spelled_out`` does, would change the keys
    registers hold)."""
    key = match_key(issuer)
    return re.sub(r"\bubnd\b", match_key("ủy ban nhân dân"), key)


def number_key(number: str) -> str:
    """"05/QĐ-UBND", "5 / qđ-ubnd" agree."""
    return re.sub(r"^0+(?=\d)", "", re.sub(r"\s+", "", match_key(number)))


def unit_key(unit: str) -> str:
    """The last part of a unit ("Phòng CSGT, Công an tỉnh" → "công an tỉnh"): documents print
    a person's position and unit joined by commas, so only the last part is certain."""
    return match_key(unit.rsplit(",", 1)[-1])


def search_key(text: str) -> str:
    """Lower case without accents, punctuation between words a space ("Ngọc-Ánh" → "ngoc anh"), for searching
    whatever the user types. Telling recipients apart uses ``name_key``, which keeps punctuation."""
    return re.sub(r"[\W_]+", " ", plain(clean(text))).strip()


def achievement_key(text: str) -> str:
    return match_key(text).rstrip(" .;,:")


def content_hash(decision: SignedDecision, form_key: str) -> str:
    """What the signed document says, so the same decision read from the workbook or
    from the .docx gives the same hash. Sources and workbook-only details are left out."""
    payload = {
        "issuer": issuer_key(decision.issuer), "number": number_key(decision.number),
        "signed": decision.signed.isoformat(), "form": form_key, "signer": match_key(decision.signer),
        "awards": [[a.kind.label, name_key(a.entry), achievement_key(a.achievement), a.amount] for a in decision.awards],
    }
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()
