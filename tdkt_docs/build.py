"""The pipeline: read → compose → render → check → write, with a manifest.

Everything is rendered and checked first, each file kept whole in a hidden staging
area of the output folder; files are moved into place only when the whole build is
sound, each in one step, so a failure leaves nothing half-done.
"""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Iterator, Sequence

from .check.document import Checker
from .check.fingerprint import content_fingerprint
from .check.report import format_findings
from .check.rulebook import Rulebook
from .check.template import lint_template
from .compose.document import Attachment, Composition, DocumentPlan, Inputs, Source
from .documents import REGISTRY, by_template
from . import collector
from .errors import UserError
from .export.standing import still_valid
from .files import FileInUse, clashes, place, slug
from .manifest import Entry, Manifest, file_sha256, json_bytes, sha256
from .memory import map_large_blocks, release_free_memory
from .outfolder import LOCK_WAIT, OutputFolder, stage
from .rebuild import inputs_key, unchanged_build
from .problems import Location, Problem, Severity, errors
from .read.grid import pieces, sheet_rows
from .read.schema import NOMINATIONS
from .read.validate import validate
from .read.workbook import WorkbookData, read_workbook
from .register.eligibility import review_eligibility
from .render.docx import CompiledTemplate, Rendered
from .render.workers import MAX_JOBS, Workers, cores, quick_handoffs
from .rules.awards import Resolution, resolve
from .rules.book import Rules
from .rules.collation import match_key
from .settings import Settings

Progress = Callable[[int, str], ContextManager[Callable[[int], None]]]

TEMPLATES = tuple(document_type.template for document_type in REGISTRY)
"""Every document type's template, by name."""


@contextlib.contextmanager
def no_progress(total: int, label: str):
    yield lambda n: None


