"""What every route module shares: its navigation entry, page rendering, error pages."""
from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..errors import UserError
from .security import CSRF_FIELD
from .workspace import Case, visit


@dataclass(frozen=True)
class Step:
    """An entry of the navigation: a page of the workflow. ``per_workbook`` pages act on the open workbook."""

    label: str
    route: str
    per_workbook: bool = False


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    """Render a page with what every page shows: the steps, the open workbooks, the CSRF field."""
    state = request.app.state
    recent = state.workspace.recent()
    current = context.pop("case", None)
    if current is not None:  # a page of this workbook: the steps of the other pages act on it from now on
        current.seen = visit()
    current = current or state.workspace.current()
    return state.templates.TemplateResponse(request, name, {
        "steps": state.steps, "case": current, "recent": recent, "csrf_field": CSRF_FIELD,
        "csrf": state.policy.csrf, "this": request.scope.get("route").name if request.scope.get("route") else "",
        **context}, status_code=status)


def case_of(request: Request) -> Case:
    return request.app.state.workspace.get(request.path_params["case"])


async def user_error(request: Request, exc: UserError) -> HTMLResponse:
    return page(request, "loi.html", status=getattr(exc, "status", 400), message=str(exc))


async def not_found(request: Request, exc) -> HTMLResponse:
    return page(request, "loi.html", status=404, message="Không có trang này.")


async def unexpected(request: Request, exc: Exception) -> HTMLResponse:
    from ..cli import write_crash_log

    return page(request, "loi.html", status=500,
                message=f"Lỗi không mong đợi trong chương trình. {write_crash_log()}")
