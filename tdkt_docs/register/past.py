"""Back-filling decisions of past years from an Excel list of past awards, one award a row.

The list is declared like the input workbook's sheets, so ``tdkt ghi-so --mau-danh-sach`` writes
a ready-to-fill copy and reading it reports every problem with its cell."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..glossary import RecipientKind
from ..problems import Location, Problem, Severity, errors
from ..read.records import Cells, cell_field
from ..read.schema import ADDRESSES, Column, Layout, Sheet, ValueType
from ..read.workbook import read_workbook
from ..rules.collation import match_key
from . import PAST_AWARDS_TITLE
from .model import AwardRow, SignedDecision, issuer_key, number_key


@dataclass(frozen=True)
class PastAward:
    issuer: str
    number: str
    signed: dt.date | None
    signer: str
    form: str
    kind: RecipientKind
    address: str
    name: str
    position: str
    workplace: str
    birth_year: int | None
    cccd: str
    achievement: str
    amount: int | None
    unit: str
    rows: tuple[int, ...] = ()
    cells: Cells = cell_field()


PAST_AWARDS = Sheet(
    key="past_awards",
    title=PAST_AWARDS_TITLE,
    layout=Layout.TABLE,
    record=PastAward,
    help="Mỗi dòng một tập thể, cá nhân hoặc hộ gia đình đã được khen thưởng trong các năm trước; các dòng cùng "
         "cơ quan, số và ngày quyết định là một quyết định.",
    columns=(
        Column("issuer", "Cơ quan ban hành", required=True, width=30, example="UBND tỉnh Bắc Ninh",
               help="Cơ quan ban hành quyết định, ví dụ UBND tỉnh Bắc Ninh, Sở Giáo dục và Đào tạo."),
        Column("number", "Số quyết định", required=True, width=16, example="125/QĐ-UBND",
               help="Số, ký hiệu của quyết định."),
        Column("signed", "Ngày quyết định", ValueType.DATE, required=True, width=14, example=dt.date(2022, 12, 20),
               help="Ngày ký quyết định."),
        Column("signer", "Người ký", width=22, example="", help="Họ tên người ký (không bắt buộc)."),
        Column("form", "Hình thức khen thưởng", required=True, width=34, example="Chiến sĩ thi đua cơ sở",
               help="Hình thức hoặc danh hiệu, ví dụ Bằng khen của Chủ tịch UBND tỉnh, Chiến sĩ thi đua cơ sở."),
        Column("kind", "Loại", required=True, choices=RecipientKind, width=13, example="Cá nhân",
               help="Tập thể, Cá nhân hoặc Hộ gia đình."),
        Column("address", "Ông/Bà", choices=ADDRESSES, width=8, example="Ông", help="Với cá nhân, chủ hộ."),
        Column("name", "Họ tên / Tên tập thể", required=True, width=28, example="Nguyễn Văn An",
               help="Họ và tên cá nhân, chủ hộ, hoặc tên tập thể."),
        Column("position", "Chức vụ", width=24, example="", help="Chức vụ khi được khen."),
        Column("workplace", "Đơn vị công tác", width=30, example="Sở Nội vụ",
               help="Đơn vị khi được khen; với tập thể là đơn vị cấp trên."),
        Column("birth_year", "Năm sinh", ValueType.YEAR, width=10, example=None, help="Không bắt buộc."),
        Column("cccd", "Số CCCD", width=16, example="", help="Không bắt buộc."),
        Column("achievement", "Thành tích", width=50, example="Đã hoàn thành xuất sắc nhiệm vụ năm 2022",
               help="Nội dung thành tích như ghi trong quyết định."),
        Column("amount", "Số tiền (đồng)", ValueType.INT, width=14, minimum=0, example=None,
               help="Tiền thưởng kèm theo, nếu có."),
        Column("unit", "Đơn vị trình", width=28, example="", help="Đơn vị đã đề nghị (không bắt buộc)."),
    ),
)


def read_past_awards(path: Path) -> list[SignedDecision]:
    """The decisions in a list of past awards; UserError listing every problem of the list."""
    data = read_workbook(Path(path), (PAST_AWARDS,))
    rows: list[PastAward] = data.all(PAST_AWARDS.key)
    problems = list(data.problems)
    groups: dict[tuple, list[PastAward]] = {}
    for row in rows:
        groups.setdefault((issuer_key(row.issuer), number_key(row.number), row.signed), []).append(row)
    for members in groups.values():
        forms = {match_key(m.form) for m in members}
        if len(forms) > 1:
            problems.append(Problem(
                Severity.ERROR, "so_theo_doi.nhieu_hinh_thuc",
                f"Quyết định số {members[0].number} có nhiều hình thức khác nhau ở các dòng "
                f"{', '.join(str(m.rows[0]) for m in members)}; một quyết định một hình thức.",
                Location(PAST_AWARDS.title, column=PAST_AWARDS.column("form").header)))
    found = errors(problems)
    if found:
        raise UserError(f'Danh sách "{path.name}" có {len(found)} lỗi, chưa ghi gì vào sổ theo dõi:\n'
                        + "\n".join(f"  {p}" for p in found))
    return [_decision(members, path.name) for members in groups.values()]


def _decision(members: list[PastAward], source: str) -> SignedDecision:
    first = members[0]
    return SignedDecision(
        issuer=first.issuer, number=first.number, signed=first.signed, form=first.form, signer=first.signer,
        source=source, awards=tuple(AwardRow(
            kind=m.kind, name=m.name, address=m.address, position=m.position, unit=m.workplace,
            proposing_unit=m.unit, birth_year=m.birth_year, cccd=m.cccd, achievement=m.achievement.rstrip(" .;"),
            amount=m.amount or 0, source=source, row=m.rows[0]) for m in members))
