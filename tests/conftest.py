"""Shared test helpers: small workbooks, running the CLI, reading generated .docx."""
from __future__ import annotations

import copy
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from tdkt_docs.read.blank import write_filled_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2024 = ROOT / "data" / "mau" / "tdkt-2024.xlsx"

MINIMAL = {
    "agency": {"name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
               "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh"},
    "plan": {"year": 2024, "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
             "signer": "Nguyễn Hương Giang", "archive": "VT, NC"},
    "legal_basis": [{"text": "Căn cứ Luật Thi đua, khen thưởng năm 2022"}],
    "recipients": [{"document": "Kế hoạch", "name": "Các Sở, ban, ngành tỉnh"}],
    "tasks": [{"quarter": "Quý I", "content": "Xây dựng Kế hoạch", "directing": "UBND tỉnh",
               "executing": ("Sở Nội vụ", "Sở Tài chính")}],
}


@pytest.fixture
def content() -> dict:
    """A small valid workbook content, safe to modify."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def make_workbook(tmp_path):
    def make(content: dict, name: str = "so-lieu.xlsx") -> Path:
        path = tmp_path / name
        write_filled_workbook(path, content)
        return path
    return make


@pytest.fixture(autouse=True, scope="session")
def _own_register(tmp_path_factory):
    """Tests never read or write the user's own award register: by default they see an empty one."""
    os.environ["TDKT_SO_THEO_DOI"] = str(tmp_path_factory.mktemp("register") / "so-theo-doi.sqlite")


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the register's tests: started here, removed at the end.

    Yields a function that creates a fresh database and returns its SQLAlchemy URL."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
    bindir = Path(found[-1]).parent if found[-1] else None
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.fail("PostgreSQL server programs (initdb, pg_ctl) not found: run tools/setup-system.sh "
                    "(apt-get install postgresql) before the tests.")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    base = Path(tempfile.mkdtemp(prefix="tdkt-pg-"))
    if as_user:
        shutil.chown(base, "postgres")
    data = base / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run(as_user + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "tdkt", "--no-sync",
                              "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
    options = f"-p {port} -k {base} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l",
                              str(base / "log"), "start"], check=True, capture_output=True)
    counter = itertools.count()

    def new_database() -> str:
        import psycopg  # the driver is needed only by these tests

        name = f"so_{next(counter)}"
        with psycopg.connect(host=str(base), port=port, user="tdkt", dbname="postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://tdkt@/{name}?host={base}&port={port}"

    try:
        yield new_database
    finally:
        subprocess.run(as_user + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
