"""Safe by default: local hosts only (or an access token on the network), same-origin forms with a
CSRF token, a size limit on what is sent, and headers that keep the pages out of other sites."""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from ..errors import UserError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
TOKEN_COOKIE = "tdkt_token"
CSRF_FIELD = "csrf"
MAX_UPLOAD = 20 * 1024 * 1024
HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; frame-ancestors 'self'; object-src 'self'; base-uri 'none'; form-action 'self'"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


@dataclass(frozen=True)
class Policy:
    """``token`` set: served on the network, every request carries it (query once, then a cookie);
    unset: only requests addressed to this machine's local names are answered."""

    csrf: str
    token: str | None = None
    hosts: tuple[str, ...] = LOCAL_HOSTS
    max_upload: int = MAX_UPLOAD


def refusal(message: str, status: int) -> HTMLResponse:
    """A short Vietnamese page for a request refused before it reaches the application."""
    return HTMLResponse(f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không thực hiện</title>'
                        f"<p>{message}</p></html>", status_code=status)


class TooLarge(UserError):
    def __init__(self, limit: int):
        super().__init__(f"Tệp gửi lên quá lớn (tối đa {limit // (1024 * 1024)} MB).")


class Guard:
    """ASGI middleware applying a ``Policy`` to every HTTP request."""

    def __init__(self, app, policy: Policy):
        self.app = app
        self.policy = policy

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        refused = self._refuse(request)
        if refused is not None:
            return await refused(scope, receive, send)
        if self.policy.token and request.query_params.get("token"):
            # the link with the token was opened: keep it in a cookie and drop it from the address bar
            response = RedirectResponse(str(request.url.remove_query_params("token")), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.policy.token, httponly=True, samesite="strict")
            return await response(scope, receive, send)
        await self.app(scope, self._limited(receive), self._with_headers(send))

    def _refuse(self, request: Request) -> HTMLResponse | None:
        policy = self.policy
        if policy.token is None and _hostname(request.headers.get("host", "")) not in policy.hosts:
            return refusal("Trang chỉ phục vụ trên máy này (127.0.0.1).", 403)
        if policy.token is not None:
            given = request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
            if not hmac.compare_digest(given.encode(), policy.token.encode()):
                return refusal("Cần mã truy cập: hãy mở đúng đường dẫn có mã mà lệnh tdkt web đã in ra.", 403)
        if request.method not in ("GET", "HEAD") and not same_origin(request):
            return refusal("Từ chối yêu cầu gửi từ trang web khác.", 403)
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > policy.max_upload:
            return refusal(str(TooLarge(policy.max_upload)), 413)
        return None

    def _limited(self, receive):
        limit, seen = self.policy.max_upload, 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge(limit)
            return message
        return limited

    @staticmethod
    def _with_headers(send):
        async def sending(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)
        return sending


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if ":" in host else host


def same_origin(request: Request) -> bool:
    """Origin (or, without it, Referer) names this server; browsers send one of them with every form."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return request.headers.get("sec-fetch-site", "same-origin") in ("same-origin", "none")
    parts = urlsplit(source)
    return (parts.scheme, parts.netloc) == (request.url.scheme, request.headers.get("host", ""))


async def posted_form(request: Request, max_files: int = 1) -> FormData:
    """The form of a POST, refused unless it carries this run's CSRF token."""
    form = await request.form(max_files=max_files, max_fields=20)
    policy: Policy = request.app.state.policy
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not hmac.compare_digest(given.encode(), policy.csrf.encode()):
        raise UserError("Biểu mẫu đã hết hạn hoặc không gửi từ trang này; hãy tải lại trang rồi làm lại.")
    return form
