"""What a reader of a .docx sees — its text and the format of every piece of it — as one hash.

Opening a document in Word or LibreOffice and saving it again rewrites its XML but not
this: a later build uses it to tell a document edited by hand from one merely re-saved.
"""
from __future__ import annotations

import hashlib
import io

import docx

from .model import DocModel, build_model
from .resolve import RunFormat
from .rulebook import Rulebook


def content_fingerprint(data: bytes, book: Rulebook) -> str:
    """The fingerprint of the .docx ``data``; "" for what cannot be read as one."""
    try:
        model = build_model(docx.Document(io.BytesIO(data)), book)
    except Exception:  # noqa: BLE001 - any damage: not a document we can read, so not ours
        return ""
    return fingerprint(model)


def fingerprint(model: DocModel) -> str:
    """The hash of every paragraph's text, alignment and resolved run formats."""
    digest = hashlib.sha256()
    forms: dict[int, tuple[tuple, bytes]] = {}  # by id: a document's run formats are a resolver's few objects
    for para in model.paras:
        digest.update(f"\x00{para.place}|{para.alignment}|".encode())
        previous = None
        for line in para.lines:
            for piece in line.pieces:
                if (known := forms.get(id(piece.fmt))) is None:
                    known = forms[id(piece.fmt)] = _form(piece.fmt)
                form, said = known
                if form != previous:  # runs split or merged differently are the same text
                    digest.update(said)
                    previous = form
                digest.update(piece.text.encode())
    return digest.hexdigest()


def _form(fmt: RunFormat) -> tuple[tuple, bytes]:
    """What a reader sees of a run format, and how the fingerprint says it."""
    form = (tuple(f.value for f in fmt.fonts), fmt.size.value, fmt.bold, fmt.italic)
    return form, f"\x01{form}".encode()
