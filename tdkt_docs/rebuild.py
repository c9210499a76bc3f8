"""Nothing changed, nothing done: a build's inputs as one key, and the check that its outputs are untouched.

Kept apart from build.py, with light imports, so the command can answer at once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from importlib.metadata import version
from pathlib import Path

from .manifest import Manifest, file_sha256, load
from .outfolder import JOURNAL_NAME
from .register.location import sqlite_path
from .settings import BUILTIN_DATA, BUILTIN_TEMPLATES, Settings
from .workbook_file import check_workbook_file


def inputs_key(workbook: Path, settings: Settings, **options) -> str:
    """What a build is made from: the workbook's bytes, every template and data file it may read (name, size,
    time), the register it asks, the program's version, today's date (dates are checked against it) and the
    options. A workbook that is missing or not a workbook file is a UserError, before anything is read."""
    check_workbook_file(Path(workbook))
    digest = hashlib.sha256(Path(workbook).read_bytes())
    folders = (*settings.user_dirs, BUILTIN_TEMPLATES, BUILTIN_DATA)
    files = sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())
    register = settings.register_url or ""
    local = sqlite_path(register)
    for path in files + ([local] if local and local.is_file() else []):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    digest.update(repr((version("tdkt-docs"), [str(f) for f in settings.user_dirs], register,
                        dt.date.today().isoformat(), sorted(options.items()))).encode())
    return digest.hexdigest()


def unchanged_build(outdir: Path, key: str) -> Manifest | None:
    """The previous build's manifest, when it was made from the same inputs and its files are untouched."""
    previous = load(outdir)
    if previous is None or previous.inputs != key or (outdir / JOURNAL_NAME).exists():
        return None
    for entry in previous.documents:
        path = outdir / entry.path
        if not path.is_file() or file_sha256(path) != entry.sha256:
            return None
    return previous
