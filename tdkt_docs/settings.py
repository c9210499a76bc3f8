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
    """The search path for templates and data files."""

    user_dirs: tuple[Path, ...] = ()

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

    def is_user_file(self, path: Path) -> bool:
        return any(Path(path).parent == folder for folder in self.user_dirs)

    def _find(self, name: str, builtin: Path, what: str) -> Path:
        for folder in (*self.user_dirs, builtin):
            candidate = folder / name
            if candidate.is_file():
                return candidate
        raise UserError(f'Không tìm thấy {what} "{name}" (đã tìm trong: '
                        f'{", ".join(str(f) for f in (*self.user_dirs, builtin))}).')
