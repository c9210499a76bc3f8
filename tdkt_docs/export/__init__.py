"""Export stage: DOCX → PDF with LibreOffice, font checks, print bundles.

The names below are loaded when first asked for: a build without PDF reads only ``export.standing``, and never
loads the PDF libraries."""
from __future__ import annotations

import importlib

_MODULES = {
    "BundleEntry": "bundle", "BundleInfo": "bundle", "BundleItem": "bundle", "BundleSpec": "bundle",
    "make_bundle": "bundle", "make_bundles": "bundle", "check_pdf_fonts": "fonts", "convert_to_pdf": "pdf",
    "page_count": "pdf", "find_soffice": "soffice",
}
__all__ = sorted(_MODULES)


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
