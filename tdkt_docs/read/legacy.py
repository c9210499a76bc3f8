"""Text typed with legacy Vietnamese fonts (TCVN3/ABC, VNI) → Unicode NFC.

In an .xlsx, text typed with a legacy font is stored as the Latin-1 characters
whose codes the font draws as Vietnamese letters: TCVN3 "TiÕng ViÖt" and VNI
"Tieáng Vieät" both mean "Tiếng Việt".

Limit: TCVN3 (ABC) has codes for lower-case toned letters only; upper case comes
from the separate ``.VnTimeH``-style fonts drawing those same codes as capitals.
``to_unicode`` maps them to lower case; ``fix_workbook`` upper-cases a cell whose
font is such an H font. The reader hook cannot see fonts and reads lower case.
"""
from __future__ import annotations

import re
import unicodedata
from copy import copy
from functools import lru_cache
from pathlib import Path
from zipfile import BadZipFile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import UserError
from ..render.xlsx import save_workbook
from ..text import TONE_MARKS

TCVN3 = "TCVN3"
VNI = "VNI"
FONT_NAMES = {TCVN3: "TCVN3 (.VnTime)", VNI: "VNI (VNI-Times)"}


# Per row: Unicode base letter, its legacy form, then its five toned forms.
_TCVN3_ROWS = """
a a ¸ µ ¶ · ¹
ă ¨ ¾ » ¼ ½ Æ
â © Ê Ç È É Ë
e e Ð Ì Î Ï Ñ
ê ª Õ Ò Ó Ô Ö
i i Ý × Ø Ü Þ
o o ã ß á â ä
ô « è å æ ç é
ơ ¬ í ê ë ì î
u u ó ï ñ ò ô
ư \xad ø õ ö ÷ ù
y y ý ú û ü þ
"""
_TCVN3_SINGLE = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

_VNI_ROWS = """
a a aù aø aû aõ aï
ă aê aé aè aú aü aë
â aâ aá aà aå aã aä
e e eù eø eû eõ eï
ê eâ eá eà eå eã eä
i i í ì æ ó ò
o o où oø oû oõ oï
ô oâ oá oà oå oã oä
ơ ô ôù ôø ôû ôõ ôï
u u uù uø uû uõ uï
ư ö öù öø öû öõ öï
y y yù yø yû yõ î
"""
_VNI_SINGLE = {"đ": "ñ", "Đ": "Ñ"}

# Letters only Unicode Vietnamese uses: their presence means the text is already Unicode.
_UNICODE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                           "\u1ea0-\u1ef9\u0300-\u0303\u0306\u0309\u031b\u0323]")

# Vietnamese syllable structure (toneless, lower case): onset + rhyme.
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_OPEN_RHYME = "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưa|ưi|ưu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyu|ua|uơ"
_RHYME = "|".join([
    f"(?:{_OPEN_RHYME})",
    "(?:oa|uê|uy|[aêiy])(?:nh|ch)",
    "(?:uy|uê|[iêy])[mnpt]?",
    "(?:uyê|iê|yê|uô|ươ|oă|uâ|[ăâ])(?:ng|[cmnpt])",
    "(?:oa|oe|[aeoôơuư])(?:ng|[cmnpt])?",
])
_SYLLABLE = re.compile(f"(?P<onset>{_ONSET})(?:{_RHYME})")
_VOWELS = "aăâeêioôơuưy"
# Onsets spelled differently before front vowels (c/k, g/gh, ng/ngh) or a glide (c/qu).
_BAD_SPELLING = re.compile(r"c\|(?:[eêiy]|u[yêâơ])|k\|[^eêiy]|g\|[eê]|ng\|[eêi]|n?gh\|[^eêi]|qu\|[ou]")
_STOP_TONES = "\u0301\u0323"  # a syllable ending in c, ch, p or t takes sắc or nặng

_H_FONT = re.compile(r"^\.Vn\w*H$", re.IGNORECASE)
_LEGACY_FONT = re.compile(r"^(\.Vn|VNI[-_ ])", re.IGNORECASE)
_QUOTE_LIMIT = 80


def _rows(table: str) -> dict[str, str]:
    """Unicode letter → legacy form, lower and upper case, from a table of rows."""
    mapping = {}
    for row in table.split("\n"):
        if not row:
            continue
        base, plain, *toned = row.split(" ")
        mapping[base] = plain
        for tone, form in zip(TONE_MARKS, toned, strict=True):
            mapping[unicodedata.normalize("NFC", base + tone)] = form
    return mapping


