"""``tdkt in-bang``: print Bằng khen and Giấy khen on the pre-printed blanks."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import HELP, HELP_TEXT, MAU_OPTION, Number, VietnameseCommand, cli, settings_for
from .errors import UserError
from .settings import USER_FOLDER

DEFAULT_DIR = Path("output") / "in-bang"
CALIBRATION_FILE = "can-chinh.pdf"


@click.command("in-bang", cls=VietnameseCommand, context_settings=HELP,
               short_help="In bằng khen, giấy khen lên phôi in sẵn (PDF đúng khổ phôi).")
@click.argument("files", nargs=-1, metavar="TỆP.xlsx | TỆP.docx…")
@click.option("--quyet-dinh", "from_documents", is_flag=True,
              help="Các tệp là quyết định đã ký (.docx do tdkt build tạo, đã điền số và ngày) thay cho sổ Excel.")
@click.option("-o", "--output", default=None, metavar="THƯ_MỤC",
              help=f"Thư mục ghi PDF (mặc định: {DEFAULT_DIR.as_posix()}); với --can-chinh là tên tệp PDF.")
@MAU_OPTION
@click.option("--phoi", "form", default=None, metavar="TÊN_PHÔI",
              help='Dùng một bố cục phôi cho mọi quyết định, ví dụ "giay-khen" (mặc định: theo hình thức khen thưởng).')
@click.option("--nhap", "draft", is_flag=True,
              help="In cả quyết định chưa có số, ngày ký thành bản nháp (chỗ thiếu ghi rõ [chưa có số]).")
@click.option("--xem-truoc", "preview", is_flag=True,
              help="Vẽ chữ lên ảnh quét của phôi để xem trên màn hình (tệp …-xem-truoc.pdf, không dùng để in).")
@click.option("--can-chinh", "calibrate", is_flag=True,
              help="In tờ chỉnh máy in: lưới milimét, dấu chữ thập ở từng ô chữ và độ lệch máy in đang dùng.")
@click.option("--lech", "offset", type=Number(float), nargs=3, default=None, metavar="X Y TỈ_LỆ",
              help="Lưu độ lệch máy in vào mau/may-in.toml, dùng cho mọi lần in sau: dời chữ X mm sang phải, "
                   "Y mm xuống dưới (số âm: sang trái, lên trên), phóng theo TỈ_LỆ (1 là giữ nguyên). "
                   "Ví dụ: --lech 1.5 -2 1")
@click.help_option("-h", "--help", help=HELP_TEXT)
def in_bang(files: tuple[str, ...], from_documents: bool, output: str | None, mau: str | None, form: str | None,
            draft: bool, preview: bool, calibrate: bool, offset: tuple[float, float, float] | None) -> None:
    """In bằng khen, giấy khen của các quyết định đã ký: mỗi quyết định một tệp PDF, mỗi người
    (tập thể) một trang theo thứ tự Danh sách, đúng khổ phôi, chỉ in phần chữ.

    Thư mục mau/ (cạnh sổ Excel hoặc cạnh quyết định .docx, hoặc chỉ ra bằng --mau) có thể chứa bố cục phôi
    riêng phoi/<tên phôi>.toml (tdkt mau chép các bố cục có sẵn ra đó), ảnh quét phôi phoi/<tên phôi>.png và
    độ lệch máy in may-in.toml.

    \b
    Ví dụ:
      tdkt in-bang so-lieu.xlsx
      tdkt in-bang --quyet-dinh qd-125.docx qd-126.docx -o in-bang
      tdkt in-bang --can-chinh --phoi bang-khen-tinh
      tdkt in-bang --lech 1.5 -2 1 --can-chinh
    Khi in, chọn "Kích thước thực" (Actual size), không chọn "Vừa trang" (Fit to page)."""
    from .certificate import run

    paths = [Path(f) for f in files]
    # With no file (--can-chinh, --lech alone) the default mau/ folder is the current folder's.
    anchor = paths[0] if paths else Path("so-lieu.xlsx")
    options = run.Options(outdir=Path(output) if output else DEFAULT_DIR, draft=draft, preview=preview, form=form)
    settings = settings_for(anchor, mau)
    if offset is not None:
        folder = settings.user_dirs[0] if settings.user_dirs else anchor.parent / USER_FOLDER
        report(run.set_printer_offset(run.PrinterOffset(*offset), folder))
        if not (calibrate or paths):
            return
        settings = settings_for(anchor, mau)  # the mau/ folder may have just been made
    if calibrate:
        target = Path(output) if output else DEFAULT_DIR / CALIBRATION_FILE
        if target.suffix.lower() != ".pdf":
            raise UserError(f'Với --can-chinh, -o là tên tệp .pdf (đang là "{target}").')
        report(run.print_calibration(target, options, settings))
        return
    if from_documents:
        report(run.print_documents(documents(paths), options, settings))
    else:
        report(run.print_workbook(workbook(paths), options, settings))


def documents(paths: list[Path]) -> list[Path]:
    if not paths:
        raise UserError("Hãy chỉ ra ít nhất một quyết định .docx sau --quyet-dinh.")
    for path in paths:
        if path.suffix.lower() != ".docx":
            raise UserError(f'"{path.name}" không phải văn bản Word .docx: --quyet-dinh chỉ nhận quyết định .docx.')
    return paths


def workbook(paths: list[Path]) -> Path:
    if len(paths) != 1:
        raise UserError("Hãy chỉ ra đúng một sổ Excel (.xlsx), hoặc dùng --quyet-dinh với các quyết định .docx.")
    if paths[0].suffix.lower() == ".docx":
        raise UserError(f'"{paths[0].name}" là văn bản Word: dùng "tdkt in-bang --quyet-dinh {paths[0].name}".')
    return paths[0]


def report(printed) -> None:
    for warning in printed.warnings:
        click.echo(str(warning))
    for note in printed.notes:
        click.echo(f"Lưu ý: {note}")
    for path, pages in printed.written:
        click.echo(f"Đã tạo: {path} ({pages} trang)")
    if printed.written:
        click.echo('Khi in: chọn "Kích thước thực" (Actual size), không co giãn; đặt phôi đúng chiều trong khay giấy.')


cli.add_command(in_bang)
