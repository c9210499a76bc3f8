"""Start: download the workbook to fill, or the units' submission workbook, as ``tdkt init`` writes them
(``--cap``, ``--don-vi``)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ...errors import UserError
from ...glossary import IssuerLevel
from ...read.blank import write_starter_workbook
from ...rules.book import Rules
from ..pages import Step, page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEVELS = {level.key: level for level in IssuerLevel}

STEP = Step("Bắt đầu", "bat_dau")


def start(request: Request):
    return page(request, "bat_dau.html", levels=list(IssuerLevel))


def starter_workbook(request: Request) -> Response:
    key = request.query_params.get("cap", "")
    if key and key not in LEVELS:
        raise UserError(f'Không có cấp ban hành "{key}"; hãy chọn trong danh sách.')
    level = LEVELS.get(key)
    for_unit = request.query_params.get("don-vi") == "1"
    rules = Rules(request.app.state.settings)
    fd, name = tempfile.mkstemp(suffix=".xlsx", dir=request.app.state.workspace.scratch())
    os.close(fd)
    try:
        write_starter_workbook(Path(name), rules, level, for_unit=for_unit)
        data = Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)
    stem = "de-nghi-don-vi" if for_unit else "so-lieu"
    filename = f"{stem}-{key}.xlsx" if level else f"{stem}.xlsx"
    return Response(data, media_type=XLSX, headers={"content-disposition": f'attachment; filename="{filename}"'})


ROUTES = [Route("/", start, name="bat_dau"), Route("/so-mau", starter_workbook, name="so_mau")]
