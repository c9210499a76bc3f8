"""Where the register lives: a SQLAlchemy URL from what the user gave (``--so-theo-doi`` or
``TDKT_SO_THEO_DOI``, read by the CLI), else one SQLite file in the user's data folder,
shared by every workbook and year. Kept free of the database layer."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import platformdirs

DEFAULT_NAME = "so-theo-doi-khen-thuong.sqlite"


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("tdkt", appauthor=False)) / DEFAULT_NAME


def register_url(given: str | None) -> str:
    """``given``, else the default file; a bare path means a SQLite file, postgresql:// uses psycopg."""
    value = (given or "").strip()
    if not value:
        return f"sqlite:///{default_path()}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    if value.startswith(("postgres://", "postgresql://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL ("sqlite:///relative", "sqlite:////absolute", any driver, options after "?",
    %-escapes decoded); None for another database or one in memory."""
    scheme, found, rest = url.partition(":///")
    if not found or scheme.split("+", 1)[0] != "sqlite":
        return None
    database = unquote(rest.partition("?")[0])
    return None if database in ("", ":memory:") else Path(database)


def absent(url: str) -> bool:
    """A register in a SQLite file that does not exist yet: there is nothing to consult, and the database layer
    need not be loaded to know it."""
    return (path := sqlite_path(url)) is not None and not path.exists()
