"""The pipeline: read → compose → render → check → write, with a manifest.

Everything is rendered and checked in memory first; files are written only when
the whole build is sound, each atomically, so a failure leaves nothing half-done.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager

from .check.document import check_bytes
from .check.findings import ERROR
from .check.template import lint_template
from .check.report import format_findings
from .compose.decision import compose_decisions
from .compose.document import Composition, DocumentPlan, Source
from .compose.plan import compose_plan
from .errors import UserError
from .files import remove_leftovers, slug, write_bytes_atomic
from .export.publish import SigningDocument, export, still_valid
from .manifest import Entry, Manifest, file_sha256, previous_entries, save, sha256
from .paths import TEMPLATES_DIR
from .read import load
from .read.problems import Problem
from .read.schema import BATCHES, NOMINATIONS
from .read.workbook import WorkbookData
from .render.docx import CompiledTemplate
from .render.summary import summary_workbook

COMPOSERS: tuple[Callable[[WorkbookData], Composition], ...] = (compose_plan, compose_decisions)
Progress = Callable[[int, str], ContextManager[Callable[[int], None]]]


@contextlib.contextmanager
def no_progress(total: int, label: str):
    yield lambda n: None


class InvalidWorkbook(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        lines = [f"Sổ số liệu có {len(errors)} lỗi, chưa tạo văn bản nào:"] + [f"  {p}" for p in errors]
        super().__init__("\n".join(lines))


class NonConformingTemplate(UserError):
    """An (edited) template produced a document that breaks NĐ 30."""


@dataclass(frozen=True)
class Output:
    """A file the build writes, with what the manifest says of it."""

    kind: str
    path: str
    data: bytes
    title: str = ""
    sources: tuple[Source, ...] = ()
    extra: dict = field(default_factory=dict)
    group: str = ""
    copies: int = 1


@dataclass
class BuildResult:
    outdir: Path
    manifest: Manifest
    outputs: list[Output] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)     # edited by hand, not overwritten
    removed: list[Path] = field(default_factory=list)  # outputs of an earlier build that no longer apply
    unwritten: list[str] = field(default_factory=list)  # paths that could not be written (open elsewhere)
    failed: list[str] = field(default_factory=list)    # Vietnamese messages


def compose_all(data: WorkbookData) -> Composition:
    documents, skipped, batches = [], [], []
    for composer in COMPOSERS:
        part = composer(data)
        documents += part.documents
        skipped += part.skipped
        batches += part.batches
    return Composition(documents, skipped, batches)


def build(workbook: Path, outdir: Path, *, force: bool = False, pdf: bool = False,
          progress: Progress = no_progress, register: str | None = None) -> BuildResult:
    data = load(workbook)
    if data.errors:
        raise InvalidWorkbook(data.problems)
    from .register.eligibility import review_workbook  # the database layer loads only when building

    review = review_workbook(data, register)  # eligibility against the award register and the workbook
    data.problems += review.problems
    if data.errors:
        raise InvalidWorkbook(data.problems)
    composition = compose_all(data)
    if not composition.documents:
        raise UserError("Không có văn bản nào để tạo:\n" + "\n".join(f"  {s}" for s in composition.skipped))
    warnings = [str(p) for p in data.problems]
    warnings += list(dict.fromkeys(w for plan in composition.documents for w in plan.warnings))
    result = BuildResult(Path(outdir), Manifest(workbook=Path(workbook).name, skipped=composition.skipped,
                                                warnings=warnings))
    result.outputs = render_all(composition.documents, progress) + summaries(
        composition, review.history if review.register else None)
    _refuse_clashes(result.outputs)
    remove_leftovers(result.outdir)
    previous = previous_entries(result.outdir)
    hashes = {path: entry["sha256"] for path, entry in previous.items()}
    try:
        for output in result.outputs:
            _write(output, result, hashes, force)
        if pdf and result.failed:
            result.manifest.skipped.append("Chưa tạo PDF vì có tệp không ghi được; đóng các tệp đó rồi chạy lại.")
        if pdf and not result.failed:
            signing = [SigningDocument(o.path, o.title, o.group, o.copies)
                       for o in result.outputs if o.kind != "tong_hop"]
            with progress(len(signing), "Đang chuyển sang PDF") as update:
                result.manifest.documents += export(result.outdir, signing, previous, bundle_name=slug,
                                                    progress=update)
        else:
            documents = {o.path for o in result.outputs if o.path not in result.unwritten}
            result.manifest.documents += still_valid(result.outdir, previous, documents)
        _retire(result, previous)
        save(result.outdir, result.manifest)
    except BaseException:
        remove_leftovers(result.outdir)  # whatever interrupted us, no temporary stays behind
        raise
    return result


def render_all(plans: list[DocumentPlan], progress: Progress = no_progress) -> list[Output]:
    """Render and check every document in memory; one compiled template per file."""
    templates: dict[str, CompiledTemplate] = {}
    outputs = []
    with progress(len(plans), "Đang tạo văn bản") as update:
        for plan in plans:
            if plan.template not in templates:
                templates[plan.template] = _load_template(TEMPLATES_DIR / plan.template)
            data = templates[plan.template].render(plan.context)
            _conform(plan, data)
            outputs.append(Output(plan.kind, plan.filename, data, plan.title, plan.sources, plan.extra,
                                  plan.group, plan.copies))
            update(1)
    return outputs


def _load_template(path: Path) -> CompiledTemplate:
    """Lint a template before compiling it: a broken one stops the build, naming the template."""
    errors = [f for f in lint_template(path) if f.severity == ERROR]
    if errors:
        raise NonConformingTemplate(f'Mẫu "{path}" có lỗi, chưa tạo văn bản nào. Hãy sửa mẫu theo '
                                    f"templates/README.md:\n{format_findings(path, errors)}")
    return CompiledTemplate(path)


def _refuse_clashes(outputs: list[Output]) -> None:
    seen: dict[str, str] = {}
    for output in outputs:
        if output.path in seen:
            raise UserError(f'Hai văn bản cùng ghi vào "{output.path}" ("{seen[output.path]}" và "{output.title}"), '
                            "chưa ghi tệp nào. Hãy đặt tên đợt, đơn vị trình khác nhau rõ hơn.")
        seen[output.path] = output.title


def _conform(plan: DocumentPlan, data: bytes) -> None:
    errors = [f for f in check_bytes(data) if f.severity == ERROR]
    if errors:
        report = format_findings(Path(plan.filename), errors)
        raise NonConformingTemplate(
            f'Mẫu "{TEMPLATES_DIR / plan.template}" tạo ra văn bản sai thể thức ({len(errors)} lỗi), '
            f"chưa ghi văn bản nào. Hãy sửa mẫu theo templates/README.md:\n{report}")


def summaries(composition: Composition, history: dict | None = None) -> list[Output]:
    outputs = []
    for summary in composition.batches:
        name = slug(summary.batch.name)
        rows = tuple(sorted(r for plan, _ in summary.decisions for s in plan.sources
                            if s.sheet == NOMINATIONS.title for r in s.rows))
        outputs.append(Output(
            "tong_hop", f"{name}/tong-hop-{name}.xlsx", summary_workbook(summary, history),
            f"Tổng hợp khen thưởng và phát hành đợt {summary.batch.name}",
            (Source(BATCHES.title, summary.batch.rows), Source(NOMINATIONS.title, rows)),
            group=summary.batch.name))
    return outputs


def _retire(result: BuildResult, previous: dict[str, dict]) -> None:
    """Remove what an earlier build wrote and this one no longer produces (an out-of-date PDF,
    a decision whose nominations were removed); a file edited by hand since is kept, with a warning."""
    current = {entry.path for entry in result.manifest.documents} | set(result.unwritten)
    for path, old in previous.items():
        target = result.outdir / path
        if path in current or not target.is_file():
            continue
        if file_sha256(target) != old.get("sha256"):
            result.manifest.warnings.append(
                f'"{target}" không còn ứng với sổ số liệu nhưng đã được sửa tay nên được giữ lại; '
                "hãy xem lại và xóa nếu không dùng nữa.")
            continue
        target.unlink()
        result.removed.append(target)
        with contextlib.suppress(OSError):  # drop a folder left empty
            target.parent.rmdir()


def _write(output: Output, result: BuildResult, previous: dict[str, str], force: bool) -> None:
    target = result.outdir / output.path
    digest = sha256(output.data)
    entry = Entry(kind=output.kind, path=output.path, sha256=digest, title=output.title,
                  sources=[{"sheet": s.sheet, "rows": list(s.rows)} for s in output.sources], extra=output.extra)
    if target.exists():
        current = file_sha256(target)
        if current == digest:
            result.unchanged.append(target)
            result.manifest.documents.append(entry)
            return
        if not force and output.path in previous and current != previous[output.path]:
            result.kept.append(target)
            entry.sha256 = previous[output.path]
            result.manifest.documents.append(entry)
            return
    try:
        write_bytes_atomic(target, output.data)
    except PermissionError:
        result.failed.append(f'Không ghi được "{target}": tệp đang mở trong Word hoặc chương trình khác. '
                             "Hãy đóng tệp rồi chạy lại.")
        result.unwritten.append(output.path)
        return
    result.written.append(target)
    result.manifest.documents.append(entry)