class InvalidWorkbook(UserError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        found = errors(problems)
        lines = [f"Sổ số liệu có {len(found)} lỗi, chưa tạo văn bản nào:"] + [f"  {p}" for p in found]
        super().__init__("\n".join(lines))


class NonConformingTemplate(UserError):
    """An (edited) template produced a document that breaks NĐ 30."""


@dataclass(frozen=True)
class Output:
    """A file the build writes, with what the manifest says of it."""

    kind: str
    path: str
    data: bytes          # empty once staged
    title: str = ""
    sources: tuple[Source, ...] = ()
    extra: dict = field(default_factory=dict)
    group: str = ""
    copies: int = 1
    signed: bool = True  # printed for signing (PDF, print bundle); attachments are not
    content: str = ""    # .docx: its content fingerprint
    inputs: str = ""     # .docx: its template and variables, as one key (document_inputs)
    earlier: dict | None = None  # the previous build's entry, when that file stands as it is (``data`` is empty)
    staged: Path | None = None   # the file holding ``data`` until it is moved into place
    digest: str = ""             # sha256 of the staged file
    warnings: tuple[Problem, ...] = ()  # .docx: what its NĐ 30 check warns of (an error stops the build)

    @cached_property
    def entry(self) -> Entry:
        """What the manifest says of it written as made, or standing as the previous build left it."""
        digest = self.digest if self.earlier is None else self.earlier["sha256"]
        return Entry(kind=self.kind, path=self.path, sha256=digest, title=self.title, generated=digest,
                     content=self.content, sources=[{"sheet": s.sheet, "rows": list(s.rows)} for s in self.sources],
                     extra=self.extra, inputs=self.inputs,
                     warnings=[{"code": p.code, "paragraph": p.location.paragraph, "message": p.message}
                               for p in self.warnings])


@dataclass
class Prepared:
    """A workbook read, resolved against the rules, reviewed and composed (the build composes before the
    review): what check shows and build writes."""

    data: WorkbookData
    rules: Rules
    resolution: Resolution
    composition: Composition = field(default_factory=Composition)
    eligibility: list[Problem] = field(default_factory=list)  # what the review of eligibility found

    @property
    def problems(self) -> list[Problem]:
        """Reading's and the checks across rows', the rules', then eligibility's."""
        return self.data.problems + self.resolution.problems + self.eligibility

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    @cached_property
    def inputs(self) -> Inputs:
        return Inputs(self.data, self.resolution, self.rules)

    def review(self, register_url: str | None) -> None:
        """The checks that find problems and change nothing composed, run once: across rows, then, when they
        find no error, eligibility against the award register at ``register_url`` (when given) and the rest of
        the workbook, which also gives the earlier awards of each awardee that has any (``resolution.history``)."""
        self.data.problems += validate(self.data)
        if self.errors:
            return
        self.eligibility, self.resolution.history = review_eligibility(self.resolution.awards, self.rules,
                                                                       register_url, self.data.path.name)
        match_key.cache_clear()  # texts of every row (achievements, positions) asked for no more

    def compose(self) -> None:
        """Compose every registered document type."""
        for document_type in REGISTRY:
            self.composition += document_type.compose(self.inputs)


def prepare(workbook: Path, settings: Settings, rules: Rules | None = None, *, reviewed: bool = True,
            helpers: Workers | None = None) -> Prepared:
    """Read, resolve, review (across rows, then eligibility against the award register of ``settings``, when
    given) and, when there is no error, compose every registered document type (by ``rules``, made from
    ``settings`` when not given). Not ``reviewed``: a workbook read and resolved without error is composed
    before the review, which is left to the caller (``Prepared.review``: the build reviews while the documents
    render, and writes none when the review finds an error). ``helpers`` read pieces of a large sheet meanwhile.
    """
    with collector.spared():
        rules = Rules(settings) if rules is None else rules
        data = read_workbook(Path(workbook), helpers=helpers)
        collector.settle()
        release_free_memory()
        prepared = Prepared(data, rules, resolve(data, rules))
        if reviewed or prepared.errors:
            prepared.review(settings.register_url)
        if not prepared.errors:
            prepared.compose()
        return prepared


def _format_warnings(outputs: Iterable[Output]) -> list[Problem]:
    """The NĐ 30 check's warnings of the documents made, once each: a template's warning comes back in every
    document made from it, and is told at the first (the same warning of another template is told again)."""
    told: dict[tuple[str, str, str, str], Problem] = {}
    for output in outputs:
        for problem in output.warnings:  # a document type has one template
            told.setdefault((output.kind, problem.code, problem.location.paragraph, problem.message), problem)
    return list(told.values())


def template_trials(prepared: Prepared, settings: Settings) -> list[str]:
    """What stops ``tdkt build`` at a template, for ``tdkt check``: each template the composed documents use is
    linted and compiled, and the first document made from it rendered and checked against NĐ 30 in memory (an
    edited template breaks every document it makes alike). One message per template at fault."""
    renderer = Renderer(settings, prepared.rules)
    firsts = {}
    for plan in prepared.composition.documents:
        firsts.setdefault(plan.template, plan)
    messages = []
    for plan in firsts.values():
        try:
            draft = renderer.draft(plan)
            renderer.make(draft)
        except UserError as exc:
            messages.append(str(exc))
    return messages


@dataclass(frozen=True)
class Conflict:
    """A document edited by hand whose workbook rows changed since: the build cannot honour both."""

    path: Path
    sources: tuple[Source, ...]
    adopted: bool  # the user chose to keep the edit (--giu-ban-sua)

    @property
    def rows(self) -> str:
        """Where its data lives: 'trang "Đề nghị khen thưởng" dòng 3, 4'."""
        return "; ".join(f'trang "{s.sheet}" dòng {", ".join(map(str, s.rows))}' for s in self.sources)

    def __str__(self) -> str:
        rows = self.rows
        if self.adopted:
            return (f'Giữ bản sửa tay: "{self.path}" (số liệu mới ở {rows} không được ghi vào); bộ in ký và sổ tổng '
                    "hợp của đợt này không được tạo vì sẽ không khớp với văn bản; các văn bản khác của đợt (tờ trình) "
                    "theo số liệu mới: hãy đối chiếu với bản sửa tay.")
        return (f'Xung đột: "{self.path}" đã được sửa tay sau lần tạo trước, nhưng số liệu của văn bản ở {rows} đã '
                "thay đổi. Chọn một trong hai cách rồi chạy lại: --force (ghi đè bản sửa tay bằng số liệu mới) hoặc "
                "--giu-ban-sua (giữ bản sửa tay, bỏ qua số liệu mới của văn bản này).")


@dataclass
class BuildResult:
    outdir: Path
    manifest: Manifest
    outputs: list[Output] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)     # edited by hand, not overwritten, rows unchanged
    conflicts: list[Conflict] = field(default_factory=list)  # edited by hand, and their rows changed since
    removed: list[Path] = field(default_factory=list)  # outputs of an earlier build that no longer apply
    unwritten: list[str] = field(default_factory=list)  # paths that could not be written (open elsewhere)
    failed: list[str] = field(default_factory=list)    # Vietnamese messages
    problems: list[Problem] = field(default_factory=list)  # warnings (a build with errors stops first)
    user_files: list[Path] = field(default_factory=list)  # the user's own templates and data files used
    nothing_changed: bool = False  # same inputs as the previous build and its files untouched: nothing was done

    def entries(self, kind: str) -> list[Entry]:
        return [entry for entry in self.manifest.documents if entry.kind == kind]


