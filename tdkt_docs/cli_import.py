"""``tdkt nhap``: the units' nomination lists into the office workbook; the unit workbook's check."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import HELP, HELP_TEXT, MAU_OPTION, VietnameseCommand, cli, settings_for
from .errors import UserError
from .settings import Settings


def _date(ctx: click.Context, param: click.Parameter, value: str | None):
    from .read import cells

    if value is None:
        return None
    try:
        return cells.as_date(value)
    except cells.CellError as exc:
        raise UserError(f"--ngay: {exc}.") from None


@cli.command("nhap", cls=VietnameseCommand, context_settings=HELP,
             short_help="Nhập danh sách đề nghị của các đơn vị vào sổ số liệu, không phải gõ lại.")
@click.argument("workbook", metavar="SỔ_SỐ_LIỆU.xlsx")
@click.argument("files", nargs=-1, required=True, metavar="TỆP…")
@click.option("--dot", default="", metavar="TÊN_ĐỢT",
              help='Đợt khen thưởng các dòng được nhập vào, ví dụ "Quý I/2024" (bỏ trống khi sổ chỉ có một đợt).')
@click.option("--don-vi", "unit", default="", metavar="TÊN",
              help="Đơn vị trình, khi tệp không ghi (dòng \"Kèm theo Tờ trình … của …\" hay tiêu đề đơn vị).")
@click.option("--to-trinh", "submission_no", default="", metavar="SỐ",
              help='Số, ký hiệu tờ trình của đơn vị, khi tệp không ghi, ví dụ "12/TTr-SYT".')
@click.option("--ngay", "submission_date", default=None, callback=_date, metavar="NGÀY",
              help="Ngày tờ trình (ngày/tháng/năm), khi tệp không ghi.")
@click.option("--hinh-thuc", "form", default="", metavar="HÌNH_THỨC",
              help="Hình thức khen thưởng cho các dòng không ghi hình thức (khi tệp không có cột hình thức "
                   "và tên danh sách không nêu).")
@click.option("--thanh-tich", "achievement", default="", metavar="THÀNH_TÍCH",
              help="Thành tích cho các dòng không ghi thành tích.")
@MAU_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def nhap(workbook: str, files: tuple[str, ...], dot: str, unit: str, submission_no: str, submission_date,
         form: str, achievement: str, mau: str | None) -> None:
    """Nhập danh sách đề nghị khen thưởng của các đơn vị vào trang "Đề nghị khen thưởng" của sổ số liệu.

    \b
    Nhận ba loại tệp:
      - sổ đề nghị của đơn vị (tạo bằng: tdkt init --don-vi TỆP.xlsx);
      - danh sách Excel bất kỳ có cột "Họ và tên" (hoặc "Họ tên");
      - danh sách Word (.docx): dạng bảng, hoặc các dòng đánh số dưới
        "I. TẬP THỂ", "II. CÁ NHÂN".
    Dòng đã có trong sổ không bị sửa; nhập lại cùng tệp không thêm dòng nào.
    Trước khi ghi, bản sao sổ được lưu cạnh sổ (<tên>.bak.xlsx).
    Mã thoát 1 khi có tệp hoặc dòng không nhận được.
    """
    from .importing import Defaults, format_result, import_files
    from .rules.book import Rules

    defaults = Defaults(batch=dot, unit=unit, submission_no=submission_no, submission_date=submission_date,
                        form=form, achievement=achievement)
    office = Path(workbook)
    result = import_files(office, [Path(f) for f in files], Rules(settings_for(office, mau)), defaults)
    for line in format_result(result):
        click.echo(line)
    sys.exit(1 if result.failed else 0)


def check_unit_file(path: Path, settings: Settings) -> bool:
    """``tdkt check`` on a unit's workbook: every problem, then whether it is ready to send."""
    from .importing import check_unit_workbook
    from .problems import summary
    from .rules.book import Rules

    problems = check_unit_workbook(path, Rules(settings))
    click.echo(f'Tệp "{path.name}" (sổ đề nghị của đơn vị):')
    for problem in problems:
        click.echo(f"  {problem}")
    click.echo(f"  {summary(problems)}")
    failed = any(p.is_error for p in problems)
    click.echo("  Sửa các lỗi trên rồi kiểm tra lại trước khi gửi." if failed else
               "  Sổ sẵn sàng gửi cho cơ quan thi đua, khen thưởng.")
    return failed
