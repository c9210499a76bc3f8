"""The ``tdkt`` command: a thin shell over the pipeline. All text is Vietnamese.

Stages are imported inside the commands that need them, so ``tdkt --help`` starts quickly.
"""
from __future__ import annotations

import _thread
import contextlib
import dataclasses
import shutil
import signal
import sys
import tempfile
import textwrap
import threading
import time
import traceback
import warnings
from pathlib import Path
from typing import NoReturn

import click

from .errors import UserError
from .register import REGISTER_ENV
from .settings import BUILTIN_DATA, BUILTIN_TEMPLATES, USER_FOLDER, Settings


class VietnameseHelpMixin:
    """Help pages with Vietnamese headings."""

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "Cách dùng: ")

    def format_options(self, ctx, formatter):
        options = [option_help(p, ctx) for p in self.get_params(ctx) if isinstance(p, click.Option) and not p.hidden]
        if options:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(options)
        if isinstance(self, click.Group):
            with formatter.section("Lệnh"):
                formatter.write_dl([(name, self.get_command(ctx, name).get_short_help_str(70))
                                    for name in self.list_commands(ctx)])


def option_help(option: click.Option, ctx: click.Context) -> tuple[str, str]:
    """The option's names and help; what click adds in English ([required], a range) is said in Vietnamese,
    defaults in the help text itself."""
    names = option.get_help_record(ctx)[0]
    extras = [extra for extra in ("bắt buộc" if option.required else "", getattr(option.type, "bounds", "")) if extra]
    return names, (option.help or "") + (f"  [{'; '.join(extras)}]" if extras else "")


class VietnameseUsageError(click.UsageError):
    """A usage error whose message is already Vietnamese."""


def parameter_name(param: click.Parameter) -> str:
    """An option as the user types it (its long form: --output, not -o); an argument by its metavar."""
    return f"tùy chọn {max(param.opts, key=len)}" if isinstance(param, click.Option) else param.human_readable_name


