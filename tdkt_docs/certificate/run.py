"""``tdkt in-bang``: read signed decisions, lay out every certificate in memory, then write the PDFs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..files import write_bytes_atomic
from ..problems import Problem, Severity
from ..read.schema import BATCHES, SIGNED
from ..rules.book import Rules
from ..settings import Settings
from .calibrate import calibration_pdf
from .draw import UnprintableCertificates, certificates_pdf
from .layout import (Layout, PrinterOffset, fmt_mm, layout_keys, layout_name, load_layout, preview_image,
                     printer_offset, save_printer_offset)
from .model import SignedDecision
from .sources import Decided, from_docx, from_workbook

_HOW_TO_NUMBER = (f'Sau khi ký, ghi số và ngày ký của quyết định vào trang "{SIGNED.title}"; hoặc điền '
                  f'"{BATCHES.column("first_number").header}" ở trang "{BATCHES.title}" để đánh số trước khi ký.')


@dataclass
class Printed:
    """What a run wrote and what it has to tell the user."""

    written: list[tuple[Path, int]] = field(default_factory=list)  # path, pages
    notes: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    outdir: Path
    draft: bool = False
    preview: bool = False
    form: str | None = None          # --phoi: one layout for every decision


def print_workbook(workbook: Path, options: Options, settings: Settings) -> Printed:
    return print_signed(from_workbook(workbook, settings), options, settings)


DRAFT_HINT = "Dùng --nhap để in bản nháp."
"""How the command line prints an unsigned decision's certificates anyway (the web page words it its own way)."""


def print_signed(decided: Decided, options: Options, settings: Settings) -> Printed:
    """Certificates for the signed decisions (all, unsigned ones as drafts, with ``draft``); the others are
    named in the notes."""
    result = Printed(notes=list(decided.notes), warnings=list(decided.warnings))
    chosen = []
    for decision in decided.decisions:
        key = options.form or decision.form_key
        if not decision.signed and not options.draft:
            result.notes.append(f"Bỏ qua {decision.source}: chưa có số và ngày ký. {_HOW_TO_NUMBER} {DRAFT_HINT}")
        elif settings.find_template(layout_name(key)) is None:
            result.notes.append(f'Bỏ qua {decision.source}: chưa có bố cục phôi "{layout_name(key)}" '
                                "(chép một tệp bố cục có sẵn vào thư mục mau/phoi/ và đặt tên như vậy để in).")
        else:
            chosen.append(decision)
    if not chosen:
        raise UserError("Không có quyết định nào để in bằng, giấy khen:\n" + "\n".join(f"  {n}" for n in result.notes))
    return _print(chosen, settings, options, result)


def print_documents(documents: list[Path], options: Options, settings: Settings) -> Printed:
    """Certificates for decisions given as .docx files; an unnumbered one is refused unless ``draft``."""
    catalogue = Rules(settings).catalogue
    decisions = [from_docx(path, catalogue) for path in documents]
    for path, decision in zip(documents, decisions):
        if not decision.signed and not options.draft:
            raise UserError(f'Quyết định "{path}" chưa có số và ngày ký (dòng "Số: …" và "…, ngày … tháng … năm …"), '
                            "chưa in được bằng khen, giấy khen. Điền số, ngày vào văn bản đã ký rồi chạy lại, "
                            "hoặc dùng --nhap để in bản nháp.")
    return _print(decisions, settings, options, Printed())


def _print(decisions: list[SignedDecision], settings: Settings, options: Options, result: Printed) -> Printed:
    """Lay out every certificate first; write only when all of them fit."""
    offset = printer_offset(settings)
    fonts = list(settings.user_dirs)
    layouts: dict[str, Layout] = {}
    outputs: list[tuple[Path, bytes, int]] = []
    problems: list[Problem] = []
    for decision in decisions:
        key = options.form or decision.form_key
        if key not in layouts:
            layouts[key] = load_layout(key, settings)
            result.warnings += layout_warnings(layouts[key])
        background = preview_image(key, settings) if options.preview else None
        try:
            data = certificates_pdf(decision, layouts[key], offset=offset, draft=not decision.signed,
                                    background=background, font_folders=fonts)
        except UnprintableCertificates as exc:
            problems += exc.problems
            continue
        outputs.append((options.outdir / output_name(decision, options), data, len(decision.entries)))
    if problems:
        raise UnprintableCertificates(problems)
    _refuse_clashes([path for path, _, _ in outputs])
    for path, data, pages in outputs:
        write_bytes_atomic(path, data)
        result.written.append((path, pages))
    return result


def output_name(decision: SignedDecision, options: Options) -> str:
    suffix = ("-nhap" if not decision.signed else "") + ("-xem-truoc" if options.preview else "")
    return f"{decision.stem}{suffix}.pdf"


def _refuse_clashes(paths: list[Path]) -> None:
    seen = set()
    for path in paths:
        if path in seen:
            raise UserError(f'Hai quyết định cùng tên sẽ ghi vào "{path}": hãy in từng tệp vào thư mục riêng (-o).')
        seen.add(path)


def layout_warnings(layout: Layout) -> list[Problem]:
    warnings = []
    if not layout.verified:
        warnings.append(Problem(Severity.WARNING, "phoi.chua_doi_chieu",
                                f"Chưa đối chiếu với văn bản chính thức: {layout.label}; nguồn: {layout.source}."))
    if layout.built_in:
        warnings.append(Problem(
            Severity.WARNING, "phoi.mac_dinh", f'Đang dùng bố cục phôi mặc định "{layout.path}": vị trí các ô chưa đo '
            'trên phôi thật. Chạy "tdkt mau" để chép bố cục vào thư mục mau/phoi/ cạnh sổ Excel, sửa theo phôi, in '
            "thử bằng --can-chinh."))
    return warnings


def set_printer_offset(offset: PrinterOffset, folder: Path) -> Printed:
    """Save the office's printer offset in its mau/ folder, once for every later print."""
    path = save_printer_offset(folder, offset)
    return Printed(notes=[f'Đã lưu độ lệch máy in vào "{path}": x = {fmt_mm(offset.x)} mm, y = {fmt_mm(offset.y)} mm, '
                          f"tỉ lệ = {fmt_mm(offset.scale)}. Các lần in sau đều dùng độ lệch này."])


def print_calibration(target: Path, options: Options, settings: Settings) -> Printed:
    """The calibration sheet for one layout (``--phoi``) or every layout found."""
    keys = [options.form] if options.form else layout_keys(settings)
    layouts = [load_layout(key, settings) for key in keys]
    write_bytes_atomic(target, calibration_pdf(layouts, printer_offset(settings), list(settings.user_dirs)))
    return Printed(written=[(target, len(layouts))])
