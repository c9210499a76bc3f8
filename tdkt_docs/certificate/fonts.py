"""TrueType fonts with full Vietnamese coverage, found in the user's and the system's font folders.

A family is looked up by its usual file names (Windows, macOS, Debian's msttcorefonts); Times New
Roman falls back to the metric-compatible Liberation Serif (Debian fonts-liberation2).
"""
from __future__ import annotations

import functools
import os
import sys
import unicodedata
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..errors import UserError

# The letters every Vietnamese text may use (NFC), upper and lower case.
VIETNAMESE = unicodedata.normalize("NFC", (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"))
REQUIRED_CHARS = frozenset(VIETNAMESE + VIETNAMESE.upper() + "0123456789 .,;:-–/()")

_TIMES = {
    "regular": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf", "TimesNewRoman.ttf"),
    "bold": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf", "TimesNewRoman-Bold.ttf"),
    "italic": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf", "TimesNewRoman-Italic.ttf"),
    "bold italic": ("timesbi.ttf", "Times New Roman Bold Italic.ttf", "Times_New_Roman_Bold_Italic.ttf",
                    "TimesNewRoman-BoldItalic.ttf"),
}
_LIBERATION = {
    "regular": ("LiberationSerif-Regular.ttf",),
    "bold": ("LiberationSerif-Bold.ttf",),
    "italic": ("LiberationSerif-Italic.ttf",),
    "bold italic": ("LiberationSerif-BoldItalic.ttf",),
}
FAMILIES = {"times new roman": _TIMES, "liberation serif": _LIBERATION}
FALLBACKS = {"times new roman": ("liberation serif",)}


def system_font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental")]
    return [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts")]


@functools.cache
def _files_in(folder: Path) -> dict[str, Path]:
    """Lower-case file name → path of every .ttf under ``folder``."""
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.lower().endswith(".ttf"):
                found.setdefault(name.lower(), Path(root) / name)
    return found


def _candidates(family: str, style: str, folders: list[Path]):
    for name in (family.lower(), *FALLBACKS.get(family.lower(), ())):
        for file_name in FAMILIES.get(name, {}).get(style, (f"{family}.ttf",) if style == "regular" else ()):
            for folder in folders:
                if (path := _files_in(folder).get(file_name.lower())) is not None:
                    yield path


@functools.cache
def _register(path: Path) -> str | None:
    """Register ``path`` with reportlab under its own name; None unless it covers Vietnamese."""
    name = "tdkt-" + path.stem
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError):
        return None
    if not REQUIRED_CHARS <= set(map(chr, font.face.charToGlyph)):
        return None
    pdfmetrics.registerFont(font)
    return name


def font_name(family: str, style: str, user_folders: list[Path]) -> str:
    """The reportlab name of ``family`` in ``style`` (``bold italic`` …), registering it on first use."""
    folders = list(user_folders) + system_font_folders()
    for path in _candidates(family, style, folders):
        if (name := _register(path)) is not None:
            return name
    raise UserError(
        f'Không tìm thấy phông chữ "{family}" ({STYLE_NAMES[style]}) có đủ chữ tiếng Việt. Hãy cài phông Times New '
        "Roman, hoặc Liberation Serif (Debian/Ubuntu: sudo apt-get install fonts-liberation2), hoặc chép tệp phông "
        ".ttf vào thư mục mau/ rồi chạy lại.")


STYLE_NAMES = {"regular": "chữ thường", "bold": "chữ đậm", "italic": "chữ nghiêng", "bold italic": "chữ đậm nghiêng"}


def missing_chars(name: str, text: str) -> str:
    """The characters of ``text`` the registered font ``name`` has no glyph for."""
    glyphs = pdfmetrics.getFont(name).face.charToGlyph
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in glyphs))
