"""Register: a person's or a collective's awards (as ``tdkt tra-cuu``), and the open workbook's signed
decisions recorded (as ``tdkt ghi-so SỔ.xlsx``), in the register at the server's ``Settings.register_url``."""
from __future__ import annotations

import dataclasses

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.routing import Route

from ...errors import UserError
from ...register.from_workbook import read_signed_workbook
from ...register.history import by_recipient, lookup
from ...register.record import RecordResult, record
from ...register.store import open_register
from ...rules.book import Rules
from ...rules.dates import short_date
from ...settings import Settings
from ..pages import Step, case_of, page
from ..security import posted_form

STEP = Step("Sổ theo dõi", "so_theo_doi")


def location(settings: Settings) -> str:
    if not settings.register_url:
        raise UserError("Trang web chưa được chỉ sổ theo dõi khen thưởng: dừng rồi chạy lại "
                        "tdkt web --so-theo-doi ĐỊA_CHỈ.")
    return settings.register_url


def register_page(request: Request):
    name, unit = (request.query_params.get(key, "").strip() for key in ("ten", "don-vi"))
    found = None
    if name:
        book = open_register(location(request.app.state.settings), create=False)
        if book is None:
            raise UserError("Chưa có sổ theo dõi khen thưởng: hãy ghi quyết định đã ký của một sổ trước.")
        with book:
            found = by_recipient(lookup(book, name, unit))
    return page(request, "so_theo_doi.html", who=name, unit=unit, found=found, recorded=None, short_date=short_date)


async def record_workbook(request: Request):
    await posted_form(request)
    case = case_of(request)
    settings = request.app.state.settings
    recorded, where = await run_in_threadpool(_record, case.workbook, settings)
    return page(request, "so_theo_doi.html", case=case, who="", unit="", found=None, recorded=recorded,
                where=where)


def _record(workbook, settings: Settings) -> tuple[RecordResult, str]:
    """As ``tdkt ghi-so``: the workbook read without the review against the register, all recorded or none."""
    url = location(settings)
    signed = read_signed_workbook(workbook, dataclasses.replace(settings, register_url=None))
    with open_register(url) as book:
        return record(book, signed, Rules(settings).register_forms), book.name


ROUTES = [Route("/so-theo-doi", register_page, name="so_theo_doi"),
          Route("/so/{case}/ghi-so", record_workbook, methods=["POST"], name="ghi_so")]
