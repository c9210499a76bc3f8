"""Award register test pieces: the 2024 sample with signed numbers, lists of past awards, table reads."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from sqlalchemy import func, select

from tdkt_docs.read.schema import SIGNED
from tdkt_docs.register.location import register_url
from tdkt_docs.register.past import PAST_AWARDS
from tdkt_docs.register.tables import awards, decisions, possible_matches, recipients

from helpers import SAMPLE_2024

BANG_KHEN = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
Q1 = ["Quý I/2024", "1", "125", dt.date(2024, 3, 25)]
Q3 = ["Quý III/2024", "qd-1205-bang-khen-tinh-cong-an-tinh.docx", "1205/QĐ-UBND", dt.date(2024, 9, 24)]


def sqlite_url(path: Path) -> str:
    return register_url(str(path))


def signed_book(folder: Path, rows: list[list]) -> Path:
    """The 2024 sample with sheet "Quyết định đã ký" filled with ``rows``."""
    book = openpyxl.load_workbook(SAMPLE_2024)
    ws = book.create_sheet(SIGNED.title)
    ws.append([c.header for c in SIGNED.columns])
    for row in rows:
        ws.append(row)
    path = folder / "tdkt-2024.xlsx"
    book.save(path)
    return path


def past_list(path: Path, rows: list[dict]) -> Path:
    """A list of past awards as an office would type it: headers, then one award a row."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = PAST_AWARDS.title
    ws.append([c.header for c in PAST_AWARDS.columns])
    for row in rows:
        ws.append([row.get(c.key) for c in PAST_AWARDS.columns])
    book.save(path)
    return path


def past(number: str, date: dt.date, form: str, name: str, place: str, **extra) -> dict:
    return {"issuer": "Sở Nội vụ tỉnh Bắc Ninh", "number": number, "signed": date, "form": form, "kind": "Cá nhân",
            "address": "Ông", "name": name, "workplace": place,
            "achievement": f"Hoàn thành xuất sắc nhiệm vụ năm {date.year}", **extra}


def count(register, table) -> int:
    with register.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def dump(register) -> dict:
    with register.read() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=str)
                for t in (decisions, recipients, awards, possible_matches)}
