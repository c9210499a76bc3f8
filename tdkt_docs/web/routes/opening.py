"""Open: upload a workbook (kept in the run's private folder) or pick one opened earlier in this run."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ...errors import UserError
from ..pages import Step, page
from ..security import posted_form

STEP = Step("Mở sổ", "mo")


def open_page(request: Request):
    return page(request, "mo.html")


async def upload(request: Request):
    form = await posted_form(request)
    sent = form.get("so")
    if not isinstance(sent, UploadFile) or not sent.filename:
        raise UserError("Chưa chọn sổ Excel: hãy bấm \"Chọn tệp\" rồi chọn sổ .xlsx.")
    data = await sent.read()
    await sent.close()
    case = await run_in_threadpool(request.app.state.workspace.open, sent.filename, data)
    return RedirectResponse(request.url_for("kiem_tra", case=case.id), status_code=303)


ROUTES = [Route("/mo", open_page, name="mo"), Route("/mo", upload, methods=["POST"], name="mo_gui")]
