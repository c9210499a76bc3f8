"""Entry point: every NĐ 30 rule on one .docx."""
from __future__ import annotations

import io
from pathlib import Path

import docx

from ..errors import UserError
from . import appendix, body, fonts, header, page, page_numbers, recipients, signature
from .findings import Finding
from .layout import locate
from .model import build_model, header_parts


def check_document(path: Path) -> list[Finding]:
    """All format deviations of the .docx at ``path``, in reading order of the rules."""
    return check_loaded(_open(Path(path)))


def check_bytes(data: bytes) -> list[Finding]:
    """The same checks on a document still in memory (before it is written)."""
    return check_loaded(docx.Document(io.BytesIO(data)))


def check_loaded(document: docx.document.Document) -> list[Finding]:
    model = build_model(document)
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
        *page_numbers.check_page_numbers(model, header_parts(model)),
        *appendix.check_appendices(model, layout),
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
                        f"({type(err).__name__}).{hint}") from err
