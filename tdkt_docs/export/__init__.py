"""Export stage: DOCX → PDF with LibreOffice, font checks, print bundles."""
from tdkt_docs.export.bundle import BundleEntry, BundleInfo, BundleItem, BundleSpec, make_bundle, make_bundles
from tdkt_docs.export.fonts import check_pdf_fonts
from tdkt_docs.export.pdf import convert_to_pdf, page_count
from tdkt_docs.export.soffice import find_soffice

__all__ = [
    "BundleEntry",
    "BundleInfo",
    "BundleItem",
    "BundleSpec",
    "check_pdf_fonts",
    "convert_to_pdf",
    "find_soffice",
    "make_bundle",
    "make_bundles",
    "page_count",
]
