"""Build: ``build.build`` in a background thread; the page follows its progress, then shows the summary, with
the two ways out of a conflict (overwrite the hand edit: ``force``; keep it: ``keep_edits``)."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

from ...build import build
from ...errors import UserError
from ..jobs import BuildJob, Summary, start, summarise
from ..pages import Step, case_of, page
from ..security import posted_form

STEP = Step("Tạo văn bản", "tao", per_workbook=True)
QUICK = 1.5  # seconds: a build done by then (a rebuild with nothing changed) is answered with its summary


def build_page(request: Request):
    case = case_of(request)
    return page(request, "tao.html", case=case, job=case.job)


async def start_build(request: Request):
    form = await posted_form(request)
    case = case_of(request)
    if not case.busy:
        settings = request.app.state.settings
        pdf, force, keep_edits = (form.get(name) == "1" for name in ("pdf", "force", "giu_ban_sua"))
        if force and keep_edits:
            raise UserError("Chỉ chọn một trong hai: ghi đè bản sửa tay hoặc giữ bản sửa tay.")

        def run(job: BuildJob) -> Summary:
            result = build(case.workbook, case.outdir, settings, force=force, keep_edits=keep_edits, pdf=pdf,
                           progress=job.progress)
            return summarise(result, case.outdir)
        case.job = start(run, pdf)
        await run_in_threadpool(case.job.ended.wait, QUICK)
    return RedirectResponse(request.url_for("tao", case=case.id), status_code=303)


def progress(request: Request):
    job = case_of(request).job
    return JSONResponse(job.state() if job else {"percent": 0, "label": "", "finished": True, "failed": False})


ROUTES = [Route("/so/{case}/tao", build_page, name="tao"),
          Route("/so/{case}/tao", start_build, methods=["POST"], name="tao_gui"),
          Route("/so/{case}/tao/tien-do", progress, name="tien_do")]
