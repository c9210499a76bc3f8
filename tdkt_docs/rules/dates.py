"""Date strings in the form of Nghị định 30/2020/NĐ-CP, Phụ lục I.

The day is padded when under 10; the month only for January and February
("ngày 05 tháng 01", "ngày 12 tháng 3"). Babel pads every month, so it is not used.
"""
from __future__ import annotations

from datetime import date

from ..glossary import Quarter

BLANK = " " * 6
"""The gap left for the văn thư to fill in by hand."""


def pad_day(day: int) -> str:
    return f"{day:02d}"


def pad_month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def _slot(text: str | None) -> str:
    return f" {text} " if text else BLANK


def long_date(d: date | None, *, year: int | None = None, month: int | None = None) -> str:
    """``ngày 05 tháng 01 năm 2024``; without ``d``, blanks for the parts not given."""
    if d is not None:
        day_text, month_text, year_text = pad_day(d.day), pad_month(d.month), str(d.year)
    else:
        day_text = None
        month_text = pad_month(month) if month else None
        year_text = str(year) if year else None
    tail = f" {year_text}" if year_text else BLANK
    return f"ngày{_slot(day_text)}tháng{_slot(month_text)}năm{tail}"


def short_date(d: date) -> str:
    """``03/02/2024``, ``19/5/2024``."""
    return f"{pad_day(d.day)}/{pad_month(d.month)}/{d.year}"


def day_month(d: date) -> str:
    """``02/9``, ``03/02``."""
    return f"{pad_day(d.day)}/{pad_month(d.month)}"


def quarter_of(d: date) -> Quarter:
    return list(Quarter)[(d.month - 1) // 3]
