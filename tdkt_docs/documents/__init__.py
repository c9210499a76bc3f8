"""The document types, one module each. Build, CLI, manifest and checks iterate over ``REGISTRY``.

Adding a type: write a module here with a ``DOCUMENT = DocumentType(...)`` that declares its variables and
their fields, its template in ``templates/`` and the same variables in ``templates/README.md``, then list it
below.
"""
from __future__ import annotations

from ..compose.document import DocumentType
from . import ke_hoach, quyet_dinh, to_trinh

REGISTRY: tuple[DocumentType, ...] = (ke_hoach.DOCUMENT, to_trinh.DOCUMENT, quyet_dinh.DOCUMENT)


def by_template(name: str) -> DocumentType | None:
    """The document type whose template file is named ``name``."""
    return next((doc for doc in REGISTRY if doc.template == name), None)
