"""Entry point: every NĐ 30 rule on one .docx."""
from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx

from ..errors import UserError
from . import appendix, body, fonts, header, issuer, page, page_numbers, recipients, signature
from ..problems import Problem
from .layout import locate
from .fingerprint import fingerprint
from .model import build_model, header_parts
from .rulebook import Rulebook
from .resolve import StyleResolver


def check_document(path: Path, book: Rulebook) -> list[Problem]:
    """All format deviations of the .docx at ``path``, in reading order of the rules."""
    return check_loaded(_open(Path(path)), book)


_STYLE_PARTS = ("word/styles.xml", "word/theme/theme1.xml")


class Checker:
    """Checks documents still in memory (before they are written).

    Documents rendered from one template share styles and theme, so they share one
    style resolver and its memo of resolved run formats.
    """

    def __init__(self, book: Rulebook):
        self.book = book
        self._resolvers: dict[str, StyleResolver] = {}

    def check_bytes(self, data: bytes) -> list[Problem]:
        return self.inspect(data)[0]

    def inspect(self, data: bytes) -> tuple[list[Problem], str]:
        """The document's format problems and its content fingerprint, from one reading of it."""
        document = docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            key = hashlib.sha256(b"".join(archive.read(n) for n in _STYLE_PARTS if n in names)).hexdigest()
        if key not in self._resolvers:
            self._resolvers[key] = StyleResolver(document)
        model = build_model(document, self.book, self._resolvers[key])
        return check_model(model), fingerprint(model)


def check_loaded(document: docx.document.Document, book: Rulebook,
                 resolver: StyleResolver | None = None) -> list[Problem]:
    return check_model(build_model(document, book, resolver))


def check_model(model) -> list[Problem]:
    layout = locate(model)
    return [
        *page.check_pages(model),
        *fonts.check_font_family(model),
        *fonts.check_font_sizes(model, layout),
        *header.check_quoc_hieu(layout),
        *header.check_tieu_ngu(layout),
        *header.check_lines(model, layout),
        *header.check_so(layout),
        *header.check_date(layout),
        *body.check_ten_loai(layout),
        *body.check_can_cu(model, layout),
        *recipients.check_noi_nhan(layout),
        *signature.check_signature(layout),
        *issuer.check_issuer(layout),
        *page_numbers.check_page_numbers(model, header_parts(model)),
        *appendix.check_appendices(layout),
    ]


def _open(path: Path) -> docx.document.Document:
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp "{path}".')
    try:
        return docx.Document(str(path))
    except Exception as err:  # any damage inside the package: zip, XML, content types, parts
        hint = " Nếu là tệp .doc cũ, hãy mở bằng Word và lưu lại dạng .docx." \
            if path.suffix.lower() == ".doc" else ""
        raise UserError(f'Tệp "{path.name}" không phải tệp Word .docx đọc được '
                        f"(tệp hỏng hoặc không phải định dạng Word mới).{hint}") from err
