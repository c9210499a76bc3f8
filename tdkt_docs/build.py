"""The pipeline: read → compose → render → write (→ export), with a manifest."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .compose.document import Composition, DocumentPlan, Source
from .compose.plan import compose_plan
from .errors import UserError
from .files import write_bytes_atomic
from .manifest import Entry, Manifest, file_sha256, previous_hashes, save, sha256
from .paths import TEMPLATES_DIR
from .read.problems import Problem
from .read.workbook import WorkbookData, read_workbook
from .render.docx import CompiledTemplate

COMPOSERS: tuple[Callable[[WorkbookData], Composition], ...] = (compose_plan,)


class InvalidWorkbook(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        lines = [f"Sổ số liệu có {len(errors)} lỗi, chưa tạo văn bản nào:"] + [f"  {p}" for p in errors]
        super().__init__("\n".join(lines))


@dataclass
class BuildResult:
    outdir: Path
    manifest: Manifest
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)     # edited by hand, not overwritten
    failed: list[str] = field(default_factory=list)    # Vietnamese messages


def compose_all(data: WorkbookData) -> Composition:
    documents, skipped = [], []
    for composer in COMPOSERS:
        part = composer(data)
        documents += part.documents
        skipped += part.skipped
    return Composition(documents, skipped)


def build(workbook: Path, outdir: Path, *, force: bool = False) -> BuildResult:
    data = read_workbook(workbook)
    if data.errors:
        raise InvalidWorkbook(data.problems)
    composition = compose_all(data)
    if not composition.documents:
        raise UserError("Không có văn bản nào để tạo:\n" + "\n".join(f"  {s}" for s in composition.skipped))
    manifest = Manifest(workbook=Path(workbook).name, skipped=composition.skipped,
                        warnings=[str(p) for p in data.problems])
    result = BuildResult(Path(outdir), manifest)
    previous = previous_hashes(result.outdir)
    templates: dict[str, CompiledTemplate] = {}
    for plan in composition.documents:
        if plan.template not in templates:
            templates[plan.template] = CompiledTemplate(TEMPLATES_DIR / plan.template)
        _write(plan, templates[plan.template].render(plan.context), result, previous, force)
    save(result.outdir, manifest)
    return result


def _write(plan: DocumentPlan, data: bytes, result: BuildResult, previous: dict[str, str], force: bool) -> None:
    target = result.outdir / plan.filename
    digest = sha256(data)
    entry = Entry(kind=plan.kind, path=plan.filename, sha256=digest, title=plan.title,
                  sources=[_source(s) for s in plan.sources])
    if target.exists():
        current = file_sha256(target)
        if current == digest:
            result.unchanged.append(target)
            result.manifest.documents.append(entry)
            return
        if not force and plan.filename in previous and current != previous[plan.filename]:
            result.kept.append(target)
            entry.sha256 = previous[plan.filename]
            result.manifest.documents.append(entry)
            return
    try:
        write_bytes_atomic(target, data)
    except PermissionError:
        result.failed.append(f'Không ghi được "{target}": tệp đang mở trong Word hoặc chương trình khác. '
                             "Hãy đóng tệp rồi chạy lại.")
        return
    result.written.append(target)
    result.manifest.documents.append(entry)


def _source(source: Source) -> dict:
    return {"sheet": source.sheet, "rows": list(source.rows)}
