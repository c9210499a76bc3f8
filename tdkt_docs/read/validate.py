"""Checks across rows that no single cell shows (the dated rules are checked in rules/awards.py)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..files import clashes, slug
from ..glossary import RecipientKind, person_of, rank_of
from ..problems import Location, Problem, Severity
from ..rules.collation import match_key, number_key, one_apart
from ..rules.dates import short_date
from .records import Agency, Batch, Nomination
from .schema import AGENCY, BATCHES, NOMINATIONS, Sheet
from .workbook import WorkbookData


def record_problem(sheet: Sheet, record, key: str, code: str, message: str,
                   severity: Severity = Severity.ERROR) -> Problem:
    """A problem at the cell ``record``'s value ``key`` was read from."""
    return Problem(severity, code, message, Location(sheet.title, record.cells.get(key, ""), sheet.column(key).header))


CODE = re.compile(r"^[A-ZĐ0-9&]+(?:-[A-ZĐ0-9&]+)*$")
PLACE = re.compile(r"^[^\W\d_][\w .'-]*[^\W\d_.]$")


def validate(data: WorkbookData) -> list[Problem]:
    """Problems across rows and of shape; appended to ``data.problems`` by the caller."""
    batches = {match_key(b.name): b for b in data.all(BATCHES.key)}
    problems = _agency_problems(data.one(AGENCY.key)) + _batch_problems(data.all(BATCHES.key))
    nominations = data.all(NOMINATIONS.key)
    keys = [(match_key(n.unit), number_key(n.submission_no)) for n in nominations]  # each row's tờ trình
    dates = _usual_dates(nominations, keys)
    numbers: dict[str, dict[str, int]] = {}  # unit key → its tờ trình number keys → first row
    for nomination, key in zip(nominations, keys):
        problems += _submission_date_problems(nomination, key, batches, dates, numbers)
        problems += _name_problems(nomination)
    return problems


def _usual_dates(nominations: list[Nomination], keys: list[tuple]) -> dict[tuple, tuple]:
    """Each tờ trình's date as most of its rows give it (as the first does, when as many give another), with the
    first row that gives it: a row that differs is the one to blame."""
    counts: dict[tuple, Counter] = defaultdict(Counter)
    first: dict[tuple, int] = {}
    for nomination, key in zip(nominations, keys):
        counts[key][nomination.submission_date] += 1
        first.setdefault((key, nomination.submission_date), nomination.rows[0])
    usual = {key: dated.most_common(1)[0][0] for key, dated in counts.items()}
    return {key: (date, first[key, date]) for key, date in usual.items()}


def _agency_problems(agency: Agency | None) -> list[Problem]:
    """Fields printed where NĐ 30 fixes the form: blamed on their cell here, not on the template later."""
    if agency is None:
        return []
    problems = []
    if not CODE.match(agency.code):
        problems.append(record_problem(AGENCY, agency, "code", "co_quan.chu_viet_tat",
                                       f'"{agency.code}" không dùng được trong ký hiệu văn bản (ví dụ QĐ-UBND): chỉ '
                                       "gồm chữ in hoa, chữ số, dấu gạch nối, không có dấu cách, ví dụ UBND, SGDĐT."))
    if not PLACE.match(agency.place):
        problems.append(record_problem(AGENCY, agency, "place", "co_quan.dia_danh",
                                       f'địa danh "{agency.place}" in trước ngày tháng ("{agency.place}, ngày …"): chỉ '
                                       "ghi tên địa danh, không thêm dấu phẩy, dấu chấm hay chữ số."))
    return problems


def _batch_problems(batches: list[Batch]) -> list[Problem]:
    problems = [record_problem(BATCHES, batch, "submission_date", "ngay.sau_ngay_ky",
                               f"ngày tờ trình thẩm định {short_date(batch.submission_date)} sau ngày "
                               f"ký dự kiến {short_date(batch.signing)}.")
                for batch in batches
                if batch.signing and batch.submission_date and batch.submission_date > batch.signing]
    for first, later in clashes((slug(batch.name), batch) for batch in batches):
        if match_key(first.name) == match_key(later.name):
            problems.append(record_problem(BATCHES, later, "name", "dot.trung",
                                           f'đợt "{later.name}" đã có ở dòng {first.rows[0]}.'))
        else:
            problems.append(record_problem(BATCHES, later, "name", "dot.trung_thu_muc",
                                           f'đợt "{later.name}" và đợt ở dòng {first.rows[0]} cùng ra thư mục '
                                           f'"{slug(later.name)}"; hãy đặt tên đợt khác hẳn nhau.'))
    return problems


