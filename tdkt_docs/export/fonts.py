"""Post-conversion checks of a PDF: fonts embedded, only Times New Roman stand-ins, no missing glyphs."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from ..problems import Location, Problem, Severity
from ..text import TONE_MARKS
from .pdf import open_pdf

# Metric-compatible faces LibreOffice or fontconfig use for Times New Roman (compared letters only).
TIMES_STAND_INS = ("liberationserif", "tinos", "timesnewroman")
FONT_FILE_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")
REPLACEMENT_CHAR = "\ufffd"
SHOWN_CHARS = 20
# vowel → the shape marks it may carry: breve (ă), circumflex (â ê ô), horn (ơ ư)
VOWEL_SHAPES = {"a": "\u0306\u0302", "e": "\u0302", "i": "", "o": "\u0302\u031b", "u": "\u031b", "y": ""}


@dataclass
class FontUse:
    """What one PDF font dictionary is and which characters it drew."""

    name: str
    embedded: bool
    maps_to_replacement: bool
    chars: set[str] = field(default_factory=set)

    @property
    def stand_in(self) -> bool:
        letters = re.sub(r"[^a-z]", "", self.name.lower())
        return letters.startswith(TIMES_STAND_INS)


def check_pdf_fonts(pdf: Path) -> list[Problem]:
    """The font problems of ``pdf``; empty when it is fit for signing."""
    return font_problems(open_pdf(pdf), pdf.name)


def font_problems(reader: PdfReader, name: str) -> list[Problem]:
    """The font problems of the PDF open in ``reader``, reported under the document ``name``."""
    fonts: dict[str, FontUse] = {}
    for page in reader.pages:
        _collect_fonts(page.get("/Resources"), fonts, seen=set())
    if any(not use.stand_in for use in fonts.values()):
        _collect_chars(reader, fonts)
    problems = []
    for use in fonts.values():
        problems += _font_problems(name, use)
    return problems


def _collect_fonts(resources, fonts: dict[str, FontUse], seen: set[int]) -> None:
    """Record every font of ``resources``, descending into form XObjects."""
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (resources.get("/Font") or {}).values():
        use = _describe(font.get_object())
        known = fonts.setdefault(use.name, use)
        known.embedded = known.embedded and use.embedded
        known.maps_to_replacement = known.maps_to_replacement or use.maps_to_replacement
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            _collect_fonts(xobject.get("/Resources"), fonts, seen)


def _describe(font: DictionaryObject) -> FontUse:
    return FontUse(
        name=font_name(font),
        embedded=_is_embedded(font),
        maps_to_replacement=_maps_to_replacement(font),
    )


def font_name(font: DictionaryObject) -> str:
    """BaseFont without the subset tag: ``/BAAAAA+LiberationSerif-Bold`` → ``LiberationSerif-Bold``."""
    base = str(font.get("/BaseFont") or font.get("/Name") or "(không tên)").lstrip("/")
    return re.sub(r"^[A-Z]{6}\+", "", base)


def _is_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are drawn by the PDF itself
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in FONT_FILE_KEYS)


def _maps_to_replacement(font: DictionaryObject) -> bool:
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return False
    data = cmap.get_object().get_data().upper()
    return re.search(rb"<\s*FFFD\s*>", data) is not None


def _collect_chars(reader: PdfReader, fonts: dict[str, FontUse]) -> None:
    """Note which characters each font drew (only needed to explain a fallback)."""

    def visit(text, _cm, _tm, font, _size):
        if font is not None and text.strip():
            use = fonts.get(font_name(font))
            if use is not None:
                use.chars.update(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)


def _font_problems(document: str, use: FontUse) -> list[Problem]:
    found = []
    if not use.embedded:
        found.append(("pdf.phong_chua_nhung", f"phông chữ “{use.name}” không được nhúng vào tệp PDF."))
    if not use.stand_in:
        found.append(("pdf.phong_thay_the", _fallback_text(use)))
    if use.maps_to_replacement:
        found.append(("pdf.mat_chu",
                      f"phông chữ “{use.name}” có ký tự bị mất, hiện thành ô vuông hoặc “{REPLACEMENT_CHAR}”."))
    return [Problem(Severity.ERROR, code, message, Location(document=document)) for code, message in found]


def _fallback_text(use: FontUse) -> str:
    head = f"có chữ in bằng phông thay thế “{use.name}” thay vì Times New Roman"
    if not use.chars:
        return head + "."
    vietnamese = sorted(ch for ch in use.chars if is_vietnamese_letter(ch))
    shown = vietnamese or sorted(use.chars)
    kind = "các chữ tiếng Việt" if vietnamese else "các ký tự"
    return f"{head}, gồm {kind}: {' '.join(shown[:SHOWN_CHARS])}" + (" …" if len(shown) > SHOWN_CHARS else "") + "."


def is_vietnamese_letter(ch: str) -> bool:
    """One of the 134 precomposed Vietnamese letters with diacritics (ă ơ đ ạ ề …), either case."""
    if ch in "đĐ":
        return True
    base, *marks = unicodedata.normalize("NFD", ch)
    shapes = [mark for mark in marks if mark not in TONE_MARKS]
    tones = len(marks) - len(shapes)
    if base.lower() not in VOWEL_SHAPES or tones > 1 or len(shapes) > 1:
        return False
    return bool(marks) and all(mark in VOWEL_SHAPES[base.lower()] for mark in shapes)
