"""Start: download the workbook to fill, as ``tdkt init`` writes it (optionally for a level)."""
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
    rules = Rules(request.app.state.settings)
    fd, name = tempfile.mkstemp(suffix=".xlsx", dir=request.app.state.workspace.scratch())
    os.close(fd)
    try:
        write_starter_workbook(Path(name), rules, level)
        data = Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)
    filename = f"so-lieu-{key}.xlsx" if level else "so-lieu.xlsx"
    return Response(data, media_type=XLSX, headers={"content-disposition": f'attachment; filename="{filename}"'})


ROUTES = [Route("/", start, name="bat_dau"), Route("/so-mau", starter_workbook, name="so_mau")]
