"""Cell values: text normalisation and typed parsing.

Every parser takes the raw openpyxl value and returns a Python value, or raises
``CellError`` whose message (Vietnamese) says what is wrong with the value.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from openpyxl.utils.datetime import from_excel

from ..text import clean_line, clean_lines
_DATE_TEXT = re.compile(r"^(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_GROUPED_INT = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""Control characters, and the bidi overrides that make text display other than it reads."""


def excel_text(raw: str) -> tuple[str, list[str]]:
    """The text as typed: Excel's ``_xHHHH_`` escapes decoded (``_x000D_`` is a line break), then
    control characters and bidi overrides removed; the second item names what was removed."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), raw) if "_x" in raw else raw
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _HIDDEN.search(text):
        return text, []
    removed = sorted({f"U+{ord(ch):04X}" for ch in _HIDDEN.findall(text)})
    return _HIDDEN.sub("", text), removed


class CellError(ValueError):
    """A value that does not fit its column; the message is Vietnamese, ``code`` is stable."""

    def __init__(self, message: str, code: str = "o.gia_tri"):
        super().__init__(message)
        self.code = code


class UncachedFormula(str):
    """A formula cell whose value was never calculated (saved by a program other than Excel)."""


def as_text(value: object) -> str:
    """One line of text; line breaks inside the cell become spaces."""
    return " ".join(clean_lines(_display(value)))


def as_lines(value: object) -> tuple[str, ...]:
    return clean_lines(_display(value))


def as_int(value: object) -> int:
    if isinstance(value, bool):
        raise CellError("cần một số nguyên", "o.so_nguyen")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(f"cần một số nguyên, không phải {value:g}", "o.so_nguyen")
    text = as_text(value)
    if text.isdigit():
        return int(text)
    if _GROUPED_INT.match(text):
        return int(re.sub(r"[.,\s]", "", text))
    raise CellError(f'cần một số nguyên, không phải "{text}"', "o.so_nguyen")


def as_year(value: object) -> int:
    if isinstance(value, str):
        value = re.sub(r"^\s*năm\s+", "", clean_line(value), flags=re.IGNORECASE)
    year = as_int(value)
    if not 1900 <= year <= 2200:
        wanted = "cần 4 chữ số, ví dụ 2024" if year < 1000 else "cần một năm từ 1900 đến 2200"
        raise CellError(f"năm {year} không hợp lệ ({wanted})", "o.nam")
    return year


def as_date(value: object) -> dt.date:
    """A real Excel date, an Excel serial number, or text dd/mm/yyyy (also - and .)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return from_excel(value).date()
        raise CellError(f"{value} không phải là ngày", "o.ngay")
    text = as_text(value)
    match = _DATE_TEXT.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if len(match.group(3)) == 2 else 0  # "20/6/25": the century is often left out
    elif (match := _ISO_DATE.match(text)):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise CellError(f'"{text}" không phải là ngày; hãy nhập dạng ngày/tháng/năm, ví dụ 05/01/2024', "o.ngay")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f'ngày "{text}" không tồn tại', "o.ngay") from None


def _display(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return str(value)


def is_blank(value: object) -> bool:
    """None, or text with nothing visible; a text that begins with a letter or digit (most: names, each its own)
    is neither cleaned nor memoised."""
    return value is None or (isinstance(value, str) and not value[:1].isalnum() and _blank_text(value))


@lru_cache(maxsize=1 << 16)
def _blank_text(text: str) -> bool:
    """Nothing visible (memoised: a workbook repeats its texts row after row)."""
    return not clean_line(text)


def forget() -> None:
    """Let go of what was memoised while reading a workbook."""
    _blank_text.cache_clear()


def header_key(text: object) -> str:
    """Tolerant header/choice/sheet-name key: NFC, case and spacing insensitive."""
    if text is None:
        return ""
    return clean_line(str(text)).casefold()
