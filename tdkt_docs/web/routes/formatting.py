"""Format check: any uploaded .docx against NĐ 30 (``check_document``, as ``tdkt check van-ban.docx``)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path, PurePosixPath

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.routing import Route

from ...check.document import check_document
from ...check.rulebook import Rulebook
from ...errors import UserError
from ...problems import summary
from ...rules.book import Rules
from ..pages import Step, page
from ..security import posted_form

STEP = Step("Kiểm tra thể thức", "the_thuc")


def format_page(request: Request):
    return page(request, "the_thuc.html")


async def check_upload(request: Request):
    form = await posted_form(request)
    sent = form.get("van_ban")
    if not isinstance(sent, UploadFile) or not sent.filename:
        raise UserError('Chưa chọn văn bản: hãy bấm "Chọn tệp" rồi chọn tệp Word .docx.')
    name = PurePosixPath(sent.filename.replace("\\", "/")).name
    if Path(name).suffix.lower() not in (".docx", ".doc"):
        raise UserError(f'"{name}" không phải văn bản Word: hãy chọn tệp .docx.')
    data = await sent.read()
    await sent.close()
    folder = Path(tempfile.mkdtemp(dir=request.app.state.workspace.scratch()))
    try:
        sent_file = folder / name  # under its own name: a message about it names the file the user chose
        sent_file.write_bytes(data)
        book = Rulebook(Rules(request.app.state.settings).nd30)
        findings = await run_in_threadpool(check_document, sent_file, book)
    except UserError as exc:  # not a document it can read: told above the form, to choose another
        return page(request, "the_thuc.html", status=400, error=str(exc))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return page(request, "the_thuc.html", document=name, findings=findings, summary=summary(findings))


ROUTES = [Route("/the-thuc", format_page, name="the_thuc"),
          Route("/the-thuc", check_upload, methods=["POST"], name="the_thuc_gui")]