def _submission_date_problems(n: Nomination, key: tuple, batches: dict[str, Batch], dates: dict[tuple, tuple],
                              numbers: dict[str, dict[str, int]]) -> list[Problem]:
    """One tờ trình (``key``) has one date (``dates``: ``_usual_dates``), and it comes before the decision is
    signed."""
    problems = []
    unit_numbers = numbers.setdefault(key[0], {})
    near = None if key[1] in unit_numbers else \
        next(((other, row) for other, row in unit_numbers.items() if one_apart(other, key[1])), None)
    unit_numbers.setdefault(key[1], n.rows[0])
    if near:
        problems.append(record_problem(NOMINATIONS, n, "submission_no", "to_trinh.gan_giong",
                                       f'số tờ trình "{n.submission_no}" của {n.unit} chỉ khác một ký tự so với tờ '
                                       f"trình ở dòng {near[1]}: nếu là một tờ trình, hãy sửa cho giống hệt nhau, "
                                       "nếu không sẽ thành hai quyết định.", Severity.WARNING))
    usual_date, usual_row = dates[key]
    if n.submission_date != usual_date:
        problems.append(record_problem(NOMINATIONS, n, "submission_date", "to_trinh.hai_ngay",
                                       f"Tờ trình số {n.submission_no} của {n.unit} đã ghi ngày "
                                       f"{short_date(usual_date)} ở dòng {usual_row}; một tờ trình chỉ có một ngày."))
    batch = batches.get(match_key(n.batch))
    if batch and batch.signing and n.submission_date and n.submission_date > batch.signing:
        problems.append(record_problem(NOMINATIONS, n, "submission_date", "ngay.sau_ngay_ky",
                                       f"ngày tờ trình {short_date(n.submission_date)} sau ngày ký dự kiến "
                                       f"{short_date(batch.signing)} của đợt \"{batch.name}\"."))
    return problems


def address_issue(kind: RecipientKind | None, address: str, name: str, rank: str = "") -> str:
    """What a person's line in the attached list lacks (Ông/Bà, or a rank in its column or before the name),
    without a final period; "" when nothing."""
    if kind is RecipientKind.INDIVIDUAL and not (address or rank or rank_of(name)):
        return (f'thiếu Ông/Bà cho cá nhân "{name}"; danh sách kèm theo ghi "Ông …" hoặc "Bà …" (lực lượng vũ '
                'trang: ghi cấp bậc ở cột "Cấp bậc, quân hàm")')
    return ""


def _name_problems(n: Nomination) -> list[Problem]:
    """A person needs Ông/Bà (or a rank); names print exactly as typed, so say when the capitals look wrong,
    or when the workplace repeats the end of the position ("Phó Giám đốc Sở Y tế, Sở Y tế")."""
    problems = []
    if (missing := address_issue(n.kind, n.address, n.name, n.rank)):
        problems.append(record_problem(NOMINATIONS, n, "address", "ca_nhan.ong_ba", f"{missing}."))
    if n.workplace and n.position and match_key(n.position).endswith(match_key(n.workplace)):
        problems.append(record_problem(NOMINATIONS, n, "workplace", "don_vi.lap",
                                       f'"{n.workplace}" đã có ở cuối chức vụ "{n.position}"; danh sách sẽ in hai '
                                       "lần. Hãy bỏ đơn vị ở một trong hai cột.", Severity.WARNING))
    words = person_of(n.name).split()
    if n.kind is not RecipientKind.COLLECTIVE and any(w[:1].islower() for w in words):
        message = f'họ tên "{n.name}" có chữ đầu chưa viết hoa; văn bản in đúng như đã gõ.'
    elif len(words) > 2 and n.name == n.name.upper() and any(c.isalpha() for c in n.name):
        message = f'tên "{n.name}" viết toàn chữ in hoa; danh sách kèm theo in đúng như đã gõ.'
    else:
        return problems
    return problems + [record_problem(NOMINATIONS, n, "name", "ten.chu_hoa", message, Severity.WARNING)]
