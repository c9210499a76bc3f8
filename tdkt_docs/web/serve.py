"""Serving the application: a socket bound here (a busy port is a message), uvicorn on it."""
from __future__ import annotations

import errno
import ipaddress
import socket

import uvicorn

from ..errors import UserError

LOCAL = ("127.0.0.1", "localhost", "::1")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:  # IPv4 too, as on Linux (not Windows' default): the 127.0.0.1 link works on ::
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
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


def addresses(sock: socket.socket) -> tuple[str, str | None]:
    """The page's address on this machine; and, when it listens on every address of the machine (0.0.0.0, ::),
    the one the other machines of the network use (None otherwise: the address given serves them all)."""
    host, port = sock.getsockname()[:2]
    if not ipaddress.ip_address(host).is_unspecified:
        return _url(host, port), None
    return _url("127.0.0.1", port), _url(network_host(), port)


def network_host() -> str:
    """This machine's address on its network, found without sending anything: the one a UDP socket "connected"
    towards an outside address would send from; the machine's name when it has none (no network)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_OUTSIDE)
            host = probe.getsockname()[0]
    except OSError:
        return socket.gethostname()
    found = ipaddress.ip_address(host)
    return socket.gethostname() if found.is_loopback or found.is_unspecified else host


_OUTSIDE = ("192.0.2.1", 9)  # a documentation address (RFC 5737): routed as any outside one, never contacted


def _url(host: str, port: int) -> str:
    return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
