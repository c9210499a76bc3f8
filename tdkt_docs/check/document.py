"""Entry point: every NĐ 30 rule on one .docx."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Mapping

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml

from ..errors import UserError
from . import appendix, body, fonts, header, issuer, page, page_numbers, recipients, signature
from ..problems import Problem
from .layout import locate
from .fingerprint import fingerprint
from .model import Package, build_model
from .rulebook import Rulebook
from .resolve import StyleResolver


def check_document(path: Path, book: Rulebook) -> list[Problem]:
    """All format deviations of the .docx at ``path``, in reading order of the rules."""
    return check_loaded(_open(Path(path)), book)


class Checker:
    """Checks documents still in memory (before they are written).

    Documents rendered from one template share styles and theme, so they share one
    style resolver and its memo of resolved run formats.
    """

    def __init__(self, book: Rulebook):
        self.book = book
        self._resolvers: dict[str, StyleResolver] = {}
        self._shells: dict[int, _Shell] = {}

    def check_bytes(self, data: bytes) -> list[Problem]:
        return self.inspect(data)[0]

    def inspect(self, data: bytes) -> tuple[list[Problem], str]:
        """The format problems and content fingerprint of the .docx ``data``, from one reading of it."""
        document = docx.Document(io.BytesIO(data))
        return self._inspect(Package.of(document), self._resolver(document))

    def inspect_rendered(self, shell: docx.document.Document, parts: Mapping[str, bytes]) -> tuple[list[Problem], str]:
        """As ``inspect``, for a document rendered from the template ``shell`` (opened once with python-docx):
        ``parts`` are the parts rendering replaced, by zip name; the others are the template's own, unchanged.
        Only the replaced parts are parsed: the package is not opened again."""
        if id(shell) not in self._shells:
            self._shells[id(shell)] = _Shell(shell, Package.of(shell), self._resolver(shell))
        template = self._shells[id(shell)]
        related = {r_id: parse_xml(parts[name]) if name in parts else template.package.related[r_id]
                   for r_id, name in template.names.items()}
        package = Package(parse_xml(parts[template.body]), related)
        return self._inspect(package, template.resolver)

    def _inspect(self, package: Package, resolver: StyleResolver) -> tuple[list[Problem], str]:
        model = build_model(package, self.book, resolver)
        return check_model(model), fingerprint(model)

    def _resolver(self, document: docx.document.Document) -> StyleResolver:
        """One resolver per distinct styles and theme."""
        parts = [document.part.part_related_by(RT.STYLES).blob]
        try:
            parts.append(document.part.part_related_by(RT.THEME).blob)
        except KeyError:
            pass
        key = hashlib.sha256(b"".join(parts)).hexdigest()
        if key not in self._resolvers:
            self._resolvers[key] = StyleResolver.of(document)
        return self._resolvers[key]


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
