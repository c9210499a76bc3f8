"""The private folder of one server run: the workbooks opened in it and their output folders."""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import secrets
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import UserError
from ..files import slug
from ..glossary import batch_words
from ..manifest import previous_entries
from ..problems import Problem
from ..read.workbook import open_values
from .jobs import BuildJob

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
RECENT = 10
GENERAL = ""  # group of the files outside a batch folder (the plan, its bundle)


class NotServed(UserError):
    """A file or workbook this run did not make or open: answered as "not found"."""

    status = 404


_visits = itertools.count(1)


def visit() -> int:
    """The order of a visit to a workbook's pages (a clock may give two visits the same time)."""
    return next(_visits)


@dataclass
class Checked:
    """What a check of one version of the workbook found."""

    stamp: tuple  # the workbook's and the templates' (modified, size) when checked
    problems: list[Problem]
    notes: list[str]
    documents: int
    templates: list[str] = field(default_factory=list)  # what stops the build at a template (build.template_trials)


@dataclass
class Case:
    """One workbook opened in the page, with its output folder."""

    id: str
    name: str
    workbook: Path
    outdir: Path
    opened: dt.datetime = field(default_factory=dt.datetime.now)
    job: BuildJob | None = None
    checked: Checked | None = None
    printed: dict[str, int] = field(default_factory=dict)  # the last print's PDFs: path under certificates -> pages
    seen: int = field(default_factory=visit)  # when a page of it was last shown, or it was opened

    @property
    def certificates(self) -> Path:
        """Where certificates are printed (``tdkt in-bang``'s output/in-bang)."""
        return self.outdir / "in-bang"

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.finished

    def stamp(self) -> tuple[int, int]:
        info = self.workbook.stat()
        return info.st_mtime_ns, info.st_size

    def entries(self) -> dict[str, dict]:
        """The files the last build made here (manifest path → entry)."""
        return previous_entries(self.outdir)

    def output(self, path: str) -> Path:
        """A file of the last build, by its manifest path; anything else is refused."""
        root = self.outdir.resolve()
        target = (root / path).resolve()
        if path not in self.entries() or not target.is_relative_to(root) or not target.is_file():
            raise NotServed("Không có tệp này trong kết quả của sổ đang mở.")
        return target


class Workspace:
    """The workbooks opened in this run (the most recent first), each in a folder of its own."""

    def __init__(self, root: Path, outroot: Path | None = None):
        self.root = Path(root)
        self.outroot = Path(outroot) if outroot else None
        self.cases: dict[str, Case] = {}
        self.lock = threading.Lock()

    def scratch(self) -> Path:
        """A private folder for a file used once (an uploaded .docx, a blank workbook)."""
        folder = self.root / "tam"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def open(self, filename: str, data: bytes) -> Case:
        """Keep an uploaded workbook; the same file name opened again replaces the earlier copy and keeps
        its output folder, so a rebuild writes only what changed. A file refused leaves nothing behind:
        the workbooks opened before stay as they were."""
        name = PurePosixPath(filename.replace("\\", "/")).name
        suffix = Path(name).suffix.lower()
        if suffix not in WORKBOOK_SUFFIXES:
            raise UserError(f'"{name or "(không tên)"}" không phải sổ Excel: hãy chọn tệp .xlsx.')
        with self._received(name, data) as upload, self.lock:
            case = next((c for c in self.cases.values() if c.name == name), None) or self._new(name)
            if case.busy:
                raise UserError(f'Đang tạo văn bản từ sổ "{name}"; chờ xong rồi mở lại.')
            os.replace(upload, case.workbook)
            case.opened, case.checked, case.seen = dt.datetime.now(), None, visit()
            self.cases[case.id] = case
            self._forget_old()
        return case

    @contextlib.contextmanager
    def _received(self, name: str, data: bytes) -> Iterator[Path]:
        """``data`` saved as ``name`` in a scratch folder of its own, refused as the CLI refuses a file that is
        no workbook (not Excel, old .xls, damaged); the folder is removed afterwards."""
        folder = Path(tempfile.mkdtemp(dir=self.scratch()))
        try:
            upload = folder / name
            upload.write_bytes(data)
            open_values(upload)
            yield upload
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def get(self, case_id: str) -> Case:
        case = self.cases.get(case_id)
        if case is None:
            raise NotServed("Không tìm thấy sổ này trong các sổ đã mở; hãy mở lại sổ.")
        return case

    def recent(self) -> list[Case]:
        return sorted(self.cases.values(), key=lambda c: c.opened, reverse=True)

    def current(self) -> Case | None:
        """The workbook the user works on: the one a page was last shown of (picked in the list of workbooks
        opened earlier, say), else the one opened last."""
        return max(self.cases.values(), key=lambda c: c.seen, default=None)

    def _new(self, name: str) -> Case:
        case_id = secrets.token_hex(8)
        folder = self.root / "so" / case_id
        folder.mkdir(parents=True)
        if self.outroot is None:
            return Case(case_id, name, folder / name, folder / "ket-qua")
        return Case(case_id, name, folder / name, self.outroot / slug(Path(name).stem))

    def _forget_old(self) -> None:
        for case in self.recent()[RECENT:]:
            if not case.busy:
                del self.cases[case.id]
                shutil.rmtree(case.workbook.parent, ignore_errors=True)


@dataclass(frozen=True)
class Row:
    """A file of the Results page; ``preview`` is its PDF (itself, or the one made from it)."""

    title: str
    path: str
    preview: str = ""


@dataclass
class Group:
    """The output files of one batch folder (or of the general part)."""

    key: str
    title: str
    rows: list[Row]
    paths: list[str]  # every file of the group, PDFs included: what its zip holds


def groups(entries: dict[str, dict]) -> list[Group]:
    """Files by batch folder; a print bundle joins (last) the batch it was made for."""
    from ..export.standing import BUNDLE_KIND, PDF_KIND

    folders = {PurePosixPath(p).parts[0] for p in entries if len(PurePosixPath(p).parts) > 1}
    found: dict[str, list[dict]] = {}
    for path, entry in entries.items():
        found.setdefault(_group_key(path, entry, folders, BUNDLE_KIND), []).append(entry)
    return [_group(key, sorted(files, key=lambda e: (e.get("kind") == BUNDLE_KIND, e["path"])), PDF_KIND)
            for key, files in sorted(found.items())]


def _group(key: str, files: list[dict], pdf_kind: str) -> Group:
    """One row per file; the PDF made from a .docx of the group is shown in that .docx's row."""
    paths = [e["path"] for e in files]
    pdf_of = {e["extra"]["tu"]: e["path"] for e in files
              if e.get("kind") == pdf_kind and e.get("extra", {}).get("tu") in paths}
    rows = [Row(e.get("title") or e["path"], e["path"],
                e["path"] if e["path"].endswith(".pdf") else pdf_of.get(e["path"], ""))
            for e in files if e["path"] not in pdf_of.values()]
    return Group(key, _title(key, files), rows, paths)


def _group_key(path: str, entry: dict, folders: set[str], bundle_kind: str) -> str:
    if entry.get("kind") == bundle_kind:
        stem = PurePosixPath(path).stem
        return stem if stem in folders else GENERAL
    parts = PurePosixPath(path).parts
    return parts[0] if len(parts) > 1 else GENERAL


def _title(key: str, files: list[dict]) -> str:
    if key == GENERAL:
        return "Kế hoạch và văn bản chung"
    batch = next((e["extra"]["dot"] for e in files if e.get("extra", {}).get("dot")), key)
    return f"Đợt {batch_words(batch)}"