def build(workbook: Path, outdir: Path, settings: Settings, *, force: bool = False, keep_edits: bool = False,
          pdf: bool = False, progress: Progress = no_progress,
          place: Callable[[Path, Path], None] = place, wait: float = LOCK_WAIT) -> BuildResult:
    """Write the workbook's documents into ``outdir``: unchanged files are left alone, files edited by hand
    are kept (``force`` overwrites them; ``keep_edits`` keeps them even where their rows changed).

    When nothing the build reads has changed since the previous build into ``outdir`` and its files are as it
    left them, nothing is done at all (``BuildResult.nothing_changed``)."""
    key = inputs_key(workbook, settings, pdf=pdf, force=force, keep_edits=keep_edits)
    if (previous := unchanged_build(Path(outdir), key)) is not None:
        return BuildResult(Path(outdir), previous, unchanged=[Path(outdir) / e.path for e in previous.documents],
                           nothing_changed=True)
    with collector.spared():
        renderer = Renderer(settings, Rules(settings))
        collector.settle()  # what the workers share with this process: no collection in either writes to it again
        map_large_blocks()  # in the workers too: what a worker sends leaves no heap behind it
        expected = sheet_rows(workbook, NOMINATIONS.title)  # a list that short makes few documents
        apart = pieces(workbook, NOMINATIONS.title, min(cores(), MAX_JOBS)) > 1  # workers read it, then get ready
        # forked before the workbook is read; each stages what it makes
        with Workers(partial(_made, renderer, Path(outdir)), expected=expected,
                     ready=partial(renderer.ready, TEMPLATES), ready_later=apart) as workers:
            return _build(workbook, Path(outdir), settings, key, renderer, workers, force=force,
                          keep_edits=keep_edits, pdf=pdf, progress=progress, place=place, wait=wait)