def _with_upper(lower: dict[str, str]) -> dict[str, str]:
    mapping = dict(lower)
    for letter, form in lower.items():
        mapping.setdefault(letter.upper(), form.upper())
    return mapping


_ENCODE = {
    TCVN3: {**_rows(_TCVN3_ROWS), **_TCVN3_SINGLE},
    VNI: _with_upper({**_rows(_VNI_ROWS), **_VNI_SINGLE}),
}
_DECODE = {name: {form: letter for letter, form in table.items() if form != letter}
           for name, table in _ENCODE.items()}
_DECODE_RE = {name: re.compile("|".join(re.escape(form) for form in sorted(table, key=len, reverse=True)))
              for name, table in _DECODE.items()}
_CODE_CHARS = {name: frozenset("".join(table)) for name, table in _DECODE.items()}


def to_unicode(text: str, encoding: str) -> str:
    """``text`` read as ``encoding`` ("TCVN3" or "VNI"), as Unicode NFC."""
    table = _DECODE[encoding]
    decoded = _DECODE_RE[encoding].sub(lambda m: table[m.group()], text)
    return unicodedata.normalize("NFC", decoded)


def from_unicode(text: str, encoding: str) -> str:
    """The inverse of ``to_unicode``; TCVN3 writes upper-case toned letters with the lower-case codes."""
    table = _ENCODE[encoding]
    out = []
    for char in unicodedata.normalize("NFC", text):
        if encoding == TCVN3 and char not in table and not char.isascii() and char.lower() in table:
            char = char.lower()
        out.append(table.get(char, char))
    return "".join(out)


def detect(text: str) -> str | None:
    """"TCVN3", "VNI" or None for Unicode, ASCII and foreign text.

    Text with any letter only Unicode Vietnamese has is Unicode. Otherwise each
    word the table would change counts for the encoding when it is not a
    Vietnamese syllable as it stands but becomes one, and against it when it
    does not become one; words valid either way ("Céng", "Hoàn") are neutral.
    """
    if text.isascii() or _UNICODE_ONLY.search(text):
        return None
    scores = {name: _score(text, name) for name in _DECODE}
    best = max(scores, key=scores.get)
    if scores[best] > 0 and list(scores.values()).count(scores[best]) == 1:
        return best
    return None


def _score(text: str, encoding: str) -> int:
    """Evidence words for ``encoding``, or 0 when counter-evidence weighs half as much or more."""
    weights = [_weight(word, encoding) for word in _words(text, _CODE_CHARS[encoding])]
    evidence, against = weights.count(1), weights.count(-1)
    return evidence if evidence > 2 * against else 0


@lru_cache(maxsize=1 << 14)  # names and units share their words
def _weight(word: str, encoding: str) -> int:
    """1: a word that is a Vietnamese syllable only once decoded from ``encoding``; -1: one that is none once
    decoded; 0: neutral."""
    decoded = to_unicode(word, encoding)
    if decoded == word or (decoded.isupper() and not any(c in _VOWELS for c in _split_tone(decoded.lower())[0])):
        return 0  # unchanged, or an abbreviation such as HĐND
    if encoding == TCVN3:  # its codes are lower case even in words typed in capitals
        decoded = decoded.lower()
    if not _is_syllable(decoded):
        return -1
    return 1 if len(word) > 1 and not _is_syllable(word) else 0


def forget() -> None:
    """Let go of what was memoised while reading a workbook."""
    _weight.cache_clear()


def _words(text: str, codes: frozenset[str]) -> list[str]:
    words, current = [], []
    for char in text:
        if char.isalpha() or char in codes:
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _is_syllable(word: str) -> bool:
    """A plausible Vietnamese syllable: consistent case, one tone at most, in its place, onset + rhyme."""
    if not (word.islower() or word.isupper() or word.istitle()):
        return False
    lower = unicodedata.normalize("NFC", word.lower())
    toneless, tones = _split_tone(lower)
    if len(tones) > 1:
        return False
    if toneless.endswith(("c", "ch", "p", "t")) and tones not in tuple(_STOP_TONES):
        return False
    match = _SYLLABLE.fullmatch(toneless)
    if match is None or _BAD_SPELLING.match(f"{match['onset']}|{toneless[len(match['onset']):]}"):
        return False
    return not tones or _tone_in_place(lower, toneless, len(match["onset"]))


