"""Serving the application: a socket bound here (a busy port is a message), uvicorn on it."""
from __future__ import annotations

import errno
import socket

import uvicorn

from ..errors import UserError

LOCAL = ("127.0.0.1", "localhost", "::1")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UserError(f"Cổng {port} đang được chương trình khác dùng; hãy chọn cổng khác, "
                            f"ví dụ: tdkt web --port {port + 1}") from None
        raise UserError(f'Không mở được trang web trên địa chỉ "{host}", cổng {port}.') from None
    sock.listen(64)
    return sock


def server(app) -> uvicorn.Server:
    """A quiet uvicorn server: no access log, only warnings."""
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))


def address(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