def _build(workbook: Path, outdir: Path, settings: Settings, key: str, renderer: Renderer, workers: Workers, *,
           force: bool, keep_edits: bool, pdf: bool, progress: Progress, place: Callable[[Path, Path], None],
           wait: float) -> BuildResult:
    with _meanwhile(partial(renderer.read_templates, TEMPLATES)):  # mostly while calamine parses the workbook
        prepared = prepare(workbook, settings, renderer.rules, reviewed=False, helpers=workers)
    if prepared.errors:
        raise InvalidWorkbook(prepared.problems)
    collector.settle()
    composition = prepared.composition
    if not composition.documents:
        _review(prepared, settings.register_url)  # what is wrong with the workbook comes first
        raise UserError("Không có văn bản nào để tạo:\n" + "\n".join(f"  {s}" for s in composition.skipped))
    result = BuildResult(Path(outdir), Manifest(workbook=Path(workbook).name, skipped=composition.skipped,
                                                inputs=key))
    with OutputFolder(result.outdir, wait) as folder:
        with workers:  # ended before the folder is left: none stages after
            result.outputs = renderer.render_all(composition.documents, composition.attachments, progress,
                                                 receive=partial(_received, result.outdir), workers=workers,
                                                 reusable=Reusable(result.outdir, folder.previous),
                                                 first=partial(_review, prepared, settings.register_url))
        result.problems = prepared.problems + list(dict.fromkeys(w for plan in composition.documents
                                                                 for w in plan.warnings))
        result.problems += _format_warnings(result.outputs)
        result.user_files = (renderer.user_files(plan.template for plan in composition.documents)
                             + prepared.rules.user_files())
        _refuse_clashes(result.outputs)
        writer = _Writer(result, force, keep_edits, place, renderer.checker.book, folder)
        for output in (o for o in result.outputs if o.signed):
            writer.write(output)
        blocked = {c.group for c in writer.conflicted}
        for output in (o for o in result.outputs if not o.signed):
            if output.group in blocked:
                result.manifest.skipped.append(f'Chưa tạo lại "{output.path}": đợt "{output.group}" có văn bản sửa '
                                               "tay không còn khớp với sổ số liệu.")
                if (earlier := folder.previous.get(output.path)) and (result.outdir / output.path).is_file():
                    result.manifest.documents.append(Entry(**earlier))  # left as it was, still the tool's file
                continue
            writer.write(output)
        held_up = bool(result.failed) or any(not c.adopted for c in result.conflicts)
        if held_up:  # not all made: the same inputs again must build again, not answer "nothing changed"
            result.manifest.inputs = ""
        if pdf and held_up:
            result.manifest.skipped.append("Chưa tạo PDF và bộ in ký vì có tệp không ghi được hoặc văn bản sửa tay "
                                           "không khớp sổ số liệu; xử lý các tệp đó rồi chạy lại.")
        if pdf and not held_up:
            from .export.publish import SigningDocument, export  # the PDF libraries, for a build that makes PDFs

            written = {entry.path: entry.sha256 for entry in result.manifest.documents}
            signing = [SigningDocument(o.path, o.title, o.group, o.copies, written[o.path]) for o in result.outputs
                       if o.signed and o.group not in blocked]
            with progress(len(signing), "Đang chuyển sang PDF") as update:
                result.manifest.documents += export(result.outdir, signing, folder.previous, bundle_name=slug,
                                                    progress=update, landed=folder.land)
        else:
            documents = {o.path for o in result.outputs if o.path not in result.unwritten}
            result.manifest.documents += still_valid(result.outdir, folder.previous, documents)
        _retire(result, folder.previous, renderer.checker.book)
        result.manifest.warnings = [str(p) for p in result.problems]
        folder.finish(result.manifest)
    return result


@contextlib.contextmanager
def _meanwhile(task: Callable[[threading.Event], None]) -> Iterator[None]:
    """``task`` run in a thread while the block runs (it runs while the block waits outside the interpreter),
    given the event set when the block is done: what it has not begun by then is left for later. The block gets
    the interpreter back within ``HANDOFF_SECONDS`` of each wait (``quick_handoffs``), not 5 ms later."""
    done = threading.Event()
    thread = threading.Thread(target=task, args=(done,), name="tdkt-meanwhile", daemon=True)
    with quick_handoffs():
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()


def _review(prepared: Prepared, register_url: str | None) -> None:
    """The review (``Prepared.review``), while the documents render: an error stops the build before it writes
    any."""
    prepared.review(register_url)
    if prepared.errors:
        raise InvalidWorkbook(prepared.problems)


@dataclass(frozen=True)
class Draft:
    """A document to render, as a worker is sent it: the plan's template, file and variables."""

    kind: str
    template: str
    digest: str  # of the template file the variables were checked against (CompiledTemplate.digest)
    filename: str
    context: dict
    inputs: str  # document_inputs


