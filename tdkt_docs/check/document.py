"""Entry point: every NĐ 30 rule on one .docx."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Mapping

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from ..errors import UserError
from . import appendix, body, fonts, header, issuer, page, page_numbers, recipients, signature
from ..problems import Problem
from .layout import locate
from .fingerprint import fingerprint
from .model import Package, build_model
from .rulebook import Rulebook
from .resolve import StyleResolver, child, w

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-docx's parser settings, with lxml's plain elements: the checker only reads them, and plain
elements are several times cheaper to visit."""


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, _PARSER)


def check_document(path: Path, book: Rulebook) -> list[Problem]:
    """All format deviations of the .docx at ``path``, in reading order of the rules."""
    return check_loaded(_open(Path(path)), book)


class Checker:
    """Checks documents still in memory (before they are written).

    Documents rendered from one template share its styles and theme, so they share one
    style resolver and its memo of resolved run formats.
    """

    def __init__(self, book: Rulebook):
        self.book = book
        self._shells: dict[int, _Shell] = {}

    def inspect_rendered(self, shell: docx.document.Document, parts: Mapping[str, bytes],
                         body: etree._Element | None = None) -> tuple[list[Problem], str]:
        """The format problems and content fingerprint of a document rendered from the template ``shell`` (opened
        once with python-docx). ``parts`` are the parts rendering replaced, by zip name; the others are the
        template's own, unchanged. Only the replaced parts are parsed, and the body not even that when its
        rendered ``w:body`` element is given: the package is not opened again."""
        template = self.shell(shell)
        related = {r_id: _parse(parts[name]) if name in parts else template.package.related[r_id]
                   for r_id, name in template.names.items()}
        if body is None:
            body = child(_parse(parts[template.body]), w("body"))
        model = build_model(Package(body, related), self.book, template.resolver)
        return check_model(model), fingerprint(model)

    def shell(self, shell: docx.document.Document) -> _Shell:
        """The template ``shell`` as documents rendered from it are read: opened once."""
        if id(shell) not in self._shells:
            self._shells[id(shell)] = _Shell(shell, Package.of(shell), StyleResolver.of(shell))
        return self._shells[id(shell)]


@dataclass
class _Shell:
    """A template as the checker reads documents rendered from it."""

    document: docx.document.Document  # held: its id keys the checker's memo
    package: Package
    resolver: StyleResolver

    @cached_property
    def names(self) -> dict[str, str]:
        """Relationship id → zip name of each header and footer part."""
        return {r_id: rel.target_part.partname.lstrip("/") for r_id, rel in self.document.part.rels.items()
                if rel.reltype in (RT.HEADER, RT.FOOTER)}

    @cached_property
    def body(self) -> str:
        return self.document.part.partname.lstrip("/")


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
        *page_numbers.check_page_numbers(model, model.header_parts),
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
