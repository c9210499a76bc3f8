"""Fixtures: settings and rules as shipped, workbooks written from content, samples built once."""
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
from tdkt_docs.rules.book import Rules
from tdkt_docs.settings import Settings

from helpers import SAMPLE_2024
from support.workbooks import MINIMAL, decisions



@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def rules(settings) -> Rules:
    return Rules(settings)


@pytest.fixture
def content() -> dict:
    """A small valid workbook content, safe to modify."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def decisions_content() -> dict:
    return decisions()


@pytest.fixture
def make_workbook(tmp_path, rules):
    def make(content: dict, name: str = "so-lieu.xlsx") -> Path:
        path = tmp_path / name
        write_filled_workbook(path, content, rules)
        return path
    return make


@pytest.fixture(scope="session")
def sample_2024_built(tmp_path_factory) -> Path:
    """The 2024 sample built once per run (.docx only), with the Bắc Ninh office's mau/ folder beside it
    as `tdkt build` uses it; tests read it, copy it before changing it."""
    from tdkt_docs.build import build

    out = tmp_path_factory.mktemp("mau-2024") / "out"
    build(SAMPLE_2024, out, Settings.for_workbook(SAMPLE_2024))
    return out


@pytest.fixture
def sample_2024_copy(sample_2024_built, tmp_path) -> Path:
    """A private copy of the built 2024 sample, free to change."""
    target = tmp_path / "out"
    shutil.copytree(sample_2024_built, target)
    return target


@pytest.fixture(scope="session")
def signed_2024(tmp_path_factory, settings) -> list:
    """The register's input for the 2024 sample's Quý I decision 1 (signed as 125 on 25/3/2024) and its
    Quý III decision (1205 of 24/9/2024), through the one adapter from the composition."""
    from tdkt_docs.build import prepare
    from tdkt_docs.register.from_workbook import signed_from_workbook

    from support.register import Q1, Q3, signed_book

    book = signed_book(tmp_path_factory.mktemp("signed"), [Q1, Q3])
    signed, problems = signed_from_workbook(prepare(book, settings))
    assert problems == []
    return signed


@pytest.fixture(autouse=True, scope="session")
def _own_register(tmp_path_factory):
    """Commands run in tests never read or write the user's award register: by default they see an
    empty one of their own (``TDKT_SO_THEO_DOI``, read by the CLI)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TDKT_SO_THEO_DOI", str(tmp_path_factory.mktemp("register") / "so-theo-doi.sqlite"))
        yield


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_register(request, tmp_path) -> str:
    """The URL of an empty register: a SQLite file, then a PostgreSQL database."""
    from support.register import sqlite_url

    if request.param == "sqlite":
        return sqlite_url(tmp_path / "so.sqlite")
    return request.getfixturevalue("postgres_server")()


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
