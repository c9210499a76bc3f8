"""The web page under test: an app in a private folder, a client that posts its forms as a browser would."""
from __future__ import annotations

import contextlib
import re
import threading
import time
from pathlib import Path

from starlette.testclient import TestClient

from tdkt_docs.settings import Settings
from tdkt_docs.web import create_app

ORIGIN = "http://127.0.0.1:8765"


class Page:
    """A TestClient on a fresh app, addressed as the browser would address ``tdkt web``."""

    def __init__(self, workdir: Path, settings: Settings | None = None, **options):
        self.app = create_app(settings or Settings(), workdir, **options)
        self.client = TestClient(self.app, base_url=ORIGIN, raise_server_exceptions=False, follow_redirects=True)

    @property
    def csrf(self) -> str:
        return self.app.state.policy.csrf

    def get(self, url: str, **kwargs):
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict | None = None, files: dict | None = None, **kwargs):
        headers = {"origin": ORIGIN, **kwargs.pop("headers", {})}
        return self.client.post(url, data={"csrf": self.csrf, **(data or {})}, files=files, headers=headers, **kwargs)

    def open(self, path: Path, name: str | None = None):
        return self.post("/mo", files={"so": (name or path.name, path.read_bytes())})

    def build(self, case: str, **options):
        self.post(f"/so/{case}/tao", data={k: "1" for k, v in options.items() if v})
        deadline = time.monotonic() + 120
        while not self.get(f"/so/{case}/tao/tien-do").json()["finished"]:
            assert time.monotonic() < deadline, "build did not finish"
            time.sleep(0.05)
        return self.get(f"/so/{case}/tao")


def case_of(response) -> str:
    """The id of the workbook a page is about (from its address /so/<id>/…)."""
    return re.search(r"/so/([0-9a-f]+)/", str(response.url)).group(1)


def text(html: str) -> str:
    """The visible text of a page, tags dropped, whitespace collapsed, entities of quotes decoded."""
    plain = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
    return " ".join(plain.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&").split())


def rows(html: str, table: str = "van-de") -> list[list[str]]:
    """The body rows of the table with id ``table``, as cell texts."""
    body = re.search(rf'<table[^>]*id="{table}".*?<tbody>(.*?)</tbody>', html, flags=re.S).group(1)
    return [[text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)]


@contextlib.contextmanager
def serving(app, host: str = "127.0.0.1"):
    """``app`` served by uvicorn on a free port of ``host`` in a background thread; yields its address."""
    from tdkt_docs.web.serve import addresses, listen, server

    sock = listen(host, 0)
    running = server(app)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the web server did not start"
        time.sleep(0.02)
    try:
        yield addresses(sock)[0]
    finally:
        running.should_exit = True
        thread.join(timeout=10)
        sock.close()
