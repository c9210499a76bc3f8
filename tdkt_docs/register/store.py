"""Opening the register (migrations, with a backup first) and its transactions, on SQLite or
PostgreSQL; ``location.register_url`` makes the URL."""
from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, IntegrityError, OperationalError

from ..errors import UserError
from .location import sqlite_path

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
RETRIES = 8
T = TypeVar("T")


@dataclass
class Register:
    """An open register: its engine and a readable name for messages."""

    engine: Engine
    name: str

    @property
    def sqlite_file(self) -> Path | None:
        return sqlite_path(self.engine.url.render_as_string(hide_password=False))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one transaction: all of it is kept, or none. Writers take turns (the
        SQLite write lock, a PostgreSQL advisory lock); should another writer still get to the same
        rows first, the work starts again from a fresh view (nothing is lost)."""
        for attempt in range(RETRIES):
            try:
                with self.engine.begin() as conn:
                    one_writer(conn)
                    return work(conn)
            except (IntegrityError, OperationalError) as exc:
                if attempt == RETRIES - 1 or not _retryable(exc):
                    raise UserError(f"Không ghi được vào sổ theo dõi {self.name}: {_reason(exc)}. "
                                    "Sổ giữ nguyên như trước.") from None
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")


def _retryable(exc: DBAPIError) -> bool:
    """Another writer got there first (same new row, serialization, lock): worth a fresh try."""
    code = getattr(exc.orig, "sqlstate", None)
    return code in ("23505", "40001", "40P01") or any(
        text in str(exc.orig) for text in ("UNIQUE constraint failed", "database is locked"))


def _reason(exc: DBAPIError) -> str:
    return "cơ sở dữ liệu đang bận" if isinstance(exc, OperationalError) else "dữ liệu trùng khóa"


def open_register(url: str, *, create: bool = True) -> Register | None:
    """Open (and bring up to date) the register at the SQLAlchemy ``url`` (see ``location.register_url``).

    With ``create=False`` a SQLite file that does not exist yet gives None: checking a
    workbook never creates a register."""
    try:
        path = sqlite_path(url)
        if path is not None and not path.exists():
            if not create:
                return None
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = _engine(url)
    except (ArgumentError, ImportError, ValueError):
        raise UserError(f'Địa chỉ sổ theo dõi "{url}" không đúng dạng: dùng đường dẫn tệp .sqlite '
                        "hoặc postgresql://người_dùng:mật_khẩu@máy_chủ/tên_cơ_sở_dữ_liệu.") from None
    register = Register(engine, str(path) if path else make_url(url).render_as_string(hide_password=True))
    try:
        migrate(register)
    except DatabaseError:  # no server, refused, or a file that is no database
        register.close()
        why = ("tệp không phải sổ theo dõi khen thưởng, hoặc đã bị hỏng" if path else
               "không kết nối được máy chủ cơ sở dữ liệu (địa chỉ, cổng, tên cơ sở dữ liệu, người dùng, mật khẩu), "
               "hoặc cơ sở dữ liệu đó không phải sổ theo dõi khen thưởng")
        raise UserError(f"Không mở được sổ theo dõi {register.name}: {why}.") from None
    except BaseException:
        register.close()
        raise
    return register


def _engine(url: str) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None  # transactions begin below, as writers, to avoid lock upgrades
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(conn: Connection):
    from alembic.config import Config  # alembic is only needed when the schema is checked

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


WRITER_LOCK = 7263514  # PostgreSQL advisory lock held by the one transaction writing (or migrating)


def one_writer(conn: Connection) -> None:
    """Wait for the other writers' transactions to end (SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")


def migrate(register: Register) -> None:
    """Bring the schema to the newest revision; a SQLite file is copied aside first."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with register.engine.begin() as conn:
        one_writer(conn)
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head_revision():
            return
        backup(register, current)
        command.upgrade(alembic_config(conn), "head")


def backup(register: Register, revision: str | None) -> Path | None:
    """Copy the SQLite file beside itself before its schema changes (not a new, empty file)."""
    path = register.sqlite_file
    if path is None or not path.exists() or path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.truoc-nang-cap-{revision or 'goc'}-{stamp}{path.suffix}")
    shutil.copy2(path, target)
    return target