class Renderer:
    """Renders and checks documents in memory; each template is linted and compiled once in each process."""

    def __init__(self, settings: Settings, rules: Rules):
        self.settings = settings
        self.rules = rules
        self.checker = Checker(Rulebook(rules.nd30))
        self.templates: dict[str, CompiledTemplate] = {}

    def user_files(self, names: Iterable[str]) -> list[Path]:
        """The user's own files among the templates ``names`` (those the documents were made from)."""
        paths = (self.templates[name].path for name in dict.fromkeys(names))
        return [path for path in paths if self.settings.is_user_file(path)]

    def render_all(self, plans: list[DocumentPlan], attached: Sequence[Attachment] = (),
                   progress: Progress = no_progress, receive: Callable[[Output], Output] = lambda o: o,
                   workers: Workers | None = None, reusable: Reusable | None = None,
                   first: Callable[[], None] = lambda: None) -> list[Output]:
        """Every plan rendered and checked, then the attachments, in order; by ``workers`` too when there are
        many (``first``, then the attachments, a batch's long summary workbook, are made in this process
        meanwhile). A plan whose file an earlier build made from the same inputs and that stands as it left it
        (``reusable``) is not rendered again. Each output goes through ``receive`` as it comes (the build stages
        it on disk rather than hold every document in memory)."""
        for name in dict.fromkeys(plan.template for plan in plans):
            self.template(name)  # linted and compiled before any document is rendered: a broken one stops here
        workers = workers or Workers(self.make, jobs=1)
        origins = [*attached, *plans]
        done: list[Output | None] = [None] * len(origins)
        with progress(len(origins), "Đang tạo văn bản") as update:
            for position, output in workers.run_each([partial(self.draft, plan, reusable) for plan in plans],
                                                     [partial(attachment, a) for a in attached],
                                                     finished=lambda draft: isinstance(draft, Output), first=first):
                done[position] = receive(_described(output, origins[position]))
                update(1)
        return done[len(attached):] + done[:len(attached)]

    def draft(self, plan: DocumentPlan, reusable: Reusable | None = None) -> Draft | Output:
        """What ``make`` needs to render the plan's document; or the document itself, bare, when ``reusable``
        has its file from the same template and variables, as the previous build left it (``earlier`` is then
        that build's entry)."""
        template = self.template(plan.template)
        context = plan.context
        inputs = document_inputs(template, context)
        if reusable and (earlier := reusable.entry(plan.filename, inputs)):
            return Output(plan.kind, plan.filename, b"", inputs=inputs, content=earlier.get("content", ""),
                          earlier=earlier, warnings=_told(earlier, plan.filename))
        return Draft(plan.kind, plan.template, template.digest, plan.filename, context, inputs)

    def make(self, draft: Draft) -> Output:
        """The drafted document rendered and checked, bare (``_described`` adds what its plan says of it). Its
        template was linted when drafted: a worker only compiles it, from the same file (the same digest)."""
        template = self.templates.get(draft.template) or self._compile(draft.template)
        if template.digest != draft.digest:  # a worker read the file after it was saved again
            raise UserError(f'Mẫu "{template.path}" vừa được sửa trong lúc đang tạo văn bản, chưa ghi văn bản nào. '
                            "Hãy lưu xong mẫu rồi chạy lại.")
        parts = template.render_parts(draft.context)
        content, warnings = self._conform(draft.filename, template, parts)
        return Output(draft.kind, draft.filename, template.pack(parts), content=content, inputs=draft.inputs,
                      warnings=warnings)

    def read_templates(self, names: Sequence[str], enough: threading.Event) -> None:
        """Lint and compile the templates ``names`` ahead of their use, until ``enough`` is set (the others are
        read when a document asks for them). One that cannot be is read again when a document asks for it
        (``template``), which raises what stops it then."""
        for name in names:
            if enough.is_set():
                return
            with contextlib.suppress(Exception):
                self.template(name)

    def ready(self, names: Sequence[str]) -> None:
        """Compile the templates ``names`` and make ready what each document rendered from them reuses (a
        worker, while the workbook is read): ``make`` finds them so. Linting is left to ``template``."""
        for name in names:
            template = self.templates.get(name) or self._compile(name)
            template.ready()
            self.checker.shell(template.shell)

    def template(self, name: str) -> CompiledTemplate:
        """Lint a template before compiling it: a broken one stops the build, naming the template."""
        if name not in self.templates:
            path = self.settings.template(name)
            found = errors(lint_template(path, by_template(name).variables))
            if found:
                raise NonConformingTemplate(f'Mẫu "{path}" có lỗi, chưa tạo văn bản nào. Hãy sửa mẫu theo '
                                            f"hướng dẫn sửa mẫu (templates/README.md):\n{format_findings(path, found)}")
            self._compile(name, path)
        return self.templates[name]

    def _compile(self, name: str, path: Path | None = None) -> CompiledTemplate:
        """The template ``name`` compiled from ``path`` (the file linted), or from where the settings find it."""
        self.templates[name] = CompiledTemplate(path or self.settings.template(name))
        return self.templates[name]

    def _conform(self, filename: str, template: CompiledTemplate,
                 parts: Rendered) -> tuple[str, tuple[Problem, ...]]:
        """Stop on a document that breaks NĐ 30; return its content fingerprint and the check's warnings, each
        naming the document."""
        problems, content = self.checker.inspect_rendered(template.shell, parts, parts.body)
        found = errors(problems)
        if found:
            report = format_findings(Path(filename), found)
            raise NonConformingTemplate(
                f'Mẫu "{template.path}" tạo ra văn bản sai thể thức ({len(found)} lỗi), chưa ghi văn bản nào. '
                f"Hãy sửa mẫu theo hướng dẫn sửa mẫu (templates/README.md):\n{report}")
        return content, tuple(replace(p, location=replace(p.location, document=filename)) for p in problems)


