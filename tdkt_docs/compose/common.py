"""Context pieces shared by every document: header, Căn cứ, Nơi nhận, signature."""
from __future__ import annotations

import datetime as dt

from ..glossary import RecipientKind, household_named, rank_of
from ..read.records import Agency, Nomination, Recipient
from ..rules.dates import BLANK, long_date
from ..rules.numbering import two_digit
from ..rules.signature import signature_lines

_TRAILING = " ;.,"


def header_context(agency: Agency, type_code: str, number: int | None,
                   issued: dt.date | None, year: int) -> dict:
    """Agency lines, "Số: …", place and date for the header table."""
    return {
        "co_quan_chu_quan": agency.parent.upper(),
        "co_quan_ban_hanh": agency.header_lines,
        "co_quan_viet_gon": agency.short_name,
        "so_ky_hieu": number_and_code(number, type_code, agency.code),
        "dia_danh": agency.place,
        "ngay_ban_hanh": long_date(issued, year=year),
    }


def number_and_code(number: int | None, type_code: str, agency_code: str) -> str:
    """"05/KH-UBND", or the hand-fill gap "      /KH-UBND" while unnumbered."""
    shown = two_digit(number) if number else BLANK
    return f"{shown}/{type_code}-{agency_code}"


def sentence_lines(lines: list[str], last_end: str = ";") -> list[str]:
    """Each line ends with ";"; the last with ``last_end`` (user punctuation replaced)."""
    bare = [line.rstrip(_TRAILING) for line in lines]
    return [line + (last_end if i == len(bare) - 1 else ";") for i, line in enumerate(bare)]


def recipient_lines(recipients: list[Recipient], archive: str) -> list[str]:
    """"- Name (note);" lines, closed by "- Lưu: ….", as the Nơi nhận list prints them."""
    names = []
    for r in recipients:
        name = r.name.lstrip("-–• ").rstrip(_TRAILING)
        note = r.note.strip("() ")
        names.append(f"{name} ({note})" if note else name)
    if places := archive_places(archive):
        names.append("Lưu: " + ", ".join(places))
    return ["- " + line for line in sentence_lines(names, last_end=".")] if names else []


def archive_places(archive: str) -> list[str]:
    """"Lưu: VT, NC." or "VT, NC" → ["VT", "NC"]: where the file copies are kept."""
    bare = archive.strip().removeprefix("Lưu:").rstrip(_TRAILING)
    return [place.strip() for place in bare.split(",") if place.strip()]


def signature_context(authority: str, position: str, signer: str) -> dict:
    return {"tham_quyen": signature_lines(authority, position), "ho_ten": signer}


HOUSEHOLD = "Hộ gia đình"


def awardee_name(n: Nomination) -> str:
    """"Ông Nguyễn Văn A", "Thượng tá Lê Hoàng Phúc", "Hộ gia đình bà Hoàng Thị Sen", or the collective's name.

    A household is named from its head; a name typed with "Hộ …" already ("Hộ ông Lý Văn Tư") is kept as typed.
    """
    if n.kind is RecipientKind.COLLECTIVE or (n.kind is RecipientKind.HOUSEHOLD and household_named(n.name)):
        return n.name
    if n.kind is RecipientKind.HOUSEHOLD:
        return " ".join(filter(None, (HOUSEHOLD, n.address.lower(), n.name)))
    title = "" if rank_of(n.name) else n.rank or n.address  # a name typed with its rank takes no other title
    return f"{title} {n.name}" if title and n.name else title or n.name



def entry(n: Nomination) -> str:
    """"Ông Nguyễn Văn A, Trưởng phòng …, Sở …" as the attached list prints it."""
    return ", ".join(filter(None, (awardee_name(n), n.position, n.workplace)))
