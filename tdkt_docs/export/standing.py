"""The signing copies an earlier build made that still stand: what a build without --pdf keeps listed, read
from the manifest and the files alone (no PDF library is loaded for it)."""
from __future__ import annotations

from pathlib import Path

from ..manifest import Entry, file_sha256

PDF_KIND, BUNDLE_KIND = "pdf", "bo_in"  # manifest kinds of the signing copies


def reusable(outdir: Path, pdf: str, source_sha: str, previous: dict[str, dict]) -> bool:
    """The PDF ``pdf`` of an earlier build, made from the .docx bytes ``source_sha``, is on disk as it was made."""
    old = previous.get(pdf)
    return (old is not None and old.get("extra", {}).get("tu_sha256") == source_sha
            and isinstance(old.get("pages"), int)
            and (outdir / pdf).is_file() and file_sha256(outdir / pdf) == old.get("sha256"))


def still_valid(outdir: Path, previous: dict[str, dict], documents: set[str]) -> list[Entry]:
    """PDFs and bundles of an earlier build that still match ``documents`` (this build's .docx
    paths) byte for byte. Used by a build without --pdf: these stay listed; any other PDF is
    out of date.
    """
    pdfs = [Entry(**old) for path, old in previous.items() if old.get("kind") == PDF_KIND
            and old.get("extra", {}).get("tu") in documents
            and reusable(outdir, path, file_sha256(outdir / old["extra"]["tu"]), previous)]
    valid = {e.path for e in pdfs}
    bundles = [Entry(**old) for path, old in previous.items() if old.get("kind") == BUNDLE_KIND
               and (outdir / path).is_file() and file_sha256(outdir / path) == old.get("sha256")
               and all(item.get("pdf") in valid for item in old.get("extra", {}).get("van_ban", []))]
    return pdfs + bundles
