"""Checks across rows and against the dated rules: a nomination must make a lawful decision."""
from __future__ import annotations

from openpyxl.utils import get_column_letter

from ..files import slug
from ..rules.collation import match_key
from ..rules.dates import short_date
from ..rules.legal import RuleError, coefficient, find_form, legal_basis_on
from ..rules.money import base_salary_on
from .problems import ERROR, WARNING, Problem
from .records import Batch, Nomination
from .schema import BATCHES, NOMINATIONS, Sheet
from .workbook import WorkbookData

PERSON, COLLECTIVE = "Cá nhân", "Tập thể"


def validate(data: WorkbookData) -> list[Problem]:
    """Problems no single cell shows; appended to ``data.problems`` by the caller."""
    batches = {match_key(b.name): b for b in data.all(BATCHES.key)}
    problems = _batch_problems(data.all(BATCHES.key))
    # A batch row with its own error is missing from ``batches``: do not blame its nominations too.
    batches_complete = not any(p.is_error and p.sheet == BATCHES.title for p in data.problems + problems)
    seen: dict[tuple, int] = {}
    dates: dict[tuple, tuple] = {}
    for nomination in data.all(NOMINATIONS.key):
        problems += _nomination_problems(nomination, batches, seen, batches_complete)
        problems += _submission_date_problems(nomination, batches, dates)
        problems += _name_case_problems(nomination)
    return list(dict.fromkeys(problems))  # a batch's date problem is reported once


def _cell(sheet: Sheet, key: str, row: int) -> tuple[str, str]:
    index = next(i for i, c in enumerate(sheet.columns, start=1) if c.key == key)
    return f"{get_column_letter(index)}{row}", sheet.column(key).header


def _problem(sheet: Sheet, key: str, row: int, message: str) -> Problem:
    cell, header = _cell(sheet, key, row)
    return Problem(ERROR, sheet.title, message, cell=cell, column=header)


def _batch_problems(batches: list[Batch]) -> list[Problem]:
    problems = []
    names: dict[str, int] = {}
    folders: dict[str, int] = {}
    for batch in batches:
        row = batch.rows[0]
        if batch.signing and batch.submission_date and batch.submission_date > batch.signing:
            problems.append(_problem(BATCHES, "submission_date", row,
                                     f"ngày tờ trình Sở Nội vụ {short_date(batch.submission_date)} sau ngày ký dự "
                                     f"kiến {short_date(batch.signing)}."))
        key, folder = match_key(batch.name), slug(batch.name)
        if key in names:
            problems.append(_problem(BATCHES, "name", row, f'đợt "{batch.name}" đã có ở dòng {names[key]}.'))
        elif folder in folders:
            problems.append(_problem(BATCHES, "name", row,
                                     f'đợt "{batch.name}" và đợt ở dòng {folders[folder]} cùng ra thư mục "{folder}"; '
                                     "hãy đặt tên đợt khác hẳn nhau."))
        names.setdefault(key, row)
        folders.setdefault(folder, row)
        if batch.signing is not None:
            for rule in (base_salary_on, legal_basis_on):
                try:
                    rule(batch.signing)
                except RuleError as exc:
                    problems.append(_problem(BATCHES, "signing", row, f'đợt "{batch.name}": {exc}'))
    return problems


def _submission_date_problems(n: Nomination, batches: dict[str, Batch], dates: dict[tuple, tuple]) -> list[Problem]:
    """One tờ trình has one date, and it comes before the decision is signed."""
    row, problems = n.rows[0], []
    key = (match_key(n.unit), match_key(n.submission_no))
    first_date, first_row = dates.setdefault(key, (n.submission_date, row))
    if n.submission_date != first_date:
        problems.append(_problem(NOMINATIONS, "submission_date", row,
                                 f"Tờ trình số {n.submission_no} của {n.unit} đã ghi ngày "
                                 f"{short_date(first_date)} ở dòng {first_row}; một tờ trình chỉ có một ngày."))
    batch = batches.get(match_key(n.batch))
    if batch and batch.signing and n.submission_date and n.submission_date > batch.signing:
        problems.append(_problem(NOMINATIONS, "submission_date", row,
                                 f"ngày tờ trình {short_date(n.submission_date)} sau ngày ký dự kiến "
                                 f"{short_date(batch.signing)} của đợt \"{batch.name}\"."))
    return problems


def _name_case_problems(n: Nomination) -> list[Problem]:
    """Names print exactly as typed: say so when the capitals look wrong."""
    words = n.name.split()
    if n.kind != COLLECTIVE and any(w[:1].islower() for w in words):
        message = f'họ tên "{n.name}" có chữ đầu chưa viết hoa; văn bản in đúng như đã gõ.'
    elif len(words) > 2 and n.name == n.name.upper() and any(c.isalpha() for c in n.name):
        message = f'tên "{n.name}" viết toàn chữ in hoa; danh sách kèm theo in đúng như đã gõ.'
    else:
        return []
    cell, header = _cell(NOMINATIONS, "name", n.rows[0])
    return [Problem(WARNING, NOMINATIONS.title, message, cell=cell, column=header)]


def _nomination_problems(n: Nomination, batches: dict[str, Batch], seen: dict[tuple, int],
                         batches_complete: bool) -> list[Problem]:
    row = n.rows[0]
    problems = []
    batch = batches.get(match_key(n.batch))
    if batch is None and batches_complete:
        problems.append(_problem(NOMINATIONS, "batch", row,
                                 f'đợt "{n.batch}" không có trong trang "{BATCHES.title}"; '
                                 "hãy thêm đợt đó hoặc sửa tên đợt cho khớp."))
    if n.kind == PERSON and not n.address:
        problems.append(_problem(NOMINATIONS, "address", row,
                                 f'thiếu Ông/Bà cho cá nhân "{n.name}"; danh sách kèm theo ghi "Ông …" hoặc "Bà …".'))
    form = find_form(n.form)
    if form is None:
        problems.append(_problem(NOMINATIONS, "form", row,
                                 f'"{n.form}" không phải hình thức khen thưởng do Chủ tịch UBND tỉnh quyết định; '
                                 "hãy chọn trong danh sách của cột này."))
        return problems
    if n.kind not in form.kinds:
        allowed = ", ".join(k.lower() for k in form.kinds)
        problems.append(_problem(NOMINATIONS, "form", row,
                                 f'{form.name} không tặng cho {n.kind.lower()} (chỉ tặng cho: {allowed}).'))
        return problems
    if batch is not None and batch.signing is not None:
        try:
            coefficient(form, n.kind, batch.signing)
        except RuleError as exc:
            problems.append(_problem(BATCHES, "signing", batch.rows[0], f'đợt "{batch.name}": {exc}'))
        year = batch.signing.year
        key = (n.kind, match_key(n.name), match_key(n.workplace), form.key, year)
        if key in seen:
            problems.append(_problem(NOMINATIONS, "name", row,
                                     f'trùng với đề nghị ở dòng {seen[key]}: cùng {n.kind.lower()} "{n.name}", '
                                     f"cùng hình thức, cùng năm {year}."))
        seen.setdefault(key, row)
    return problems
