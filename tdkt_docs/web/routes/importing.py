"""Import: the units' files (unit workbooks, Excel lists, Word lists) into the open workbook, as ``tdkt nhap``,
with the report of each file; the workbook as it now is can be downloaded."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import Route

from ...errors import UserError
from ...importing import Defaults, import_files
from ...importing.run import Asking, describe
from ...read import cells
from ...read.schema import NOMINATIONS
from ...rules.book import Rules
from ..pages import Step, case_of, page
from ..security import posted_form
from ..workspace import Case

STEP = Step("Nhập danh sách", "nhap", per_workbook=True)
MAX_FILES = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ON_THE_PAGE = Asking({"batch": 'ô "Đợt khen thưởng"', "unit": 'ô "Đơn vị trình"', "submission_no": 'ô "Số tờ trình"',
                      "submission_date": 'ô "Ngày tờ trình"', "form": 'ô "Hình thức khen thưởng"',
                      "achievement": 'ô "Thành tích"'}, options=False, again='rồi bấm "Nhập vào sổ" lại')
"""What the import asks for, as this page's form asks it."""


def import_page(request: Request):
    case = case_of(request)
    return _page(request, case, Rules(request.app.state.settings), {}, None)


def _page(request: Request, case: Case, rules: Rules, given: dict, result, error: str = ""):
    return page(request, "nhap.html", status=400 if error else 200, case=case, forms=rules.catalogue.names(),
                given=given, result=result, error=error, describe=describe, nominations=NOMINATIONS.title)


def defaults_of(form: FormData) -> Defaults:
    """The fields of the form, as ``tdkt nhap``'s options; what is missing is asked for as the form's fields."""
    def field(name: str) -> str:
        value = form.get(name)
        return value.strip() if isinstance(value, str) else ""

    day = field("ngay")
    try:
        submission_date = cells.as_date(day) if day else None
    except cells.CellError as exc:
        raise UserError(f"Ngày tờ trình: {exc}.") from None
    return Defaults(batch=field("dot"), unit=field("don_vi"), submission_no=field("so_to_trinh"),
                    submission_date=submission_date, form=field("hinh_thuc"), achievement=field("thanh_tich"),
                    asking=ON_THE_PAGE)


async def uploads(form: FormData, folder: Path) -> list[Path]:
    """The files sent, saved in ``folder`` under their own names (the report names them)."""
    paths: list[Path] = []
    for sent in form.getlist("tep"):
        if not isinstance(sent, UploadFile) or not sent.filename:
            continue
        name = PurePosixPath(sent.filename.replace("\\", "/")).name
        target = folder / str(len(paths)) / name
        target.parent.mkdir()
        target.write_bytes(await sent.read())
        await sent.close()
        paths.append(target)
    if not paths:
        raise UserError('Chưa chọn tệp nào: hãy bấm "Chọn tệp" rồi chọn các danh sách của đơn vị '
                        "(sổ đề nghị, danh sách Excel, danh sách Word).")
    return paths


async def run_import(request: Request):
    form = await posted_form(request, max_files=MAX_FILES)
    case = case_of(request)
    rules = Rules(request.app.state.settings)
    given = {k: v for k, v in form.items() if isinstance(v, str)}
    folder = Path(tempfile.mkdtemp(dir=request.app.state.workspace.scratch()))
    try:
        defaults = defaults_of(form)
        sources = await uploads(form, folder)
        result = await run_in_threadpool(_import, case, sources, rules, defaults)
    except UserError as exc:  # nothing imported: told above the form, its fields kept as they were typed
        return _page(request, case, rules, given, None, error=str(exc))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return _page(request, case, rules, given, result)


def _import(case: Case, sources: list[Path], rules: Rules, defaults: Defaults):
    if case.busy:
        raise UserError(f'Đang tạo văn bản từ sổ "{case.name}"; chờ xong rồi nhập.')
    return import_files(case.workbook, sources, rules, defaults)


def workbook(request: Request):
    case = case_of(request)
    return FileResponse(case.workbook, media_type=XLSX, filename=case.name)


ROUTES = [Route("/so/{case}/nhap", import_page, name="nhap"),
          Route("/so/{case}/nhap", run_import, methods=["POST"], name="nhap_gui"),
          Route("/so/{case}/so-lieu", workbook, name="so_lieu")]
