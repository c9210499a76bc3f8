"""manifest.json: what a build wrote, from which workbook rows, with content hashes.

The hashes let a later build tell an unchanged file (nothing to rewrite) from one
edited by hand after it was generated (kept unless --force).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Callable, TextIO

import orjson

from .files import atomic_path

FILENAME = "manifest.json"


@dataclass(frozen=True)
class Entry:
    """One file the build wrote or left standing. Never changed once made: its JSON line is encoded once, for
    the journal and the manifest alike."""

    kind: str
    path: str
    sha256: str          # the file as it is on disk
    title: str = ""
    generated: str = ""  # what the tool made of the workbook for this path (differs when an edit is kept)
    content: str = ""    # .docx: what a reader sees (check/fingerprint.py), the same after a mere re-save
    inputs: str = ""     # .docx: its template and variables (build.document_inputs): same inputs, same file
    sources: list[dict] = field(default_factory=list)
    pages: int | None = None
    extra: dict = field(default_factory=dict)
    kept_edit: bool = False  # an edit by hand kept (--giu-ban-sua) over the workbook's changed rows: differs on purpose
    warnings: list[dict] = field(default_factory=list)  # .docx: its NĐ 30 check's warnings (code, paragraph, message)

    def to_dict(self) -> dict:
        """As JSON holds it (its lists and dicts are JSON values already: no deep copy)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @cached_property
    def line(self) -> str:
        """One line of JSON. ``extra`` may hold records that say how JSON holds them (``to_json``): a decision's
        distribution is kept as the build's own list, not copied into a hundred thousand dicts."""
        return json_bytes(self.to_dict(), lambda value: value.to_json()).decode()


@dataclass
class Manifest:
    workbook: str
    documents: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    inputs: str = ""  # what the build was made from (workbook, templates, data, options): see build.inputs_key

    def write_json(self, out: TextIO) -> None:
        """Indented, one document per line: a year-end manifest lists a hundred thousand workbook rows, which
        one number per line (and json's indenting encoder) would make many times larger and slower. Written
        line by line, never held whole in memory."""
        head = json.dumps({f.name: getattr(self, f.name) for f in fields(self) if f.name != "documents"},
                          ensure_ascii=False, indent=2)
        out.write(head[:-2] + ',\n  "documents": [')
        for index, entry in enumerate(self.documents):
            out.write(("," if index else "") + "\n    " + entry.line)
        out.write("\n  ]\n}\n")


def json_bytes(value: object, default: Callable[[object], object], sort_keys: bool = False) -> bytes:
    """``value`` as compact JSON in UTF-8, what JSON has no form for (a record, a date) given by ``default``.
    orjson writes a decision's some ten thousand values eight times as fast as the standard library; what it
    refuses (a whole number past 64 bits, as a mistyped document number) the standard library writes."""
    option = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        return orjson.dumps(value, default=default, option=option)
    except orjson.JSONEncodeError:
        return json.dumps(value, default=default, sort_keys=sort_keys, ensure_ascii=False,
                          separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    return sha256(path.read_bytes())


def load(outdir: Path) -> Manifest | None:
    """The manifest of the previous build into ``outdir``, or None."""
    try:
        old = json.loads((outdir / FILENAME).read_text(encoding="utf-8"))
        documents = [Entry(**doc) for doc in old.get("documents", [])]
        return Manifest(old["workbook"], documents, old.get("skipped", []), old.get("warnings", []),
                        old.get("inputs", ""))
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return None


def previous_entries(outdir: Path) -> dict[str, dict]:
    """path → manifest entry of what the previous build wrote into ``outdir``."""
    try:
        old = json.loads((outdir / FILENAME).read_text(encoding="utf-8"))
        return {doc["path"]: doc for doc in old.get("documents", []) if {"path", "sha256"} <= doc.keys()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def save(outdir: Path, manifest: Manifest) -> Path:
    target = outdir / FILENAME
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as out:
        manifest.write_json(out)
    return target
