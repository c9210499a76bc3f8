"""``tdkt in-bang``: read signed decisions, lay out every certificate in memory, then write the PDFs."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..files import write_bytes_atomic
from .calibrate import calibration_pdf
from .draw import certificates_pdf
from .layout import (LAYOUT_FOLDER, Layout, PrinterOffset, find_layout_file, fmt_mm, layout_keys, load_layout,
                     preview_image, printer_offset, save_printer_offset, search_path)
from .model import SignedDecision
from .sources import from_docx, from_workbook

USER_FOLDER = "mau"


@dataclass
class Printed:
    """What a run wrote and what it has to tell the user."""

    written: list[tuple[Path, int]] = field(default_factory=list)  # path, pages
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    outdir: Path
    user_folder: Path | None = None  # --mau; default: the "mau" folder beside the first input
    draft: bool = False
    preview: bool = False
    form: str | None = None          # --phoi: one layout for every decision


def user_folder(given: Path | None, inputs: list[Path]) -> Path:
    if given is not None:
        if not given.is_dir():
            raise UserError(f'Không có thư mục mẫu "{given}" (chỉ ra bằng --mau).')
        return given
    return (inputs[0].parent if inputs else Path.cwd()) / USER_FOLDER


def workbook_decisions(workbook: Path) -> tuple[list[SignedDecision], list[str]]:
    """The workbook's decisions, signed or not, and the notes on what was left out; refused if it has errors."""
    from .. import build as pipeline
    from ..read import load

    data = load(workbook)
    if data.errors:
        raise pipeline.InvalidWorkbook(data.problems)
    return from_workbook(data)


def print_workbook(workbook: Path, options: Options) -> Printed:
    decisions, notes = workbook_decisions(workbook)
    return print_signed(decisions, notes, options, workbook)


def print_signed(decisions: list[SignedDecision], notes: list[str], options: Options, workbook: Path) -> Printed:
    """Certificates for the signed decisions (all, unsigned ones as drafts, with ``draft``); the others are
    named in the notes."""
    result = Printed(notes=list(notes))
    folders = search_path(user_folder(options.user_folder, [workbook]))
    chosen = []
    for decision in decisions:
        key = options.form or decision.form_key
        if not decision.signed and not options.draft:
            result.notes.append(f"Bỏ qua {decision.source}: chưa có số và ngày ký (trang \"Đợt khen thưởng\" chưa điền "
                                "\"Số quyết định đầu tiên\"). Dùng --nhap để in bản nháp.")
        elif find_layout_file(key, folders) is None:
            result.notes.append(f'Bỏ qua {decision.source}: chưa có bố cục phôi "{LAYOUT_FOLDER}/{key}.toml" '
                                "(chép một tệp bố cục có sẵn vào thư mục mau/phoi/ và đặt tên như vậy để in).")
        else:
            chosen.append(decision)
    if not chosen:
        raise UserError("Không có quyết định nào để in bằng, giấy khen:\n" + "\n".join(f"  {n}" for n in result.notes))
    return _print(chosen, folders, options, result)


def print_documents(documents: list[Path], options: Options) -> Printed:
    """Certificates for decisions given as .docx files; an unnumbered one is refused unless ``draft``."""
    decisions = [from_docx(path) for path in documents]
    for path, decision in zip(documents, decisions):
        if not decision.signed and not options.draft:
            raise UserError(f'Quyết định "{path}" chưa có số và ngày ký (dòng "Số: …" và "…, ngày … tháng … năm …"), '
                            "chưa in được bằng khen, giấy khen. Điền số, ngày vào văn bản đã ký rồi chạy lại, "
                            "hoặc dùng --nhap để in bản nháp.")
    return _print(decisions, search_path(user_folder(options.user_folder, documents)), options, Printed())


def _print(decisions: list[SignedDecision], folders: list[Path], options: Options, result: Printed) -> Printed:
    offset = printer_offset(folders)
    layouts: dict[str, Layout] = {}
    outputs: list[tuple[Path, bytes, int]] = []
    for decision in decisions:
        key = options.form or decision.form_key
        if key not in layouts:
            layouts[key] = load_layout(key, folders)
            result.warnings += layout_warnings(layouts[key])
        background = preview_image(key, folders) if options.preview else None
        data = certificates_pdf(decision, layouts[key], offset=offset, draft=not decision.signed,
                                background=background, font_folders=folders)
        outputs.append((options.outdir / output_name(decision, options), data, len(decision.entries)))
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


def layout_warnings(layout: Layout) -> list[str]:
    warnings = []
    if not layout.verified:
        warnings.append(f"Chưa đối chiếu với văn bản chính thức: {layout.label}; nguồn: {layout.source}.")
    if layout.built_in:
        warnings.append(f'Đang dùng bố cục phôi mặc định "{layout.path}": vị trí các ô chưa đo trên phôi thật. '
                        f"Chép tệp vào thư mục mau/{LAYOUT_FOLDER}/ cạnh sổ Excel, sửa theo phôi, in thử bằng "
                        "--can-chinh.")
    return warnings


def set_printer_offset(offset: PrinterOffset, options: Options, inputs: list[Path]) -> Printed:
    """Save the office's printer offset in its mau/ folder, once for every later print."""
    path = save_printer_offset(user_folder(options.user_folder, inputs), offset)
    return Printed(notes=[f'Đã lưu độ lệch máy in vào "{path}": x = {fmt_mm(offset.x)} mm, y = {fmt_mm(offset.y)} mm, '
                          f"tỉ lệ = {fmt_mm(offset.scale)}. Các lần in sau đều dùng độ lệch này."])


def print_calibration(target: Path, options: Options, inputs: list[Path]) -> Printed:
    """The calibration sheet for one layout (``--phoi``) or every layout found."""
    folders = search_path(user_folder(options.user_folder, inputs))
    keys = [options.form] if options.form else layout_keys(folders)
    layouts = [load_layout(key, folders) for key in keys]
    write_bytes_atomic(target, calibration_pdf(layouts, printer_offset(folders), folders))
    return Printed(written=[(target, len(layouts))])
