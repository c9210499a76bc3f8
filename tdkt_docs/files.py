"""Atomic file output: a reader never sees a half-written file; every failure is a clear message."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from .errors import UserError
from .text import plain

T = TypeVar("T")


class FolderError(UserError):
    """The output folder cannot take files: read-only, a file in its place, a full disk, a name too long."""


class FileInUse(UserError):
    """One file cannot be replaced: another program (Word) holds it open."""

    @classmethod
    def of(cls, target: Path) -> FileInUse:
        return cls(f'Không ghi được "{target}": tệp đang mở trong Word hoặc chương trình khác. '
                   "Hãy đóng tệp rồi chạy lại.")


def folder_error(exc: OSError, path: Path) -> FolderError:
    """The Vietnamese reason an operation on ``path`` failed."""
    reasons = {
        errno.EACCES: "không có quyền ghi vào thư mục này (thư mục chỉ đọc hoặc thuộc người dùng khác)",
        errno.EPERM: "không có quyền ghi vào thư mục này (thư mục chỉ đọc hoặc thuộc người dùng khác)",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EDQUOT: "đã hết dung lượng được phép trên ổ đĩa",
        errno.ENAMETOOLONG: "tên hoặc đường dẫn quá dài",
        errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
        errno.EEXIST: "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
    }
    reason = reasons.get(exc.errno, exc.strerror or "lỗi hệ thống")
    return FolderError(f'Không ghi được "{path}": {reason}. Chưa tệp nào bị ghi dở; các tệp đã có vẫn giữ nguyên. '
                       "Hãy chọn thư mục khác (tùy chọn -o) hoặc sửa lỗi trên rồi chạy lại.")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any exception (Ctrl-C included) the temporary file is removed and ``target``
    is left as it was. A folder that cannot take the file raises ``FolderError``; a
    target held open by another program, ``FileInUse``.
    """
    target = Path(target)
    tmp_path: Path | None = None
    try:
        tmp_path = temporary_file(target.parent, target.suffix)
        try:
            yield tmp_path
        except OSError as exc:
            raise folder_error(exc, target) from None
        place(tmp_path, target)
    except BaseException:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)
        raise


def temporary_file(folder: Path, suffix: str = "") -> Path:
    """A new empty file in ``folder`` (made if need be), named as a temporary (``remove_leftovers`` knows it),
    with the permissions a finished file gets."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    except OSError as exc:
        raise folder_error(exc, folder) from None
    os.close(fd)
    os.chmod(tmp, 0o666 & ~_umask())
    return Path(tmp)


def place(finished: Path, target: Path) -> None:
    """Rename the whole file ``finished`` over ``target`` (same disk), in one step."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(finished, target)
    except PermissionError:
        raise FileInUse.of(target) from None
    except OSError as exc:
        raise folder_error(exc, target) from None


TEMP_PREFIX = ".~tdkt-"


def remove_leftovers(folder: Path) -> None:
    """Delete temporaries a killed earlier run left in ``folder`` (never a finished file)."""
    if not folder.is_dir():
        return
    for leftover in sorted(folder.rglob(TEMP_PREFIX + "*"), reverse=True):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """An archive of ``entries`` with fixed timestamps: equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def deterministic_zip(data: bytes) -> bytes:
    """The same Office archive with fixed timestamps (zip entries and the document's
    "modified" property), so equal content gives equal bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    return write_zip((name, _MODIFIED.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", content)
                      if name == "docProps/core.xml" else content) for name, content in entries)


def clashes(named: Iterable[tuple[str, T]]) -> Iterator[tuple[T, T]]:
    """(first, later) for each item whose output name another item already has, the way Windows and
    macOS compare names (case and accents ignored)."""
    seen: dict[str, T] = {}
    for name, item in named:
        key = plain(name)
        if key in seen:
            yield seen[key], item
        else:
            seen[key] = item


NAME_LIMIT = 100
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def slug(text: str) -> str:
    """A file or folder name safe on every system: "Quý I/2024" -> "quy-i-2024".

    ASCII letters, digits and hyphens only (so no trailing dot or space); a Windows device
    name (CON, NUL, COM1…) gets a suffix; a long name is cut to ``NAME_LIMIT`` characters
    with a suffix taken from the whole text, so it stays the same from build to build.
    """
    name = re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-") or "van-ban"
    if _RESERVED.match(name):
        name += "-1"
    if len(name) > NAME_LIMIT:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        name = name[:NAME_LIMIT - 9].rstrip("-") + "-" + digest
    return name