def _told(entry: dict, filename: str) -> tuple[Problem, ...]:
    """The format check's warnings of a document an earlier build made, as its manifest entry keeps them: told
    again, as when it was made."""
    return tuple(Problem(Severity.WARNING, w["code"], w["message"], Location(document=filename,
                                                                          paragraph=w["paragraph"]))
                 for w in entry.get("warnings", ()))


def _described(output: Output, origin: DocumentPlan | Attachment) -> Output:
    """A rendered document with what its plan says of it, taken from the plan here: a worker sends back where it
    staged the file and what rendering found, not copies of the plan's lists (a year-end batch's would fill
    memory)."""
    if isinstance(origin, Attachment):
        return output
    return replace(output, title=origin.title, sources=origin.sources, extra=origin.extra, group=origin.group,
                   copies=origin.copies)


def document_inputs(template: CompiledTemplate, context: dict) -> str:
    """One key for what a document is made from: its template's bytes and its variables (as JSON, keys sorted)."""
    return sha256(template.digest.encode() + json_bytes(context, str, sort_keys=True))


@dataclass(frozen=True)
class Reusable:
    """The documents an earlier build wrote into ``outdir``, as its manifest (or journal) records them."""

    outdir: Path
    entries: dict[str, dict]

    def entry(self, path: str, inputs: str) -> dict | None:
        """The earlier entry of ``path`` when it was made from ``inputs`` and its file is exactly what the
        tool wrote (a hand edit, kept or not, is judged by the writer as always)."""
        old = self.entries.get(path)
        if not old or old.get("inputs") != inputs or old.get("generated", old["sha256"]) != old["sha256"]:
            return None
        target = self.outdir / path
        return old if target.is_file() and file_sha256(target) == old["sha256"] else None


def attachment(attached: Attachment) -> Output:
    return Output(attached.kind, attached.filename, attached.render(), attached.title, attached.sources,
                  group=attached.group, signed=False)


def _made(renderer: Renderer, outdir: Path, draft: Draft) -> Output:
    """The drafted document made (``Renderer.make``) and staged in ``outdir``, by the process that made it: a
    worker sends back where it is, not its bytes."""
    return _staged(outdir, renderer.make(draft))


def _staged(outdir: Path, output: Output) -> Output:
    """``output`` with its bytes in the staging area of the output folder ``outdir`` instead of in memory."""
    if output.earlier is not None or output.staged is not None:
        return output
    return replace(output, data=b"", staged=stage(outdir, output.data, Path(output.path).suffix),
                   digest=sha256(output.data))


def _received(outdir: Path, output: Output) -> Output:
    """``output`` staged (``_staged``), the JSON line of its manifest entry encoded now, while other documents
    still render, not once all are."""
    output = _staged(outdir, output)
    _ = output.entry.line
    return output


