"""Certificates: Bằng khen and Giấy khen of the open workbook's signed decisions (``tdkt in-bang SỔ.xlsx``),
one PDF per decision, downloaded one by one or together."""
from __future__ import annotations

from pathlib import PurePosixPath

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from ...certificate import run
from ...certificate.layout import layout_keys
from ...errors import UserError
from ...files import write_zip
from ..pages import Step, case_of, page
from ..security import posted_form
from ..workspace import Case, NotServed

STEP = Step("In bằng khen", "in_bang", per_workbook=True)
DRAFT_BOX = ('Muốn in bản nháp: đánh dấu ô "In cả quyết định chưa có số thành bản nháp" rồi bấm '
             '"In bằng khen, giấy khen".')


def on_the_page(message: str) -> str:
    """A message of ``tdkt in-bang`` as this page says it: its ``--nhap`` is the form's draft box."""
    return message.replace(run.DRAFT_HINT, DRAFT_BOX)


def certificates_page(request: Request):
    return _page(request, case_of(request), layout_keys(request.app.state.settings), None)


async def print_certificates(request: Request):
    form = await posted_form(request)
    case, settings = case_of(request), request.app.state.settings
    layouts, layout = layout_keys(settings), form.get("phoi") or None
    if layout is not None and layout not in layouts:
        raise UserError(f'Không có bố cục phôi "{layout}": hãy chọn một bố cục trong danh sách.')
    options = run.Options(outdir=case.certificates, draft=form.get("nhap") == "1", form=layout)
    try:
        printed = await run_in_threadpool(_print, case, options, settings)
    except UserError as exc:  # nothing printed: the message above the form, to change a choice and print again
        return _page(request, case, layouts, None, layout, options.draft, error=on_the_page(str(exc)))
    printed.notes = [on_the_page(note) for note in printed.notes]
    return _page(request, case, layouts, printed, layout, options.draft)


def _page(request: Request, case: Case, layouts: list[str], printed: run.Printed | None, layout: str | None = None,
          draft: bool = False, error: str = ""):
    """The page, offering ``layouts``, every layout the search path has (``tdkt in-bang --phoi``)."""
    return page(request, "in_bang.html", status=400 if error else 200, case=case, printed=printed, layouts=layouts,
                layout=layout, draft=draft, error=error)


def _print(case: Case, options: run.Options, settings) -> run.Printed:
    if case.busy:
        raise UserError(f'Đang tạo văn bản từ sổ "{case.name}"; chờ xong rồi in.')
    printed = run.print_workbook(case.workbook, options, settings)
    case.printed = {path.relative_to(case.certificates).as_posix(): pages for path, pages in printed.written}
    return printed


def _printed(case: Case, name: str):
    """A PDF of the last print, by its path under the certificates folder; anything else is refused."""
    target = case.certificates / name
    if name not in case.printed or not target.is_file():
        raise NotServed("Không có tệp này trong lần in bằng khen gần nhất của sổ đang mở.")
    return target


def download(request: Request):
    case = case_of(request)
    name = request.path_params["name"]
    return FileResponse(_printed(case, name), media_type="application/pdf", filename=PurePosixPath(name).name)


def all_pdfs(request: Request):
    case = case_of(request)
    if not case.printed:
        raise NotServed("Chưa in bằng khen, giấy khen nào từ sổ đang mở.")
    data = write_zip((name, _printed(case, name).read_bytes()) for name in sorted(case.printed))
    return Response(data, media_type="application/zip",
                    headers={"content-disposition": 'attachment; filename="in-bang.zip"'})


ROUTES = [Route("/so/{case}/in-bang", certificates_page, name="in_bang"),
          Route("/so/{case}/in-bang", print_certificates, methods=["POST"], name="in_bang_gui"),
          Route("/so/{case}/in-bang.zip", all_pdfs, name="in_bang_zip"),
          Route("/so/{case}/in-bang/{name:path}", download, name="in_bang_tep")]
