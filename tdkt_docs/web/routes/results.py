"""Results: the last build's files by batch, a PDF previewed in the page, downloads and a zip per batch."""
from __future__ import annotations

from pathlib import PurePosixPath

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from ...files import write_zip
from ..pages import Step, case_of, page
from ..workspace import GENERAL, NotServed, groups

STEP = Step("Kết quả", "ket_qua", per_workbook=True)
MEDIA = {".pdf": "application/pdf",
         ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def results_page(request: Request):
    case = case_of(request)
    entries = case.entries()
    preview = request.query_params.get("xem", "")
    if preview and (preview not in entries or not preview.endswith(".pdf")):
        raise NotServed("Không có bản PDF này trong kết quả của sổ đang mở.")
    return page(request, "ket_qua.html", case=case, groups=groups(entries), preview=preview)


def download(request: Request):
    case = case_of(request)
    path = request.path_params["path"]
    target = case.output(path)
    inline = request.query_params.get("xem") == "1" and target.suffix == ".pdf"
    return FileResponse(target, media_type=MEDIA.get(target.suffix, "application/octet-stream"),
                        filename=PurePosixPath(path).name,
                        content_disposition_type="inline" if inline else "attachment")


def batch_zip(request: Request):
    case = case_of(request)
    key = request.query_params.get("dot", GENERAL)
    group = next((g for g in groups(case.entries()) if g.key == key), None)
    if group is None:
        raise NotServed("Không có đợt này trong kết quả của sổ đang mở.")
    data = write_zip((path, case.output(path).read_bytes()) for path in group.paths)
    name = f"{key or 'van-ban-chung'}.zip"
    return Response(data, media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


ROUTES = [Route("/so/{case}/ket-qua", results_page, name="ket_qua"),
          Route("/so/{case}/tep/{path:path}", download, name="tep"),
          Route("/so/{case}/zip", batch_zip, name="zip")]
