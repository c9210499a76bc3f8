"""Where templates and data come from: the user's folders first, then the built-in ones.

A ``Settings`` is made once by the caller (the CLI, a test) and handed to every stage.
A file the user puts in ``mau/`` beside the workbook (or a folder given with ``--mau``)
replaces the built-in file of the same name, as jinja's ``ChoiceLoader`` does.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

PACKAGE = Path(__file__).resolve().parent
BUILTIN_TEMPLATES = PACKAGE / "templates"
BUILTIN_DATA = PACKAGE / "data"
USER_FOLDER = "mau"


@dataclass(frozen=True)
class Settings:
    """The search path for templates and data files, and the award register to consult.

    ``register_url`` (a SQLAlchemy URL) is set by the CLI from ``--so-theo-doi`` or
    ``TDKT_SO_THEO_DOI``; None means no register: nominations are reviewed against the
    workbook only.
    """

    user_dirs: tuple[Path, ...] = ()
    register_url: str | None = None

    @classmethod
    def for_workbook(cls, workbook: Path | None, mau: Path | None = None) -> Settings:
        """``--mau DIR`` when given, else the ``mau/`` folder beside the workbook when it exists."""
        if mau is not None:
            folder = Path(mau)
            if not folder.is_dir():
                raise UserError(f'Không tìm thấy thư mục mẫu "{folder}" (tùy chọn --mau).')
            return cls((folder,))
        beside = Path(workbook).parent / USER_FOLDER if workbook is not None else None
        return cls((beside,) if beside is not None and beside.is_dir() else ())

    def template(self, name: str) -> Path:
        return self._find(name, BUILTIN_TEMPLATES, "mẫu văn bản")

    def data(self, name: str) -> Path:
        return self._find(name, BUILTIN_DATA, "tệp dữ liệu quy định")

    def find_template(self, name: str) -> Path | None:
        """Like ``template``, for a file that may be missing everywhere; ``name`` may hold a sub-folder."""
        return self._first(name, BUILTIN_TEMPLATES)

    def template_names(self, pattern: str) -> list[str]:
        """The names matching ``pattern`` (e.g. "phoi/*.toml") in any template folder, sorted."""
        return sorted({path.relative_to(folder).as_posix() for folder in self.template_dirs
                       for path in folder.glob(pattern) if path.is_file()})

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return (*self.user_dirs, BUILTIN_TEMPLATES)

    def is_user_file(self, path: Path) -> bool:
        return any(Path(path).is_relative_to(folder) for folder in self.user_dirs)

    def _first(self, name: str, builtin: Path) -> Path | None:
        return next((path for folder in (*self.user_dirs, builtin) if (path := folder / name).is_file()), None)

    def _find(self, name: str, builtin: Path, what: str) -> Path:
        found = self._first(name, builtin)
        if found is None:
            raise UserError(f'Không tìm thấy {what} "{name}" (đã tìm trong: '
                            f'{", ".join(str(f) for f in (*self.user_dirs, builtin))}).')
        return found
