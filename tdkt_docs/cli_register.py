"""Commands of the award register: ghi-so, tra-cuu, thong-ke, xuat. All text is Vietnamese.

The register modules (SQLAlchemy, Alembic) are imported inside the commands, so other
commands start without them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .cli import HELP, HELP_TEXT, MAU_OPTION, REGISTER_OPTION, Number, VietnameseCommand, cli, settings_for
from .errors import UserError
from .register import PAST_AWARDS_TITLE

ISSUER_OPTION = click.option(
    "--co-quan", "issuer", default="", metavar="CƠ_QUAN",
    help='Chỉ tính khen thưởng của cơ quan ban hành có tên chứa CƠ_QUAN (như ở trang "Cơ quan", có dấu hay không '
         'dấu đều được), khi nhiều cơ quan dùng chung một sổ theo dõi.')
YEAR_OPTION = click.option("--nam", "year", type=Number(int, 1945, 2100, noun="một năm"), required=True,
                           metavar="NĂM", help="Năm cần thống kê (theo ngày ký quyết định).")


@cli.command("ghi-so", cls=VietnameseCommand, context_settings=HELP,
             short_help="Ghi các quyết định đã ký vào sổ theo dõi khen thưởng.")
@click.argument("workbook", required=False, metavar="[SỔ.xlsx]")
@click.option("--quyet-dinh", "documents", multiple=True, metavar="TỆP.docx",
              help="Đọc quyết định đã ký (đã có số và ngày) từ văn bản Word; dùng nhiều lần cho nhiều tệp.")
@click.option("--danh-sach", "past", default=None, metavar="DANH_SÁCH.xlsx",
              help=f'Ghi bổ sung khen thưởng các năm trước từ danh sách Excel (trang "{PAST_AWARDS_TITLE}").')
@click.option("--mau-danh-sach", "blank", default=None, metavar="TỆP.xlsx",
              help="Tạo danh sách Excel mẫu để nhập khen thưởng các năm trước, rồi thoát.")
@REGISTER_OPTION
@MAU_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def record_command(workbook: str | None, documents: tuple[str, ...], past: str | None, blank: str | None,
                   register: str, mau: str | None) -> None:
    """Ghi các quyết định đã ký vào sổ theo dõi khen thưởng: từ sổ Excel (trang "Quyết định đã ký" có số
    và ngày ký của từng quyết định), từ văn bản Word đã ký, hoặc từ danh sách khen thưởng các năm trước.
    Ghi lại lần nữa không tạo bản trùng; quyết định sửa lại được ghi thành bản mới, bản cũ vẫn giữ.
    Tất cả được ghi trong một lần: có lỗi thì sổ giữ nguyên như trước."""
    from .read.blank import write_blank_workbook
    from .register.from_docx import read_signed_docx
    from .register.from_workbook import read_signed_workbook
    from .register.past import PAST_AWARDS, read_past_awards
    from .register.record import record
    from .register.store import open_register
    from .rules.book import Rules

    settings = settings_for(Path(workbook) if workbook else None, mau)  # no review against the register here
    rules = Rules(settings)
    if blank:
        write_blank_workbook(Path(blank), rules, (PAST_AWARDS,))
        click.echo(f'Đã tạo "{blank}": điền mỗi dòng một khen thưởng rồi chạy tdkt ghi-so --danh-sach {blank}')
        return
    if not (workbook or documents or past):
        raise UserError("Chưa có gì để ghi: cho sổ Excel, --quyet-dinh TỆP.docx hoặc --danh-sach DANH_SÁCH.xlsx.")
    signed = read_signed_workbook(Path(workbook), settings) if workbook else []
    signed += [read_signed_docx(Path(name), rules) for name in documents]
    if past:
        signed += read_past_awards(Path(past))
    with open_register(register) as book:
        result = record(book, signed, rules.register_forms)
        click.echo(f"Sổ theo dõi: {book.name}")
    for line in result.added:
        click.echo(f"Đã ghi: {line}")
    for line in result.corrected:
        click.echo(f"Đã sửa: {line}")
    for line in result.unchanged:
        click.echo(f"Đã có, không đổi: {line}")
    for line in result.uncertain:
        click.echo(f"Cần xem lại: {line}")


@cli.command("tra-cuu", cls=VietnameseCommand, context_settings=HELP,
             short_help="Tra cứu khen thưởng đã có của một người hoặc một tập thể.")
@click.argument("name", metavar='"HỌ TÊN"')
@click.option("--don-vi", "unit", default="", metavar="ĐƠN_VỊ", help="Chỉ tìm trong đơn vị này.")
@REGISTER_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def lookup_command(name: str, unit: str, register: str) -> None:
    """Liệt kê các khen thưởng của người hoặc tập thể có tên chứa HỌ TÊN (hoặc có số CCCD là HỌ TÊN, khi gõ
    số CCCD), mới nhất trước: hình thức, quyết định, ngày, thành tích. Gõ có dấu hay không dấu, chữ hoa hay
    thường, "Ngọc-Ánh" hay "Ngọc Ánh" đều được."""
    from .register.history import format_history, lookup
    from .register.store import open_register

    book = open_register(register, create=False)
    if book is None:
        raise UserError("Chưa có sổ theo dõi khen thưởng: hãy ghi quyết định đã ký bằng tdkt ghi-so trước.")
    with book:
        lines = lookup(book, name, unit)
    if not lines:
        click.echo(f'Không tìm thấy khen thưởng nào của "{name}"' + (f" ở {unit}." if unit else "."))
        return
    for line in format_history(lines):
        click.echo(line)


@cli.command("thong-ke", cls=VietnameseCommand, context_settings=HELP,
             short_help="Lập sổ Excel thống kê khen thưởng của một năm.")
@YEAR_OPTION
@click.option("-o", "--output", "target", default=None, metavar="TỆP.xlsx",
              help="Tệp ghi kết quả (mặc định: thong-ke-khen-thuong-<năm>.xlsx).")
@ISSUER_OPTION
@REGISTER_OPTION
@MAU_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def statistics_command(year: int, target: str | None, issuer: str, register: str, mau: str | None) -> None:
    """Thống kê khen thưởng của năm: theo hình thức và cấp, tập thể/cá nhân/hộ gia đình, nữ (khi biết),
    theo quý và đợt, theo đơn vị trình, kèm biểu đồ."""
    from .files import write_bytes_atomic
    from .register.statistics import statistics_workbook
    from .register.store import open_register
    from .register.year import awards_of_year, of_issuer
    from .rules.book import Rules

    forms = Rules(settings_for(None, mau)).register_forms
    path = Path(target or f"thong-ke-khen-thuong-{year}.xlsx")
    with open_register(register) as book:
        awards = of_issuer(awards_of_year(book, year, forms), year, issuer)
        write_bytes_atomic(path, statistics_workbook(year, awards, book.name))
    click.echo(f'Đã tạo "{path}": {len(awards)} lượt khen thưởng năm {year}.')


@cli.command("xuat", cls=VietnameseCommand, context_settings=HELP,
             short_help="Xuất khen thưởng của một năm (JSON cho cơ sở dữ liệu, danh sách Excel).")
@YEAR_OPTION
@click.option("-o", "--output", "target", default=None, metavar="TỆP.json|TỆP.xlsx",
              help="Tệp ghi kết quả: đuôi .json hoặc .xlsx (mặc định: cả hai, khen-thuong-<năm>.json và .xlsx).")
@click.option("--ma-don-vi", "unit_code", default="", metavar="MÃ",
              help="Mã đơn vị được cấp trên phần mềm cơ sở dữ liệu (để trống nếu chưa có).")
@ISSUER_OPTION
@REGISTER_OPTION
@MAU_OPTION
@click.help_option("-h", "--help", help=HELP_TEXT)
def export_command(year: int, target: str | None, unit_code: str, issuer: str, register: str,
                   mau: str | None) -> None:
    """Xuất khen thưởng của năm theo các trường của cơ sở dữ liệu thi đua, khen thưởng (MaDonVi, TenDonVi,
    SoQuyetDinh, NgayQuyetDinh, TenCanBo, …) và thành danh sách Excel. Các mã chưa được cấp để trống."""
    from .register.export import export_json, write_json, write_list
    from .register.store import open_register
    from .register.year import awards_of_year, of_issuer, one_office
    from .rules.book import Rules

    paths = [Path(target)] if target else [Path(f"khen-thuong-{year}.json"), Path(f"khen-thuong-{year}.xlsx")]
    for path in paths:
        if path.suffix.lower() not in (".json", ".xlsx"):
            raise UserError(f'Tên tệp "{path.name}" phải có đuôi .json hoặc .xlsx.')
    rules = Rules(settings_for(None, mau))
    with open_register(register) as book:
        awards = of_issuer(awards_of_year(book, year, rules.register_forms), year, issuer)
    if unit_code:
        one_office(awards, year, unit_code)
    for path in paths:
        if path.suffix.lower() == ".json":
            write_json(path, export_json(awards, unit_code, dt.date.today()))
        else:
            write_list(path, awards, rules)
        click.echo(f'Đã tạo "{path}": {len(awards)} lượt khen thưởng năm {year}.')