def _refuse_clashes(outputs: list[Output]) -> None:
    for first, later in clashes((o.path, o) for o in outputs):
        raise UserError(f'Hai văn bản cùng ghi vào "{later.path}" ("{first.title}" và "{later.title}"), '
                        "chưa ghi tệp nào. Hãy đặt tên đợt, đơn vị trình khác nhau rõ hơn.")


def _retire(result: BuildResult, previous: dict[str, dict], book: Rulebook) -> None:
    """Remove what an earlier build wrote and this one no longer produces (an out-of-date PDF,
    a decision whose nominations were removed); a file edited by hand since is kept, with a warning."""
    current = {entry.path for entry in result.manifest.documents} | set(result.unwritten)
    for path, old in previous.items():
        target = result.outdir / path
        if path in current or not target.is_file():
            continue
        if _edited(target, old, book):
            result.problems.append(Problem(
                Severity.WARNING, "tep.sua_tay_khong_dung", "tệp không còn ứng với sổ số liệu nhưng đã được sửa tay "
                "nên được giữ lại; hãy xem lại và xóa nếu không dùng nữa.", Location(document=str(target))))
            continue
        target.unlink()
        result.removed.append(target)
        with contextlib.suppress(OSError):  # drop a folder left empty
            target.parent.rmdir()


def _edited(target: Path, old: dict, book: Rulebook) -> bool:
    """Changed since the tool wrote it, in what a reader sees (re-saving in Word or LibreOffice is no edit)."""
    data = target.read_bytes()
    if sha256(data) == old.get("sha256"):
        return False
    return not old.get("content") or content_fingerprint(data, book) != old["content"]


@dataclass
class _Writer:
    """Writes one output, judging what is on disk: unchanged, the tool's own, or edited by hand."""

    result: BuildResult
    force: bool
    keep_edits: bool
    place: Callable[[Path, Path], None]
    book: Rulebook
    folder: OutputFolder
    conflicted: list[Output] = field(default_factory=list)

    def write(self, output: Output) -> None:
        result = self.result
        target = result.outdir / output.path
        entry = output.entry
        if output.earlier is not None:
            return self._stands(entry, target)
        digest = output.digest
        previous = self.folder.previous.get(output.path)
        if target.is_file():
            if file_sha256(target) == digest:
                result.unchanged.append(target)
                result.manifest.documents.append(entry)
                return
            if previous and not self.force and _edited(target, previous, self.book):
                self._keep(output, target, entry, previous)
                return
        try:
            self.place(output.staged, target)
        except FileInUse as exc:
            result.failed.append(str(exc))
            result.unwritten.append(output.path)
            return
        self.folder.land(entry)
        result.written.append(target)
        result.manifest.documents.append(entry)

    def _stands(self, entry: Entry, target: Path) -> None:
        """A document made from the same inputs as the file the previous build wrote: nothing to write,
        once it is sure the file is still that one."""
        if not target.is_file() or file_sha256(target) != entry.sha256:
            raise UserError(f'Tệp "{target}" vừa bị thay đổi trong lúc đang tạo văn bản. Hãy đóng tệp rồi chạy lại '
                            "(các tệp đã ghi trước đó vẫn đúng, lần chạy sau nhận ra chúng).")
        self.result.unchanged.append(target)
        self.result.manifest.documents.append(entry)

    def _keep(self, output: Output, target: Path, entry: Entry, previous: dict) -> None:
        """The hand edit stays. Rows changed since? A conflict, unless the user keeps edits; an edit once kept over
        changed rows (``kept_edit``) is kept so, as long as the rows stay as they were then."""
        earlier = previous.get("generated", previous["sha256"])  # what the tool made for the edited file
        changed, was_kept = earlier != entry.generated, previous.get("kept_edit", False)
        held = changed and not self.keep_edits  # the user has to choose: the next build asks again
        adopted = self.keep_edits if changed else was_kept
        self.result.manifest.documents.append(replace(  # what is said of the file is what is on disk
            entry, sha256=previous["sha256"], content=previous.get("content", ""), extra=previous.get("extra", {}),
            generated=earlier if held else entry.generated, kept_edit=adopted or was_kept))
        if held or adopted:
            self.result.conflicts.append(Conflict(target, output.sources, adopted))
            self.conflicted.append(output)
        else:
            self.result.kept.append(target)