def _split_tone(text: str) -> tuple[str, str]:
    """``text`` without tone marks (NFC), and the tone marks it had."""
    decomposed = unicodedata.normalize("NFD", text)
    tones = "".join(c for c in decomposed if c in TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS)), tones


def _tone_in_place(word: str, toneless: str, onset: int) -> bool:
    """The tone is on the vowel that carries it in this rhyme (both styles for oa, oe, uy)."""
    position = next(i for i, char in enumerate(word) if _split_tone(char)[1]) - onset
    rhyme = toneless[onset:]
    nucleus = len(rhyme) - len(rhyme.lstrip(_VOWELS))
    if nucleus == 1:
        return position == 0
    if nucleus < len(rhyme):  # closed syllable: the last vowel
        return position == nucleus - 1
    if rhyme in ("oa", "oe", "uy"):
        return position in (0, 1)
    if rhyme in ("uê", "uơ"):
        return position == 1
    return position == (0 if nucleus == 2 else 1)


def convert_cell(text: str) -> tuple[str, str] | None:
    """For legacy text: the Unicode text and the Vietnamese warning for the reader; else None."""
    encoding = detect(text)
    if encoding is None:
        return None
    fixed = to_unicode(text, encoding)
    message = (f"chữ gõ bằng bảng mã {FONT_NAMES[encoding]} {_quote(text)}, đã đọc thành {_quote(fixed)}. "
               'Dùng "tdkt check --fix" để ghi bản đã sửa.')
    return fixed, message


def _quote(text: str) -> str:
    line = " ".join(text.split())
    if len(line) > _QUOTE_LIMIT:
        line = line[:_QUOTE_LIMIT - 1].rstrip() + "…"
    return f'"{line}"'


def fix_workbook(source: Path, target: Path) -> list[str]:
    """Write a copy of ``source`` to ``target`` with every legacy-encoded cell in Unicode.

    Formatting is kept; a legacy font on a converted cell becomes its Unicode
    counterpart. Returns one Vietnamese line per converted cell.
    """
    source, target = Path(source), Path(target)
    book = _load(source)
    changes = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                fixed = _fixed_value(cell)
                if fixed is None:
                    continue
                changes.append(f'trang "{ws.title}", ô {cell.coordinate}: {_quote(str(cell.value))} → {_quote(str(fixed))}')
                cell.value = fixed
                _replace_font(cell)
    save_workbook(book, target)
    return changes


def _load(source: Path) -> openpyxl.Workbook:
    try:
        return openpyxl.load_workbook(source, rich_text=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise UserError(f'Không mở được sổ Excel "{source.name}" để sửa bảng mã: tệp không phải .xlsx hoặc bị hỏng. '
                        "Hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook).") from None


def _fixed_value(cell) -> str | CellRichText | None:
    value = cell.value
    if cell.data_type == "f" or not isinstance(value, (str, CellRichText)):
        return None
    encoding = detect(str(value))
    if encoding is None:
        return None
    upper = _H_FONT.match(cell.font.name or "") is not None
    if isinstance(value, str):
        return _convert(value, encoding, upper)
    return CellRichText(*(_convert_part(part, encoding, upper) for part in value))


def _convert_part(part: str | TextBlock, encoding: str, upper: bool) -> str | TextBlock:
    if isinstance(part, str):
        return _convert(part, encoding, upper)
    font_upper = upper or _H_FONT.match(part.font.rFont or "") is not None
    return TextBlock(_unicode_font(part.font), _convert(part.text, encoding, font_upper))


def _convert(text: str, encoding: str, upper: bool) -> str:
    fixed = to_unicode(text, encoding)
    return fixed.upper() if upper else fixed


def _replace_font(cell) -> None:
    name = cell.font.name or ""
    if _LEGACY_FONT.match(name):
        font = copy(cell.font)
        font.name = _unicode_font_name(name)
        cell.font = font


def _unicode_font(font):
    if not _LEGACY_FONT.match(font.rFont or ""):
        return font
    font = copy(font)
    font.rFont = _unicode_font_name(font.rFont)
    return font


def _unicode_font_name(legacy: str) -> str:
    return "Arial" if "arial" in legacy.lower() else "Times New Roman"
