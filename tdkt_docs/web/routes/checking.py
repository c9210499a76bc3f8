"""Check: every problem of the open workbook (``build.prepare``, as ``tdkt check``), filtered and sorted."""
from __future__ import annotations

import re

from starlette.requests import Request
from starlette.routing import Route

from ...build import TEMPLATES, prepare, template_trials
from ...problems import Problem, Severity, summary
from ..pages import Step, case_of, page
from ..workspace import Case, Checked

STEP = Step("Kiểm tra sổ", "kiem_tra", per_workbook=True)
SEVERITIES = {"loi": Severity.ERROR, "canh-bao": Severity.WARNING}
_CELL = re.compile(r"([A-Z]+)(\d+)")


def checked(case: Case, settings) -> Checked:
    """The check of the workbook as it is now; done again only when the file changed."""
    stamp = (case.stamp(), _templates_stamp(settings))
    if case.checked is None or case.checked.stamp != stamp:
        prepared = prepare(case.workbook, settings)
        composition = prepared.composition
        templates = [] if prepared.errors else template_trials(prepared, settings)
        case.checked = Checked(stamp, prepared.problems, list(composition.skipped), len(composition.documents),
                               templates)
    return case.checked


def _templates_stamp(settings) -> tuple:
    """The templates as they are now (the office's in its mau/ folder may be edited while the page is open): the
    check tries them."""
    paths = [settings.template(name) for name in TEMPLATES]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths)


def cell_key(cell: str) -> tuple[int, int]:
    """Row first, then column: B7 before A8, AA2 after Z2."""
    found = _CELL.fullmatch(cell or "")
    if not found:
        return (0, 0)
    letters, row = found.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return (int(row), column)


SORTS = {
    "muc": lambda p: not p.is_error,
    "trang": lambda p: (p.location.sheet, cell_key(p.location.cell)),
    "o": lambda p: cell_key(p.location.cell),
    "cot": lambda p: p.location.column,
}


def shown(problems: list[Problem], sheet: str, severity: str, order: str) -> list[Problem]:
    kept = [p for p in problems if (not sheet or p.location.sheet == sheet)
            and (severity not in SEVERITIES or p.severity is SEVERITIES[severity])]
    return sorted(kept, key=SORTS[order]) if order in SORTS else kept


def check_page(request: Request):
    case = case_of(request)
    result = checked(case, request.app.state.settings)
    query = request.query_params
    sheet, severity, order = query.get("trang", ""), query.get("muc", ""), query.get("xep", "")
    sheets = sorted({p.location.sheet for p in result.problems if p.location.sheet})
    return page(request, "kiem_tra.html", case=case, result=result, summary=summary(result.problems),
                errors=sum(p.is_error for p in result.problems),
                problems=shown(result.problems, sheet, severity, order), sheets=sheets,
                sheet=sheet, severity=severity, order=order)


ROUTES = [Route("/so/{case}/kiem-tra", check_page, name="kiem_tra")]