class Refusing:
    """For parameter types: a value refused in Vietnamese, naming the option, the value given and what is
    ``wanted``."""

    wanted: str

    def refuse(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> NoReturn:
        where = parameter_name(param) if param is not None else "giá trị"
        raise VietnameseUsageError(f'{where} cần {self.wanted} (đang là "{value}")', ctx)


class Number(Refusing, click.ParamType):
    """A number of ``kind`` (a decimal comma is read as a point), from ``low`` to ``high`` when given."""

    name = "number"

    def __init__(self, kind: type = int, low: int | None = None, high: int | None = None, noun: str = "một số"):
        self.kind, self.low, self.high = kind, low, high
        self.bounds = f"từ {low} đến {high}" if low is not None else ""
        self.wanted = f"{noun} {self.bounds}" if self.bounds else f"{noun}, ví dụ 1.5 hoặc -2"

    def convert(self, value, param, ctx):
        try:
            number = value if isinstance(value, self.kind) else self.kind(str(value).strip().replace(",", "."))
        except ValueError:
            self.refuse(value, param, ctx)
        if self.low is not None and not self.low <= number <= self.high:
            self.refuse(value, param, ctx)
        return number


class Choice(Refusing, click.Choice):
    """One of ``choices``."""

    def __init__(self, choices: list[str]):
        super().__init__(choices)
        self.wanted = "một trong các giá trị " + ", ".join(choices)

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.refuse(value, param, ctx)


class VietnameseGroup(VietnameseHelpMixin, click.Group):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, options_metavar="[TÙY_CHỌN]", subcommand_metavar="LỆNH [THAM_SỐ]…", **kwargs)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            raise VietnameseUsageError(f'không có lệnh "{name}"; các lệnh: ' + ", ".join(self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, **extra) -> NoReturn:
        """The command run inside a program (click's CliRunner): ``finalizer_failed`` is the hook for errors in
        finalizers while it runs. The ``tdkt`` process starts in ``main`` below."""
        previous, sys.unraisablehook = sys.unraisablehook, finalizer_failed
        try:
            code = self.exit_code(args, prog_name, **extra)
        finally:
            sys.unraisablehook = previous
        sys.exit(code)

    def exit_code(self, args, prog_name, **extra) -> int:
        """Run the command; its exit code, with the message for a user error said. Libraries' warnings (English,
        for programmers: openpyxl's on a cell it cannot read as a date) are not shown unless asked for with
        python -W."""
        try:
            with warnings.catch_warnings():
                if not sys.warnoptions:
                    warnings.simplefilter("ignore")
                super().main(args, prog_name or "tdkt", standalone_mode=False, **extra)
            return 0
        except UserError as exc:
            click.echo(str(exc), err=True)
            return 1
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except SystemExit as exc:  # a command's own sys.exit(code)
            return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        except click.UsageError as exc:
            guide = exc.ctx.command_path if exc.ctx else "tdkt"
            click.echo(f"Lỗi cách dùng: {usage_message(exc)}\nXem hướng dẫn: {guide} --help", err=True)
            return 2
        except (KeyboardInterrupt, click.Abort):
            click.echo("Đã dừng. Không có tệp nào bị ghi dở.", err=True)
            return stopped_early(STOPPED)
        except Exception:  # noqa: BLE001 - last line of defence: log, never show a traceback
            click.echo(f"Lỗi không mong đợi trong chương trình. {write_crash_log()}", err=True)
            return stopped_early(CRASHED)


STOPPED, CRASHED = 130, 3
INTERRUPT_AGAIN_AFTER = 0.005  # seconds


def interrupt_handled() -> None:
    """Clear CPython's mark of an unhandled Ctrl+C. When one lands while a string is being executed (as dataclasses
    make their methods, on the first import of a stage), CPython marks it unhandled even when it is handled, and
    ``python -m tdkt_docs`` then ends killed by SIGINT whatever its exit code. A string that ends well clears the
    mark."""
    exec("", {})  # noqa: S102


def stopped_early(code: int) -> int:
    """``code``, with finalizers' errors silenced until the command returns (in the ``tdkt`` process, until it
    ends): set before the handled exception, and the work it stopped, is let go, as the objects it held are
    finalized then. A ZipFile interrupted in its constructor fails in its finalizer."""
    sys.unraisablehook = lambda unraisable: None
    return code


def ignore_interrupts() -> None:
    """Ctrl+C does nothing from now on; one already on its way is dropped (``signal.signal`` delivers it first)."""
    while True:
        with contextlib.suppress(KeyboardInterrupt):
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            return


def interrupt_again() -> None:
    """Ctrl+C once more, shortly, to the main thread as a terminal sends it, so a wait in progress is cut short
    too. Runs in a thread of its own."""
    time.sleep(INTERRUPT_AGAIN_AFTER)
    if hasattr(signal, "pthread_kill"):
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
    else:  # Windows: the C handler, which also wakes the main thread's waits
        signal.raise_signal(signal.SIGINT)


def finalizer_failed(unraisable) -> None:
    """An error in a finalizer, which Python cannot raise where it happened. Ctrl+C that lands while an object
    is being finalized is sent again a moment later, from another thread, once the finalizer is over (were it
    raised here, it would land in this hook and be printed and lost, as by default), so the command stops as it
    would anywhere else. Any other is a fault of the program: logged for support, in one line."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt):
        _thread.start_new_thread(interrupt_again, ())  # not threading.Thread, which takes a lock to start
        return
    with contextlib.suppress(Exception):  # a hook that fails has its own traceback printed
        where = traceback.format_exception(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)
        head = unraisable.err_msg or "Exception ignored in"
        if unraisable.object is not None:
            head += f": {unraisable.object!r}"
        detail = head + "\n" + "".join(where)
        click.echo(f"Lỗi không mong đợi khi dọn dẹp. {write_crash_log(detail)}", err=True)


class VietnameseCommand(VietnameseHelpMixin, click.Command):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, options_metavar="[TÙY_CHỌN]", **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.allow_extra_args = True  # extra words are reported here, in Vietnamese
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # the command, to tell a flag from an option that takes a value
            raise
        if ctx.args:
            raise VietnameseUsageError("thừa tham số: " + " ".join(ctx.args), ctx)
        return rest


HELP = {"help_option_names": ["-h", "--help"]}
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
MAU_OPTION = click.option(
    "--mau", "mau", default=None, metavar="THƯ_MỤC",
    help=f"Thư mục mẫu và dữ liệu riêng của cơ quan (mặc định: thư mục {USER_FOLDER}/ cạnh sổ Excel, nếu có). "
         "Tệp trong đó thay cho tệp cùng tên có sẵn của phần mềm.")


def _register_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    from .register.location import register_url

    return register_url(value)


REGISTER_OPTION = click.option(
    "--so-theo-doi", "register", envvar=REGISTER_ENV, default=None, metavar="ĐỊA_CHỈ", callback=_register_url,
    help=f"Sổ theo dõi khen thưởng: đường dẫn tệp .sqlite hoặc postgresql://người_dùng:mật_khẩu@máy_chủ/tên "
         f"(mặc định: biến môi trường {REGISTER_ENV}, nếu không có thì sổ chung trong thư mục dữ liệu của máy).")


def settings_for(workbook: Path | None, mau: str | None, register: str | None = None) -> Settings:
    """The search path for ``workbook`` (and ``--mau``); ``register``: the award register to consult."""
    settings = Settings.for_workbook(workbook, Path(mau) if mau else None)
    return dataclasses.replace(settings, register_url=register)


@click.group(cls=VietnameseGroup, context_settings=HELP, invoke_without_command=True)
@click.help_option("-h", "--help", help=HELP_TEXT)
@click.version_option(package_name="tdkt-docs", prog_name="tdkt", message="%(prog)s %(version)s",
                      help="Hiện phiên bản rồi thoát.")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Tạo văn bản thi đua, khen thưởng đúng thể thức từ sổ Excel.

    \b
    Các bước thường dùng:
      tdkt init so-lieu.xlsx     tạo sổ mẫu để điền
      tdkt check so-lieu.xlsx    kiểm tra sổ, liệt kê mọi lỗi
      tdkt build so-lieu.xlsx    tạo văn bản vào thư mục output/
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@cli.command(cls=VietnameseCommand, context_settings=HELP)
@click.argument("file", metavar="TỆP.xlsx")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có.")
@click.option("--cap", "level", type=Choice(["tinh", "so", "xa", "khac"]), default=None, metavar="CẤP",
              help="Điền sẵn cách viết của cấp ban hành: tinh (UBND tỉnh), so (sở, ban, ngành), xa (UBND xã, "
                   "phường, đặc khu), khac (cơ quan, đơn vị khác); danh sách hình thức khen thưởng chỉ gồm các "
                   "hình thức cấp đó được quyết định.")
@click.option("--don-vi", "for_unit", is_flag=True,
              help="Tạo sổ đề nghị để gửi các đơn vị điền (tên đơn vị, tờ trình, danh sách đề nghị), "
                   'rồi nhập vào sổ số liệu bằng "tdkt nhap". Kèm --cap: danh sách hình thức chỉ gồm các hình '
                   "thức cấp của cơ quan xét khen thưởng được quyết định.")
@MAU_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def init(file: str, force: bool, level: str | None, for_unit: bool, mau: str | None) -> None:
    """Tạo sổ Excel mẫu, sẵn sàng để điền."""
    from .glossary import IssuerLevel
    from .read.blank import write_starter_workbook
    from .rules.book import Rules

    target = Path(file)
    if target.suffix.lower() != ".xlsx":
        raise UserError(f'Tên tệp phải có đuôi .xlsx (đang là "{target.name}").')
    if target.exists() and not force:
        raise UserError(f'Tệp "{target}" đã có. Dùng --force nếu muốn ghi đè.')
    write_starter_workbook(target, Rules(settings_for(target, mau)), IssuerLevel.from_key(level) if level else None,
                           for_unit=for_unit)
    if for_unit:
        click.echo(f'Đã tạo sổ đề nghị "{target}". Gửi cho đơn vị điền; đơn vị kiểm tra bằng '
                   f'"tdkt check {target.name}" trước khi gửi lại.')
    else:
        click.echo(f'Đã tạo "{target}". Mở bằng Excel, đọc trang "Hướng dẫn" rồi điền các trang còn lại.')


@cli.command(cls=VietnameseCommand, context_settings=HELP,
             short_help="Kiểm tra sổ Excel (.xlsx) hoặc thể thức văn bản Word (.docx).")
@click.argument("files", nargs=-1, required=True, metavar="TỆP…")
@click.option("--json", "as_json", is_flag=True,
              help="In kết quả kiểm tra văn bản .docx dạng JSON (dành cho chương trình khác) thay cho văn bản.")
@click.option("--template", "as_template", is_flag=True,
              help="Kiểm tra tệp mẫu Word (.docx) trước khi dùng: thẻ viết sai hoặc thiếu thẻ đóng, biến không có "
                   "trong số liệu của mẫu, thẻ bị Word tách thành nhiều đoạn chữ, nhiều thẻ {%p %} trong một đoạn, "
                   "mảnh thẻ rời sẽ in nguyên văn.")
@click.option("--fix", is_flag=True,
              help="Ghi bản sao đã sửa của sổ Excel (<tên>-da-sua.xlsx, cạnh tệp gốc): chữ gõ bằng bảng mã cũ "
                   "TCVN3 (.VnTime) hoặc VNI (VNI-Times) được đổi sang Unicode; tệp gốc giữ nguyên.")
@MAU_OPTION
@REGISTER_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def check(files: tuple[str, ...], as_json: bool, as_template: bool, fix: bool, mau: str | None,
          register: str) -> None:
    """Kiểm tra tệp: sổ Excel (.xlsx) theo mẫu nhập liệu, hoặc văn bản Word (.docx) theo thể thức
    Nghị định 30/2020/NĐ-CP (khổ giấy, lề, phông và cỡ chữ, Quốc hiệu, Tiêu ngữ, số và ký hiệu,
    ngày tháng, tên loại, căn cứ, nơi nhận, chữ ký, số trang, phụ lục). Mỗi sai sót ghi rõ vị trí,
    quy định và thực tế. Sổ Excel còn được đối chiếu với sổ theo dõi khen thưởng (điều kiện xét khen
    thưởng trong dieu-kien.toml). Mã thoát 1 khi có lỗi, 0 khi không có lỗi."""
    failed = False
    for name in files:
        path = Path(name)
        kind = path.suffix.lower()
        settings = settings_for(path, mau, register)
        if kind in (".docx", ".doc"):
            failed = (check_template(path, as_json) if as_template else check_docx(path, settings, as_json)) or failed
        elif kind in (".xlsx", ".xlsm", ".xls", ".csv"):
            failed = check_workbook(path, settings) or failed
            if fix:
                fix_legacy_text(path)
        else:
            raise UserError(f'Không kiểm tra được "{path.name or path}": chỉ nhận sổ Excel .xlsx hoặc '
                            "văn bản Word .docx.")
    sys.exit(1 if failed else 0)


def check_workbook(path: Path, settings: Settings) -> bool:
    from .build import prepare, template_trials
    from .importing.unit_book import is_unit_workbook
    from .problems import summary

    if is_unit_workbook(path):
        from .cli_import import check_unit_file

        return check_unit_file(path, settings)
    prepared = prepare(path, settings)
    click.echo(f'Tệp "{path.name}":')
    for problem in prepared.problems:
        click.echo(f"  {problem}")
    click.echo(f"  {summary(prepared.problems)}")
    if not prepared.errors:
        composition = prepared.composition
        for note in composition.skipped:
            click.echo(f"  Lưu ý: {note}")
        count = len(composition.documents)
        if failures := template_trials(prepared, settings):
            for message in failures:
                click.echo(textwrap.indent(message, "  "))
            click.echo("  tdkt build sẽ dừng, không tạo văn bản nào, cho đến khi các mẫu trên được sửa.")
            return True
        click.echo(f"  tdkt build sẽ tạo {count} văn bản." if count else
                   "  Sổ chưa có phần nào để tạo văn bản: hãy điền trang Kế hoạch hoặc các trang khen thưởng.")
    return bool(prepared.errors)


def fix_legacy_text(path: Path) -> None:
    from .read.legacy import fix_workbook

    target = path.with_name(f"{path.stem}-da-sua.xlsx")
    if target.exists():
        raise UserError(f'Đã có tệp "{target}". Hãy xóa hoặc đổi tên tệp đó rồi chạy lại "tdkt check --fix".')
    fixed = fix_workbook(path, target)
    if not fixed:
        target.unlink(missing_ok=True)
        click.echo("  Không có ô nào gõ bằng bảng mã cũ, không cần bản sửa.")
        return
    click.echo(f'  Đã sửa {len(fixed)} ô, ghi vào "{target}":')
    for line in fixed:
        click.echo(f"    {line}")


def check_docx(path: Path, settings: Settings, as_json: bool) -> bool:
    from .check.document import check_document
    from .check.report import findings_json, format_findings
    from .check.rulebook import Rulebook
    from .rules.book import Rules

    findings = check_document(path, Rulebook(Rules(settings).nd30))
    click.echo(findings_json(path, findings) if as_json else format_findings(path, findings))
    return any(f.is_error for f in findings)


def check_template(path: Path, as_json: bool) -> bool:
    from .check.report import findings_json, format_findings
    from .check.template import lint_template
    from .documents import REGISTRY, by_template

    document_type = by_template(path.name)
    findings = lint_template(path, document_type.variables if document_type else None)
    if document_type is None:
        names = ", ".join(d.template for d in REGISTRY)
        click.echo(f'Lưu ý: "{path.name}" không trùng tên mẫu của phần mềm ({names}) '
                   "nên chưa kiểm tra tên biến. Đặt lại đúng tên mẫu (trong một thư mục riêng) rồi kiểm tra lại.")
    click.echo(findings_json(path, findings) if as_json
               else format_findings(path, findings, clean="mẫu không có lỗi, dùng được."))
    return any(f.is_error for f in findings)


@cli.command(cls=VietnameseCommand, context_settings=HELP, short_help="Chuyển văn bản .docx có sẵn sang PDF.")
@click.argument("paths", nargs=-1, required=True, metavar="TỆP_HOẶC_THƯ_MỤC…")
@click.option("-o", "--output", "outdir", default=None, metavar="THƯ_MỤC",
              help="Thư mục ghi PDF (mặc định: cạnh tệp .docx).")
@click.help_option("-h", "--help", help=HELP_TEXT)
def pdf(paths: tuple[str, ...], outdir: str | None) -> None:
    """Chuyển văn bản .docx có sẵn (hoặc mọi .docx trong thư mục) sang PDF bằng LibreOffice."""
    from .export import check_pdf_fonts, convert_to_pdf

    sources = docx_files(Path(p) for p in paths)
    folders: dict[Path, list[Path]] = {}
    for source in sources:
        folders.setdefault(Path(outdir) if outdir else source.parent, []).append(source)
    problems = []
    with progress_bar(len(sources), "Đang chuyển sang PDF") as update:
        for folder, members in folders.items():
            for made in convert_to_pdf(members, folder, progress=update):
                problems += check_pdf_fonts(made)
                click.echo(f"Đã tạo: {made}")
    for problem in problems:
        click.echo(problem, err=True)
    sys.exit(1 if problems else 0)


def docx_files(paths) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.docx") if not p.name.startswith(("~$", ".~")))
        elif path.suffix.lower() == ".docx" and path.is_file():
            found.append(path)
        else:
            raise UserError(f'"{path}" không phải tệp .docx hay thư mục có sẵn.')
    if not found:
        raise UserError("Không tìm thấy tệp .docx nào để chuyển.")
    return found


@cli.command(cls=VietnameseCommand, context_settings=HELP)
@click.argument("file", metavar="TỆP.xlsx")
@click.option("-o", "--output", "outdir", default="output", metavar="THƯ_MỤC",
              help="Thư mục ghi văn bản (mặc định: output).")
@click.option("--force", is_flag=True, help="Ghi đè cả văn bản đã được sửa tay sau lần tạo trước.")
@click.option("--giu-ban-sua", "keep_edits", is_flag=True,
              help="Giữ văn bản đã sửa tay cả khi số liệu của nó trong sổ đã thay đổi (bộ in ký và sổ tổng hợp của "
                   "đợt đó không được tạo, vì sẽ không khớp với văn bản).")
@click.option("--pdf", is_flag=True,
              help="Tạo thêm bản PDF của mỗi văn bản và bộ in ký cho từng đợt (cần LibreOffice).")
@MAU_OPTION
@REGISTER_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def build(file: str, outdir: str, force: bool, keep_edits: bool, pdf: bool, mau: str | None, register: str) -> None:
    """Tạo các văn bản từ sổ Excel vào thư mục (mặc định output/)."""
    from .rebuild import inputs_key, unchanged_build

    if force and keep_edits:
        raise UserError("Chỉ chọn một trong hai: --force (ghi đè bản sửa tay) hoặc --giu-ban-sua (giữ bản sửa tay).")
    settings = settings_for(Path(file), mau, register)
    previous = unchanged_build(Path(outdir), inputs_key(Path(file), settings, pdf=pdf, force=force,
                                                          keep_edits=keep_edits))
    if previous is not None:  # answered before the heavy stages are even imported
        for warning in previous.warnings:
            click.echo(warning)
        click.echo(f"Không có gì thay đổi từ lần tạo trước (sổ, mẫu và dữ liệu như cũ, {len(previous.documents)} tệp "
                   f"còn nguyên) — thư mục {outdir}.")
        return
    from .build import build as run_build
    from .export.standing import BUNDLE_KIND, PDF_KIND

    result = run_build(Path(file), Path(outdir), settings, force=force, keep_edits=keep_edits, pdf=pdf,
                       progress=progress_bar)
    for path in result.user_files:
        click.echo(f"Dùng tệp riêng của cơ quan: {path}")
    for problem in result.problems:
        click.echo(str(problem))
    for note in result.manifest.skipped:
        click.echo(f"Lưu ý: {note}")
    for path in result.written:
        click.echo(f"Đã tạo: {path}")
    for path in result.unchanged:
        click.echo(f"Không đổi: {path}")
    for path in result.kept:
        click.echo(f"Giữ nguyên: {path} — tệp đã được sửa tay sau lần tạo trước; số liệu của văn bản này trong sổ "
                   "không đổi nên bản sửa tay được giữ. Dùng --force nếu muốn tạo lại tệp từ sổ.")
    for path in result.removed:
        click.echo(f"Đã xóa: {path} (tệp của lần tạo trước, không còn đúng với sổ số liệu)")
    for entry in result.entries(BUNDLE_KIND):
        click.echo(f"Bộ in ký ({entry.pages} trang): {Path(outdir) / entry.path}")
    pdfs = len(result.entries(PDF_KIND))
    if pdfs:
        click.echo(f"Bản PDF: {pdfs} tệp, nằm cạnh từng văn bản .docx.")
    for message in result.failed:
        click.echo(message, err=True)
    for conflict in result.conflicts:
        click.echo(str(conflict), err=not conflict.adopted)
    held = [c for c in result.conflicts if not c.adopted]
    click.echo(f"Xong: {len(result.written)} tệp mới, {len(result.unchanged)} tệp không đổi, "
               f"{len(result.kept) + len(result.conflicts) - len(held)} tệp giữ nguyên, {len(held)} xung đột, "
               f"{len(result.failed)} tệp không ghi được — thư mục {outdir}.")
    sys.exit(1 if result.failed or held else 0)


@cli.command(cls=VietnameseCommand, context_settings=HELP, name="mau",
             short_help="Chép các mẫu văn bản và dữ liệu có sẵn ra thư mục mau/ để sửa.")
@click.argument("folder", required=False, default=USER_FOLDER, metavar="[THƯ_MỤC]")
@click.help_option("-h", "--help", help=HELP_TEXT)
def copy_templates(folder: str) -> None:
    """Chép các mẫu văn bản (.docx), bố cục phôi bằng khen (phoi/*.toml) và tệp dữ liệu (.toml) có sẵn
    của phần mềm vào THƯ_MỤC (mặc định mau/) để cơ quan sửa cho riêng mình. Đặt thư mục mau/ cạnh sổ Excel
    (hoặc dùng --mau): tệp trong đó được dùng thay cho tệp cùng tên có sẵn. Tệp đã có trong thư mục được giữ nguyên.
    Chỉ giữ lại những tệp thật sự sửa: tệp nào để nguyên thì xóa đi để luôn dùng bản mới của phần mềm."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise UserError(f'"{target}" là một tệp, không phải thư mục.')
    target.mkdir(parents=True, exist_ok=True)
    sources = [(BUILTIN_TEMPLATES, p) for pattern in ("*.docx", "README.md", "phoi/*.toml")
               for p in sorted(BUILTIN_TEMPLATES.glob(pattern))]
    sources += [(BUILTIN_DATA, p) for p in sorted(BUILTIN_DATA.glob("*.toml"))]
    for root, source in sources:
        destination = target / source.relative_to(root)
        if destination.exists():
            click.echo(f"Đã có, giữ nguyên: {destination}")
            continue
        destination.parent.mkdir(exist_ok=True)
        shutil.copyfile(source, destination)
        click.echo(f"Đã chép: {destination}")


@contextlib.contextmanager
def progress_bar(total: int, label: str):
    """A progress bar on a terminal (stderr); nothing when output is redirected."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, show_pos=True, file=sys.stderr) as bar:
        yield bar.update


def main() -> NoReturn:
    """Entry point of the ``tdkt`` command. Its process ends with the command's exit code and last words,
    whatever Python meets as it ends:

    - ``finalizer_failed`` is the hook for errors in finalizers to the very end, shutdown included (silent once
      the command stopped early);
    - Ctrl+C again while the first is being answered ends it with code 130, quietly;
    - once the command has ended, Ctrl+C is ignored while Python tidies up (a tenth of a second after a large
      build): it would end the finished command killed by SIGINT, or print a traceback from an exit handler
      such as the worker pool's;
    - and CPython's mark of an unhandled interrupt is cleared (``interrupt_handled``)."""
    sys.unraisablehook = finalizer_failed
    try:
        code = cli.exit_code(None, None)
    except KeyboardInterrupt:
        code = stopped_early(STOPPED)
    ignore_interrupts()
    interrupt_handled()
    sys.exit(code)


def write_crash_log(detail: str | None = None) -> str:
    """Save the details for support (by default, of the exception being handled); say where (or that it could
    not be saved)."""
    try:
        fd, name = tempfile.mkstemp(prefix="tdkt-loi-", suffix=".txt")
        with open(fd, "w", encoding="utf-8") as log:
            log.write(traceback.format_exc() if detail is None else detail)
    except OSError:
        return "Không ghi được tệp chi tiết lỗi."
    return f"Chi tiết đã ghi vào {name}; hãy gửi tệp này cho người hỗ trợ kỹ thuật."


def usage_message(exc: click.UsageError) -> str:
    """The Vietnamese reason, from the error's type and attributes (never from click's English text)."""
    if isinstance(exc, VietnameseUsageError):
        return exc.message
    if isinstance(exc, click.NoSuchOption):
        return f"không có tùy chọn {exc.option_name}"
    if isinstance(exc, click.BadOptionUsage):
        return f"tùy chọn {exc.option_name} " + option_usage(exc)
    if isinstance(exc, click.MissingParameter) and isinstance(exc.param, click.Option):
        return f"thiếu {parameter_name(exc.param)} {exc.param.metavar or ''}".rstrip() + " (bắt buộc)"
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        return f"thiếu {exc.param.human_readable_name}"
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        return f"giá trị của {parameter_name(exc.param)} không hợp lệ"
    return "câu lệnh không đúng cách dùng"


def option_usage(exc: click.BadOptionUsage) -> str:
    """What the option given wrongly takes: no value (a flag), one value, or several."""
    option = next((p for p in exc.ctx.command.params if isinstance(p, click.Option) and exc.option_name in p.opts),
                  None) if exc.ctx is not None else None
    if option is not None and option.is_flag:
        return "không nhận giá trị"
    if option is not None and option.nargs > 1:
        return f"cần {option.nargs} giá trị đi kèm: {option.metavar}"
    return "cần một giá trị đi kèm"


from . import cli_import  # noqa: E402,F401 - registers tdkt nhap
from . import cli_register  # noqa: E402,F401 - registers ghi-so, tra-cuu, thong-ke, xuat
from . import cli_certificate  # noqa: E402,F401  registers "tdkt in-bang"
from . import cli_web  # noqa: E402,F401  (registers "tdkt web")
